package org.symtensor.train.data;

import java.util.SplittableRandom;
import org.symtensor.error.ArgumentException;
import org.symtensor.value.NDArray;

/**
 * Examples as two arrays whose leading axis is the example: features {@code x} and targets {@code y}
 * (one-hot rows, labels or regression values). Immutable; splitting and shuffling copy rows.
 */
public record Dataset(NDArray x, NDArray y) {
    public Dataset {
        if (x.rank() == 0 || y.rank() == 0 || x.shape(0) != y.shape(0)) {
            throw new ArgumentException("Dataset: x " + NDArray.shapeToString(x.shape()) + " and y "
                    + NDArray.shapeToString(y.shape()) + " must have the same, non-empty leading axis (one row per example)");
        }
    }

    public static Dataset of(NDArray x, NDArray y) {
        return new Dataset(x, y);
    }

    /** The number of examples. */
    public int size() {
        return x.shape(0);
    }

    /** The examples at {@code index}, in that order. */
    public Dataset take(int[] index) {
        return new Dataset(Rows.take(x, index, 0, index.length), Rows.take(y, index, 0, index.length));
    }

    /** The examples in a random order drawn from {@code seed}. */
    public Dataset shuffled(long seed) {
        return take(permutation(size(), new SplittableRandom(seed)));
    }

    /**
     * A random split: {@code round(size · validationFraction)} examples, drawn with {@code seed}, become
     * the validation set, the rest the training set (each in the shuffled order).
     */
    public Split split(double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new ArgumentException("split: the validation fraction must be in (0, 1), got " + validationFraction);
        }
        int n = size();
        int nVal = (int) Math.round(n * validationFraction);
        if (nVal == 0 || nVal == n) {
            throw new ArgumentException("split: a fraction of " + validationFraction + " of " + n
                    + " examples leaves one side empty");
        }
        int[] perm = permutation(n, new SplittableRandom(seed));
        int[] val = java.util.Arrays.copyOfRange(perm, 0, nVal);
        int[] train = java.util.Arrays.copyOfRange(perm, nVal, n);
        return new Split(take(train), take(val));
    }

    /** A training set and a held-out validation set. */
    public record Split(Dataset train, Dataset validation) {}

    /** A uniformly random permutation of {@code 0..n-1} (Fisher-Yates). */
    static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
