package org.symtensor.ir;

import org.symtensor.error.IndexOutOfRangeException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.tensor.Matrix;
import org.symtensor.type.F64;

/** Type rules and index arithmetic of Subtensor, against Python's slice semantics worked by hand. */
class SubtensorTypeTest {
    @Test
    void index_dropsTheLeadingAxis() {
        Matrix<F64> m = dmatrix("m");
        assertThat(m.get(0).variable().type().rank()).isEqualTo(1);
        assertThat(m.get(-1).variable().owner().op().kind()).isEqualTo(OpKind.INDEX);
    }

    @Test
    void get_onScalar_failsNamingTheVariable() {
        assertThatThrownBy(() -> dscalar("s").get(0)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'s'").hasMessageContaining("scalar");
    }

    @Test
    void sliceIndices_matchPythonSlices() {
        // list(range(10))[2:7:2] == [2, 4, 6]
        assertThat(Subtensor.sliceIndices(2L, 7L, 2, 10)).containsExactly(2, 2, 3);
        // list(range(5))[::-1] == [4, 3, 2, 1, 0]
        assertThat(Subtensor.sliceIndices(null, null, -1, 5)).containsExactly(4, -1, 5);
        // list(range(5))[-2:] == [3, 4]
        assertThat(Subtensor.sliceIndices(-2L, null, 1, 5)).containsExactly(3, 1, 2);
        // list(range(5))[4:1:-2] == [4, 2]
        assertThat(Subtensor.sliceIndices(4L, 1L, -2, 5)).containsExactly(4, -2, 2);
        // list(range(3))[5:9] == []
        assertThat(Subtensor.sliceIndices(5L, 9L, 1, 3)[2]).isZero();
    }

    @Test
    void normalizeIndex_outOfRange_namesIndexAndLength() {
        assertThat(Subtensor.normalizeIndex(-1, 4, null)).isEqualTo(3);
        assertThatThrownBy(() -> Subtensor.normalizeIndex(-5, 4, null)).isInstanceOf(IndexOutOfRangeException.class)
                .hasMessageContaining("index -5").hasMessageContaining("length 4");
    }
}
