package org.symtensor.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I32;

class PrinterTest {

    // ------------------------------------------------------------ pp

    @Test
    void pp_sumOfTwoScalars_isInfix() {
        Scalar<F32> x = fscalar("x");
        Scalar<F32> y = fscalar("y");
        assertThat(pp(x.plus(y))).isEqualTo("(x + y)");
    }

    @Test
    void pp_logistic_printsLiteralsAsFloatsAndHidesImplicitBroadcasting() {
        Matrix<F64> x = dmatrix("x");
        Matrix<F64> s = div(1, exp(x.unaryMinus()).plus(1));
        assertThat(pp(s)).isEqualTo("(1.0 / (exp((-x)) + 1.0))");
    }

    @Test
    void pp_nestedInfixOps_areFullyParenthesized() {
        Scalar<F64> a = dscalar("a");
        Scalar<F64> b = dscalar("b");
        Scalar<F64> c = dscalar("c");
        assertThat(pp(a.times(b).minus(c.div(a)))).isEqualTo("((a * b) - (c / a))");
        assertThat(pp(a.pow(b))).isEqualTo("(a ** b)");
        assertThat(pp(a.lt(b))).isEqualTo("(a < b)");
    }

    @Test
    void pp_integerLiteral_printsWithoutDecimalPoint() {
        assertThat(pp(iscalar("i").plus(2))).isEqualTo("(i + 2)");
    }

    @Test
    void pp_functionCallOps_useTheirTheanoNames() {
        Vector<F64> v = dvector("v");
        assertThat(pp(tanh(v))).isEqualTo("tanh(v)");
        assertThat(pp(maximum(v, dvector("w")))).isEqualTo("maximum(v, w)");
        assertThat(pp(onesLike(v))).isEqualTo("fill(v, 1.0)");
    }

    @Test
    void pp_sumWithAxis_namesTheAxis() {
        Matrix<F64> x = dmatrix("x");
        assertThat(pp(x.sum(0))).isEqualTo("sum(x, axis=0)");
        assertThat(pp(x.max(-1))).isEqualTo("max(x, axis=1)");
        assertThat(pp(sum(x))).isEqualTo("sum(x)");
    }

    @Test
    void pp_integerSum_isTheInt64Sum_withNoCastBack() {
        assertThat(pp(sum(imatrix("m"), 0))).isEqualTo("sum(m, axis=0)");
    }

    @Test
    void pp_dot_usesTheanosDotOperator() {
        Matrix<F64> a = dmatrix("a");
        Vector<F64> v = dvector("v");
        assertThat(pp(dot(a, v))).isEqualTo("(a \\dot v)");
    }

    @Test
    void pp_transpose_isDotT() {
        Matrix<F64> a = dmatrix("a");
        assertThat(pp(a.T())).isEqualTo("a.T");
        assertThat(pp(dot(a.T(), a))).isEqualTo("(a.T \\dot a)");
    }

    @Test
    void pp_cast_namesTheTargetDtype() {
        Matrix<F32> x = fmatrix("x");
        Matrix<I32> c = cast(x, I32.class);
        assertThat(pp(c)).isEqualTo("cast(x, int32)");
    }

    @Test
    void pp_explicitDimshuffleThatIsNotAPadding_isPrintedAsTheOp() {
        assertThat(pp(dvector("v").dimshuffle(0, "x"))).isEqualTo("DimShuffle{0,x}(v)");
    }

    @Test
    void pp_shape_isIndexIntoShape() {
        assertThat(pp(dmatrix("m").shape(1))).isEqualTo("m.shape[1]");
    }

    @Test
    void pp_unnamedInput_printsItsType() {
        assertThat(pp(fscalar())).isEqualTo("<TensorType(float32, ())>");
    }

    @Test
    void pp_vectorConstant_printsItsValues() {
        assertThat(pp(constant(new double[] {1, 2.5}).plus(dvector("v")))).isEqualTo("([1.0, 2.5] + v)");
    }

