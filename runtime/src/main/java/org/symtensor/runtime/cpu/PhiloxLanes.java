package org.symtensor.runtime.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;
import org.symtensor.runtime.random.Philox;

/**
 * Philox-4x32-10 unit float32 uniforms in Vector API lanes, bit for bit the words of
 * {@link Philox#block} (the counter scheme of {@link Philox}): element {@code i} is
 * {@code (W[i] >>> 8) * 2^-24}.
 *
 * <p>Layout. A block's four 32-bit words {@code (c0, c1, c2, c3)} sit in two 64-bit lanes as
 * {@code c0 | c1 << 32} and {@code c2 | c3 << 32}, so at the start the even lane is just the 64-bit
 * counter {@code C + b} and the odd lane the stream. One round is then, for all blocks of the vector
 * at once: multiply each lane's low word by its multiplier ({@code M0} in even lanes, {@code M1} in
 * odd lanes) to a 64-bit product; swap the products of each lane pair (the even lane needs the odd
 * lane's product and back); rotate by 32 bits (high half to the low word, low half to the high word);
 * and xor into the low word the lane's old high word and the round key ({@code k0} even,
 * {@code k1} odd). That is exactly {@code c0' = hi(M1 c2) ^ c1 ^ k0, c1' = lo(M1 c2),
 * c2' = hi(M0 c0) ^ c3 ^ k1, c3' = lo(M0 c0)}. After ten rounds the lanes, read as 32-bit ints, are
 * the words in output order, so they convert to floats and store with no shuffling. Four vectors are
 * computed side by side so the multiplies' latency overlaps. Touches {@code jdk.incubator.vector};
 * loaded only when {@link Simd#ENABLED}.
 */
final class PhiloxLanes {
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final long MASK = 0xFFFFFFFFL;
    /** Blocks per vector: two lanes each. */
    private static final int BLOCKS = L.length() / 2;
    /** Floats per vector: four words per block. */
    private static final int FLOATS = BLOCKS * 4;
    private static final VectorShuffle<Long> SWAP_PAIRS = VectorShuffle.fromOp(L, i -> i ^ 1);
    private static final LongVector MULTIPLIERS = LongVector.broadcast(L, 0).addIndex(1).and(1L)
            .lanewise(VectorOperators.MUL, (Philox.M1 & MASK) - (Philox.M0 & MASK)).add(Philox.M0 & MASK);
    /** {@code (0, 0, 1, 0, 2, 0, ...)}: block offsets in even lanes, nothing added to the stream lanes. */
    private static final LongVector BLOCK_OFFSETS = LongVector.broadcast(L, 0).addIndex(1)
            .lanewise(VectorOperators.ASHR, 1).mul(LongVector.broadcast(L, 0).addIndex(1).and(1L).neg().add(1L));
    /** The odd lanes: the second half (words 2 and 3) of each block. */
    private static final jdk.incubator.vector.VectorMask<Long> ODD =
            LongVector.broadcast(L, 0).addIndex(1).and(1L).compare(VectorOperators.EQ, 1L);
    /** Whether the preferred shapes line up (longs and ints of the same vector size, at least one block). */
    static final boolean USABLE = L.length() >= 2 && L.vectorBitSize() == I.vectorBitSize()
            && I.vectorBitSize() == F.vectorBitSize();

    private PhiloxLanes() {}

    /** Elements {@code [from, to)} of the unit float32 draw from {@code (key, stream, counter)}; {@code from} a multiple of 4. */
    static int unitFloats(long key, long stream, long counter, float[] out, int from, int to) {
        LongVector[] keys = roundKeys(key);
        int i = from;
        long b = counter + (from >>> 2);
        for (; i + 4 * FLOATS <= to; i += 4 * FLOATS, b += 4 * BLOCKS) {
            LongVector x0 = start(b, stream);
            LongVector x1 = start(b + BLOCKS, stream);
            LongVector x2 = start(b + 2 * BLOCKS, stream);
            LongVector x3 = start(b + 3 * BLOCKS, stream);
            for (int r = 0; r < 10; r++) {
                LongVector k = keys[r];
                x0 = round(x0, k);
                x1 = round(x1, k);
                x2 = round(x2, k);
                x3 = round(x3, k);
            }
            store(x0, out, i);
            store(x1, out, i + FLOATS);
            store(x2, out, i + 2 * FLOATS);
            store(x3, out, i + 3 * FLOATS);
        }
        for (; i + FLOATS <= to; i += FLOATS, b += BLOCKS) {
            LongVector x = start(b, stream);
            for (int r = 0; r < 10; r++) {
                x = round(x, keys[r]);
            }
            store(x, out, i);
        }
        return i;
    }

    /** Counter and stream of blocks {@code b .. b + BLOCKS - 1}, as the even and odd lanes. */
    private static LongVector start(long b, long stream) {
        // even lanes: b + lane/2; odd lanes: the stream
        return BLOCK_OFFSETS.add(b).blend(stream, ODD);
    }

    private static LongVector round(LongVector x, LongVector key) {
        LongVector p = x.and(MASK).mul(MULTIPLIERS);
        LongVector s = p.rearrange(SWAP_PAIRS);
        return s.lanewise(VectorOperators.ROR, 32).lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 32))
                .lanewise(VectorOperators.XOR, key);
    }

    private static void store(LongVector x, float[] out, int i) {
        IntVector w = x.reinterpretAsInts();
        ((FloatVector) w.lanewise(VectorOperators.LSHR, 8).convert(VectorOperators.I2F, 0)).mul(0x1p-24f).intoArray(out, i);
    }

    /** The ten round keys: {@code k0 + r W0} in even lanes, {@code k1 + r W1} in odd lanes, as unsigned 32-bit values. */
    private static LongVector[] roundKeys(long key) {
        int k0 = (int) key;
        int k1 = (int) (key >>> 32);
        LongVector[] keys = new LongVector[10];
        for (int r = 0; r < 10; r++) {
            keys[r] = LongVector.broadcast(L, k0 & MASK).blend(k1 & MASK, ODD);
            k0 += Philox.W0;
            k1 += Philox.W1;
        }
        return keys;
    }
}
