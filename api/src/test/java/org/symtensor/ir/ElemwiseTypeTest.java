package org.symtensor.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

class ElemwiseTypeTest {
    private static final int U = TensorType.UNKNOWN;

    private static Variable var(String name, DType dtype, int... shape) {
        return new Variable(TensorType.of(dtype, shape), name);
    }

    // ------------------------------------------------------------ output dtypes per scalar op

    @Test
    void trueDiv_int32ByInt32_isFloat64() {
        assertThat(ScalarOp.TRUE_DIV.outputDtype(DType.INT32, DType.INT32)).isEqualTo(DType.FLOAT64);
    }

    @Test
    void trueDiv_int8ByInt8_isFloat32() {
        // Symtensor's rule: upcast, then upgradeToFloat (int8 -> float32).
        assertThat(ScalarOp.TRUE_DIV.outputDtype(DType.INT8, DType.INT8)).isEqualTo(DType.FLOAT32);
    }

    @Test
    void trueDiv_float32ByInt32_isFloat64() {
        assertThat(ScalarOp.TRUE_DIV.outputDtype(DType.FLOAT32, DType.INT32)).isEqualTo(DType.FLOAT64);
        assertThat(ScalarOp.TRUE_DIV.outputDtype(DType.FLOAT32, DType.FLOAT32)).isEqualTo(DType.FLOAT32);
    }

    @Test
    void exp_int16_isFloat32_int32_isFloat64_floatsStay() {
        assertThat(ScalarOp.EXP.outputDtype(DType.INT16)).isEqualTo(DType.FLOAT32);
        assertThat(ScalarOp.EXP.outputDtype(DType.INT32)).isEqualTo(DType.FLOAT64);
        assertThat(ScalarOp.EXP.outputDtype(DType.FLOAT32)).isEqualTo(DType.FLOAT32);
        assertThat(ScalarOp.SQRT.outputDtype(DType.UINT8)).isEqualTo(DType.FLOAT32);
        assertThat(ScalarOp.LOG.outputDtype(DType.INT64)).isEqualTo(DType.FLOAT64);
        assertThat(ScalarOp.TANH.outputDtype(DType.FLOAT64)).isEqualTo(DType.FLOAT64);
    }

    @ParameterizedTest(name = "{0}(float32, float64) is bool")
    @CsvSource({"LT", "LE", "GT", "GE", "EQ", "NEQ", "AND", "OR"})
    void comparisonsAndLogic_areBool(ScalarOp op) {
        assertThat(op.outputDtype(DType.FLOAT32, DType.FLOAT64)).isEqualTo(DType.BOOL);
        assertThat(op.outputDtype(DType.INT8, DType.INT8)).isEqualTo(DType.BOOL);
    }

    @Test
    void comparisons_areFlaggedAsComparisons_logicIsNot() {
        assertThat(ScalarOp.LT.isComparison()).isTrue();
        assertThat(ScalarOp.NEQ.isComparison()).isTrue();
        assertThat(ScalarOp.AND.isComparison()).isFalse();
        assertThat(ScalarOp.ADD.isComparison()).isFalse();
    }

    @Test
    void arithmetic_upcasts() {
        assertThat(ScalarOp.ADD.outputDtype(DType.INT8, DType.UINT8)).isEqualTo(DType.INT16);
        assertThat(ScalarOp.MUL.outputDtype(DType.INT32, DType.FLOAT32)).isEqualTo(DType.FLOAT64);
        assertThat(ScalarOp.INT_DIV.outputDtype(DType.INT32, DType.INT32)).isEqualTo(DType.INT32);
        assertThat(ScalarOp.POW.outputDtype(DType.FLOAT32, DType.INT8)).isEqualTo(DType.FLOAT32);
    }

    @Test
    void unarySignOps_keepDtype() {
        assertThat(ScalarOp.NEG.outputDtype(DType.INT8)).isEqualTo(DType.INT8);
        assertThat(ScalarOp.ABS.outputDtype(DType.INT16)).isEqualTo(DType.INT16);
        assertThat(ScalarOp.SQR.outputDtype(DType.FLOAT32)).isEqualTo(DType.FLOAT32);
    }

