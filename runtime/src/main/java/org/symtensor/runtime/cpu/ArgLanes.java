package org.symtensor.runtime.cpu;

/**
 * Vector API argmax and argmin of one contiguous float32 or float64 run, for
 * {@link IndexReduceKernel}, in one pass over memory. The run is cut into blocks of
 * {@link #BLOCK} elements (small enough to stay in the cache); each block's extreme is found by
 * a lane-wise max (min), which propagates NaN as {@link Math#max} does. Only when a block holds a
 * NaN, or an extreme strictly better than the best so far, is that block read again (from the
 * cache): in lanes for the first position equal to the extreme, by a plain loop for its first
 * NaN. On random data that happens about {@code ln(blocks)} times, so the cost is about that of a
 * lane-wise {@code max} alone. Equal values compare equal
 * ({@code -0.0 == 0.0}) and a later block only wins when strictly better, which is the first
 * occurrence that the scalar {@code >} keeps; the first NaN ends the search, as in NumPy.
 *
 * <p>Runs longer than {@link Parallel#THRESHOLD} are split into fixed pieces of
 * {@link Parallel#CHUNK} elements on the project pool; each piece gives its own first extreme (or
 * first NaN), and the pieces are combined in order with the same rules, so the answer is the
 * same, exactly, for any thread count. The lane code is {@link DoubleArgLanes} and its generated
 * float32 twin {@code FloatArgLanes}; this class keeps the shared block size and the entry points.
 * Touches {@code jdk.incubator.vector} through them; loaded only when {@link Simd#ENABLED}.
 */
final class ArgLanes {
    /**
     * Elements per block: 16 KB of float32, 32 KB of float64, re-read from L1/L2 when it has a new
     * best. Each block ends in a lane reduction, which costs about as much as reading the block
     * when blocks are much shorter; longer ones make each re-read longer. Measured on 10^6 random
     * float32s, one thread: 2048 to 16384 all about 85-90 µs once the re-read is in lanes too
     * ({@code DoubleArgLanes.firstEqual}; a scalar re-read took 130 µs at 2048 and 280 µs at 16384).
     */
    static final int BLOCK = 4096;

    private ArgLanes() {}

    /** The first position of the maximum ({@code max}) or minimum of {@code s[p .. p+n)}, n >= 1; the first NaN if any. */
    static long arg(boolean max, float[] s, int p, int n) {
        return FloatArgLanes.arg(max, s, p, n);
    }

    /** As {@link #arg(boolean, float[], int, int)} for doubles. */
    static long arg(boolean max, double[] s, int p, int n) {
        return DoubleArgLanes.arg(max, s, p, n);
    }
}
