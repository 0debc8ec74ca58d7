package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.symtensor.T.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * No size computation overflows: a result with more elements than the 2^31 − 1 a Java array holds
 * is a {@link ShapeMismatchException} that says so, raised before anything is allocated, on every
 * backend (the product below used to crash the JVM inside dgemm, and return 0.0 on OpenCL).
 */
class HugeShapesTest {
    private static final int BIG = 65536; // 65536² = 2^32 elements

    private static NDArray ones(int rows, int cols) {
        return NDArray.full(DType.FLOAT64, 1, rows, cols);
    }

    @Test
    void outerProductOf65536_isAShapeErrorNamingTheElementCount_notACrash() {
        Matrix<F64> a = dmatrix("a");
        Matrix<F64> b = dmatrix("b");
        Function f = function(inputs(a, b), a.dot(b));
        assertThatThrownBy(() -> f.call(ones(BIG, 1), ones(1, BIG)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("(65536, 65536)").hasMessageContaining("4294967296 elements")
                .hasMessageContaining("2147483647");
    }

    @Test
    void broadcastingAColumnAgainstARow_beyondTheLimit_isAShapeError() {
        Matrix<F64> c = dcol("c");
        Matrix<F64> r = drow("r");
        Function f = function(inputs(c, r), c.plus(r));
        assertThatThrownBy(() -> f.call(ones(BIG, 1), ones(1, BIG)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("4294967296 elements");
    }

    @Test
    void staticShapeBeyondTheLimit_isAnErrorWhenTheTypeIsMade() {
        assertThatThrownBy(() -> TensorType.of(DType.FLOAT32, BIG, BIG))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("(65536, 65536)");
        assertThat(TensorType.of(DType.FLOAT32, BIG, TensorType.UNKNOWN).rank()).isEqualTo(2);
    }

    @Test
    void zerosBeyondTheLimit_andNegativeLengths_areShapeErrors() {
        assertThatThrownBy(() -> NDArray.zeros(DType.FLOAT64, 46341, 46341))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("2147488281 elements");
        assertThatThrownBy(() -> NDArray.zeros(DType.FLOAT64, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 4))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("more than 2^63");
        assertThatThrownBy(() -> NDArray.zeros(DType.FLOAT64, 3, -1))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("negative");
        assertThat(NDArray.elementCount(0, Integer.MAX_VALUE, Integer.MAX_VALUE)).isZero();
    }

    /**
     * Products and broadcasts over lengths near 0, 1, 2^16 and 2^31: each either runs (when the
     * result is small) or fails with a ShapeMismatchException (when it cannot fit one array); never
     * another exception. Results of a legal but huge size are not attempted (they would need gigabytes).
     */
    @Test
    void fuzzOverLengthsNearTheLimits_eitherRunsOrFailsWithAShapeError() {
        int[] lengths = {0, 1, 2, 3, 46340, 46341, BIG, 1 << 17};
        SplittableRandom rnd = new SplittableRandom(7);
        Matrix<F64> a = dmatrix("a");
        Matrix<F64> b = dmatrix("b");
        Function dot = function(inputs(a, b), a.dot(b));
        Matrix<F64> c = dcol("c");
        Matrix<F64> r = drow("r");
        Function outer = function(inputs(c, r), c.plus(r).times(2));
        List<String> wrong = new ArrayList<>();
        int ran = 0;
        int refused = 0;
        for (int trial = 0; trial < 60; trial++) {
            int m = lengths[rnd.nextInt(lengths.length)];
            int n = lengths[rnd.nextInt(lengths.length)];
            int k = rnd.nextInt(3);
            BigInteger out = BigInteger.valueOf(m).multiply(BigInteger.valueOf(n));
            boolean tooBig = out.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0;
            if (!tooBig && out.longValue() > 4_000_000) {
                continue;
            }
            Throwable t1 = catchThrowable(() -> dot.call(ones(m, k), ones(k, n)));
            Throwable t2 = catchThrowable(() -> outer.call(ones(m, 1), ones(1, n)));
            for (Throwable t : new Throwable[] {t1, t2}) {
                if (tooBig && !(t instanceof ShapeMismatchException)) {
                    wrong.add(m + "x" + n + " (k=" + k + "): expected a shape error, got " + t);
                } else if (!tooBig && t != null) {
                    wrong.add(m + "x" + n + " (k=" + k + "): expected a result, got " + t);
                }
            }
            if (tooBig) {
                refused++;
            } else {
                ran++;
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(ran).as("trials that ran").isPositive();
        assertThat(refused).as("trials refused").isPositive();
    }
}
