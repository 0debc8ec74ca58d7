package org.symtensor.runtime.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one process-wide pool of the CPU kernels, sized by the {@code threads} flag of the latest
 * compiled function ({@link #configure}). Work is split into fixed chunks of {@link #CHUNK}
 * elements, whatever the number of threads, and each chunk is computed by the same serial code, so
 * results are bit-identical for any thread count. Outputs below {@link #THRESHOLD} elements stay on
 * the calling thread, and so does work submitted from a pool thread (no nested waits).
 */
public final class Parallel {
    /**
     * Elements per chunk, a multiple of {@link ElemwiseKernel#BLOCK}, fixed so that the split does
     * not depend on the thread count.
     */
    static final int CHUNK = 1 << 16;
    /**
     * Outputs of more than this many elements are split across the pool. Measured on the 2-core
     * build machine (float64 {@code a*b+c}, fresh output per call, warm JIT, one quick run, noisy):
     * 2^16 elements 1 thread vs 2 threads ~ no reliable gain; 2^17: 190 vs 179 µs; 2^20: 2.19 vs
     * 1.42 ms. Below 2^17 the hand-off and the allocation of the output dominate, so those stay on
     * the calling thread (and a 2-scalar call never touches the pool).
     */
    static final int THRESHOLD = 1 << 17;

    private static volatile int threads = 1;
    private static volatile ForkJoinPool pool;
    /** Runs that were split into chunks and handed to the pool (for tests). */
    static final AtomicLong PARALLEL_RUNS = new AtomicLong();
    /** Parallel runs in which more than one thread computed chunks (for tests). */
    static final AtomicLong MULTI_THREADED_RUNS = new AtomicLong();

    private Parallel() {}

    /** Sizes the pool for {@code n} threads (process-wide: the last compiled function's options win). */
    public static synchronized void configure(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + n);
        }
        if (n == threads && (n == 1 || pool != null)) {
            return;
        }
        ForkJoinPool old = pool;
        pool = n > 1 ? new ForkJoinPool(n - 1) : null; // the calling thread is the n-th worker
        threads = n;
        if (old != null) {
            old.shutdown();
        }
    }

    /** The thread count the kernels use now. */
    public static int threads() {
        return threads;
    }

    /** How many parallel runs so far had more than one thread computing chunks (for tests). */
    public static long multiThreadedRuns() {
        return MULTI_THREADED_RUNS.get();
    }

    /**
     * Set while the calling thread computes pieces of a split run: work it submits from inside one
     * (a product inside a convolution's block) then runs inline, as on a pool thread, instead of
     * queueing behind the pool's threads, which are busy with the outer run's pieces.
     */
    private static final ThreadLocal<boolean[]> INSIDE = ThreadLocal.withInitial(() -> new boolean[1]);

    private static boolean nested() {
        return ForkJoinTask.inForkJoinPool() || INSIDE.get()[0];
    }

    /** A body computing the elements {@code [from, to)} of an output. */
    interface Range {
        void run(int from, int to);
    }

    /** One of a fixed number of independent tasks, numbered from 0. */
    interface Task {
        void run(int index);
    }

    /**
     * Whether {@link #run} would split an output of {@code size} elements over the pool; when not,
     * a kernel may call its body for {@code [0, size)} directly and skip the lambda a split needs.
     */
    static boolean splits(int size) {
        return splits(size, THRESHOLD);
    }

    /** As {@link #splits(int)} for {@link #run(int, int, int, Range)} with the caller's threshold. */
    static boolean splits(int size, int threshold) {
        return size > threshold && threads > 1 && pool != null && !nested();
    }

    /**
     * Runs {@code body} over {@code [0, size)}: in one call on this thread when the output is small,
     * the pool has one thread, or this is a pool thread; else chunk by chunk of {@link #CHUNK}
     * elements on the pool and the calling thread.
     */
    static void run(int size, Range body) {
        run(size, THRESHOLD, CHUNK, body);
    }

    /**
     * As {@link #run(int, Range)} with the caller's threshold and chunk, for work that costs more
     * (or less) per element than an elementwise add: the chunk must still be fixed by the caller
     * (a multiple of {@link ElemwiseKernel#BLOCK} for block loops), never by the thread count.
     */
    static void run(int size, int threshold, int chunk, Range body) {
        if (size <= threshold || threads <= 1 || pool == null || nested()) {
            body.run(0, size);
            return;
        }
        int chunks = (int) (((long) size + chunk - 1) / chunk);
        tasks(chunks, true, c -> {
            int from = c * chunk;
            body.run(from, (int) Math.min((long) from + chunk, size));
        });
    }

    /**
     * Runs {@code body(0) .. body(count - 1)}, each exactly once: in order on this thread unless
     * {@code split} (the caller's size rule, never the thread count) and the pool has more than one
     * thread, else shared between the pool and the calling thread. The split of the work into tasks
     * is the caller's, fixed, so whatever combines the tasks' results in index order afterwards gets
     * the same bits for any thread count.
     */
    static void tasks(int count, boolean split, Task body) {
        int t = threads;
        ForkJoinPool p = pool;
        if (!split || count <= 1 || t <= 1 || p == null || nested()) {
            for (int i = 0; i < count; i++) {
                body.run(i);
            }
            return;
        }
        PARALLEL_RUNS.incrementAndGet();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger participants = new AtomicInteger();
        Runnable worker = () -> {
            boolean counted = false;
            int c;
            while ((c = next.getAndIncrement()) < count) {
                if (!counted) {
                    participants.incrementAndGet();
                    counted = true;
                }
                body.run(c);
            }
        };
        int helpers = Math.min(t, count) - 1;
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[helpers];
        for (int k = 0; k < helpers; k++) {
            tasks[k] = p.submit(worker);
        }
        Throwable error = null;
        boolean[] inside = INSIDE.get();
        inside[0] = true;
        try {
            worker.run();
        } catch (Throwable e) {
            error = e;
            next.set(count);
        } finally {
            inside[0] = false;
        }
        for (ForkJoinTask<?> task : tasks) {
            try {
                task.join();
            } catch (Throwable e) {
                if (error == null) {
                    error = e;
                }
            }
        }
        if (participants.get() > 1) {
            MULTI_THREADED_RUNS.incrementAndGet();
        }
        if (error instanceof RuntimeException r) {
            throw r;
        }
        if (error instanceof Error r) {
            throw r;
        }
        if (error != null) {
            throw new IllegalStateException(error);
        }
    }
}
