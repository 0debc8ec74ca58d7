package org.symtensor.runtime.random;

import java.util.stream.IntStream;

/**
 * How each distribution turns the word sequence {@code W} of a draw (see {@link Philox}) into
 * samples; every method returns the counter after the draw. Words are unsigned 32-bit; {@code x64}
 * is two consecutive words {@code (W[w+1] << 32) | W[w]}; {@code u24(w) = (w >>> 8) * 2^-24} and
 * {@code u53(x64) = (x64 >>> 11) * 2^-53} are uniform on [0, 1); arithmetic is IEEE double unless
 * stated, and transcendental functions are {@link StrictMath}'s (fdlibm), so results do not depend
 * on the JVM. Per element {@code i}:
 *
 * <table>
 * <caption>words per element</caption>
 * <tr><th>draw</th><th>words</th><th>value</th></tr>
 * <tr><td>uniform float32</td><td>{@code W[i]}</td><td>{@code (float) (low + (high - low) * u24)}, below high</td></tr>
 * <tr><td>uniform float64</td><td>{@code x64 at 2i}</td><td>{@code low + (high - low) * u53}, below high</td></tr>
 * <tr><td>normal (Box–Muller)</td><td>pair {@code m = i / 2}: float32 {@code u1 = u24(W[2m]), u2 = u24(W[2m+1])};
 *   float64 {@code u1 = u53(x64 at 4m), u2 = u53(x64 at 4m+2)}</td>
 *   <td>{@code r = sqrt(-2 ln(1 - u1))}; element 2m is {@code mean + std * r cos(2 pi u2)}, element 2m+1
 *   {@code mean + std * r sin(2 pi u2)}</td></tr>
 * <tr><td>integers [low, high]</td><td>{@code x64 at 2i}</td><td>{@code low + umulhi64(x64, high - low + 1)}
 *   (bias below 2^-64 per value)</td></tr>
 * <tr><td>binomial(n, p)</td><td>{@code W[i n + t]}, t &lt; n</td><td>the number of t with
 *   {@code W[i n + t] < floor(p 2^32)}</td></tr>
 * <tr><td>choice, replace, no p</td><td>{@code x64 at 2i}</td><td>{@code umulhi64(x64, a)}</td></tr>
 * <tr><td>choice, replace, p</td><td>{@code x64 at 2i}</td><td>the first j with {@code u53 < cdf[j]}
 *   (cdf summed left to right), else the last j with {@code p[j] > 0}</td></tr>
 * <tr><td>choice without replacement, permutation, shuffleRows</td><td>step t: {@code x64 at 2t}</td>
 *   <td>partial Fisher–Yates on {@code [0, a)}: swap t with {@code t + umulhi64(x64, a - t)}; element t is
 *   position t; with p, step t picks among the items not yet picked the first whose running weight (in
 *   index order) exceeds {@code u53 * remaining weight}</td></tr>
 * <tr><td>multinomial(n, pvals)</td><td>trial t of element i: {@code x64 at 2(i n + t)}</td><td>counts of
 *   the categories picked as by choice with p</td></tr>
 * </table>
 */
public final class Draws {
    private static final double TWO_PI = 2 * Math.PI;
    /** Draws at least this long are split over the common fork-join pool (the numbers do not change). */
    private static final int PARALLEL_MIN = 1 << 16;
    private static final int CHUNK = 1 << 14;

    private Draws() {}

    static double u24(int w) {
        return (w >>> 8) * 0x1p-24;
    }

    static double u53(long x) {
        return (x >>> 11) * 0x1p-53;
    }

