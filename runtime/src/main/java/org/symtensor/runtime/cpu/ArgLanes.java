package org.symtensor.runtime.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

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
 * same, exactly, for any thread count. Touches {@code jdk.incubator.vector}; loaded only when
 * {@link Simd#ENABLED}.
 */
final class ArgLanes {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /**
     * Elements per block: 16 KB of float32, 32 KB of float64, re-read from L1/L2 when it has a new
     * best. Each block ends in a lane reduction, which costs about as much as reading the block
     * when blocks are much shorter; longer ones make each re-read longer. Measured on 10^6 random
     * float32s, one thread: 2048 to 16384 all about 85-90 µs once the re-read is in lanes too
     * ({@link #firstEqual}; a scalar re-read took 130 µs at 2048 and 280 µs at 16384).
     */
    static final int BLOCK = 4096;

    private ArgLanes() {}

    /** The first position of the maximum ({@code max}) or minimum of {@code s[p .. p+n)}, n >= 1; the first NaN if any. */
    static long arg(boolean max, float[] s, int p, int n) {
        if (n <= Parallel.THRESHOLD) {
            return piece(max, s, p, n);
        }
        int pieces = (int) (((long) n + Parallel.CHUNK - 1) / Parallel.CHUNK);
        long[] at = new long[pieces];
        Parallel.run(n, (from, to) -> {
            for (int c = from / Parallel.CHUNK; (long) c * Parallel.CHUNK < to; c++) {
                int o = c * Parallel.CHUNK;
                at[c] = o + piece(max, s, p + o, Math.min(Parallel.CHUNK, n - o));
            }
        });
        // in order: the first piece with a NaN decides; otherwise a later piece wins only when strictly better
        long best = at[0];
        float bv = s[p + (int) best];
        if (bv != bv) {
            return best;
        }
        for (int c = 1; c < pieces; c++) {
            float e = s[p + (int) at[c]];
            if (e != e) {
                return at[c];
            }
            if (max ? e > bv : e < bv) {
                bv = e;
                best = at[c];
            }
        }
        return best;
    }

    /** One piece, on this thread: block extremes in lanes, a block re-read only when it changes the answer. */
    private static int piece(boolean max, float[] s, int p, int n) {
        float best = s[p];
        if (best != best) {
            return 0;
        }
        int at = 0;
        for (int b = 0; b < n; b += BLOCK) {
            int len = Math.min(BLOCK, n - b);
            float m = max ? blockMax(s, p + b, len) : blockMin(s, p + b, len);
            if (m != m) {
                for (int j = 0; j < len; j++) {
                    if (s[p + b + j] != s[p + b + j]) {
                        return b + j;
                    }
                }
            }
            if (max ? m > best : m < best) {
                best = m;
                at = b + firstEqual(s, p + b, len, m);
            }
        }
        return at;
    }

    /** The first {@code j} with {@code s[o + j] == m} (IEEE equality: signed zeros are equal), which exists. */
    private static int firstEqual(float[] s, int o, int n, float m) {
        int len = F.length();
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += len) {
            VectorMask<Float> eq = FloatVector.fromArray(F, s, o + i).eq(m);
            if (eq.anyTrue()) {
                return i + eq.firstTrue();
            }
        }
        while (s[o + i] != m) {
            i++;
        }
        return i;
    }

    private static float blockMax(float[] s, int o, int n) {
        int len = F.length();
        int bound = F.loopBound(n);
        float m = s[o];
        int i = 0;
        if (bound > 0) {
            // four accumulators: the lane max of one waits for the previous one
            FloatVector a0 = FloatVector.fromArray(F, s, o);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (i = len; i + 4 * len <= bound; i += 4 * len) {
                a0 = a0.max(FloatVector.fromArray(F, s, o + i));
                a1 = a1.max(FloatVector.fromArray(F, s, o + i + len));
                a2 = a2.max(FloatVector.fromArray(F, s, o + i + 2 * len));
                a3 = a3.max(FloatVector.fromArray(F, s, o + i + 3 * len));
            }
            for (; i < bound; i += len) {
                a0 = a0.max(FloatVector.fromArray(F, s, o + i));
            }
            m = a0.max(a1).max(a2.max(a3)).reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) {
            m = Math.max(m, s[o + i]);
        }
        return m;
    }

    private static float blockMin(float[] s, int o, int n) {
        int len = F.length();
        int bound = F.loopBound(n);
        float m = s[o];
        int i = 0;
        if (bound > 0) {
            // four accumulators: the lane min of one waits for the previous one
            FloatVector a0 = FloatVector.fromArray(F, s, o);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (i = len; i + 4 * len <= bound; i += 4 * len) {
                a0 = a0.min(FloatVector.fromArray(F, s, o + i));
                a1 = a1.min(FloatVector.fromArray(F, s, o + i + len));
                a2 = a2.min(FloatVector.fromArray(F, s, o + i + 2 * len));
                a3 = a3.min(FloatVector.fromArray(F, s, o + i + 3 * len));
            }
            for (; i < bound; i += len) {
                a0 = a0.min(FloatVector.fromArray(F, s, o + i));
            }
            m = a0.min(a1).min(a2.min(a3)).reduceLanes(VectorOperators.MIN);
        }
        for (; i < n; i++) {
            m = Math.min(m, s[o + i]);
        }
        return m;
    }

    /** As {@link #arg(boolean, float[], int, int)} for doubles. */
    static long arg(boolean max, double[] s, int p, int n) {
        if (n <= Parallel.THRESHOLD) {
            return piece(max, s, p, n);
        }
        int pieces = (int) (((long) n + Parallel.CHUNK - 1) / Parallel.CHUNK);
        long[] at = new long[pieces];
        Parallel.run(n, (from, to) -> {
            for (int c = from / Parallel.CHUNK; (long) c * Parallel.CHUNK < to; c++) {
                int o = c * Parallel.CHUNK;
                at[c] = o + piece(max, s, p + o, Math.min(Parallel.CHUNK, n - o));
            }
        });
        long best = at[0];
        double bv = s[p + (int) best];
        if (bv != bv) {
            return best;
        }
        for (int c = 1; c < pieces; c++) {
            double e = s[p + (int) at[c]];
            if (e != e) {
                return at[c];
            }
            if (max ? e > bv : e < bv) {
                bv = e;
                best = at[c];
            }
        }
        return best;
    }

    private static int piece(boolean max, double[] s, int p, int n) {
        double best = s[p];
        if (best != best) {
            return 0;
        }
        int at = 0;
        for (int b = 0; b < n; b += BLOCK) {
            int len = Math.min(BLOCK, n - b);
            double m = max ? blockMax(s, p + b, len) : blockMin(s, p + b, len);
            if (m != m) {
                for (int j = 0; j < len; j++) {
                    if (s[p + b + j] != s[p + b + j]) {
                        return b + j;
                    }
                }
            }
            if (max ? m > best : m < best) {
                best = m;
                at = b + firstEqual(s, p + b, len, m);
            }
        }
        return at;
    }

    /** The first {@code j} with {@code s[o + j] == m} (IEEE equality: signed zeros are equal), which exists. */
    private static int firstEqual(double[] s, int o, int n, double m) {
        int len = D.length();
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += len) {
            VectorMask<Double> eq = DoubleVector.fromArray(D, s, o + i).eq(m);
            if (eq.anyTrue()) {
                return i + eq.firstTrue();
            }
        }
        while (s[o + i] != m) {
            i++;
        }
        return i;
    }

    private static double blockMax(double[] s, int o, int n) {
        int len = D.length();
        int bound = D.loopBound(n);
        double m = s[o];
        int i = 0;
        if (bound > 0) {
            // four accumulators: the lane max of one waits for the previous one
            DoubleVector a0 = DoubleVector.fromArray(D, s, o);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            DoubleVector a3 = a0;
            for (i = len; i + 4 * len <= bound; i += 4 * len) {
                a0 = a0.max(DoubleVector.fromArray(D, s, o + i));
                a1 = a1.max(DoubleVector.fromArray(D, s, o + i + len));
                a2 = a2.max(DoubleVector.fromArray(D, s, o + i + 2 * len));
                a3 = a3.max(DoubleVector.fromArray(D, s, o + i + 3 * len));
            }
            for (; i < bound; i += len) {
                a0 = a0.max(DoubleVector.fromArray(D, s, o + i));
            }
            m = a0.max(a1).max(a2.max(a3)).reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) {
            m = Math.max(m, s[o + i]);
        }
        return m;
    }

    private static double blockMin(double[] s, int o, int n) {
        int len = D.length();
        int bound = D.loopBound(n);
        double m = s[o];
        int i = 0;
        if (bound > 0) {
            // four accumulators: the lane min of one waits for the previous one
            DoubleVector a0 = DoubleVector.fromArray(D, s, o);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            DoubleVector a3 = a0;
            for (i = len; i + 4 * len <= bound; i += 4 * len) {
                a0 = a0.min(DoubleVector.fromArray(D, s, o + i));
                a1 = a1.min(DoubleVector.fromArray(D, s, o + i + len));
                a2 = a2.min(DoubleVector.fromArray(D, s, o + i + 2 * len));
                a3 = a3.min(DoubleVector.fromArray(D, s, o + i + 3 * len));
            }
            for (; i < bound; i += len) {
                a0 = a0.min(DoubleVector.fromArray(D, s, o + i));
            }
            m = a0.min(a1).min(a2.min(a3)).reduceLanes(VectorOperators.MIN);
        }
        for (; i < n; i++) {
            m = Math.min(m, s[o + i]);
        }
        return m;
    }
}
