package org.symtensor.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

class DimShuffleTypeTest {
    private static final int U = TensorType.UNKNOWN;
    private static final int X = DimShuffle.NEW_AXIS;

    private static Variable var(String name, int... shape) {
        return new Variable(TensorType.of(DType.FLOAT64, shape), name);
    }

    @Test
    void transpose_swapsTheStaticLengths() {
        Variable t = Ops.transpose(var("m", 2, 3));
        assertThat(t.type().shape()).containsExactly(3, 2);
        assertThat(t.owner().op().name()).isEqualTo("DimShuffle{1,0}");
    }

    @Test
    void newAxis_isBroadcastable() {
        Variable v = var("v", U);
        assertThat(Ops.dimshuffle(v, X, 0).type().shape()).containsExactly(1, U);
        assertThat(Ops.dimshuffle(v, 0, X).type().shape()).containsExactly(U, 1);
        assertThat(Ops.dimshuffle(v, X, 0).owner().op().name()).isEqualTo("DimShuffle{x,0}");
    }

    @Test
    void droppingABroadcastableAxis_isAllowed() {
        Variable row = var("r", 1, U);
        assertThat(Ops.dimshuffle(row, 1).type().shape()).containsExactly(U);
    }

    @Test
    void droppingANonBroadcastableAxis_failsNamingTheAxisAndStaticShape() {
        Variable m = var("m", U, U);
        assertThatThrownBy(() -> Ops.dimshuffle(m, 0))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'m'")
                .hasMessageContaining("drops axis 1")
                .hasMessageContaining("not broadcastable")
                .hasMessageContaining("(?, ?)");
    }

    @Test
    void droppingAnAxisOfKnownLengthAboveOne_fails() {
        assertThatThrownBy(() -> Ops.dimshuffle(var("m", 3, 1), 1))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("drops axis 0");
    }

    @Test
    void repeatedOrOutOfRangeAxis_fails() {
        Variable m = var("m", U, U);
        assertThatThrownBy(() -> Ops.dimshuffle(m, 0, 0))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("axis 0 is out of range or repeated for rank 2");
        assertThatThrownBy(() -> Ops.dimshuffle(m, 0, 2))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("axis 2 is out of range or repeated for rank 2");
    }

    @Test
    void identityPattern_returnsTheVariableItself() {
        Variable m = var("m", U, U);
        assertThat(Ops.dimshuffle(m, 0, 1)).isSameAs(m);
        assertThat(Ops.padLeft(m, 2)).isSameAs(m);
    }

    @Test
    void padLeft_addsBroadcastableAxesInFront() {
        Variable v = var("v", 3);
        Variable p = Ops.padLeft(v, 3);
        assertThat(((DimShuffle) p.owner().op()).pattern()).containsExactly(X, X, 0);
        assertThat(p.type().shape()).containsExactly(1, 1, 3);
    }

    @Test
    void pattern_isADefensiveCopy() {
        DimShuffle d = DimShuffle.of(1, 0);
        d.pattern()[0] = 5;
        assertThat(d.pattern()).containsExactly(1, 0);
        assertThat(d).isEqualTo(DimShuffle.of(1, 0)).isNotEqualTo(DimShuffle.of(0, 1));
    }
}
