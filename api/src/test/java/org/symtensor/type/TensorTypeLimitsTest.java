package org.symtensor.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.symtensor.error.ShapeMismatchException;

/** The element-count limit of static shapes: exactly what a Java array holds, with unknown axes ignored. */
class TensorTypeLimitsTest {
    @Test
    void of_staticShapeOfExactlyIntMaxElements_isAccepted() {
        // 2^31 - 1 = 7 · 31 · 151 · 65537
        assertThat(TensorType.of(DType.INT8, 7 * 31, 151 * 65537).rank()).isEqualTo(2);
        assertThat(TensorType.of(DType.INT8, -1, Integer.MAX_VALUE, -1).rank()).isEqualTo(3);
    }

    @Test
    void of_staticShapeOfOneMoreThanIntMax_failsNamingTheShape() {
        assertThatThrownBy(() -> TensorType.of(DType.INT8, 2, 1 << 30))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("static shape (2, 1073741824) has more elements than the 2147483647 a Java array can hold");
        assertThatThrownBy(() -> TensorType.of(DType.INT8, 65536, -1, 65536))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("(65536, ?, 65536)");
    }

    @Test
    void equalTypes_haveEqualHashesAndOtherShapesOrDtypesDiffer() {
        assertThat(TensorType.of(DType.FLOAT32, 2, -1)).hasSameHashCodeAs(TensorType.of(DType.FLOAT32, 2, -1));
        assertThat(TensorType.of(DType.FLOAT32, 2, -1).hashCode()).isNotEqualTo(TensorType.of(DType.FLOAT64, 2, -1).hashCode());
        assertThat(TensorType.of(DType.FLOAT32, 2, -1).hashCode()).isNotEqualTo(TensorType.of(DType.FLOAT32, -1, 2).hashCode());
    }
}
