package org.symtensor.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.grad.GradCheck.e;
import static org.symtensor.grad.GradCheck.mat;
import static org.symtensor.grad.GradCheck.scalar;
import static org.symtensor.grad.GradCheck.vec;
import static org.symtensor.grad.GradCheck.verify;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.symtensor.T;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensors;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/** Every elementwise gradient rule against central finite differences (float64, eps 1e-6, tolerance 1e-6). */
class ElemwiseGradTest {
    /** Points in (0.2, 2.2): inside every unary op's domain and away from kinks. */
    private static final NDArray POSITIVE = mat(new double[] {0.3, 0.7, 1.1}, new double[] {1.6, 2.1, 0.45});
    /** Mixed signs, away from zero. */
    private static final NDArray MIXED = mat(new double[] {-0.7, 0.4, 1.3}, new double[] {-2.2, 0.9, -0.35});

    @ParameterizedTest
    @EnumSource(value = ScalarOp.class, names = {"NEG", "SQR", "SQRT", "EXP", "LOG", "LOG1P", "EXPM1", "TANH",
            "SIGMOID", "SOFTPLUS", "RECIPROCAL", "IDENTITY"})
    void grad_unaryOpOnPositivePoints_matchesFiniteDifferences(ScalarOp op) {
        verify(in -> e(op, in.get(0)), POSITIVE);
    }

    @ParameterizedTest
    @EnumSource(value = ScalarOp.class, names = {"NEG", "ABS", "SQR", "EXP", "EXPM1", "TANH", "SIGMOID", "SOFTPLUS",
            "RECIPROCAL"})
    void grad_unaryOpOnMixedSigns_matchesFiniteDifferences(ScalarOp op) {
        verify(in -> e(op, in.get(0)), MIXED);
    }

    @ParameterizedTest
    @EnumSource(value = ScalarOp.class, names = {"ADD", "SUB", "MUL", "TRUE_DIV", "MAXIMUM", "MINIMUM"})
    void grad_binaryOp_matchesFiniteDifferencesForBothInputs(ScalarOp op) {
        verify(in -> e(op, in.get(0), in.get(1)), MIXED, POSITIVE);
    }

    @Test
    void grad_pow_matchesFiniteDifferencesForBaseAndExponent() {
        verify(in -> e(ScalarOp.POW, in.get(0), in.get(1)), POSITIVE, MIXED);
    }

    @Test
    void grad_powWithConstantExponent_matchesFiniteDifferencesOnNegativeBase() {
        verify(in -> e(ScalarOp.POW, in.get(0), Ops.constant(3, DType.FLOAT64)), MIXED);
    }

    @Test
    void grad_mod_matchesFiniteDifferencesAwayFromMultiples() {
        // x / y stays away from integers: 2.3/1.5, 5.7/2, -1.2/0.7, 4.1/-1.6
        verify(in -> e(ScalarOp.MOD, in.get(0), in.get(1)), vec(2.3, 5.7, -1.2, 4.1), vec(1.5, 2.0, 0.7, -1.6));
    }

    @Test
    void grad_switch_routesTheGradientToTheChosenBranch() {
        Variable cond = Ops.constant(NDArray.of(new boolean[] {true, false, true}));
        verify(in -> e(ScalarOp.SWITCH, cond, e(ScalarOp.SQR, in.get(0)), e(ScalarOp.EXP, in.get(1))),
                vec(0.5, -1.5, 2.0), vec(0.1, 0.2, 0.3));
    }

    @Test
    void grad_second_flowsIntoTheFillValueSummedOverTheShape() {
        verify(in -> e(ScalarOp.SECOND, in.get(0), e(ScalarOp.SQR, in.get(1))), POSITIVE, scalar(1.5));
    }

    @Test
    void grad_castFloat64ToFloat64Node_isIdentity() {
        verify(in -> e(ScalarOp.SQR, Apply.output(Elemwise.cast(DType.FLOAT64), in.get(0))), MIXED);
    }

    @Test
    void grad_vectorPlusMatrix_sumsOverTheBroadcastRows() {
        verify(in -> e(ScalarOp.MUL, e(ScalarOp.ADD, in.get(1), in.get(0)), in.get(1)), vec(0.5, -1.0, 2.0), MIXED);
    }

