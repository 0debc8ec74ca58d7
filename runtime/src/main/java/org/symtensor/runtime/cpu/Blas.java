package org.symtensor.runtime.cpu;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.bytedeco.openblas.global.openblas;

/**
 * The bridge to OpenBLAS (through JavaCPP's presets) for float32 and float64 matrix products:
 * {@code gemm} and {@code gemv} on row-major Java arrays, each operand optionally transposed. The
 * native library is loaded on first use; when it cannot load (no natives for this platform, or
 * {@code -Dsymtensor.blas=false}) one warning is logged and {@link #available()} is false, so the
 * products fall back to EJML. OpenBLAS uses the {@code threads} flag's count unless the
 * {@code blasThreads} flag says otherwise (the library's thread count is process-wide).
 */
public final class Blas {
    private static final Logger LOG = Logger.getLogger(Blas.class.getName());
    private static final boolean AVAILABLE = load();
    private static int threads = -1;

    private Blas() {}

    private static boolean load() {
        if ("false".equalsIgnoreCase(System.getProperty("symtensor.blas"))) {
            return false;
        }
        try {
            Class.forName("org.bytedeco.openblas.global.openblas", true, Blas.class.getClassLoader());
            openblas.blas_set_num_threads(1);
            return true;
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError
            LOG.log(Level.WARNING, "OpenBLAS could not be loaded (" + e + "); matrix products fall back to EJML,"
                    + " which is several times slower for large matrices");
            return false;
        }
    }

    /** Whether products go to OpenBLAS. */
    public static boolean available() {
        return AVAILABLE;
    }

    /** Applies the {@code blasThreads} flag (process-wide: the last compiled function's flags win). */
    public static synchronized void configure(int blasThreads) {
        if (AVAILABLE && threads != blasThreads) {
            openblas.blas_set_num_threads(blasThreads);
            threads = blasThreads;
        }
    }

    private static int trans(boolean t) {
        return t ? openblas.CblasTrans : openblas.CblasNoTrans;
    }

    /**
     * {@code c = op(a)·op(b)} for row-major {@code m×k} and {@code k×n} operands; a transposed
     * operand is given as the row-major array of its transpose.
     */
    static void gemm(double[] a, boolean ta, double[] b, boolean tb, double[] c, int m, int k, int n) {
        openblas.cblas_dgemm(openblas.CblasRowMajor, trans(ta), trans(tb), m, n, k, 1.0, a, ta ? m : k, b, tb ? k : n,
                0.0, c, n);
    }

    static void gemm(float[] a, boolean ta, float[] b, boolean tb, float[] c, int m, int k, int n) {
        openblas.cblas_sgemm(openblas.CblasRowMajor, trans(ta), trans(tb), m, n, k, 1f, a, ta ? m : k, b, tb ? k : n,
                0f, c, n);
    }

    /** {@code y = op(a)·x} where {@code op(a)} is {@code m×k}; a transposed {@code a} is given as its transpose's array. */
    static void gemv(double[] a, boolean ta, double[] x, double[] y, int m, int k) {
        openblas.cblas_dgemv(openblas.CblasRowMajor, trans(ta), ta ? k : m, ta ? m : k, 1.0, a, ta ? m : k, x, 1, 0.0, y, 1);
    }

    static void gemv(float[] a, boolean ta, float[] x, float[] y, int m, int k) {
        openblas.cblas_sgemv(openblas.CblasRowMajor, trans(ta), ta ? k : m, ta ? m : k, 1f, a, ta ? m : k, x, 1, 0f, y, 1);
    }
}
