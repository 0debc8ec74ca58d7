package org.symtensor.runtime.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;
import org.symtensor.runtime.random.Philox;

/**
 * Philox-4x32-10 unit float32 uniforms in Vector API lanes, bit for bit the words of
 * {@link Philox#block} (the counter scheme of {@link Philox}): element {@code i} is
 * {@code (W[i] >>> 8) * 2^-24}.
 *
 * <p>Layout. A long vector holds whole blocks in output order: lane {@code 2j} is the pair of
 * words {@code c0 | c1 << 32} of block {@code j} of the vector (at the start the 64-bit counter
 * {@code C + b + j}), lane {@code 2j + 1} its pair {@code c2 | c3 << 32} (at the start the
 * stream). Read as ints, the vector is {@code c0, c1, c2, c3} of its first block, then of the
 * next: exactly the order of the output, so the last step converts and stores it contiguously
 * (the layout with one vector of {@code (c0, c1)} pairs and one of {@code (c2, c3)} pairs needed
 * four stride-4 scatters per 32 floats, which cost more than the rounds).
 *
 * <p>One round, per lane pair: {@code P = lo32(lane) * M}, with {@code M} = M0 in even lanes and
 * M1 in odd lanes, as full 64-bit products (a product {@code lo | hi << 32} reads as the ints
 * {@code lo, hi}); then the ints of each block's product pair {@code lo0, hi0, lo1, hi1} are
 * reversed to {@code hi1, lo1, hi0, lo0}, which puts {@code hi(M1 c2)} and {@code lo(M1 c2)} in
 * the even lane and {@code hi(M0 c0)} and {@code lo(M0 c0)} in the odd lane, and
 * {@code (lane >>> 32) ^ key} adds {@code c1 ^ k0} (even) or {@code c3 ^ k1} (odd) to the low
 * word: {@code c0' = hi(M1 c2) ^ c1 ^ k0, c1' = lo(M1 c2), c2' = hi(M0 c0) ^ c3 ^ k1,
 * c3' = lo(M0 c0)}, the round of {@link Philox#block}. The reversal is one int rearrange within
 * each 128 bits; everything else is lanewise.
 *
 * <p>Three vectors are computed side by side (their multiply and rearrange latencies overlap).
 * The rounds and the conversion are separate small methods meeting in a long[] scratch: C2 on
 * JDK 17 expands the Vector API calls into many nodes while parsing, and a method whose inlined
 * calls pass its node budget leaves the rest as calls on boxed vectors (allocating per vector).
 * Three vectors per call fit the budget; four were no faster (the conversion no longer inlined,
 * though still compiled on its own), and from five the rounds ran boxed, several times slower. Touches
 * {@code jdk.incubator.vector}; loaded only when {@link Simd#ENABLED}.
 */
final class PhiloxLanes {
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final long MASK = 0xFFFFFFFFL;
    /** Long lanes per vector. */
    private static final int LANES = L.length();
    /** Blocks per vector: two long lanes each. */
    private static final int BLOCKS = LANES / 2;
    /** Floats per vector: four words per block. */
    static final int FLOATS = BLOCKS * 4;
    /** Vectors computed side by side. */
    private static final int GROUP = 3;
    /** Floats per group of vectors. */
    private static final int GROUP_FLOATS = GROUP * FLOATS;
    /** The multipliers: M0 in even lanes, M1 in odd lanes. */
    private static final LongVector MUL;
    /** Lanes that hold a block's {@code (c2, c3)}: the odd ones. */
    private static final VectorMask<Long> ODD;
    /** {@link #BLOCKS} in the even lanes, 0 in the odd ones: from one vector's counters to the next's. */
    private static final LongVector STEP;
    /** Block offsets {@code 0, 1, 2, ...} in the even lanes, 0 in the odd ones. */
    private static final LongVector BLOCK;
    /** Reverses the four ints of each block. */
    private static final VectorShuffle<Integer> REVERSE4;

    /** Whether the shapes line up (whole blocks per vector, an int vector of the same shape). */
    static final boolean USABLE = LANES >= 2 && LANES % 2 == 0 && I.length() == 2 * LANES;

    static {
        long[] mul = new long[LANES];
        long[] block = new long[LANES];
        boolean[] odd = new boolean[LANES];
        for (int q = 0; q < LANES; q++) {
            odd[q] = (q & 1) == 1;
            mul[q] = (odd[q] ? Philox.M1 : Philox.M0) & MASK;
            block[q] = odd[q] ? 0 : q / 2;
        }
        MUL = LongVector.fromArray(L, mul, 0);
        BLOCK = LongVector.fromArray(L, block, 0);
        ODD = VectorMask.fromArray(L, odd, 0);
        STEP = LongVector.broadcast(L, BLOCKS).blend(0, ODD);
        REVERSE4 = VectorShuffle.fromOp(I, q -> (q & ~3) | (3 - (q & 3)));
    }