    /** The high 64 bits of the unsigned 128-bit product (Java 17 lacks Math.unsignedMultiplyHigh). */
    static long umulhi(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    public static long uniformFloat(long key, long stream, long counter, double low, double high, float[] out) {
        int n = out.length;
        if (n >= PARALLEL_MIN) {
            IntStream.range(0, (n + CHUNK - 1) / CHUNK).parallel().forEach(c ->
                    uniformFloatRange(key, stream, counter, low, high, out, c * CHUNK, Math.min(n, (c + 1) * CHUNK)));
        } else {
            uniformFloatRange(key, stream, counter, low, high, out, 0, n);
        }
        return counter + Philox.blocksFor(n);
    }

    /**
     * {@code out[from .. to)}, holding unit uniforms {@code u24(W[i])} (exact in float), mapped to
     * {@code [low, high)} exactly as {@link #uniformFloat} maps them: for a vectorized generator of
     * the unit words.
     */
    public static void unitToRange(double low, double high, float[] out, int from, int to) {
        if (low == 0 && high == 1) {
            return;
        }
        double span = high - low;
        for (int i = from; i < to; i++) {
            out[i] = toFloat(low + span * out[i], low, high);
        }
    }

    /**
     * Elements {@code [from, to)}, from a multiple of 4: block {@code i / 4} holds elements i..i+3.
     * The rounds are {@link Philox#block} written out over locals, so the hot loop stores nothing
     * but samples (the known-answer tests pin both to the same function).
     */
    public static void uniformFloatRange(long key, long stream, long counter, double low, double high, float[] out,
            int from, int to) {
        int i = from;
        if (low == 0 && high == 1) {
            for (; i + 8 <= to; i += 8) {
                unitPair(key, stream, counter + (i >>> 2), out, i);
            }
        }
        double span = high - low;
        int[] w = new int[4];
        for (; i < to; i += 4) {
            Philox.block(key, stream, counter, i >>> 2, w, 0);
            int m = Math.min(4, to - i);
            for (int j = 0; j < m; j++) {
                out[i + j] = toFloat(low + span * u24(w[j]), low, high);
            }
        }
    }

    /**
     * Blocks {@code b} and {@code b + 1} as unit float32 uniforms into {@code out[i .. i + 7]}: the rounds
     * of {@link Philox#block} written out over locals, two blocks interleaved so their multiply chains
     * overlap (the known-answer and scheme tests pin this to the same function).
     */
    private static void unitPair(long key, long stream, long b, float[] out, int i) {
        int k0 = (int) key;
        int k1 = (int) (key >>> 32);
        int a0 = (int) b;
        int a1 = (int) (b >>> 32);
        int a2 = (int) stream;
        int a3 = (int) (stream >>> 32);
        long b2 = b + 1;
        int d0 = (int) b2;
        int d1 = (int) (b2 >>> 32);
        int d2 = a2;
        int d3 = a3;
        for (int r = 0; r < 10; r++) {
            long p0 = (Philox.M0 & 0xFFFFFFFFL) * (a0 & 0xFFFFFFFFL);
            long p1 = (Philox.M1 & 0xFFFFFFFFL) * (a2 & 0xFFFFFFFFL);
            long q0 = (Philox.M0 & 0xFFFFFFFFL) * (d0 & 0xFFFFFFFFL);
            long q1 = (Philox.M1 & 0xFFFFFFFFL) * (d2 & 0xFFFFFFFFL);
            a0 = (int) (p1 >>> 32) ^ a1 ^ k0;
            a2 = (int) (p0 >>> 32) ^ a3 ^ k1;
            a1 = (int) p1;
            a3 = (int) p0;
            d0 = (int) (q1 >>> 32) ^ d1 ^ k0;
            d2 = (int) (q0 >>> 32) ^ d3 ^ k1;
            d1 = (int) q1;
            d3 = (int) q0;
            k0 += Philox.W0;
            k1 += Philox.W1;
        }
        // (w >>> 8) * 2^-24 is exact in float and equals the general formula with low 0, high 1
        out[i] = (a0 >>> 8) * 0x1p-24f;
        out[i + 1] = (a1 >>> 8) * 0x1p-24f;
        out[i + 2] = (a2 >>> 8) * 0x1p-24f;
        out[i + 3] = (a3 >>> 8) * 0x1p-24f;
        out[i + 4] = (d0 >>> 8) * 0x1p-24f;
        out[i + 5] = (d1 >>> 8) * 0x1p-24f;
        out[i + 6] = (d2 >>> 8) * 0x1p-24f;
        out[i + 7] = (d3 >>> 8) * 0x1p-24f;
    }

    private static float toFloat(double v, double low, double high) {
        float x = (float) v;
        if (x >= high && low < high) {
            x = Math.nextDown((float) high);
            if (x >= high) {
                x = Math.nextDown(x);
            }
        }
        return x;
    }

    public static long uniformDouble(long key, long stream, long counter, double low, double high, double[] out) {
        Philox.Words w = new Philox.Words(key, stream, counter);
        double span = high - low;
        for (int i = 0; i < out.length; i++) {
            double v = low + span * u53(w.nextLong());
            out[i] = v >= high && low < high ? Math.nextDown(high) : v;
        }
        return w.nextCounter();
    }

    public static long normalFloat(long key, long stream, long counter, double mean, double std, float[] out) {
        Philox.Words w = new Philox.Words(key, stream, counter);
        for (int i = 0; i < out.length; i += 2) {
            double u1 = u24(w.nextInt());
            double u2 = u24(w.nextInt());
            double r = StrictMath.sqrt(-2 * StrictMath.log(1 - u1));
            out[i] = (float) (mean + std * r * StrictMath.cos(TWO_PI * u2));
            if (i + 1 < out.length) {
                out[i + 1] = (float) (mean + std * r * StrictMath.sin(TWO_PI * u2));
            }
        }
        return w.nextCounter();
    }

    public static long normalDouble(long key, long stream, long counter, double mean, double std, double[] out) {
        Philox.Words w = new Philox.Words(key, stream, counter);
        for (int i = 0; i < out.length; i += 2) {
            double u1 = u53(w.nextLong());
            double u2 = u53(w.nextLong());
            double r = StrictMath.sqrt(-2 * StrictMath.log(1 - u1));
            out[i] = mean + std * r * StrictMath.cos(TWO_PI * u2);
            if (i + 1 < out.length) {
                out[i + 1] = mean + std * r * StrictMath.sin(TWO_PI * u2);
            }
        }
        return w.nextCounter();
    }

    /** Uniform on {@code [low, high]} inclusive; a range of 2^64 (all longs) wraps to 0 and takes x64 as is. */
    public static long integers(long key, long stream, long counter, long low, long high, long[] out) {
        Philox.Words w = new Philox.Words(key, stream, counter);
        long range = high - low + 1;
        for (int i = 0; i < out.length; i++) {
            long x = w.nextLong();
            out[i] = low + (range == 0 ? x : umulhi(x, range));
        }
        return w.nextCounter();
    }

    public static long binomial(long key, long stream, long counter, long n, double p, long[] out) {
        Philox.Words w = new Philox.Words(key, stream, counter);
        long threshold = (long) Math.floor(p * 0x1p32);
        for (int i = 0; i < out.length; i++) {
            long k = 0;
            for (long t = 0; t < n; t++) {
                k += (w.nextInt() & 0xFFFFFFFFL) < threshold ? 1 : 0;
            }
            out[i] = k;
        }
        return w.nextCounter();
    }

    /** Indices into {@code [0, a)}; {@code p} null for uniform weights. Arguments are already checked. */
    public static long choice(long key, long stream, long counter, int a, boolean replace, double[] p, long[] out) {
        Philox.Words w = new Philox.Words(key, stream, counter);
        if (replace && p == null) {
            for (int i = 0; i < out.length; i++) {
                out[i] = umulhi(w.nextLong(), a);
            }
        } else if (replace) {
            double[] cdf = cdf(p);
            for (int i = 0; i < out.length; i++) {
                out[i] = pick(cdf, p, u53(w.nextLong()));
            }
        } else if (p == null) {
            int[] perm = new int[a];
            for (int i = 0; i < a; i++) {
                perm[i] = i;
            }
            for (int t = 0; t < out.length; t++) {
                int j = t + (int) umulhi(w.nextLong(), a - t);
                int s = perm[t];
                perm[t] = perm[j];
                perm[j] = s;
                out[t] = perm[t];
            }
        } else {
            boolean[] taken = new boolean[a];
            for (int t = 0; t < out.length; t++) {
                double remaining = 0;
                for (int j = 0; j < a; j++) {
                    remaining += taken[j] ? 0 : p[j];
                }
                double target = u53(w.nextLong()) * remaining;
                int last = -1;
                int chosen = -1;
                double run = 0;
                for (int j = 0; j < a && chosen < 0; j++) {
                    if (taken[j] || p[j] <= 0) {
                        continue;
                    }
                    run += p[j];
                    last = j;
                    if (target < run) {
                        chosen = j;
                    }
                }
                chosen = chosen < 0 ? last : chosen;
                taken[chosen] = true;
                out[t] = chosen;
            }
        }
        return w.nextCounter();
    }

    /** Counts per category: {@code out[i * k + j]} for element i and category j, {@code k = pvals.length}. */
    public static long multinomial(long key, long stream, long counter, long n, double[] pvals, long[] out) {
        Philox.Words w = new Philox.Words(key, stream, counter);
        int k = pvals.length;
        double[] cdf = cdf(pvals);
        for (int i = 0; i < out.length / Math.max(k, 1); i++) {
            for (long t = 0; t < n; t++) {
                out[i * k + pick(cdf, pvals, u53(w.nextLong()))]++;
            }
        }
        return w.nextCounter();
    }

    private static double[] cdf(double[] p) {
        double[] c = new double[p.length];
        double s = 0;
        for (int j = 0; j < p.length; j++) {
            s += p[j];
            c[j] = s;
        }
        return c;
    }

    private static int pick(double[] cdf, double[] p, double u) {
        for (int j = 0; j < cdf.length; j++) {
            if (u < cdf[j] && p[j] > 0) {
                return j;
            }
        }
        for (int j = p.length - 1; j >= 0; j--) {
            if (p[j] > 0) {
                return j;
            }
        }
        throw new IllegalStateException("no category has a non-zero probability");
    }
}
