package org.symtensor.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.ShapeOf;
import org.symtensor.type.Bool;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.type.I64;
import org.symtensor.type.I8;
import org.symtensor.type.TensorType;

class TypedDslTest {
    private static final int U = TensorType.UNKNOWN;

    // ------------------------------------------------------------ factories

    @Test
    void fscalar_isFloat32OfRankZeroWithItsName() {
        Scalar<F32> x = fscalar("x");
        assertThat(x.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(x.rank()).isZero();
        assertThat(x.name()).isEqualTo("x");
        assertThat(x.variable().owner()).isNull();
    }

    @Test
    void typedFactories_haveTheirPrefixDtypeAndKindRank() {
        assertThat(dvector("v").type()).isEqualTo(TensorType.of(DType.FLOAT64, U));
        assertThat(imatrix("m").type()).isEqualTo(TensorType.of(DType.INT32, U, U));
        assertThat(bscalar("b").dtype()).isEqualTo(DType.INT8);
        assertThat(wvector("w").dtype()).isEqualTo(DType.INT16);
        assertThat(lscalar("l").dtype()).isEqualTo(DType.INT64);
        assertThat(ftensor3("t").type()).isEqualTo(TensorType.of(DType.FLOAT32, U, U, U));
        assertThat(dtensor4("t").rank()).isEqualTo(4);
    }

    @Test
    void row_isBroadcastableAlongRows() {
        assertThat(frow("r").type()).isEqualTo(TensorType.of(DType.FLOAT32, 1, U));
        assertThat(drow("r").type().broadcastable()).containsExactly(true, false);
        assertThat(row("r").type().broadcastable()).containsExactly(true, false);
    }

    @Test
    void col_isBroadcastableAlongColumns() {
        assertThat(fcol("c").type()).isEqualTo(TensorType.of(DType.FLOAT32, U, 1));
        assertThat(col("c").type().broadcastable()).containsExactly(false, true);
    }

    @Test
    void fscalars_makeOneNamedScalarPerName() {
        List<Scalar<F32>> xy = fscalars("x", "y");
        assertThat(xy).hasSize(2);
        assertThat(xy.get(0).name()).isEqualTo("x");
        assertThat(xy.get(1).name()).isEqualTo("y");
        assertThat(xy.get(0).variable()).isNotSameAs(xy.get(1).variable());
        assertThat(xy).allSatisfy(s -> assertThat(s.dtype()).isEqualTo(DType.FLOAT32));
    }

    @Test
    void unnamedFactory_hasNoName_namedNamesIt() {
        Matrix<F64> m = dmatrix();
        assertThat(m.name()).isNull();
        assertThat(m.named("w")).isSameAs(m);
        assertThat(m.name()).isEqualTo("w");
    }

    @Test
    void tensorFactory_takesAStaticShape() {
        Tensor<F32> t = tensor(F32.class, "t", 2, -1, 1);
        assertThat(t.type()).isEqualTo(TensorType.of(DType.FLOAT32, 2, U, 1));
        assertThat(t).isInstanceOf(Tensor3.class);
    }

    @Test
    void handles_wrappingAVariableOfAnotherRank_failNamingIt() {
        Variable v = dvector("v").variable();
        assertThatThrownBy(() -> new Matrix<F64>(v))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("rank-2 handle")
                .hasMessageContaining("'v' of rank 1");
    }

    @Test
    void tensorsWrap_picksTheHandleOfTheRank() {
        assertThat(Tensors.wrap(fscalar("s").variable())).isInstanceOf(Scalar.class);
        assertThat(Tensors.wrap(fvector("v").variable())).isInstanceOf(Vector.class);
        assertThat(Tensors.wrap(fmatrix("m").variable())).isInstanceOf(Matrix.class);
        assertThat(Tensors.wrap(tensor(F32.class, "t5", -1, -1, -1, -1, -1).variable())).isInstanceOf(AnyTensor.class);
    }

    @Test
    void handlesOnTheSameVariable_areEqual() {
        Matrix<F64> m = dmatrix("m");
        assertThat(new Matrix<F64>(m.variable())).isEqualTo(m).hasSameHashCodeAs(m);
        assertThat(dmatrix("m")).isNotEqualTo(m);
    }

    // ------------------------------------------------------------ typed ops keep the dtype

    @Test
    void fscalarPlusIntLiteral_staysFloat32() {
        Scalar<F32> x = fscalar("x");
        Scalar<F32> y = x.plus(1);
        assertThat(y.dtype()).isEqualTo(DType.FLOAT32);
        Constant one = (Constant) y.variable().owner().inputs().get(1);
        assertThat(one.type()).isEqualTo(TensorType.of(DType.FLOAT32));
        assertThat(one.value().getDouble(0)).isEqualTo(1.0);
    }

    @Test
    void fscalarPlusInexactFloatLiteral_staysFloat32() {
        assertThat(fscalar("x").plus(0.1).dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void ivectorTimesIntLiteral_staysInt32AndVector() {
        Vector<I32> v = ivector("v").times(3);
        assertThat(v.type()).isEqualTo(TensorType.of(DType.INT32, U));
    }

    @Test
    void matrixPlusVector_broadcastsAlongRows() {
        Matrix<F64> m = dmatrix("m");
        Vector<F64> v = dvector("v");
        Matrix<F64> r = m.plus(v);
        assertThat(r.type()).isEqualTo(TensorType.of(DType.FLOAT64, U, U));
        assertThat(r.variable().owner().inputs().get(1).owner().op().name()).isEqualTo("DimShuffle{x,0}");
    }

    @Test
    void unaryOps_keepDtypeAndRank() {
        Matrix<F32> m = fmatrix("m");
        assertThat(m.unaryMinus().type()).isEqualTo(m.type());
        assertThat(m.abs().type()).isEqualTo(m.type());
        assertThat(exp(m).type()).isEqualTo(m.type());
        assertThat(sigmoid(m).variable().owner().op()).isEqualTo(Elemwise.of(ScalarOp.SIGMOID));
    }

    // ------------------------------------------------------------ literal and dtype errors

    @Test
    void ivectorPlusFractionalLiteral_failsNamingTheLiteralAndInt32() {
        Vector<I32> v = ivector("v");
        assertThatThrownBy(() -> v.plus(1.5))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("plus")
                .hasMessageContaining("literal 1.5")
                .hasMessageContaining("int32")
                .hasMessageContaining("'v'")
                .hasMessageContaining("cast");
    }

    @Test
    void bscalarPlus300_failsBecauseInt8CannotHoldIt() {
        Scalar<I8> b = bscalar("b");
        assertThatThrownBy(() -> b.plus(300))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("literal 300")
                .hasMessageContaining("int8");
    }

    @Test
    void float32PlusLiteralBeyondFloat32Range_failsInsteadOfBecomingInfinity() {
        Scalar<F32> x = fscalar("x");
        assertThatThrownBy(() -> x.plus(1e300))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("literal 1.0E300")
                .hasMessageContaining("float32");
        assertThatThrownBy(() -> x.times(1e-300))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("float32");
    }

    @Test
    void float64PlusLargeLiteral_staysFloat64() {
        assertThat(dscalar("x").plus(1e300).dtype()).isEqualTo(DType.FLOAT64);
    }

    @Test
    void staticDiv_withLiteralBeyondFloat32Range_fails() {
        Scalar<F32> x = fscalar("x");
        assertThatThrownBy(() -> div(1e300, x))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("float32");
    }

    @Test
    void whereWithAFractionalLiteralForAnIntegerBranch_failsInsteadOfChangingTheDtype() {
        Vector<I32> v = ivector("v");
        assertThatThrownBy(() -> where(v.gt(0), v, 1.5))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("literal 1.5")
                .hasMessageContaining("int32");
        assertThat(where(v.gt(0), v, 7).dtype()).isEqualTo(DType.INT32);
    }

    @Test
    void divOnIntegerHandle_failsMentioningIntDiv() {
        Vector<I32> a = ivector("a");
        Vector<I32> b = ivector("b");
        assertThatThrownBy(() -> a.div(b))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("div of 'a'")
                .hasMessageContaining("int32")
                .hasMessageContaining("intDiv");
        assertThatThrownBy(() -> a.div(2))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("intDiv");
    }

    @Test
    void intDivOnIntegerHandle_staysInteger() {
        assertThat(ivector("a").intDiv(ivector("b")).dtype()).isEqualTo(DType.INT32);
    }

    @Test
    void scalarPlusMatrix_failsSayingToUseTheHigherRankOperand() {
        Scalar<F32> s = fscalar("s");
        Matrix<F32> m = fmatrix("m");
        assertThatThrownBy(() -> s.plus(m))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("rank 2")
                .hasMessageContaining("'m'")
                .hasMessageContaining("higher-rank operand")
                .hasMessageContaining("T.plus(a, b)");
    }

    @Test
    void staticPlus_scalarAndMatrix_isAMatrix() {
        Tensor<F32> r = plus(fscalar("s"), fmatrix("m"));
        assertThat(r).isInstanceOf(Matrix.class);
        assertThat(r.type()).isEqualTo(TensorType.of(DType.FLOAT32, U, U));
    }

    @Test
    void staticLiteralForms_putTheLiteralFirst() {
        Matrix<F64> x = dmatrix("x");
        Matrix<F64> q = div(1, x);
        Constant one = (Constant) q.variable().owner().inputs().get(0).owner().inputs().get(0);
        assertThat(one.type().dtype()).isEqualTo(DType.FLOAT64);
        assertThat(q.type()).isEqualTo(x.type());
        assertThat(minus(1, x).dtype()).isEqualTo(DType.FLOAT64);
    }

    // ------------------------------------------------------------ cast, where, fill

    @Test
    void cast_changesTheDtypeAndKeepsTheRank() {
        Matrix<F32> m = fmatrix("m");
        Matrix<I32> c = cast(m, I32.class);
        assertThat(c.type()).isEqualTo(TensorType.of(DType.INT32, U, U));
        assertThat(((Elemwise) c.variable().owner().op()).castTo()).isEqualTo(DType.INT32);
        assertThat(cast(fscalar("s"), F64.class).dtype()).isEqualTo(DType.FLOAT64);
    }

    @Test
    void cast_toTheSameDtype_addsNoNode() {
        Matrix<F32> m = fmatrix("m");
        assertThat(cast(m, F32.class).variable()).isSameAs(m.variable());
    }

    @Test
    void where_hasTheBranchDtypeAndRank() {
        Matrix<F64> x = dmatrix("x");
        Matrix<F64> y = dmatrix("y");
        Matrix<F64> r = where(x.gt(0), x, y);
        assertThat(r.type()).isEqualTo(TensorType.of(DType.FLOAT64, U, U));
        assertThat(r.variable().owner().op()).isEqualTo(Elemwise.of(ScalarOp.SWITCH));
        assertThat(where(x.gt(0), x, 0).dtype()).isEqualTo(DType.FLOAT64);
    }

    @Test
    void where_withLowerRankFirstBranch_failsSayingToSwap() {
        Vector<F64> v = dvector("v");
        Matrix<F64> m = dmatrix("m");
        assertThatThrownBy(() -> where(m.gt(0), v, m))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("where")
                .hasMessageContaining("'v' has rank 1")
                .hasMessageContaining("highest-rank operand");
    }

    @Test
    void onesLikeAndZerosLike_haveTheDtypeAndStaticShapeOfTheirArgument() {
        Matrix<F32> r = frow("r");
        Matrix<F32> ones = onesLike(r);
        Matrix<F32> zeros = zerosLike(r);
        assertThat(ones.type()).isEqualTo(TensorType.of(DType.FLOAT32, 1, U));
        assertThat(zeros.type()).isEqualTo(TensorType.of(DType.FLOAT32, 1, U));
        assertThat(onesLike(ivector("i")).dtype()).isEqualTo(DType.INT32);
        Variable fillValue = ones.variable().owner().inputs().get(1).owner().inputs().get(0);
        assertThat(((Constant) fillValue).isAll(1)).isTrue();
    }

    // ------------------------------------------------------------ comparisons

    @Test
    void comparisons_returnBoolHandlesOfTheSameRank() {
        Matrix<F32> m = fmatrix("m");
        Matrix<Bool> lt = m.lt(fmatrix("n"));
        Vector<Bool> ge = fvector("v").ge(0);
        Scalar<Bool> eq = iscalar("i").eq(3);
        assertThat(lt.type()).isEqualTo(TensorType.of(DType.BOOL, U, U));
        assertThat(ge.type()).isEqualTo(TensorType.of(DType.BOOL, U));
        assertThat(eq.type()).isEqualTo(TensorType.of(DType.BOOL));
        assertThat(m.neq(1).variable().owner().op()).isEqualTo(Elemwise.of(ScalarOp.NEQ));
    }

    // ------------------------------------------------------------ reductions

    @Test
    void matrixSumOverAxis0_isAVectorOfTheRowLength() {
        Matrix<F32> m = fmatrix("m");
        Vector<F32> s = m.sum(0);
        assertThat(s.type()).isEqualTo(TensorType.of(DType.FLOAT32, U));
        assertThat(((Reduce) s.variable().owner().op()).axes()).containsExactly(0);
    }

    @Test
    void sumOverNegativeAxis_countsFromTheEnd() {
        Tensor<F64> t = dtensor3("t").sum(-1);
        assertThat(t).isInstanceOf(Matrix.class);
        assertThat(((Reduce) t.variable().owner().op()).axes()).containsExactly(2);
    }

    @Test
    void integerSum_isTypedInt64ByTheStaticForm_andTheHandleMethodRefusesToWrap() {
        Scalar<I64> s = sum(imatrix("m"));
        assertThat(s.dtype()).isEqualTo(DType.INT64);
        assertThat(s.variable().owner().op()).isInstanceOf(Reduce.class);
        Vector<I64> rows = sum(imatrix("m"), 1);
        assertThat(rows.dtype()).isEqualTo(DType.INT64);
        Scalar<F64> m = mean(ivector("v"));
        assertThat(m.dtype()).isEqualTo(DType.FLOAT64);
        Scalar<F32> f = sum(fvector("f"));
        assertThat(f.dtype()).isEqualTo(DType.FLOAT32);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imatrix("m").sum())
                .isInstanceOf(org.symtensor.error.DTypeMismatchException.class)
                .hasMessageContaining("accumulates in int64").hasMessageContaining("sum(x)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ivector("v").mean())
                .hasMessageContaining("float64").hasMessageContaining("mean(x)");
        assertThat(lvector("l").sum().dtype()).isEqualTo(DType.INT64);
    }

    @Test
    void sumOverAnAxisOutOfRange_failsNamingTheAxis() {
        Matrix<F32> m = fmatrix("m");
        assertThatThrownBy(() -> m.sum(2))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("axis 2 of 'm', which has rank 2");
    }

    @Test
    void meanOfAnIntegerHandle_failsSayingToCast() {
        Vector<I32> v = ivector("v");
        assertThatThrownBy(v::mean)
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("mean of 'v'")
                .hasMessageContaining("the mean of int32 values is float64")
                .hasMessageContaining("cast");
    }

    @Test
    void meanOfFloatMatrixOverAxis1_isAFloatVector() {
        Vector<F64> m = dmatrix("m").mean(1);
        assertThat(m.type()).isEqualTo(TensorType.of(DType.FLOAT64, U));
    }

    // ------------------------------------------------------------ dot and transpose

    @Test
    void dots_haveRankSpecificHandles() {
        Matrix<F64> a = dmatrix("a");
        Vector<F64> v = dvector("v");
        Scalar<F64> vv = dot(v, v);
        Vector<F64> av = dot(a, v);
        Vector<F64> va = dot(v, a);
        Matrix<F64> aa = dot(a, a);
        assertThat(vv.rank()).isZero();
        assertThat(av.rank()).isEqualTo(1);
        assertThat(va.rank()).isEqualTo(1);
        assertThat(aa.rank()).isEqualTo(2);
    }

    @Test
    void transpose_ofAColumnIsARow() {
        assertThat(fcol("c").T().type()).isEqualTo(TensorType.of(DType.FLOAT32, 1, U));
    }

    // ------------------------------------------------------------ dimshuffle and shape

    @Test
    void dimshuffleXThen0_ofAVector_isABroadcastableRow() {
        Tensor<F32> r = fvector("v").dimshuffle("x", 0);
        assertThat(r).isInstanceOf(Matrix.class);
        assertThat(r.type()).isEqualTo(TensorType.of(DType.FLOAT32, 1, U));
        assertThat(fvector("v").dimshuffle(0, "x").type().shape()).containsExactly(U, 1);
        assertThat(fvector("v").asRow().type().shape()).containsExactly(1, U);
        assertThat(fvector("v").asColumn().type().shape()).containsExactly(U, 1);
    }

    @Test
    void dimshuffle_withABadPatternEntry_failsNamingIt() {
        Vector<F32> v = fvector("v");
        assertThatThrownBy(() -> v.dimshuffle("y", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 0 is y")
                .hasMessageContaining("\"x\"");
    }

    @Test
    void dimshuffle_droppingANonBroadcastableAxis_fails() {
        Matrix<F32> m = fmatrix("m");
        assertThatThrownBy(() -> m.dimshuffle(1))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("drops axis 0");
    }

    @Test
    void shapeOfAnUnknownAxis_isAnInt64ScalarComputedByShapeOf() {
        Matrix<F32> m = fmatrix("m");
        Scalar<I64> n = m.shape(1);
        assertThat(n.type()).isEqualTo(TensorType.of(DType.INT64));
        assertThat(n.variable().owner().op()).isEqualTo(ShapeOf.of(1));
        assertThat(n.variable().owner().inputs()).containsExactly(m.variable());
    }

    @Test
    void shapeOfAStaticallyKnownAxis_isAnInt64Constant() {
        Scalar<I64> n = frow("r").shape(0);
        assertThat(n.variable()).isInstanceOf(Constant.class);
        assertThat(n.type()).isEqualTo(TensorType.of(DType.INT64));
        assertThat(((Constant) n.variable()).value().getLong(0)).isEqualTo(1L);
    }

    @Test
    void shapeOfANegativeAxis_countsFromTheEnd() {
        assertThat(fmatrix("m").shape(-1).variable().owner().op()).isEqualTo(ShapeOf.of(1));
    }

    @Test
    void shapeOfAnAxisOutOfRange_failsNamingTheRank() {
        Vector<F32> v = fvector("v");
        assertThatThrownBy(() -> v.shape(1))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("shape(1) of 'v', which has rank 1");
    }
}
