package org.symtensor.spark;

import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.symtensor.function.Function;

/**
 * The compiled functions of this JVM, keyed by recipe and purpose, so an executor compiles a recipe once
 * and reuses it for every task and every step. Each key holds a small pool: a task borrows a function
 * and gives it back, so two tasks running at once on one executor never share one (a compiled function
 * keeps per-call buffers), and the pool grows at most to the executor's task slots.
 */
public final class FunctionCache {
    private static final ConcurrentHashMap<String, Queue<Function>> POOLS = new ConcurrentHashMap<>();
    private static final AtomicInteger BUILDS = new AtomicInteger();

    private FunctionCache() {}

    /** Something done with a borrowed function. */
    @FunctionalInterface
    public interface Use<R> {
        R apply(Function f);
    }

    /** Runs {@code use} with a function of {@code key}, compiling one with {@code build} when none is free. */
    public static <R> R with(String key, Supplier<Function> build, Use<R> use) {
        Queue<Function> pool = POOLS.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
        Function f = pool.poll();
        if (f == null) {
            f = build.get();
            BUILDS.incrementAndGet();
        }
        try {
            return use.apply(f);
        } finally {
            pool.offer(f);
        }
    }

    /** How many functions this JVM has compiled through the cache (for tests and diagnostics). */
    public static int builds() {
        return BUILDS.get();
    }
}
