package org.symtensor.runtime.cpu;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
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
     * operand is given as the row-major array of its transpose. Only the first {@code m·k},
     * {@code k·n} and {@code m·n} elements of the arrays are read or written.
     */
    static void gemm(double[] a, boolean ta, double[] b, boolean tb, double[] c, int m, int k, int n) {
        Scratch s = SCRATCH.get();
        try {
            openblas.cblas_dgemm(openblas.CblasRowMajor, trans(ta), trans(tb), m, n, k, 1.0, s.in(0, a, m * k),
                    ta ? m : k, s.in(1, b, k * n), tb ? k : n, 0.0, s.out64(2, m * n), n);
            copyOut(s.d[2], c, m * n);
        } finally {
            s.trim();
        }
    }

    static void gemm(float[] a, boolean ta, float[] b, boolean tb, float[] c, int m, int k, int n) {
        Scratch s = SCRATCH.get();
        try {
            openblas.cblas_sgemm(openblas.CblasRowMajor, trans(ta), trans(tb), m, n, k, 1f, s.in(0, a, m * k),
                    ta ? m : k, s.in(1, b, k * n), tb ? k : n, 0f, s.out32(2, m * n), n);
            copyOut(s.f[2], c, m * n);
        } finally {
            s.trim();
        }
    }

    /** {@code y = op(a)·x} where {@code op(a)} is {@code m×k}; a transposed {@code a} is given as its transpose's array. */
    static void gemv(double[] a, boolean ta, double[] x, double[] y, int m, int k) {
        Scratch s = SCRATCH.get();
        try {
            openblas.cblas_dgemv(openblas.CblasRowMajor, trans(ta), ta ? k : m, ta ? m : k, 1.0, s.in(0, a, m * k),
                    ta ? m : k, s.in(1, x, k), 1, 0.0, s.zeroed64(2, m), 1);
            copyOut(s.d[2], y, m);
        } finally {
            s.trim();
        }
    }

    static void gemv(float[] a, boolean ta, float[] x, float[] y, int m, int k) {
        Scratch s = SCRATCH.get();
        try {
            openblas.cblas_sgemv(openblas.CblasRowMajor, trans(ta), ta ? k : m, ta ? m : k, 1f, s.in(0, a, m * k),
                    ta ? m : k, s.in(1, x, k), 1, 0f, s.zeroed32(2, m), 1);
            copyOut(s.f[2], y, m);
        } finally {
            s.trim();
        }
    }

    /** Copies the result back into the Java array, split over the pool like the operands' copies. */
    private static void copyOut(FloatPointer p, float[] dst, int count) {
        if (!Parallel.splits(count)) {
            p.position(0).get(dst, 0, count); // one thread: this thread's own pointer, no copy of it, no lambda
            return;
        }
        Parallel.run(count, (from, to) -> new FloatPointer(p).position(from).get(dst, from, to - from));
    }

    private static void copyOut(DoublePointer p, double[] dst, int count) {
        if (!Parallel.splits(count)) {
            p.position(0).get(dst, 0, count);
            return;
        }
        Parallel.run(count, (from, to) -> new DoublePointer(p).position(from).get(dst, from, to - from));
    }

    /**
     * Native operand buffers of one thread, reused between calls. JavaCPP's {@code float[]}
     * overloads look like zero-copy but are not: HotSpot's {@code Get<Type>ArrayElements} hands
     * native code a freshly allocated copy of every array and copies it back on release, so each
     * 1024² product paid for three large allocations (fresh pages) and six 4–8 MB copies — 7 ms of
     * CPU on a 21 ms float32 product and 15 ms on a 41 ms float64 one (bench/README.md, issue 15).
     * Copying the operands into kept native memory and only the result back costs about 0.3 ms
     * (float32) to 0.8 ms (float64) for a 1024² product on one thread; the copies are split over the
     * runtime's pool ({@link Parallel#run}) when it has more than one thread, as OpenBLAS then is.
     * Buffers larger than {@link #KEEP_BYTES} are freed after the call, so a rare huge product
     * does not pin its memory for the thread's lifetime.
     */
    private static final class Scratch {
        static final long KEEP_BYTES = 16L << 20;
        final FloatPointer[] f = new FloatPointer[3];
        final DoublePointer[] d = new DoublePointer[3];

        FloatPointer in(int slot, float[] src, int count) {
            FloatPointer p = out32(slot, count);
            if (!Parallel.splits(count)) {
                // one thread: copy through the kept pointer itself (position 0 again afterwards), so
                // a steady product allocates no pointer copies and no lambda
                p.position(0).put(src, 0, count);
                return p;
            }
            Parallel.run(count, (from, to) -> new FloatPointer(p).position(from).put(src, from, to - from));
            return p;
        }

        DoublePointer in(int slot, double[] src, int count) {
            DoublePointer p = out64(slot, count);
            if (!Parallel.splits(count)) {
                p.position(0).put(src, 0, count);
                return p;
            }
            Parallel.run(count, (from, to) -> new DoublePointer(p).position(from).put(src, from, to - from));
            return p;
        }

        FloatPointer out32(int slot, int count) {
            if (f[slot] == null || f[slot].capacity() < count) {
                free(f[slot]);
                f[slot] = new FloatPointer((long) count);
            }
            return f[slot];
        }

        DoublePointer out64(int slot, int count) {
            if (d[slot] == null || d[slot].capacity() < count) {
                free(d[slot]);
                d[slot] = new DoublePointer((long) count);
            }
            return d[slot];
        }

        /**
         * A cleared result buffer for gemv: whether gemv's {@code beta = 0} ignores a NaN left in
         * {@code y} by an earlier call has changed between OpenBLAS versions.
         */
        FloatPointer zeroed32(int slot, int count) {
            FloatPointer p = out32(slot, count);
            Pointer.memset(p, 0, (long) count * Float.BYTES);
            return p;
        }

        DoublePointer zeroed64(int slot, int count) {
            DoublePointer p = out64(slot, count);
            Pointer.memset(p, 0, (long) count * Double.BYTES);
            return p;
        }

        void trim() {
            for (int i = 0; i < 3; i++) {
                if (f[i] != null && f[i].capacity() * Float.BYTES > KEEP_BYTES) {
                    free(f[i]);
                    f[i] = null;
                }
                if (d[i] != null && d[i].capacity() * Double.BYTES > KEEP_BYTES) {
                    free(d[i]);
                    d[i] = null;
                }
            }
        }

        private static void free(Pointer p) {
            if (p != null) {
                p.deallocate();
            }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
}
