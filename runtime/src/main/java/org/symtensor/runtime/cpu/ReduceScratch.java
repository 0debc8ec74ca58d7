package org.symtensor.runtime.cpu;

import java.util.Arrays;

/**
 * One thread's accumulators and work arrays for the reduction kernels ({@link ReduceKernel},
 * {@link FusedReduceKernel}), kept between calls so that a steady loop of small reductions (a
 * training step's bias gradients and row sums) allocates nothing. A reduction takes them at its
 * start and is done with them when it returns; the work it hands to the pool runs on other threads
 * with their own, and nothing a reduction calls runs another reduction on the same thread, so one
 * set per thread is enough. Arrays longer than {@link #KEEP} elements are allocated per call and not
 * kept, so one huge reduction does not pin its memory for the thread's lifetime.
 */
final class ReduceScratch {
    /** Longest array kept per thread: 2^16 elements (512 KB of doubles). */
    static final int KEEP = 1 << 16;
    private static final ThreadLocal<ReduceScratch> LOCAL = ThreadLocal.withInitial(ReduceScratch::new);

    private double[] acc = new double[0];
    private double[] buf = new double[0];
    private long[] longAcc = new long[0];
    private long[] longBuf = new long[0];
    private int[] idx = new int[0];

    private ReduceScratch() {}

    /** This thread's set. */
    static ReduceScratch get() {
        return LOCAL.get();
    }

    /** At least {@code n} accumulators, the first {@code n} set to {@code identity}. */
    double[] acc(int n, double identity) {
        double[] a = n > KEEP ? new double[n] : acc.length >= n ? acc : (acc = new double[n]);
        Arrays.fill(a, 0, n, identity);
        return a;
    }

    /** At least {@code n} int64 accumulators, the first {@code n} set to {@code identity}. */
    long[] longAcc(int n, long identity) {
        long[] a = n > KEEP ? new long[n] : longAcc.length >= n ? longAcc : (longAcc = new long[n]);
        Arrays.fill(a, 0, n, identity);
        return a;
    }

    /** A work buffer of at least {@code n} doubles (contents undefined). */
    double[] buf(int n) {
        return n > KEEP ? new double[n] : buf.length >= n ? buf : (buf = new double[n]);
    }

    /** A work buffer of at least {@code n} longs (contents undefined). */
    long[] longBuf(int n) {
        return n > KEEP ? new long[n] : longBuf.length >= n ? longBuf : (longBuf = new long[n]);
    }

    /** A multi-index of at least {@code rank} entries, the first {@code rank} zero. */
    int[] idx(int rank) {
        if (idx.length < rank) {
            idx = new int[rank];
        }
        Arrays.fill(idx, 0, rank, 0);
        return idx;
    }
}
