package org.symtensor.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * Every value the {@link OpLibrary} sample prints, against numbers worked out by hand from its
 * inputs (P = [3, 1, 4, 1, 5], M = [[1, 5, 2], [4, 0, 6]], A = [[4, 1], [2, 3]], b = [1, 2],
 * C = [[1, 0], [2, 1]], S = [[4, 2], [2, 5]], v = [12, 10, 7]); the derivations are in the comments.
 */
class OpLibraryTest {
    private static final double TOL = 1e-12;

    /** The value's shape and float64 entries, in C order. */
    private static void assertFloats(NDArray actual, int[] shape, double... expected) {
        assertThat(actual.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(actual.shape()).containsExactly(shape);
        assertThat(actual.size()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.getDouble(i)).as("entry %d", i).isCloseTo(expected[i], within(TOL));
        }
    }

    /** The value's dtype, shape and exact integer entries, in C order. */
    private static void assertInts(NDArray actual, DType dtype, int[] shape, long... expected) {
        assertThat(actual.dtype()).isEqualTo(dtype);
        assertThat(actual.shape()).containsExactly(shape);
        long[] values = new long[actual.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = actual.getLong(i);
        }
        assertThat(values).containsExactly(expected);
    }

    private static int[] shape(int... lengths) {
        return lengths;
    }

    @Test
    void tutorialIdioms_sliceBuildAndReshape() {
        Map<String, NDArray> r = OpLibrary.tutorialIdioms();
        assertFloats(r.get("P[::-1]"), shape(5), 5, 1, 4, 1, 3);
        assertInts(r.get("np.arange(0, 10, 3)"), DType.INT64, shape(4), 0, 3, 6, 9);
        // P[1:3] are positions 1 and 2.
        assertFloats(r.get("set_subtensor(P[1:3], 0)"), shape(5), 3, 0, 0, 1, 5);
        // Position 0 is named twice: it gets 1 twice (3 + 2), position 2 once (4 + 1).
        assertFloats(r.get("inc_subtensor(P[[0, 0, 2]], 1)"), shape(5), 5, 1, 5, 1, 5);
        assertFloats(r.get("np.stack([P, P[::-1]])"), shape(2, 5), 3, 1, 4, 1, 5, 5, 1, 4, 1, 3);
        assertFloats(r.get("np.concatenate([P, P[::-1]])"), shape(10), 3, 1, 4, 1, 5, 5, 1, 4, 1, 3);
        assertFloats(r.get("M.reshape(3, 2)"), shape(3, 2), 1, 5, 2, 4, 0, 6);
        assertFloats(r.get("M.flatten()"), shape(6), 1, 5, 2, 4, 0, 6);
    }

    @Test
    void indexing_takeAndBoolMask() {
        Map<String, NDArray> r = OpLibrary.indexing();
        // Index -1 is the last element, like 4.
        assertFloats(r.get("P[[4, 0, -1]]"), shape(3), 5, 3, 5);
        // Columns 2 then 0 of each row.
        assertFloats(r.get("np.take(M, [2, 0], axis=1)"), shape(2, 2), 2, 1, 6, 4);
        assertFloats(r.get("P[P > 2]"), shape(3), 3, 4, 5);
    }

    @Test
    void reductions_axesKeepdimsDdofAndSorting() {
        Map<String, NDArray> r = OpLibrary.reductions();
        assertFloats(r.get("M.sum(axis=0, keepdims=True)"), shape(1, 3), 5, 5, 8);
        assertFloats(r.get("M.mean(axis=1)"), shape(2), 8.0 / 3, 10.0 / 3);
        assertFloats(r.get("M.max(axis=1, keepdims=True)"), shape(2, 1), 5, 6);
        // mean(P) = 14/5 = 2.8; squared deviations 0.04, 3.24, 1.44, 3.24, 4.84 sum to 12.8.
        assertFloats(r.get("np.var(P)"), shape(), 12.8 / 5);
        assertFloats(r.get("np.var(P, ddof=1)"), shape(), 12.8 / 4);
        assertFloats(r.get("np.std(P, ddof=1)"), shape(), Math.sqrt(3.2));
        assertInts(r.get("M.argmax(axis=1)"), DType.INT64, shape(2), 1, 2);
        // The largest entry, 6, is row 1 column 2: flat index 1 * 3 + 2.
        assertInts(r.get("M.argmax()"), DType.INT64, shape(), 5);
        assertFloats(r.get("logsumexp(M, axis=1)"), shape(2),
                Math.log(Math.exp(1) + Math.exp(5) + Math.exp(2)), Math.log(Math.exp(4) + 1 + Math.exp(6)));
        assertFloats(r.get("np.cumsum(P)"), shape(5), 3, 4, 8, 9, 14);
        assertFloats(r.get("np.sort(P)"), shape(5), 1, 1, 3, 4, 5);
        // The two 1s sit at 1 and 3 and keep that order.
        assertInts(r.get("np.argsort(P, kind='stable')"), DType.INT64, shape(5), 1, 3, 0, 2, 4);
        assertFloats(r.get("-np.sort(-P)[:2]"), shape(2), 5, 4);
    }

    @Test
    void linearAlgebra_matchesTheTwoByTwoFormulas() {
        Map<String, NDArray> r = OpLibrary.linearAlgebra();
        // det A = 4*3 - 1*2 = 10; inv A = [[3, -1], [-2, 4]] / 10; x = inv A · [1, 2] = [1, 6] / 10.
        assertFloats(r.get("np.linalg.solve(A, b)"), shape(2), 0.1, 0.6);
        assertFloats(r.get("np.linalg.inv(A)"), shape(2, 2), 0.3, -0.1, -0.2, 0.4);
        assertFloats(r.get("np.linalg.det(A)"), shape(), 10);
        // L = [[2, 0], [1, 2]]: L Lᵀ = [[4, 2], [2, 1 + 4]].
        assertFloats(r.get("np.linalg.cholesky(S)"), shape(2, 2), 2, 0, 1, 2);
        // Rows of A times columns of C: [4 + 2, 1], [2 + 6, 3].
        assertFloats(r.get("np.einsum('ij,jk->ik', A, C)"), shape(2, 2), 6, 1, 8, 3);
        // det = a00 a11 - a01 a10, so d/da00 = a11 = 3, d/da01 = -a10 = -2, d/da10 = -a01 = -1, d/da11 = a00 = 4.
        assertFloats(r.get("T.grad(det(A), A)"), shape(2, 2), 3, -2, -1, 4);
        assertFloats(r.get("det(A) * inv(A).T"), shape(2, 2), 3, -2, -1, 4);
    }

    @Test
    void bitwise_onInt32() {
        Map<String, NDArray> r = OpLibrary.bitwise();
        // v = 0b1100, 0b1010, 0b0111.
        assertInts(r.get("v & 10"), DType.INT32, shape(3), 0b1000, 0b1010, 0b0010);
        assertInts(r.get("v | 1"), DType.INT32, shape(3), 0b1101, 0b1011, 0b0111);
        assertInts(r.get("v ^ 15"), DType.INT32, shape(3), 0b0011, 0b0101, 0b1000);
        // Two's complement: ~v = -v - 1.
        assertInts(r.get("~v"), DType.INT32, shape(3), -13, -11, -8);
        assertInts(r.get("v << 2"), DType.INT32, shape(3), 48, 40, 28);
        assertInts(r.get("v >> 1"), DType.INT32, shape(3), 6, 5, 3);
    }

    @Test
    void main_printsEveryBlock() {
        // The runner calls main; it must build and run every block without throwing.
        OpLibrary.main(new String[0]);
    }
}
