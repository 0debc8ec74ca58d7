package org.symtensor.runtime.random;

/**
 * Philox-4x32-10 (Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as easy as 1, 2, 3",
 * SC'11): a keyed bijection of a 128-bit counter {@code (c0, c1, c2, c3)} under a 64-bit key
 * {@code (k0, k1)} into four 32-bit words, in ten rounds; the same function as Random123's
 * {@code philox4x32_10}, checked against its known-answer vectors.
 *
 * <p><b>The counter scheme</b> (what every backend reproduces). A generator state is three int64
 * words {@code [key, stream, counter]}. A draw from state {@code (key, stream, C)} reads the word
 * sequence {@code W[0], W[1], ...}, where word {@code w} is word {@code w mod 4} of block
 * {@code b = floor(w / 4)}, and block {@code b} is
 * {@code philox4x32_10(counter = (lo32(C + b), hi32(C + b), lo32(stream), hi32(stream)),
 * key = (lo32(key), hi32(key)))}, all additions modulo 2^64. Element {@code i} of a sample uses a
 * fixed set of words given by {@link Draws} (for a float32 uniform, word {@code i}; for a float64
 * uniform, words {@code 2i} and {@code 2i + 1}; ...), so any element can be computed on its own. A
 * draw that reads {@code n} words moves the state to {@code (key, stream, C + ceil(n / 4))}.
 * Streams of one seed share the key and differ in {@code stream}, that is in the counter's upper
 * 64 bits, so no two streams ever produce the same block.
 */
public final class Philox {
    /** The round multipliers and key increments (Weyl constants) of Philox-4x32, for the vectorized twin. */
    public static final int M0 = 0xD2511F53;
    /** See {@link #M0}. */
    public static final int M1 = 0xCD9E8D57;
    /** See {@link #M0}. */
    public static final int W0 = 0x9E3779B9;
    /** See {@link #M0}. */
    public static final int W1 = 0xBB67AE85;
    private static final long MASK = 0xFFFFFFFFL;

    private Philox() {}

    /** Writes {@code philox4x32_10(counter, key)} into {@code out[offset .. offset + 3]}. */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out, int offset) {
        for (int r = 0; r < 10; r++) {
            long p0 = (M0 & MASK) * (c0 & MASK);
            long p1 = (M1 & MASK) * (c2 & MASK);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            c1 = (int) p1;
            c3 = (int) p0;
            c0 = n0;
            c2 = n2;
            k0 += W0;
            k1 += W1;
        }
        out[offset] = c0;
        out[offset + 1] = c1;
        out[offset + 2] = c2;
        out[offset + 3] = c3;
    }

    /** Block {@code b} of the draw from state {@code (key, stream, counter)}, into {@code out[offset..]}. */
    public static void block(long key, long stream, long counter, long b, int[] out, int offset) {
        long c = counter + b;
        block((int) c, (int) (c >>> 32), (int) stream, (int) (stream >>> 32), (int) key, (int) (key >>> 32), out, offset);
    }

    /** The number of blocks a draw of {@code words} words advances the counter by: {@code ceil(words / 4)}. */
    public static long blocksFor(long words) {
        return (words + 3) >>> 2;
    }

    /**
     * The word sequence of one draw, read in order: {@link #nextInt()} returns {@code W[0]}, then
     * {@code W[1]}, ... and {@link #wordsRead()} says how many were read. Not thread-safe.
     */
    public static final class Words {
        private final long key;
        private final long stream;
        private final long counter;
        private final int[] buffer = new int[4];
        private long next;

        public Words(long key, long stream, long counter) {
            this.key = key;
            this.stream = stream;
            this.counter = counter;
        }

        /** The next word, as a signed int holding 32 unsigned bits. */
        public int nextInt() {
            int k = (int) (next & 3);
            if (k == 0) {
                block(key, stream, counter, next >>> 2, buffer, 0);
            }
            next++;
            return buffer[k];
        }

        /** The next two words as 64 unsigned bits, the second word high: {@code (W[w+1] << 32) | W[w]}. */
        public long nextLong() {
            long lo = nextInt() & MASK;
            return ((long) nextInt() << 32) | lo;
        }

        public long wordsRead() {
            return next;
        }

        /** The counter after this draw: {@code counter + ceil(wordsRead / 4)}. */
        public long nextCounter() {
            return counter + blocksFor(next);
        }
    }
}
