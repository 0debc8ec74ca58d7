package org.symtensor.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.symtensor.type.DType;

/** Views ({@code row}, {@code rows}), bulk writes ({@code assign}), conversions to Java values and hashing. */
class NDArrayViewsTest {
    private static NDArray m23() {
        return NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    }

    @Test
    void row_isTheViewOfOneEntryOfTheLeadingAxis() {
        assertThat(m23().row(0).toDoubleArray()).containsExactly(1, 2, 3);
        assertThat(m23().row(1).toDoubleArray()).containsExactly(4, 5, 6);
        assertThat(m23().transpose().row(2).toDoubleArray()).containsExactly(3, 6);
    }

    @Test
    void row_outOfRangeOrOfAScalar_failsNamingIndexAndShape() {
        assertThatThrownBy(() -> m23().row(2)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("row 2 of an array of shape (2, 3)");
        assertThatThrownBy(() -> m23().row(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> NDArray.of(1.0).row(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rows_isAViewOfARangeOfTheLeadingAxis() {
        NDArray m = NDArray.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertThat(m.rows(1, 3).toDoubleMatrix()).isEqualTo(new double[][] {{3, 4}, {5, 6}});
        assertThat(m.rows(0, 1).toDoubleMatrix()).isEqualTo(new double[][] {{1, 2}});
        assertThat(m.rows(3, 3).shape()).containsExactly(0, 2);
        assertThat(m.rows(2, 2).shape()).containsExactly(0, 2);
        assertThat(m.transpose().rows(1, 2).toDoubleMatrix()).isEqualTo(new double[][] {{2, 4, 6}});
    }

    @Test
    void rows_outOfRangeOrReversed_fails() {
        NDArray m = NDArray.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertThatThrownBy(() -> m.rows(0, 4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("rows 0:4 of an array of shape (3, 2)");
        assertThatThrownBy(() -> m.rows(2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> m.rows(-1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> NDArray.of(1.0).rows(0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void assign_contiguous_copiesEveryElementIntoTheView() {
        NDArray dst = NDArray.zeros(DType.FLOAT64, 3, 3);
        dst.rows(1, 3).assign(NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        assertThat(dst.toDoubleMatrix()).isEqualTo(new double[][] {{0, 0, 0}, {1, 2, 3}, {4, 5, 6}});
    }

    @Test
    void assign_fromATransposedFloatView_copiesInLogicalOrder() {
        NDArray dst = NDArray.zeros(DType.FLOAT64, 3, 2);
        dst.assign(m23().transpose());
        assertThat(dst.toDoubleMatrix()).isEqualTo(new double[][] {{1, 4}, {2, 5}, {3, 6}});
    }

    @Test
    void assign_fromATransposedIntegerView_copiesInLogicalOrderExactly() {
        NDArray src = NDArray.of(new long[][] {{Long.MAX_VALUE, 2}, {3, Long.MIN_VALUE}});
        NDArray dst = NDArray.zeros(DType.INT64, 2, 2);
        dst.assign(src.transpose());
        assertThat(dst.getLong(0)).isEqualTo(Long.MAX_VALUE);
        assertThat(dst.getLong(1)).isEqualTo(3);
        assertThat(dst.getLong(2)).isEqualTo(2);
        assertThat(dst.getLong(3)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void assign_otherDtypeOrShape_failsNamingBoth() {
        NDArray dst = NDArray.zeros(DType.FLOAT64, 2, 3);
        assertThatThrownBy(() -> dst.assign(NDArray.zeros(DType.FLOAT32, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("assign: cannot write float32 (2, 3) into float64 (2, 3)");
        assertThatThrownBy(() -> dst.assign(NDArray.zeros(DType.FLOAT64, 3, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scalarConversions_readTheOneElement() {
        assertThat(NDArray.of(2.5f).toFloat()).isEqualTo(2.5f);
        assertThat(NDArray.of(7).toInt()).isEqualTo(7);
        assertThat(NDArray.of(false).toBoolean()).isFalse();
        assertThat(NDArray.of(true).toBoolean()).isTrue();
    }

    @Test
    void toFloatMatrix_isTheRowsInOrder() {
        NDArray m = NDArray.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(m.toFloatMatrix()).isEqualTo(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(m.transpose().toFloatMatrix()).isEqualTo(new float[][] {{1, 4}, {2, 5}, {3, 6}});
    }

    @Test
    void toJavaArrays_ofTheWrongRank_failNamingTheRank() {
        NDArray m = m23();
        assertThatThrownBy(m::toFloatArray).isInstanceOf(IllegalStateException.class)
                .hasMessage("expected a 1-d array, got rank 2 with shape (2, 3)");
        assertThatThrownBy(m::toIntArray).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(m::toLongArray).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(m::toDoubleArray).isInstanceOf(IllegalStateException.class);
        NDArray v = NDArray.of(new double[] {1, 2});
        assertThatThrownBy(v::toDoubleMatrix).isInstanceOf(IllegalStateException.class)
                .hasMessage("expected a 2-d array, got rank 1 with shape (2,)");
        assertThatThrownBy(v::toFloatMatrix).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hashCode_dependsOnEveryElementAndIsEqualForPlusAndMinusZero() {
        NDArray a = NDArray.of(new double[] {1, 2, 3});
        assertThat(a.hashCode()).isNotEqualTo(NDArray.of(new double[] {1, 2, 4}).hashCode());
        assertThat(a.hashCode()).isNotEqualTo(NDArray.of(new double[] {0, 2, 3}).hashCode());
        assertThat(a.hashCode()).isNotEqualTo(NDArray.of(new double[] {2, 1, 3}).hashCode());
        assertThat(a.hashCode()).isNotEqualTo(NDArray.zeros(DType.FLOAT64, 3).hashCode());
        assertThat(NDArray.of(new double[] {-0.0}).hashCode()).isEqualTo(NDArray.of(new double[] {0.0}).hashCode());
        assertThat(NDArray.of(new double[] {-0.0})).isEqualTo(NDArray.of(new double[] {0.0}));
        assertThat(a.hashCode()).isEqualTo(NDArray.of(new double[] {1, 2, 3}).hashCode());
        assertThat(a.transpose().hashCode()).isEqualTo(a.hashCode());
    }

    @Test
    void reshape_withOneInferredLength_computesIt() {
        NDArray v = NDArray.of(new double[] {1, 2, 3, 4, 5, 6});
        assertThat(v.reshape(2, -1).shape()).containsExactly(2, 3);
        assertThat(v.reshape(-1, 6).shape()).containsExactly(1, 6);
        assertThat(v.reshape(6).shape()).containsExactly(6);
        assertThat(NDArray.zeros(DType.FLOAT64, 0).reshape(0, 5).shape()).containsExactly(0, 5);
    }

    @Test
    void reshape_badShapes_failNamingThem() {
        NDArray v = NDArray.of(new double[] {1, 2, 3, 4, 5, 6});
        assertThatThrownBy(() -> v.reshape(4, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot reshape array of shape (6,) (size 6) into shape (4, -1)");
        assertThatThrownBy(() -> v.reshape(-1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only one -1");
        assertThatThrownBy(() -> v.reshape(-2, -3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> v.reshape(7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> v.reshape(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
