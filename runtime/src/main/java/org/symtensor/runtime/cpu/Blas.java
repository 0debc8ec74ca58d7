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
    /** Whether gemm products are split over the runtime's pool (OpenBLAS on one thread), see {@link #configure}. */
    private static volatile boolean split = true;
    /**
     * A product of at least twice this many multiply-adds is cut into pieces, each at least this
     * large (about 0.15 ms of float64 work on one core of the build machine): the hand-off to the
     * pool and the extra packing of the shared operand that each piece does must stay small beside it.
     */
    static final long PIECE_MACS = 1L << 23;
    /** At most this many pieces: each piece packs the whole shared operand again. */
    static final int MAX_PIECES = 4;
    /**
     * Operand and result copies of more than this many elements are split over the pool in chunks of
     * this size, lower than the elementwise threshold: a copy has no arithmetic to amortize the
     * hand-off against, but the operands of the MLP's products (100k to 200k elements) were copied
     * on one thread while the other waited for the product.
     */
    static final int COPY_CHUNK = 1 << 15;
    /** Pieces are multiples of this many rows or columns (OpenBLAS's register tiles are 4 to 32 wide). */
    static final int PIECE_ALIGN = 16;

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

    /**
     * Applies the {@code blasThreads} flag (process-wide: the last compiled function's flags win).
     * {@code 0}, the default, means the flag is not set: OpenBLAS then runs on one thread and large
     * products are cut into fixed pieces that the runtime's pool computes ({@link #pieces}); a
     * positive count hands whole products to OpenBLAS's own threads instead.
     */
    public static synchronized void configure(int explicitBlasThreads) {
        if (explicitBlasThreads < 0) {
            throw new IllegalArgumentException("blasThreads must be at least 1, got " + explicitBlasThreads);
        }
        split = explicitBlasThreads == 0;
        int n = split ? 1 : explicitBlasThreads;
        if (AVAILABLE && threads != n) {
            openblas.blas_set_num_threads(n);
            threads = n;
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
            DoublePointer pa = s.in(0, a, m * k);
            DoublePointer pb = s.in(1, b, k * n);
            DoublePointer pc = s.out64(2, m * n);
            int pieces = pieces(m, k, n);
            if (pieces == 1) {
                openblas.cblas_dgemm(openblas.CblasRowMajor, trans(ta), trans(tb), m, n, k, 1.0, pa, ta ? m : k,
                        pb, tb ? k : n, 0.0, pc, n);
                copyOut(pc, c, m * n);
                return;
            }
            boolean rows = m >= n;
            int step = pieceLength(rows ? m : n, pieces);
            Parallel.tasks(pieces, true, p -> {
                int from = p * step;
                int to = Math.min(rows ? m : n, from + step);
                if (from >= to) {
                    return; // rounding the pieces up to PIECE_ALIGN can leave the last one empty
                }
                DoublePointer result = s.view64(2, p, (long) (rows ? from * n : from));
                if (rows) { // rows [from, to) of c: the same rows of op(a), all of op(b)
                    openblas.cblas_dgemm(openblas.CblasRowMajor, trans(ta), trans(tb), to - from, n, k, 1.0,
                            s.view64(0, p, ta ? from : (long) from * k), ta ? m : k, pb, tb ? k : n, 0.0, result, n);
                    result.get(c, from * n, (to - from) * n);
                } else { // columns [from, to) of c: all of op(a), the same columns of op(b)
                    openblas.cblas_dgemm(openblas.CblasRowMajor, trans(ta), trans(tb), m, to - from, k, 1.0,
                            pa, ta ? m : k, s.view64(1, p, tb ? (long) from * k : from), tb ? k : n, 0.0, result, n);
                    for (int i = 0; i < m; i++) {
                        result.position((long) i * n + from).get(c, i * n + from, to - from);
                    }
                }
            });
        } finally {
            s.trim();
        }
    }

    static void gemm(float[] a, boolean ta, float[] b, boolean tb, float[] c, int m, int k, int n) {
        Scratch s = SCRATCH.get();
        try {
            FloatPointer pa = s.in(0, a, m * k);
            FloatPointer pb = s.in(1, b, k * n);
            FloatPointer pc = s.out32(2, m * n);
            int pieces = pieces(m, k, n);
            if (pieces == 1) {
                openblas.cblas_sgemm(openblas.CblasRowMajor, trans(ta), trans(tb), m, n, k, 1f, pa, ta ? m : k,
                        pb, tb ? k : n, 0f, pc, n);
                copyOut(pc, c, m * n);
                return;
            }
            boolean rows = m >= n;
            int step = pieceLength(rows ? m : n, pieces);
            Parallel.tasks(pieces, true, p -> {
                int from = p * step;
                int to = Math.min(rows ? m : n, from + step);
                if (from >= to) {
                    return; // rounding the pieces up to PIECE_ALIGN can leave the last one empty
                }
                FloatPointer result = s.view32(2, p, (long) (rows ? from * n : from));
                if (rows) {
                    openblas.cblas_sgemm(openblas.CblasRowMajor, trans(ta), trans(tb), to - from, n, k, 1f,
                            s.view32(0, p, ta ? from : (long) from * k), ta ? m : k, pb, tb ? k : n, 0f, result, n);
                    result.get(c, from * n, (to - from) * n);
                } else {
                    openblas.cblas_sgemm(openblas.CblasRowMajor, trans(ta), trans(tb), m, to - from, k, 1f,
                            pa, ta ? m : k, s.view32(1, p, tb ? (long) from * k : from), tb ? k : n, 0f, result, n);
                    for (int i = 0; i < m; i++) {
                        result.position((long) i * n + from).get(c, i * n + from, to - from);
                    }
                }
            });
        } finally {
            s.trim();
        }
    }

    /**
     * Into how many pieces an {@code m×k · k×n} product is cut: a power of two, from the shape alone
     * (never the thread count), so that every thread count computes the same pieces with the same
     * single-threaded calls and gets the same bits; the pieces are then shared out to whichever of
     * the pool's threads are free. One piece when the flag {@code blasThreads} gave OpenBLAS its own
     * threads. The longer of the output's two sides is cut, in multiples of {@link #PIECE_ALIGN}.
     *
     * <p>Why not OpenBLAS's own threads: on the 2-core build machine with other processes running,
     * a 128×784·784×256 float64 product took 3 ms on one OpenBLAS thread and 9–26 ms on two (its
     * idle threads spin and its split is static, so it waits for a thread that has no core), against
     * 1.1–2 ms as two single-threaded halves on the pool. On a quiet machine both took about 0.55–0.65 ms
     * against 1.0 ms for one thread (bench/README.md, issue 15).
     */
    static int pieces(int m, int k, int n) {
        if (!split) {
            return 1;
        }
        long macs = (long) m * k * n;
        int side = Math.max(m, n);
        int p = 1;
        while (2 * p <= MAX_PIECES && macs >= 2L * p * PIECE_MACS && side >= 2 * p * 2 * PIECE_ALIGN) {
            p *= 2;
        }
        return p;
    }

    /** The rows or columns per piece: {@code side / pieces} rounded up to {@link #PIECE_ALIGN}. */
    static int pieceLength(int side, int pieces) {
        int per = (side + pieces - 1) / pieces;
        return (per + PIECE_ALIGN - 1) / PIECE_ALIGN * PIECE_ALIGN;
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
        if (!Parallel.splits(count, COPY_CHUNK)) {
            p.position(0).get(dst, 0, count); // one thread: this thread's own pointer, no copy of it, no lambda
            return;
        }
        Parallel.run(count, COPY_CHUNK, COPY_CHUNK, (from, to) -> new FloatPointer(p).position(from).get(dst, from, to - from));
    }

    private static void copyOut(DoublePointer p, double[] dst, int count) {
        if (!Parallel.splits(count, COPY_CHUNK)) {
            p.position(0).get(dst, 0, count);
            return;
        }
        Parallel.run(count, COPY_CHUNK, COPY_CHUNK, (from, to) -> new DoublePointer(p).position(from).get(dst, from, to - from));
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
        /**
         * Per buffer and piece, a pointer to the buffer kept between calls, which that piece alone
         * positions at its offset: a fresh JavaCPP pointer per piece and per row copied back (the
         * column pieces copy row by row) was about 34 KB per MLP step (bench/README.md, issue 15).
         * Dropped whenever its buffer is reallocated or freed.
         */
        final FloatPointer[][] fv = new FloatPointer[3][MAX_PIECES];
        final DoublePointer[][] dv = new DoublePointer[3][MAX_PIECES];

        /** Buffer {@code slot} seen from element {@code offset}, for piece {@code piece} only. */
        FloatPointer view32(int slot, int piece, long offset) {
            FloatPointer v = fv[slot][piece];
            if (v == null) {
                v = new FloatPointer(f[slot]).position(0);
                fv[slot][piece] = v;
            }
            return v.position(offset);
        }

        DoublePointer view64(int slot, int piece, long offset) {
            DoublePointer v = dv[slot][piece];
            if (v == null) {
                v = new DoublePointer(d[slot]).position(0);
                dv[slot][piece] = v;
            }
            return v.position(offset);
        }

        FloatPointer in(int slot, float[] src, int count) {
            FloatPointer p = out32(slot, count);
            if (!Parallel.splits(count, COPY_CHUNK)) {
                // one thread: copy through the kept pointer itself (position 0 again afterwards), so
                // a steady product allocates no pointer copies and no lambda
                p.position(0).put(src, 0, count);
                return p;
            }
            Parallel.run(count, COPY_CHUNK, COPY_CHUNK, (from, to) -> new FloatPointer(p).position(from).put(src, from, to - from));
            return p;
        }

        DoublePointer in(int slot, double[] src, int count) {
            DoublePointer p = out64(slot, count);
            if (!Parallel.splits(count, COPY_CHUNK)) {
                p.position(0).put(src, 0, count);
                return p;
            }
            Parallel.run(count, COPY_CHUNK, COPY_CHUNK, (from, to) -> new DoublePointer(p).position(from).put(src, from, to - from));
            return p;
        }

        FloatPointer out32(int slot, int count) {
            if (f[slot] == null || f[slot].capacity() < count) {
                free(f[slot]);
                f[slot] = new FloatPointer((long) count);
                java.util.Arrays.fill(fv[slot], null);
            }
            return f[slot];
        }

        DoublePointer out64(int slot, int count) {
            if (d[slot] == null || d[slot].capacity() < count) {
                free(d[slot]);
                d[slot] = new DoublePointer((long) count);
                java.util.Arrays.fill(dv[slot], null);
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
                    java.util.Arrays.fill(fv[i], null);
                }
                if (d[i] != null && d[i].capacity() * Double.BYTES > KEEP_BYTES) {
                    free(d[i]);
                    d[i] = null;
                    java.util.Arrays.fill(dv[i], null);
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
