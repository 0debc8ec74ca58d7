package org.symtensor.train.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.symtensor.error.ArgumentException;

/**
 * Minibatches of a {@link Dataset}, epoch by epoch. With {@link #shuffle(long)}, epoch {@code e} visits
 * the examples in a permutation drawn from the seed and {@code e} alone, so a run is reproducible and
 * a resumed run sees the same batches; without it, in order. {@link #dropLast(boolean)} drops a final
 * batch smaller than the batch size. Immutable: the configuring methods return new instances.
 */
public final class Batches {
    private final Dataset data;
    private final int batchSize;
    private final Long seed;
    private final boolean dropLast;

    private Batches(Dataset data, int batchSize, Long seed, boolean dropLast) {
        if (batchSize <= 0) {
            throw new ArgumentException("Batches: the batch size must be positive, got " + batchSize);
        }
        if (dropLast && batchSize > data.size()) {
            throw new ArgumentException("Batches: with dropLast, a batch size of " + batchSize + " leaves no batch of "
                    + data.size() + " examples");
        }
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
        this.dropLast = dropLast;
    }

    /** Batches of {@code batchSize} examples in order, the last one possibly smaller. */
    public static Batches of(Dataset data, int batchSize) {
        return new Batches(data, batchSize, null, false);
    }

    /** Shuffled anew each epoch from {@code seed}. */
    public Batches shuffle(long seed) {
        return new Batches(data, batchSize, seed, dropLast);
    }

    public Batches dropLast(boolean drop) {
        return new Batches(data, batchSize, seed, drop);
    }

    public Dataset data() {
        return data;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch. */
    public int count() {
        int n = data.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The examples an epoch visits (all of them unless {@code dropLast} drops a remainder). */
    public int examplesPerEpoch() {
        return dropLast ? count() * batchSize : data.size();
    }

    /** The order in which epoch {@code epoch} visits the examples. */
    public int[] order(int epoch) {
        if (seed == null) {
            int[] p = new int[data.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = i;
            }
            return p;
        }
        // one generator per (seed, epoch): SplittableRandom's mixing makes nearby seeds independent
        return Dataset.permutation(data.size(), new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch));
    }

    /** The batches of epoch {@code epoch} (0-based), made lazily as they are iterated. */
    public Iterable<Batch> epoch(int epoch) {
        int[] order = order(epoch);
        int count = count();
        return () -> new Iterator<>() {
            private int k;

            @Override
            public boolean hasNext() {
                return k < count;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int from = k * batchSize;
                int to = Math.min(from + batchSize, data.size());
                Batch b = new Batch(Rows.take(data.x(), order, from, to), Rows.take(data.y(), order, from, to), k);
                k++;
                return b;
            }
        };
    }

    /** Every batch of epoch {@code epoch}, made now. */
    public List<Batch> list(int epoch) {
        List<Batch> out = new ArrayList<>();
        epoch(epoch).forEach(out::add);
        return out;
    }
}
