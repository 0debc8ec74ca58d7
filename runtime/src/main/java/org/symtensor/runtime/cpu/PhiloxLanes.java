package org.symtensor.runtime.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.symtensor.runtime.random.Philox;

/**
 * Philox-4x32-10 unit float32 uniforms in Vector API lanes, bit for bit the words of
 * {@link Philox#block} (the counter scheme of {@link Philox}): element {@code i} is
 * {@code (W[i] >>> 8) * 2^-24}.
 *
 * <p>Layout. Lane {@code j} of two 64-bit vectors holds block {@code b + j}: {@code E} its words
 * {@code c0 | c1 << 32} (at the start just the 64-bit counter {@code C + b + j}) and {@code O}
 * its words {@code c2 | c3 << 32} (at the start the stream). One round is then, for all blocks of
 * the vectors at once and with no lane crossing: {@code pE = lo32(E) * M0} and
 * {@code pO = lo32(O) * M1} as full 64-bit products, {@code E' = rotate(pO, 32) ^ (E >>> 32) ^ k0}
 * and {@code O' = rotate(pE, 32) ^ (O >>> 32) ^ k1} (the rotation puts the product's high half in
 * the low word and its low half in the high word), which is exactly
 * {@code c0' = hi(M1 c2) ^ c1 ^ k0, c1' = lo(M1 c2), c2' = hi(M0 c0) ^ c3 ^ k1, c3' = lo(M0 c0)}.
 * After ten rounds each word becomes a float ({@code (w >>> 8)} converted exactly, times 2^-24) and
 * is stored with a stride-4 scatter. Two groups are computed side by side so the multiplies'
 * latency overlaps. Only operations that C2 compiles to vector instructions on JDK 17 are used
 * (no lane shuffles or reinterpretations, which it leaves to boxed fallbacks). Touches
 * {@code jdk.incubator.vector}; loaded only when {@link Simd#ENABLED}.
 */
final class PhiloxLanes {
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    /** Floats of half the long vector's size: one per long lane. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(Math.max(64,
            L.vectorBitSize() / 2)));
    private static final long MASK = 0xFFFFFFFFL;
    private static final long M0 = Philox.M0 & MASK;
    private static final long M1 = Philox.M1 & MASK;
    /** Blocks per vector: one per lane. */
    private static final int BLOCKS = L.length();
    /** Floats per vector group: four words per block. */
    private static final int FLOATS = BLOCKS * 4;
    /** Block offsets {@code 0, 1, 2, ...} of the lanes. */
    private static final LongVector LANE = LongVector.zero(L).addIndex(1);
    /** Where lane j's word goes in a group's output: {@code 4 j}. */
    private static final int[] STRIDE4 = new int[BLOCKS];

    static {
        for (int j = 0; j < BLOCKS; j++) {
            STRIDE4[j] = 4 * j;
        }
    }

    /** Whether the shapes line up (a float vector of one lane per long lane exists). */
    static final boolean USABLE = L.length() >= 2 && F.length() == L.length();

    private PhiloxLanes() {}


    /**
     * Elements {@code [from, i)} of the unit float32 draw from {@code (key, stream, counter)}, for the
     * largest {@code i <= to} this covers in whole groups; returns {@code i}. {@code from} is a
     * multiple of 4; the caller computes the tail.
     */
    static int unitFloats(long key, long stream, long counter, float[] out, int from, int to) {
        long[] k0 = new long[10];
        long[] k1 = new long[10];
        int a = (int) key;
        int c = (int) (key >>> 32);
        for (int r = 0; r < 10; r++) {
            k0[r] = a & MASK;
            k1[r] = c & MASK;
            a += Philox.W0;
            c += Philox.W1;
        }
        int i = from;
        long b = counter + (from >>> 2);
        long[] words = new long[4 * BLOCKS];
        for (; i + 2 * FLOATS <= to; i += 2 * FLOATS, b += 2 * BLOCKS) {
            twoGroups(b, stream, k0, k1, words);
            store(words, 0, out, i);
            store(words, 2 * BLOCKS, out, i + FLOATS);
        }
        for (; i + FLOATS <= to; i += FLOATS, b += BLOCKS) {
            oneGroup(b, stream, k0, k1, words);
            store(words, 0, out, i);
        }
        return i;
    }

    /*
     * Rounds and stores are separate small methods that meet in a long[] scratch: one method with
     * both exceeds C2's inlining budget for the Vector API's expansion, and what is not inlined runs
     * on boxed vectors (allocating tens of bytes per element).
     */

    /** The final words of blocks {@code b .. b + 2 BLOCKS - 1}: E and O of the first group, then of the second. */
    private static void twoGroups(long b, long stream, long[] k0, long[] k1, long[] words) {
        LongVector e0 = LANE.add(b);
        LongVector e1 = LANE.add(b + BLOCKS);
        LongVector o0 = LongVector.broadcast(L, stream);
        LongVector o1 = o0;
        for (int r = 0; r < 10; r++) {
            LongVector p0 = e0.and(MASK).mul(M0);
            LongVector q0 = o0.and(MASK).mul(M1);
            LongVector p1 = e1.and(MASK).mul(M0);
            LongVector q1 = o1.and(MASK).mul(M1);
            e0 = mix(q0, e0, k0[r]);
            o0 = mix(p0, o0, k1[r]);
            e1 = mix(q1, e1, k0[r]);
            o1 = mix(p1, o1, k1[r]);
        }
        e0.intoArray(words, 0);
        o0.intoArray(words, BLOCKS);
        e1.intoArray(words, 2 * BLOCKS);
        o1.intoArray(words, 3 * BLOCKS);
    }

    /** The final words of blocks {@code b .. b + BLOCKS - 1}: E, then O. */
    private static void oneGroup(long b, long stream, long[] k0, long[] k1, long[] words) {
        LongVector e = LANE.add(b);
        LongVector o = LongVector.broadcast(L, stream);
        for (int r = 0; r < 10; r++) {
            LongVector p = e.and(MASK).mul(M0);
            LongVector q = o.and(MASK).mul(M1);
            e = mix(q, e, k0[r]);
            o = mix(p, o, k1[r]);
        }
        e.intoArray(words, 0);
        o.intoArray(words, BLOCKS);
    }

    /** {@code rotate(product, 32) ^ (old >>> 32) ^ key}: the new pair of words of one half of a block. */
    private static LongVector mix(LongVector product, LongVector old, long key) {
        return product.lanewise(VectorOperators.ROR, 32).lanewise(VectorOperators.XOR, old.lanewise(VectorOperators.LSHR, 32))
                .lanewise(VectorOperators.XOR, key);
    }

    /** The four words of each lane's block ({@code words[at ..]}: E, then O) as unit floats into {@code out[i + 4 j ..]}. */
    private static void store(long[] words, int at, float[] out, int i) {
        LongVector e = LongVector.fromArray(L, words, at);
        LongVector o = LongVector.fromArray(L, words, at + BLOCKS);
        word(e.lanewise(VectorOperators.LSHR, 8).and(0xFFFFFFL), out, i);
        word(e.lanewise(VectorOperators.LSHR, 40), out, i + 1);
        word(o.lanewise(VectorOperators.LSHR, 8).and(0xFFFFFFL), out, i + 2);
        word(o.lanewise(VectorOperators.LSHR, 40), out, i + 3);
    }

    /** 24-bit integers (exact in float) times 2^-24, lane j to {@code out[i + 4 j]}. */
    private static void word(LongVector top24, float[] out, int i) {
        ((FloatVector) top24.castShape(F, 0)).mul(0x1p-24f).intoArray(out, i, STRIDE4, 0);
    }
}
