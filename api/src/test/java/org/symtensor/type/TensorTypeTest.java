package org.symtensor.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorTypeTest {
    private static final int U = TensorType.UNKNOWN;

    @Test
    void ofBroadcastable_rowPattern_isLengthOneThenUnknown() {
        TensorType row = TensorType.ofBroadcastable(DType.FLOAT32, true, false);
        assertThat(row.shape()).containsExactly(1, U);
        assertThat(row.broadcastable()).containsExactly(true, false);
        assertThat(row.isBroadcastable(0)).isTrue();
        assertThat(row.isBroadcastable(1)).isFalse();
        assertThat(row.rank()).isEqualTo(2);
        assertThat(row.dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void ofRank_hasEveryAxisUnknownAndNoneBroadcastable() {
        TensorType t = TensorType.ofRank(DType.INT32, 3);
        assertThat(t.shape()).containsExactly(U, U, U);
        assertThat(t.broadcastable()).containsExactly(false, false, false);
        assertThat(t.isShapeKnown()).isFalse();
    }

    @Test
    void staticLengthOne_isBroadcastable_otherKnownLengthsAreNot() {
        TensorType t = TensorType.of(DType.FLOAT64, 1, 3, U);
        assertThat(t.broadcastable()).containsExactly(true, false, false);
        assertThat(t.dim(1)).isEqualTo(3);
    }

    @Test
    void scalarType_hasRankZeroAndKnownShape() {
        TensorType s = TensorType.of(DType.FLOAT64);
        assertThat(s.rank()).isZero();
        assertThat(s.isShapeKnown()).isTrue();
        assertThat(TensorType.of(DType.FLOAT64, 2, 3).isShapeKnown()).isTrue();
    }

    @Test
    void of_lengthBelowUnknown_failsNamingTheShape() {
        assertThatThrownBy(() -> TensorType.of(DType.FLOAT32, 2, -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2")
                .hasMessageContaining("[2, -2]");
    }

    @Test
    void shape_returnsADefensiveCopy() {
        TensorType t = TensorType.of(DType.FLOAT32, 2, 3);
        t.shape()[0] = 7;
        assertThat(t.dim(0)).isEqualTo(2);
    }

    @Test
    void shapeString_writesUnknownAsQuestionMarkAndOneTupleWithComma() {
        assertThat(TensorType.shapeString(new int[0])).isEqualTo("()");
        assertThat(TensorType.shapeString(new int[] {3})).isEqualTo("(3,)");
        assertThat(TensorType.shapeString(new int[] {U})).isEqualTo("(?,)");
        assertThat(TensorType.shapeString(new int[] {1, U})).isEqualTo("(1, ?)");
        assertThat(TensorType.shapeString(new int[] {2, 3, 4})).isEqualTo("(2, 3, 4)");
    }

    @Test
    void toString_namesDtypeAndStaticShape() {
        assertThat(TensorType.ofBroadcastable(DType.FLOAT32, true, false)).hasToString("TensorType(float32, (1, ?))");
        assertThat(TensorType.of(DType.INT64)).hasToString("TensorType(int64, ())");
    }

    @Test
    void accepts_sameDtypeAndRank_withUnknownAxesMatchingAnything() {
        TensorType matrix = TensorType.ofRank(DType.FLOAT32, 2);
        TensorType row = TensorType.ofBroadcastable(DType.FLOAT32, true, false);
        assertThat(matrix.accepts(row)).isTrue();
        assertThat(matrix.accepts(TensorType.of(DType.FLOAT32, 2, 3))).isTrue();
        assertThat(row.accepts(matrix)).isFalse(); // a matrix may have more than one row
        assertThat(row.accepts(TensorType.of(DType.FLOAT32, 1, 5))).isTrue();
        assertThat(row.accepts(TensorType.of(DType.FLOAT32, 2, 5))).isFalse();
    }

    @Test
    void accepts_otherDtypeOrRank_isFalse() {
        TensorType matrix = TensorType.ofRank(DType.FLOAT32, 2);
        assertThat(matrix.accepts(TensorType.ofRank(DType.FLOAT64, 2))).isFalse();
        assertThat(matrix.accepts(TensorType.ofRank(DType.FLOAT32, 1))).isFalse();
    }

    @Test
    void acceptsShape_checksRankAndKnownLengths() {
        TensorType col = TensorType.ofBroadcastable(DType.FLOAT64, false, true);
        assertThat(col.acceptsShape(new int[] {4, 1})).isTrue();
        assertThat(col.acceptsShape(new int[] {4, 2})).isFalse();
        assertThat(col.acceptsShape(new int[] {4})).isFalse();
    }

    @Test
    void withDtype_keepsShape() {
        TensorType t = TensorType.of(DType.INT8, 1, U).withDtype(DType.FLOAT64);
        assertThat(t).isEqualTo(TensorType.of(DType.FLOAT64, 1, U));
    }

    @Test
    void equals_comparesDtypeAndShape() {
        assertThat(TensorType.ofRank(DType.FLOAT32, 2)).isEqualTo(TensorType.of(DType.FLOAT32, U, U))
                .hasSameHashCodeAs(TensorType.of(DType.FLOAT32, U, U));
        assertThat(TensorType.ofRank(DType.FLOAT32, 2)).isNotEqualTo(TensorType.ofRank(DType.FLOAT64, 2));
        assertThat(TensorType.ofRank(DType.FLOAT32, 2)).isNotEqualTo(TensorType.of(DType.FLOAT32, 1, U));
    }
}
