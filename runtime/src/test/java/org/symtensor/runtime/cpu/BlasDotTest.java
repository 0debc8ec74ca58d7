package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.runtime.cpu.KernelTesting.var;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Ops;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/** Matrix products through OpenBLAS against a plain triple loop, including transposed operands. */
class BlasDotTest {
    private static NDArray random(DType dt, Random rnd, int... shape) {
        NDArray a = NDArray.zeros(dt, shape);
        for (int i = 0; i < a.size(); i++) {
            a.setDouble(i, rnd.nextDouble() * 2 - 1);
        }
        return a;
    }

    /** {@code a·b} for matrices (a vector is a 1-row or 1-column matrix) by the definition. */
    private static double[] tripleLoop(NDArray a, NDArray b) {
        int m = a.rank() == 2 ? a.shape(0) : 1;
        int k = a.shape(a.rank() - 1);
        int n = b.rank() == 2 ? b.shape(1) : 1;
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (a.rank() == 2 ? a.getDoubleAt(i, p) : a.getDoubleAt(p)) * (b.rank() == 2 ? b.getDoubleAt(p, j) : b.getDoubleAt(p));
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    private static void check(NDArray a, NDArray b, DType dt) {
        Variable va = var("a", dt, a.shape());
        Variable vb = var("b", dt, b.shape());
        NDArray r = CpuKernels.forApply(Ops.dot(va, vb).owner()).run(new NDArray[] {a, b})[0];
        double[] want = tripleLoop(a, b);
        assertThat(r.size()).isEqualTo(want.length);
        double tol = dt == DType.FLOAT32 ? 1e-4 : 1e-12;
        for (int i = 0; i < want.length; i++) {
            assertThat(r.getDouble(i)).as("element %d", i).isCloseTo(want[i], within(tol));
        }
    }

    @Test
    void blas_isLoaded() {
        assertThat(Blas.available()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void dot_matrixMatrix_matchesTripleLoop(DType dt) {
        Random rnd = new Random(1);
        check(random(dt, rnd, 37, 23), random(dt, rnd, 23, 41), dt);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void dot_transposedOperands_matchTripleLoop(DType dt) {
        Random rnd = new Random(2);
        check(random(dt, rnd, 23, 37).transpose(), random(dt, rnd, 41, 23).transpose(), dt);
        check(random(dt, rnd, 23, 37).transpose(), random(dt, rnd, 23, 41), dt);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void dot_matrixVectorAndVectorMatrix_matchTripleLoop(DType dt) {
        Random rnd = new Random(3);
        check(random(dt, rnd, 37, 23), random(dt, rnd, 23), dt);
        check(random(dt, rnd, 23, 37).transpose(), random(dt, rnd, 23), dt);
        check(random(dt, rnd, 23), random(dt, rnd, 23, 41), dt);
        check(random(dt, rnd, 23), random(dt, rnd, 41, 23).transpose(), dt);
    }

    /**
     * Products large enough to be cut into pieces for the pool: by rows (m ≥ n) and by columns, with
     * each operand plain or transposed, sides that are not multiples of the piece alignment, and
     * {@code 129} rows in four pieces of 48 (the last rounded-up piece is empty), all against the
     * triple loop, and the same bits with one, two and three threads.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void dot_splitIntoPieces_matchesTripleLoopAndIsTheSameForAnyThreadCount(DType dt) {
        Random rnd = new Random(6);
        int[][] shapes = {{300, 300, 250}, {90, 1500, 200}, {129, 2700, 100}, {64, 4100, 70}};
        try {
            for (int[] s : shapes) {
                int m = s[0];
                int k = s[1];
                int n = s[2];
                assertThat(Blas.pieces(m, k, n)).as("pieces of %dx%dx%d", m, k, n).isGreaterThan(1);
                for (int t = 0; t < 4; t++) {
                    NDArray a = (t & 1) == 0 ? random(dt, rnd, m, k) : random(dt, rnd, k, m).transpose();
                    NDArray b = (t & 2) == 0 ? random(dt, rnd, k, n) : random(dt, rnd, n, k).transpose();
                    NDArray one = null;
                    for (int threads = 1; threads <= 3; threads++) {
                        Parallel.configure(threads);
                        Variable va = var("a", dt, a.shape());
                        Variable vb = var("b", dt, b.shape());
                        NDArray r = CpuKernels.forApply(Ops.dot(va, vb).owner()).run(new NDArray[] {a, b})[0];
                        if (one == null) {
                            one = r;
                            double[] want = tripleLoop(a, b);
                            double tol = (dt == DType.FLOAT32 ? 1e-6 : 1e-14) * k;
                            for (int i = 0; i < want.length; i++) {
                                assertThat(r.getDouble(i)).as("%dx%dx%d case %d element %d", m, k, n, t, i)
                                        .isCloseTo(want[i], within(tol));
                            }
                        } else {
                            for (int i = 0; i < one.size(); i++) {
                                assertThat(Double.doubleToRawLongBits(r.getDouble(i))).as("threads=%d element %d", threads, i)
                                        .isEqualTo(Double.doubleToRawLongBits(one.getDouble(i)));
                            }
                        }
                    }
                }
            }
        } finally {
            Parallel.configure(1);
        }
    }

    /** The cut depends on the shape alone: powers of two, aligned pieces, none for small products. */
    @Test
    void pieces_followTheShapeOnly() {
        assertThat(Blas.pieces(128, 256, 10)).isEqualTo(1);
        assertThat(Blas.pieces(128, 784, 256)).isEqualTo(2);
        assertThat(Blas.pieces(784, 128, 256)).isEqualTo(2);
        assertThat(Blas.pieces(1024, 1024, 1024)).isEqualTo(Blas.MAX_PIECES);
        assertThat(Blas.pieces(16, 1 << 20, 16)).isEqualTo(1); // too narrow to cut
        assertThat(Blas.pieceLength(129, 4)).isEqualTo(48);
        assertThat(Blas.pieceLength(256, 2)).isEqualTo(128);
    }

    @Test
    void dot_ejmlFallback_agreesWithBlas() {
        Random rnd = new Random(4);
        NDArray a = random(DType.FLOAT64, rnd, 30, 20);
        NDArray b = random(DType.FLOAT64, rnd, 20, 10);
        DotKernel k = new DotKernel(Ops.dot(var("a", DType.FLOAT64, 30, 20), var("b", DType.FLOAT64, 20, 10)).owner());

        NDArray viaBlas = k.blas(a, b, 30, 20, 10, new int[] {30, 10});
        NDArray viaEjml = k.ejml64(a, b, 30, 20, 10, new int[] {30, 10});

        assertThat(viaBlas.allClose(viaEjml, 1e-12, 1e-12)).isTrue();
    }

    /**
     * Blas copies operands into native buffers kept per thread: a product after a larger one (the
     * buffers hold stale values beyond the new sizes) and a matrix·vector product after a product
     * whose result held NaN (gemv must not see the old NaN in its output buffer) stay exact.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void dot_reusedNativeBuffers_doNotLeakValuesBetweenCalls(DType dt) {
        Random rnd = new Random(5);
        NDArray nanRow = random(dt, rnd, 30, 20);
        nanRow.setDouble(0, Double.NaN);
        Variable va = var("a", dt, 30, 20);
        Variable vb = var("b", dt, 20, 25);
        NDArray withNan = CpuKernels.forApply(Ops.dot(va, vb).owner()).run(new NDArray[] {nanRow, random(dt, rnd, 20, 25)})[0];
        assertThat(Double.isNaN(withNan.getDouble(0))).isTrue();

        check(random(dt, rnd, 12, 7), random(dt, rnd, 7), dt);
        check(random(dt, rnd, 7), random(dt, rnd, 7, 5), dt);
        check(random(dt, rnd, 5, 3), random(dt, rnd, 3, 4), dt);
        check(random(dt, rnd, 1, 1), random(dt, rnd, 1, 1), dt);
    }

    /** A product whose buffers exceed what a thread keeps (16 MB) is freed after the call and still correct; so is the next one. */
    @Test
    void dot_productLargerThanKeptBuffers_isCorrect() {
        Random rnd = new Random(6);
        NDArray a = random(DType.FLOAT64, rnd, 2100, 3);
        NDArray b = random(DType.FLOAT64, rnd, 3, 1000); // result 2100×1000 float64 = 16.8 MB
        Variable va = var("a", DType.FLOAT64, 2100, 3);
        Variable vb = var("b", DType.FLOAT64, 3, 1000);
        NDArray r = CpuKernels.forApply(Ops.dot(va, vb).owner()).run(new NDArray[] {a, b})[0];
        for (int i : new int[] {0, 1, 999, 1000, 2_099_999, 1_234_567}) {
            int row = i / 1000;
            int col = i % 1000;
            double want = 0;
            for (int p = 0; p < 3; p++) {
                want += a.getDoubleAt(row, p) * b.getDoubleAt(p, col);
            }
            assertThat(r.getDouble(i)).as("element %d", i).isCloseTo(want, within(1e-12));
        }
        check(random(DType.FLOAT64, rnd, 9, 4), random(DType.FLOAT64, rnd, 4, 6), DType.FLOAT64);
    }

    /** Products on several threads at once each use their own buffers. */
    @Test
    void dot_concurrentProductsOnSeveralThreads_matchTripleLoop() throws Exception {
        Thread[] ts = new Thread[4];
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < ts.length; t++) {
            int seed = 10 + t;
            ts[t] = new Thread(() -> {
                try {
                    Random rnd = new Random(seed);
                    for (int rep = 0; rep < 20; rep++) {
                        int m = 5 + rnd.nextInt(40);
                        int k = 1 + rnd.nextInt(40);
                        int n = 5 + rnd.nextInt(40);
                        DType dt = rep % 2 == 0 ? DType.FLOAT32 : DType.FLOAT64;
                        check(random(dt, rnd, m, k), random(dt, rnd, k, n), dt);
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        assertThat(failure[0]).isNull();
    }
}
