package org.symtensor.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

class DotTypeTest {
    private static final int U = TensorType.UNKNOWN;

    private static Variable var(String name, DType dtype, int... shape) {
        return new Variable(TensorType.of(dtype, shape), name);
    }

    @Test
    void vectorDotVector_isAScalar() {
        assertThat(Ops.dot(var("a", DType.FLOAT64, 3), var("b", DType.FLOAT64, 3)).type())
                .isEqualTo(TensorType.of(DType.FLOAT64));
    }

    @Test
    void matrixDotVector_hasTheMatrixRows() {
        assertThat(Ops.dot(var("a", DType.FLOAT64, 2, 3), var("b", DType.FLOAT64, 3)).type())
                .isEqualTo(TensorType.of(DType.FLOAT64, 2));
    }

    @Test
    void vectorDotMatrix_hasTheMatrixColumns() {
        assertThat(Ops.dot(var("a", DType.FLOAT64, 3), var("b", DType.FLOAT64, 3, 4)).type())
                .isEqualTo(TensorType.of(DType.FLOAT64, 4));
    }

    @Test
    void matrixDotMatrix_isRowsOfFirstByColumnsOfSecond() {
        assertThat(Ops.dot(var("a", DType.FLOAT32, 2, 3), var("b", DType.FLOAT32, 3, 4)).type())
                .isEqualTo(TensorType.of(DType.FLOAT32, 2, 4));
        assertThat(Ops.dot(var("a", DType.FLOAT32, U, U), var("b", DType.FLOAT32, U, 5)).type())
                .isEqualTo(TensorType.of(DType.FLOAT32, U, 5));
    }

    @Test
    void dot_upcastsTheDtypes() {
        assertThat(Ops.dot(var("a", DType.INT32, U, U), var("b", DType.FLOAT32, U)).type().dtype())
                .isEqualTo(DType.FLOAT64);
    }

    @Test
    void innerDimensionsKnownAndDifferent_failNamingBothShapes() {
        Variable a = var("a", DType.FLOAT64, 2, 3);
        Variable b = var("b", DType.FLOAT64, 4, 5);
        assertThatThrownBy(() -> Ops.dot(a, b))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("inner dimensions")
                .hasMessageContaining("'a' has shape (2, 3)")
                .hasMessageContaining("'b' has shape (4, 5)");
    }

    @Test
    void innerDimensionMismatch_matrixVector_fails() {
        assertThatThrownBy(() -> Ops.dot(var("m", DType.FLOAT64, 2, 3), var("v", DType.FLOAT64, 2)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("(2, 3)")
                .hasMessageContaining("(2,)");
    }

    @Test
    void innerDimensionUnknownOnOneSide_isNotAnError() {
        assertThat(Ops.dot(var("a", DType.FLOAT64, 2, U), var("b", DType.FLOAT64, 4, 5)).type().shape())
                .containsExactly(2, 5);
    }

    @Test
    void tensor3DotMatrix_followsNumpy_leadingAxesThenTheMatrixColumns() {
        // numpy.dot(a, b) for 3-d a and 2-d b: sum over a's last axis and b's first
        assertThat(Ops.dot(var("t", DType.FLOAT64, 2, 3, 4), var("m", DType.FLOAT64, 4, 5)).type())
                .isEqualTo(TensorType.of(DType.FLOAT64, 2, 3, 5));
        assertThat(Ops.dot(var("t", DType.FLOAT64, 2, 3, 4), var("v", DType.FLOAT64, 4)).type())
                .isEqualTo(TensorType.of(DType.FLOAT64, 2, 3));
    }

    @Test
    void dotWithATensor3OnTheRight_failsNamingTheRanks() {
        assertThatThrownBy(() -> Ops.dot(var("v", DType.FLOAT64, U), var("t", DType.FLOAT64, U, U, U)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'v' of rank 1")
                .hasMessageContaining("'t' of rank 3");
    }

    @Test
    void dotOfAScalar_fails() {
        assertThatThrownBy(() -> Ops.dot(var("s", DType.FLOAT64), var("v", DType.FLOAT64, U)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'s' of rank 0");
    }
}