    @Test
    void grad_rowTimesMatrix_sumsOverTheBroadcastAxis() {
        verify(in -> e(ScalarOp.MUL, Ops.dimshuffle(in.get(0), -1, 0), in.get(1)), vec(0.5, -1.0, 2.0), MIXED);
    }

    @Test
    void grad_columnTimesMatrix_sumsOverTheBroadcastAxis() {
        verify(in -> e(ScalarOp.MUL, Ops.dimshuffle(in.get(0), 0, -1), e(ScalarOp.TANH, in.get(1))), vec(0.5, -1.0),
                MIXED);
    }

    @Test
    void grad_scalarTimesMatrix_sumsOverEveryAxis() {
        verify(in -> e(ScalarOp.TRUE_DIV, in.get(1), in.get(0)), scalar(1.7), MIXED);
    }

    @Test
    void grad_float32Input_isFloat32AndCorrect() {
        Matrix<org.symtensor.type.F32> x = T.fmatrix("x");
        Matrix<org.symtensor.type.F32> g = T.grad(T.sqr(x).sum(), x);

        assertThat(g.variable().type().dtype()).isEqualTo(DType.FLOAT32);
        float[][] v = T.function(T.inputs(x), g).call((Object) new float[][] {{1f, -2f}, {0.5f, 3f}}).toFloatMatrix();
        assertThat(v).isEqualTo(new float[][] {{2f, -4f}, {1f, 6f}});
    }

    // ---- ops whose gradient is exactly zero -------------------------------------------------------

    private static double[][] gradValues(java.util.function.Function<Variable, Variable> f, double[][] at) {
        Matrix<F64> x = T.dmatrix("x");
        Variable cost = Ops.reduce(Reduce.Kind.SUM, f.apply(x.variable()));
        Variable g = Gradients.grad(cost, List.of(x.variable()), GradOptions.defaults()).get(0);
        return T.function(T.inputs(x), Tensors.wrap(g)).call((Object) at).toDoubleMatrix();
    }

    private static final double[][] AT = {{-1.5, 0.25}, {2.5, 3.75}};
    private static final double[][] ZEROS = {{0, 0}, {0, 0}};

    @Test
    void grad_sign_isExactlyZero() {
        assertThat(gradValues(x -> e(ScalarOp.SIGN, x), AT)).isEqualTo(ZEROS);
    }

    @Test
    void grad_intDivOfFloats_isExactlyZero() {
        assertThat(gradValues(x -> e(ScalarOp.INT_DIV, x, Ops.constant(0.75, DType.FLOAT64)), AT)).isEqualTo(ZEROS);
    }

    @ParameterizedTest
    @EnumSource(value = ScalarOp.class, names = {"LT", "LE", "GT", "GE", "EQ", "NEQ"})
    void grad_comparisonCastToFloat_isExactlyZero(ScalarOp op) {
        assertThat(gradValues(x -> Ops.cast(e(op, x, Ops.constant(1, DType.FLOAT64)), DType.FLOAT64), AT))
                .isEqualTo(ZEROS);
    }

    @Test
    void grad_castThroughInt32_isExactlyZero() {
        assertThat(gradValues(x -> Ops.cast(Ops.cast(x, DType.INT32), DType.FLOAT64), AT)).isEqualTo(ZEROS);
    }

    @Test
    void grad_sumOfSquaresPlusSign_isTwiceX() {
        double[][] g = gradValues(x -> e(ScalarOp.ADD, e(ScalarOp.SQR, x), e(ScalarOp.SIGN, x)), AT);
        assertThat(g).isEqualTo(new double[][] {{-3.0, 0.5}, {5.0, 7.5}});
    }

    @Test
    void grad_scalarCubeGradOfGrad_isSixX() {
        Scalar<F64> x = T.dscalar("x");
        Scalar<F64> y = x.pow(3);
        Scalar<F64> d2 = T.grad(T.grad(y, x), x);
        assertThat(T.function(T.inputs(x), d2).call(1.5).toDouble()).isEqualTo(9.0);
        assertThat(T.function(T.inputs(x), d2).call(-2.0).toDouble()).isEqualTo(-12.0);
    }
}