    // ------------------------------------------------------------ debugprint

    @Test
    void debugprint_showsOpNamesIdsDtypesAndShapes() {
        Scalar<F64> x = dscalar("x");
        String out = debugprint(x.plus(1));
        assertThat(out).isEqualTo(
                "Elemwise{add} [id A] <float64, ()>\n"
                + " |x [id B] <float64, ()>\n"
                + " |Constant{1.0} [id C] <float64, ()>\n");
    }

    @Test
    void debugprint_sharedSubexpression_isExpandedOnlyOnce() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> e = exp(x);
        String out = debugprint(e.plus(e));
        assertThat(out).isEqualTo(
                "Elemwise{add} [id A] <float64, ()>\n"
                + " |Elemwise{exp} [id B] <float64, ()>\n"
                + " | |x [id C] <float64, ()>\n"
                + " |Elemwise{exp} [id B] <float64, ()>\n");
    }

    @Test
    void debugprint_showsImplicitDimShuffleAndStaticShapes() {
        Matrix<F32> r = frow("r");
        Vector<F32> v = fvector("v");
        String out = debugprint(r.plus(v).named("z"));
        assertThat(out).isEqualTo(
                "Elemwise{add} [id A] <float32, (1, ?)> 'z'\n"
                + " |r [id B] <float32, (1, ?)>\n"
                + " |DimShuffle{x,0} [id C] <float32, (1, ?)>\n"
                + " | |v [id D] <float32, (?,)>\n");
    }

    @Test
    void debugprint_ofSeveralOutputs_sharesIdsAcrossThem() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> e = exp(x);
        String out = debugprint(e, e.times(2));
        assertThat(out).isEqualTo(
                "Elemwise{exp} [id A] <float64, ()>\n"
                + " |x [id B] <float64, ()>\n"
                + "Elemwise{mul} [id C] <float64, ()>\n"
                + " |Elemwise{exp} [id A] <float64, ()>\n"
                + " |Constant{2.0} [id D] <float64, ()>\n");
    }

    @Test
    void debugprint_reductionAndUnnamedInput() {
        String out = Printer.debugprint(List.of(dmatrix().sum(1).variable()));
        assertThat(out).isEqualTo(
                "Sum{axis=[1]} [id A] <float64, (?,)>\n"
                + " |<input> [id B] <float64, (?, ?)>\n");
    }

    @Test
    void debugprint_withAnExecutionOrder_endsEachApplyLineWithItsPosition_andMarksUpdates() {
        Scalar<F64> x = dscalar("x");
        org.symtensor.tensor.SharedScalar<F64> acc = shared(0.0, "acc");
        Scalar<F64> e = exp(x);
        Scalar<F64> y = e.times(2);
        Scalar<F64> next = acc.plus(e);
        // the order given, not a toposort recomputed here: y's node is said to run last
        List<org.symtensor.ir.Apply> order = List.of(e.variable().owner(), next.variable().owner(), y.variable().owner());

        String out = Printer.debugprint(List.of(y.variable(), next.variable()), order, List.of(acc.node()));

        assertThat(out).isEqualTo(
                "Elemwise{mul} [id A] <float64, ()>   2\n"
                + " |Elemwise{exp} [id B] <float64, ()>   0\n"
                + " | |x [id C] <float64, ()>\n"
                + " |Constant{2.0} [id D] <float64, ()>\n"
                + "Elemwise{add} [id E] <float64, ()>   1 (update of acc)\n"
                + " |acc [id F] <float64, ()>\n"
                + " |Elemwise{exp} [id B] <float64, ()>   0\n");
    }

    @Test
    void ids_followTheanosScheme() {
        assertThat(Printer.idOf(0)).isEqualTo("A");
        assertThat(Printer.idOf(25)).isEqualTo("Z");
        assertThat(Printer.idOf(26)).isEqualTo("BA");
        assertThat(Printer.idOf(27)).isEqualTo("BB");
    }
}
