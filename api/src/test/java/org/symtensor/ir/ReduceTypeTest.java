package org.symtensor.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

class ReduceTypeTest {
    private static final int U = TensorType.UNKNOWN;

    private static Variable var(String name, DType dtype, int... shape) {
        return new Variable(TensorType.of(dtype, shape), name);
    }

    @Test
    void sum_ofInt8_accumulatesInInt64() {
        Variable x = var("x", DType.INT8, U, U);
        assertThat(Ops.reduce(Reduce.Kind.SUM, x).type()).isEqualTo(TensorType.of(DType.INT64));
    }

    @Test
    void sumAndProd_ofIntegersAndBool_areInt64_ofFloats_keepDtype() {
        assertThat(Reduce.outputDtype(Reduce.Kind.SUM, DType.UINT8)).isEqualTo(DType.INT64);
        assertThat(Reduce.outputDtype(Reduce.Kind.SUM, DType.BOOL)).isEqualTo(DType.INT64);
        assertThat(Reduce.outputDtype(Reduce.Kind.PROD, DType.INT16)).isEqualTo(DType.INT64);
        assertThat(Reduce.outputDtype(Reduce.Kind.SUM, DType.FLOAT32)).isEqualTo(DType.FLOAT32);
        assertThat(Reduce.outputDtype(Reduce.Kind.PROD, DType.FLOAT64)).isEqualTo(DType.FLOAT64);
    }

    @Test
    void mean_ofInt32_isFloat64() {
        Variable x = var("x", DType.INT32, U);
        assertThat(Ops.reduce(Reduce.Kind.MEAN, x).type().dtype()).isEqualTo(DType.FLOAT64);
        assertThat(Reduce.outputDtype(Reduce.Kind.MEAN, DType.INT8)).isEqualTo(DType.FLOAT64);
        assertThat(Reduce.outputDtype(Reduce.Kind.MEAN, DType.FLOAT32)).isEqualTo(DType.FLOAT32);
    }

    @Test
    void maxAndMin_keepTheDtype() {
        assertThat(Reduce.outputDtype(Reduce.Kind.MAX, DType.INT8)).isEqualTo(DType.INT8);
        assertThat(Reduce.outputDtype(Reduce.Kind.MIN, DType.UINT8)).isEqualTo(DType.UINT8);
    }

    @Test
    void sum_withAxis_dropsThatAxisAndKeepsTheOthersLengths() {
        Variable x = var("x", DType.FLOAT32, 2, 3, U);
        assertThat(Ops.reduce(Reduce.Kind.SUM, x, 1).type()).isEqualTo(TensorType.of(DType.FLOAT32, 2, U));
        assertThat(Ops.reduce(Reduce.Kind.SUM, x, 0, 2).type()).isEqualTo(TensorType.of(DType.FLOAT32, 3));
    }

    @Test
    void sum_withoutAxes_isAScalarAndReducesEveryAxis() {
        Variable x = var("x", DType.FLOAT32, 2, 3);
        Variable s = Ops.reduce(Reduce.Kind.SUM, x);
        assertThat(s.type().rank()).isZero();
        Reduce r = (Reduce) s.owner().op();
        assertThat(r.axes()).isNull();
        assertThat(r.reducedAxes(2)).containsExactly(true, true);
        assertThat(Ops.reduce(Reduce.Kind.SUM, x, new int[0]).type().rank()).isZero();
    }

    @Test
    void negativeAxes_areNormalizedSortedAndDeduplicated() {
        Variable x = var("x", DType.FLOAT64, 2, 3, 4);
        Reduce r = (Reduce) Ops.reduce(Reduce.Kind.MAX, x, -1, 0, 2).owner().op();
        assertThat(r.axes()).containsExactly(0, 2);
        assertThat(r.reducedAxes(3)).containsExactly(true, false, true);
        assertThat(r.name()).isEqualTo("Max{axis=[0, 2]}");
    }

    @Test
    void axisOutOfRange_failsNamingTheAxisTheVariableAndItsRank() {
        Variable x = var("x", DType.FLOAT64, U, U);
        assertThatThrownBy(() -> Ops.reduce(Reduce.Kind.SUM, x, 2))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("sum over axis 2 of 'x', which has rank 2");
        assertThatThrownBy(() -> Ops.reduce(Reduce.Kind.MEAN, x, -3))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("axis -3")
                .hasMessageContaining("rank 2");
    }

    @Test
    void reduceOp_appliedWithAnAxisOutOfRange_failsInTypeInference() {
        Variable x = var("x", DType.FLOAT64, U);
        assertThatThrownBy(() -> Apply.output(Reduce.of(Reduce.Kind.PROD, new int[] {1}), x))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("prod over axis 1 of 'x', which has rank 1");
    }

    @Test
    void reduceOps_compareByKindAndAxes() {
        assertThat(Reduce.of(Reduce.Kind.SUM, new int[] {1})).isEqualTo(Reduce.of(Reduce.Kind.SUM, new int[] {1}));
        assertThat(Reduce.of(Reduce.Kind.SUM, new int[] {1})).isNotEqualTo(Reduce.of(Reduce.Kind.SUM, new int[] {0}));
        assertThat(Reduce.of(Reduce.Kind.SUM, null)).isNotEqualTo(Reduce.of(Reduce.Kind.MEAN, null));
    }
}