    @Test
    void switch_upcastsTheBranches_second_takesTheSecondOperand() {
        assertThat(ScalarOp.SWITCH.outputDtype(DType.BOOL, DType.INT8, DType.FLOAT32)).isEqualTo(DType.FLOAT32);
        assertThat(ScalarOp.SECOND.outputDtype(DType.FLOAT64, DType.INT8)).isEqualTo(DType.INT8);
    }

    @Test
    void cast_outputDtype_isAParameterNotARule() {
        assertThatThrownBy(() -> ScalarOp.CAST.outputDtype(DType.FLOAT32))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parameter");
        assertThatThrownBy(() -> Elemwise.of(ScalarOp.CAST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Elemwise.cast");
    }

    @Test
    void elemwiseCast_hasTheTargetDtypeAndTheInputShape() {
        Variable x = var("x", DType.FLOAT64, 2, U);
        Variable c = Ops.cast(x, DType.INT32);
        assertThat(c.type()).isEqualTo(TensorType.of(DType.INT32, 2, U));
        assertThat(c.owner().op().name()).isEqualTo("Elemwise{cast{int32}}");
    }

    @Test
    void cast_toTheSameDtype_isTheVariableItself() {
        Variable x = var("x", DType.FLOAT64, U);
        assertThat(Ops.cast(x, DType.FLOAT64)).isSameAs(x);
    }

    @Test
    void elemwise_builtOnVariables_appliesTheDtypeRule() {
        Variable a = var("a", DType.INT32, U);
        Variable b = var("b", DType.INT32, U);
        assertThat(Ops.elemwise(ScalarOp.TRUE_DIV, a, b).type().dtype()).isEqualTo(DType.FLOAT64);
        assertThat(Ops.elemwise(ScalarOp.LT, a, b).type().dtype()).isEqualTo(DType.BOOL);
        assertThat(Ops.elemwise(ScalarOp.EXP, var("w", DType.INT16, U)).type().dtype()).isEqualTo(DType.FLOAT32);
    }

    // ------------------------------------------------------------ static broadcasting

    @Test
    void rowPlusMatrix_isMatrixOfUnknownShape() {
        Variable row = new Variable(TensorType.ofBroadcastable(DType.FLOAT64, true, false), "r");
        Variable m = var("m", DType.FLOAT64, U, U);
        assertThat(Ops.elemwise(ScalarOp.ADD, row, m).type().shape()).containsExactly(U, U);
    }

    @Test
    void rowPlusCol_broadcastsBothWays() {
        Variable row = var("r", DType.FLOAT64, 1, 3);
        Variable col = var("c", DType.FLOAT64, 4, 1);
        assertThat(Ops.elemwise(ScalarOp.ADD, row, col).type().shape()).containsExactly(4, 3);
    }

    @Test
    void knownLengthMeetsUnknown_keepsTheKnownLength() {
        Variable a = var("a", DType.FLOAT64, 2, U);
        Variable b = var("b", DType.FLOAT64, U, 5);
        assertThat(Ops.elemwise(ScalarOp.MUL, a, b).type().shape()).containsExactly(2, 5);
    }

    @Test
    void allBroadcastableAxes_stayBroadcastable() {
        Variable a = var("a", DType.FLOAT64, 1, 1);
        Variable b = var("b", DType.FLOAT64, 1, U);
        assertThat(Ops.elemwise(ScalarOp.ADD, a, b).type().shape()).containsExactly(1, U);
    }

    @Test
    void knownLengthsThatDiffer_failNamingBothShapes() {
        Variable a = Ops.constant(NDArray.zeros(DType.FLOAT64, 2, 3));
        Variable b = Ops.constant(NDArray.zeros(DType.FLOAT64, 4, 3));
        assertThatThrownBy(() -> Ops.elemwise(ScalarOp.ADD, a, b))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("Elemwise{add}")
                .hasMessageContaining("axis 0")
                .hasMessageContaining("(2, 3)")
                .hasMessageContaining("(4, 3)");
    }

    @Test
    void namedOperandsWithDifferentLengths_failNamingTheVariables() {
        Variable a = var("a", DType.FLOAT32, 3);
        Variable b = var("b", DType.FLOAT32, 4);
        assertThatThrownBy(() -> Ops.elemwise(ScalarOp.SUB, a, b))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'a'")
                .hasMessageContaining("'b'")
                .hasMessageContaining("(3,)")
                .hasMessageContaining("(4,)");
    }

    @Test
    void elemwiseApply_withUnequalRanks_failsWithoutPadding() {
        Variable v = var("v", DType.FLOAT64, U);
        Variable m = var("m", DType.FLOAT64, U, U);
        assertThatThrownBy(() -> Apply.of(Elemwise.of(ScalarOp.ADD), List.of(v, m)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("equal rank");
    }

    @Test
    void elemwiseApply_withWrongArity_failsNamingTheArity() {
        Variable x = var("x", DType.FLOAT64);
        assertThatThrownBy(() -> Apply.of(Elemwise.of(ScalarOp.ADD), List.of(x)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes 2 inputs, got 1");
    }

    @Test
    void switch_withFloatCondition_failsNamingTheCondition() {
        Variable c = var("c", DType.FLOAT32);
        Variable a = var("a", DType.FLOAT32);
        assertThatThrownBy(() -> Ops.elemwise(ScalarOp.SWITCH, c, a, a))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("'c'")
                .hasMessageContaining("float32");
    }

    // ------------------------------------------------------------ implicit padding of lower ranks

    @Test
    void elemwise_vectorWithMatrix_padsTheVectorOnTheLeftWithDimShuffle() {
        Variable v = var("v", DType.FLOAT64, U);
        Variable m = var("m", DType.FLOAT64, U, U);
        Variable sum = Ops.elemwise(ScalarOp.ADD, v, m);

        Apply add = sum.owner();
        Variable padded = add.inputs().get(0);
        assertThat(add.inputs().get(1)).isSameAs(m);
        assertThat(padded.owner().op()).isEqualTo(DimShuffle.of(DimShuffle.NEW_AXIS, 0));
        assertThat(padded.owner().inputs()).containsExactly(v);
        assertThat(padded.type().shape()).containsExactly(1, U);
        assertThat(sum.type().shape()).containsExactly(U, U);
    }

    @Test
    void elemwise_scalarWithTensor3_padsThreeBroadcastableAxes() {
        Variable s = var("s", DType.FLOAT32);
        Variable t = var("t", DType.FLOAT32, 2, 3, 4);
        Variable r = Ops.elemwise(ScalarOp.MUL, t, s);
        Variable padded = r.owner().inputs().get(1);
        assertThat(((DimShuffle) padded.owner().op()).pattern()).containsExactly(-1, -1, -1);
        assertThat(padded.type().shape()).containsExactly(1, 1, 1);
        assertThat(r.type().shape()).containsExactly(2, 3, 4);
    }

    @Test
    void elemwise_equalRanks_areNotPadded() {
        Variable a = var("a", DType.FLOAT32, U);
        Variable b = var("b", DType.FLOAT32, U);
        assertThat(Ops.elemwise(ScalarOp.ADD, a, b).owner().inputs()).containsExactly(a, b);
    }

    @Test
    void elemwiseOps_compareByValue() {
        assertThat(Elemwise.of(ScalarOp.ADD)).isEqualTo(Elemwise.of(ScalarOp.ADD))
                .hasSameHashCodeAs(Elemwise.of(ScalarOp.ADD));
        assertThat(Elemwise.cast(DType.INT8)).isEqualTo(Elemwise.cast(DType.INT8));
        assertThat(Elemwise.cast(DType.INT8)).isNotEqualTo(Elemwise.cast(DType.INT16));
        assertThat(Elemwise.of(ScalarOp.ADD).name()).isEqualTo("Elemwise{add}");
    }
}
