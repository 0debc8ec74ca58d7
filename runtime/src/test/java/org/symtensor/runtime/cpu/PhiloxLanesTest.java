package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.symtensor.runtime.random.Draws;
import org.symtensor.runtime.random.Philox;

/**
 * The vectorized Philox uniforms are bit for bit the scalar ones: element i is the top 24 bits of
 * word i of the scheme's blocks ({@link Philox#block}, pinned to Random123's known answers by
 * PhiloxTest), at counters that carry into the high word or wrap around 2^64, for any length,
 * range and thread count.
 */
class PhiloxLanesTest {
    private static final long[][] STATES = {
        {0, 0, 0}, {234, 0, 40}, {0x0123456789ABCDEFL, -7, 0xFFFFFFFEL}, {-1, 0x8000000000000000L, -3},
        {11, 2, 0x7FFFFFFFFFFFFFF0L}};

    /** The oracle: word i of the counter scheme, scaled as a unit float32. */
    private static float expected(long key, long stream, long counter, int i, int[] w) {
        Philox.block(key, stream, counter, i >>> 2, w, 0);
        return (w[i & 3] >>> 8) * 0x1p-24f;
    }

    @Test
    void unitFloats_equalTheScalarWords_atEveryCounterAndLength() {
        int[] w = new int[4];
        for (long[] s : STATES) {
            for (int n : new int[] {0, 1, 3, 4, 5, 31, 32, 33, 64, 127, 128, 129, 1000, 4099}) {
                float[] out = new float[n];
                long next = RandomKernel.uniformFloat(s[0], s[1], s[2], 0, 1, out);
                assertThat(next).isEqualTo(s[2] + (n + 3) / 4);
                for (int i = 0; i < n; i++) {
                    float e = expected(s[0], s[1], s[2], i, w);
                    if (Float.floatToRawIntBits(out[i]) != Float.floatToRawIntBits(e)) {
                        throw new AssertionError("state " + java.util.Arrays.toString(s) + " n " + n + " element " + i + ": "
                                + out[i] + " != " + e);
                    }
                }
            }
        }
    }

    @Test
    void lanes_coverAllButATail_fromAnyBlockOffset() {
        if (!Simd.ENABLED || !PhiloxLanes.USABLE) {
            return; // nothing vectorized to compare on this JVM: the scalar path is the one tested above
        }
        int[] w = new int[4];
        float[] out = new float[1000];
        int end = PhiloxLanes.unitFloats(5, 6, 7, out, 8, 1000);
        assertThat(end).isGreaterThan(1000 - 64).isLessThanOrEqualTo(1000);
        for (int i = 8; i < end; i++) {
            assertThat(out[i]).as("element %d", i).isEqualTo(expected(5, 6, 7, i, w));
        }
        assertThat(out[0]).isZero(); // nothing written before from
    }

    /** Every length 0..100 and some large ones (tails of every size), from several block offsets. */
    private static final int[] LENGTHS = lengths();

    private static int[] lengths() {
        int[] big = {1000, 4095, 4096, 4097, 16383, 16384, 16385, 24576 + 7, 65536 + 5, 100_003};
        int[] n = new int[101 + big.length];
        for (int i = 0; i <= 100; i++) {
            n[i] = i;
        }
        System.arraycopy(big, 0, n, 101, big.length);
        return n;
    }

    @Test
    void lanePath_everyLengthAndOffset_bitForBitTheScalarWords_andNothingElseWritten() {
        if (!Simd.ENABLED || !PhiloxLanes.USABLE) {
            return; // no lane path on this JVM: the scalar path is tested by the other tests
        }
        int[] w = new int[4];
        float sentinel = Float.intBitsToFloat(0x7FC0_1234); // a NaN no draw produces
        for (long[] s : STATES) {
            for (int n : LENGTHS) {
                for (int from : new int[] {0, 4, 8, 44, 1004}) {
                    if (from > n) {
                        continue;
                    }
                    float[] out = new float[n];
                    java.util.Arrays.fill(out, sentinel);
                    int end = PhiloxLanes.unitFloats(s[0], s[1], s[2], out, from, n);
                    assertThat(end).isBetween(from, n);
                    assertThat((end - from) % PhiloxLanes.FLOATS).isZero();
                    assertThat(n - end).isLessThan(PhiloxLanes.FLOATS);
                    for (int i = 0; i < n; i++) {
                        int got = Float.floatToRawIntBits(out[i]);
                        int want = Float.floatToRawIntBits(i >= from && i < end ? expected(s[0], s[1], s[2], i, w) : sentinel);
                        if (got != want) {
                            throw new AssertionError("state " + java.util.Arrays.toString(s) + " n " + n + " from " + from
                                    + " element " + i + ": " + out[i] + " != " + Float.intBitsToFloat(want));
                        }
                    }
                }
            }
        }
    }

    @Test
    void kernel_everyLength_bitForBitTheScalarWords_tailsIncluded() {
        int[] w = new int[4];
        for (long[] s : STATES) {
            for (int n : LENGTHS) {
                float[] out = new float[n];
                long next = RandomKernel.uniformFloat(s[0], s[1], s[2], 0, 1, out);
                assertThat(next).isEqualTo(s[2] + (n + 3) / 4);
                for (int i = 0; i < n; i++) {
                    if (Float.floatToRawIntBits(out[i]) != Float.floatToRawIntBits(expected(s[0], s[1], s[2], i, w))) {
                        throw new AssertionError("state " + java.util.Arrays.toString(s) + " n " + n + " element " + i);
                    }
                }
                // another range: the lane words mapped afterwards, against the scalar draw's mapping
                float[] ranged = new float[n];
                float[] scalar = new float[n];
                RandomKernel.uniformFloat(s[0], s[1], s[2], -2.5, 3.25, ranged);
                Draws.uniformFloat(s[0], s[1], s[2], -2.5, 3.25, scalar);
                for (int i = 0; i < n; i++) {
                    if (Float.floatToRawIntBits(ranged[i]) != Float.floatToRawIntBits(scalar[i])) {
                        throw new AssertionError("range, state " + java.util.Arrays.toString(s) + " n " + n + " element " + i);
                    }
                }
            }
        }
    }

    @Test
    void anyRange_anyThreadCount_equalsTheScalarDraw() {
        int n = (1 << 17) + 13; // above the split size, not a multiple of 4
        float[] scalar = new float[n];
        Draws.uniformFloat(0x5EEDL, 3, 1L << 32, -2.5, 3.25, scalar);
        for (int threads = 1; threads <= 3; threads++) {
            Parallel.configure(threads);
            float[] lanes = new float[n];
            RandomKernel.uniformFloat(0x5EEDL, 3, 1L << 32, -2.5, 3.25, lanes);
            for (int i = 0; i < n; i++) {
                if (Float.floatToRawIntBits(lanes[i]) != Float.floatToRawIntBits(scalar[i])) {
                    throw new AssertionError("threads " + threads + " element " + i + ": " + lanes[i] + " != " + scalar[i]);
                }
            }
        }
        // values near the top of a range: the rounding guard keeps them below high
        float[] narrow = new float[4096];
        RandomKernel.uniformFloat(1, 1, 1, 1.0, Math.nextUp(1.0f), narrow);
        for (float v : narrow) {
            assertThat(v).isGreaterThanOrEqualTo(1.0f).isLessThan(Math.nextUp(1.0f));
        }
        Parallel.configure(Runtime.getRuntime().availableProcessors());
    }
}
