package org.symtensor.runtime.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The lane code of {@link ArgLanes} for one element type: the source of both the float64 loops
 * and, through {@code runtime/src/build/FloatTwin.java}, the generated float32 twin
 * {@code FloatArgLanes} (see docs/contributing.md, "The float32 twins"). The algorithm, the block
 * size and the in-order combination of parallel pieces are described on {@link ArgLanes}.
 */
final class DoubleArgLanes {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private DoubleArgLanes() {}

    /** The first position of the maximum ({@code max}) or minimum of {@code s[p .. p+n)}, n >= 1; the first NaN if any. */
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
        // in order: the first piece with a NaN decides; otherwise a later piece wins only when strictly better
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

    /** One piece, on this thread: block extremes in lanes, a block re-read only when it changes the answer. */
    private static int piece(boolean max, double[] s, int p, int n) {
        double best = s[p];
        if (best != best) {
            return 0;
        }
        int at = 0;
        for (int b = 0; b < n; b += ArgLanes.BLOCK) {
            int len = Math.min(ArgLanes.BLOCK, n - b);
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
        int len = S.length();
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += len) {
            VectorMask<Double> eq = DoubleVector.fromArray(S, s, o + i).eq(m);
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
        int len = S.length();
        int bound = S.loopBound(n);
        double m = s[o];
        int i = 0;
        if (bound > 0) {
            // four accumulators: the lane max of one waits for the previous one
            DoubleVector a0 = DoubleVector.fromArray(S, s, o);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            DoubleVector a3 = a0;
            for (i = len; i + 4 * len <= bound; i += 4 * len) {
                a0 = a0.max(DoubleVector.fromArray(S, s, o + i));
                a1 = a1.max(DoubleVector.fromArray(S, s, o + i + len));
                a2 = a2.max(DoubleVector.fromArray(S, s, o + i + 2 * len));
                a3 = a3.max(DoubleVector.fromArray(S, s, o + i + 3 * len));
            }
            for (; i < bound; i += len) {
                a0 = a0.max(DoubleVector.fromArray(S, s, o + i));
            }
            m = a0.max(a1).max(a2.max(a3)).reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) {
            m = Math.max(m, s[o + i]);
        }
        return m;
    }

    // kept apart from blockMax rather than passed the operator: the Vector API turns a lane
    // operator into one instruction only where it is a constant at the call
    private static double blockMin(double[] s, int o, int n) {
        int len = S.length();
        int bound = S.loopBound(n);
        double m = s[o];
        int i = 0;
        if (bound > 0) {
            // four accumulators: the lane min of one waits for the previous one
            DoubleVector a0 = DoubleVector.fromArray(S, s, o);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            DoubleVector a3 = a0;
            for (i = len; i + 4 * len <= bound; i += 4 * len) {
                a0 = a0.min(DoubleVector.fromArray(S, s, o + i));
                a1 = a1.min(DoubleVector.fromArray(S, s, o + i + len));
                a2 = a2.min(DoubleVector.fromArray(S, s, o + i + 2 * len));
                a3 = a3.min(DoubleVector.fromArray(S, s, o + i + 3 * len));
            }
            for (; i < bound; i += len) {
                a0 = a0.min(DoubleVector.fromArray(S, s, o + i));
            }
            m = a0.min(a1).min(a2.min(a3)).reduceLanes(VectorOperators.MIN);
        }
        for (; i < n; i++) {
            m = Math.min(m, s[o + i]);
        }
        return m;
    }
}