    private PhiloxLanes() {}

    /**
     * The ten round keys of {@code key} lane-wise, {@code 10 * LANES} longs: round {@code r}'s k0 in the
     * even lanes and its k1 in the odd ones of {@code [r * LANES, (r + 1) * LANES)}. One draw computes
     * them once for all its chunks.
     */
    static long[] roundKeys(long key) {
        long[] keys = new long[10 * LANES];
        int a = (int) key;
        int c = (int) (key >>> 32);
        for (int r = 0; r < 10; r++) {
            for (int q = 0; q < LANES; q += 2) {
                keys[r * LANES + q] = a & MASK;
                keys[r * LANES + q + 1] = c & MASK;
            }
            a += Philox.W0;
            c += Philox.W1;
        }
        return keys;
    }

    /**
     * Elements {@code [from, i)} of the unit float32 draw from {@code (key, stream, counter)}, for the
     * largest {@code i <= to} this covers in whole vectors; returns {@code i}. {@code from} is a
     * multiple of 4; the caller computes the tail (fewer than {@link #FLOATS} elements).
     */
    static int unitFloats(long key, long stream, long counter, float[] out, int from, int to) {
        return unitFloats(roundKeys(key), stream, counter, out, from, to);
    }

    /** {@link #unitFloats(long, long, long, float[], int, int)} with the key's {@link #roundKeys}. */
    static int unitFloats(long[] keys, long stream, long counter, float[] out, int from, int to) {
        long[] words = new long[GROUP * LANES];
        int i = from;
        long b = counter + (from >>> 2);
        for (; i + GROUP_FLOATS <= to; i += GROUP_FLOATS, b += GROUP * BLOCKS) {
            threeVectors(b, stream, keys, words);
            store(words, out, i, GROUP);
        }
        for (; i + FLOATS <= to; i += FLOATS, b += BLOCKS) {
            oneVector(b, stream, keys, words);
            store(words, out, i, 1);
        }
        return i;
    }

    /** The first vector of blocks {@code b ..}: the counters in the even lanes, the stream in the odd ones. */
    private static LongVector start(long b, long stream) {
        return BLOCK.add(b).blend(stream, ODD);
    }

    /** One round of every block of {@code v} under the round keys {@code key}. */
    private static LongVector round(LongVector v, LongVector key) {
        LongVector swapped = v.and(MASK).mul(MUL).reinterpretAsInts().rearrange(REVERSE4).reinterpretAsLongs();
        return swapped.lanewise(VectorOperators.XOR, v.lanewise(VectorOperators.LSHR, 32)).lanewise(VectorOperators.XOR, key);
    }

    /** The final words of blocks {@code b .. b + 3 BLOCKS - 1} into {@code words[0 .. 3 LANES)}. */
    private static void threeVectors(long b, long stream, long[] keys, long[] words) {
        // the next vectors' counters are BLOCKS further (deriving them from v0 measured a few percent faster than three starts)
        LongVector v0 = start(b, stream);
        LongVector v1 = v0.add(STEP);
        LongVector v2 = v1.add(STEP);
        for (int r = 0; r < 10; r++) {
            LongVector k = LongVector.fromArray(L, keys, r * LANES);
            v0 = round(v0, k);
            v1 = round(v1, k);
            v2 = round(v2, k);
        }
        v0.intoArray(words, 0);
        v1.intoArray(words, LANES);
        v2.intoArray(words, 2 * LANES);
    }

    /** The final words of blocks {@code b .. b + BLOCKS - 1} into {@code words[0 .. LANES)}. */
    private static void oneVector(long b, long stream, long[] keys, long[] words) {
        LongVector v = start(b, stream);
        for (int r = 0; r < 10; r++) {
            v = round(v, LongVector.fromArray(L, keys, r * LANES));
        }
        v.intoArray(words, 0);
    }

    /** {@code count} vectors of final words as unit floats into {@code out[i ..]}: the ints are already in output order. */
    private static void store(long[] words, float[] out, int i, int count) {
        for (int g = 0; g < count; g++) {
            IntVector w = LongVector.fromArray(L, words, g * LANES).reinterpretAsInts();
            // the top 24 bits are exact in float; times 2^-24 is exact too
            ((FloatVector) w.lanewise(VectorOperators.LSHR, 8).convert(VectorOperators.I2F, 0)).mul(0x1p-24f)
                    .intoArray(out, i + g * FLOATS);
        }
    }
}
