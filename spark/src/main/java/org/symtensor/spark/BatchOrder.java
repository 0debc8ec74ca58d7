package org.symtensor.spark;

/**
 * The order in which the trainer visits rows: in each epoch a pseudo-random permutation of
 * {@code 0 .. n-1}, computed per row from the row's index alone (a Feistel network over the next power
 * of two, walking the cycle until the value falls below {@code n}), so every partition finds the
 * minibatch of each of its rows without a shuffle and without shipping a permutation of size n.
 * Minibatch {@code s} of an epoch is the rows at positions {@code [s·batch, (s+1)·batch)}. The same
 * function orders a single-machine loop that wants the same minibatches.
 */
public final class BatchOrder {
    private static final int ROUNDS = 4;

    private BatchOrder() {}

    /** The position of row {@code index} in epoch {@code epoch}'s order of {@code n} rows ({@code index} itself when not shuffled). */
    public static long position(long index, long n, long seed, int epoch, boolean shuffle) {
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("BatchOrder: row " + index + " is outside 0.." + (n - 1));
        }
        if (!shuffle || n <= 1) {
            return index;
        }
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(n - 1));
        if ((bits & 1) == 1) {
            bits++;
        }
        int half = bits / 2;
        long mask = (1L << half) - 1;
        long key = mix(seed * 0x9E3779B97F4A7C15L + epoch);
        long x = index;
        do {
            long left = x >>> half;
            long right = x & mask;
            for (int r = 0; r < ROUNDS; r++) {
                long f = mix(right ^ (key + r * 0xBF58476D1CE4E5B9L)) & mask;
                long next = left ^ f;
                left = right;
                right = next;
            }
            x = (left << half) | right;
        } while (x >= n);
        return x;
    }

    /** The minibatch (0-based, within its epoch) that row {@code index} belongs to. */
    public static long batchOf(long index, long n, int batchSize, long seed, int epoch, boolean shuffle) {
        return position(index, n, seed, epoch, shuffle) / batchSize;
    }

    /** The number of minibatches of an epoch: {@code ceil(n / batchSize)}. */
    public static long batches(long n, int batchSize) {
        return (n + batchSize - 1) / batchSize;
    }

    /** SplitMix64's finalizer: a bijective 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
