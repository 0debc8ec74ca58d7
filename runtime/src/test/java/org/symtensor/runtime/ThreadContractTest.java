package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionSpec;
import org.symtensor.function.Mode;
import org.symtensor.ir.SharedLocks;
import org.symtensor.random.RandomStreams;
import org.symtensor.random.RandomVector;
import org.symtensor.runtime.cpu.CpuKernels;
import org.symtensor.runtime.link.Checks;
import org.symtensor.runtime.link.Kernel;
import org.symtensor.runtime.link.Plan;
import org.symtensor.runtime.link.Schedule;
import org.symtensor.runtime.random.Philox;
import org.symtensor.spi.Pipeline;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I32;

/**
 * The thread contract of compiled functions (README "Threads", {@link Function}): calls that share
 * a shared variable are serialized from read to commit, so no update is lost, random draws never
 * repeat and no one sees half of a call's updates; calls without shared state run in parallel;
 * getValue/setValue wait for a call that holds the variable.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ThreadContractTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** Runs {@code task(t)} on {@code threads} threads at once and waits for all, rethrowing the first failure. */
    private void onThreads(int threads, ThrowingTask task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            done.add(pool.submit(() -> {
                start.await();
                task.run(id);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(100, TimeUnit.SECONDS);
        }
    }

    @FunctionalInterface
    private interface ThrowingTask {
        void run(int thread) throws Exception;
    }

    /**
     * A CPU function whose every kernel first runs {@code gate}: a way to hold a thread inside a
     * call (the CpuFunctionCompiler's steps, with each kernel wrapped).
     */
    private static CompiledFunction gated(Function compiled, Runnable gate) {
        FunctionSpec spec = compiled.spec();
        Pipeline.Optimized optimized = Pipeline.optimize(spec, Mode.FAST_RUN.passes());
        Schedule schedule = Schedule.build(Plan.of(spec, optimized), node -> {
            Kernel k = CpuKernels.forApply(node);
            return inputs -> {
                gate.run();
                return k.run(inputs);
            };
        }, Checks.NONE);
        return new CompiledFunction(spec, new ArgumentBinder(spec), schedule, optimized.outputs());
    }

    private static void await(CyclicBarrier b) {
        try {
            b.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the other thread never reached the barrier: " + e, e);
        }
    }

    private static void await(CountDownLatch l) {
        try {
            if (!l.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released within 20 s");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------ no update is lost

    @Test
    void accumulator_8ThreadsTimes10000Calls_giveTheExactSum_andEveryCallSeesADistinctState() throws Exception {
        SharedScalar<I32> acc = shared(0, "acc");
        Scalar<I32> inc = iscalar("inc");
        Function f = function(inputs(inc), acc, updates(update(acc, acc.plus(inc))));
        ConcurrentLinkedQueue<Integer> seen = new ConcurrentLinkedQueue<>();

        onThreads(8, t -> {
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                mine.add((int) f.call(1).getLong(0));
            }
            seen.addAll(mine);
        });

        assertThat(acc.getValue().getLong(0)).isEqualTo(80_000L);
        // each call returned the value before its own increment: 0, 1, ..., 79 999, each exactly once
        Set<Integer> distinct = new HashSet<>(seen);
        assertThat(seen).hasSize(80_000);
        assertThat(distinct).hasSize(80_000);
        assertThat(distinct.stream().mapToInt(Integer::intValue).min().orElseThrow()).isZero();
        assertThat(distinct.stream().mapToInt(Integer::intValue).max().orElseThrow()).isEqualTo(79_999);
    }

    @Test
    void twoFunctionsUpdatingTheSameTwoVariablesInOppositeOrder_neitherDeadlockNorLoseUpdates() throws Exception {
        SharedScalar<F64> a = shared(0.0, "a");
        SharedScalar<F64> b = shared(0.0, "b");
        Function ab = function(inputs(), updates(update(a, a.plus(1)), update(b, b.plus(1))));
        Function ba = function(inputs(), updates(update(b, b.plus(1)), update(a, a.plus(1))));

        onThreads(4, t -> {
            Function f = t % 2 == 0 ? ab : ba;
            for (int i = 0; i < 2_000; i++) {
                f.callAll();
            }
        });

        assertThat(a.getValue().getDouble(0)).isEqualTo(8_000.0);
        assertThat(b.getValue().getDouble(0)).isEqualTo(8_000.0);
    }

    // ------------------------------------------------------------ random draws

    /** The float32 uniform draw of one call, from the documented Philox scheme (RandomStreamsTest's oracle). */
    private static List<Float> expectedUniformF32(long key, long stream, long counter, int n) {
        List<Float> r = new ArrayList<>();
        int[] w = new int[4];
        for (int i = 0; i < n; i++) {
            if (i % 4 == 0) {
                Philox.block(key, stream, counter, i / 4, w, 0);
            }
            r.add((w[i % 4] >>> 8) / 16777216f);
        }
        return r;
    }

    @Test
    void randomDraws_fromEightThreads_neverRepeat_andAreExactlyTheDrawsOfSequentialCalls() throws Exception {
        RandomStreams srng = new RandomStreams(2024);
        RandomVector<F32> u = srng.uniform(F32.class, 4); // one Philox block per call: the counter advances by 1
        Function f = function(inputs(), u);
        ConcurrentLinkedQueue<List<Float>> draws = new ConcurrentLinkedQueue<>();

        onThreads(8, t -> {
            for (int i = 0; i < 500; i++) {
                float[] v = f.call().toFloatArray();
                draws.add(List.of(v[0], v[1], v[2], v[3]));
            }
        });

        Set<List<Float>> expected = new HashSet<>();
        for (int c = 0; c < 4_000; c++) {
            expected.add(expectedUniformF32(2024, 0, c, 4));
        }
        // 4 000 calls read 4 000 distinct generator states: the draws of counters 0 .. 3 999, each once
        assertThat(draws).hasSize(4_000);
        assertThat(new HashSet<>(draws)).hasSize(4_000).isEqualTo(expected);
        assertThat(u.rng().getValue().toLongArray()).containsExactly(2024, 0, 4_000);
    }

    // ------------------------------------------------------------ a call's updates are seen together

    @Test
    void swap_calledConcurrently_readersThroughAFunctionOrSharedLocksNeverSeeHalfASwap() throws Exception {
        SharedScalar<F64> a = shared(1.0, "a");
        SharedScalar<F64> b = shared(2.0, "b");
        Function swap = function(inputs(), updates(update(a, b), update(b, a)));
        Function read = function(inputs(), outputs(a, b));
        SharedLocks both = SharedLocks.of(a.node(), b.node());
        AtomicBoolean swapping = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();

        onThreads(6, t -> {
            if (t < 4) {
                for (int i = 0; i < 25_000; i++) {
                    swap.callAll();
                }
                if (t == 0) {
                    swapping.set(false);
                }
                return;
            }
            while (swapping.get()) {
                double x;
                double y;
                if (t == 4) {
                    List<org.symtensor.value.NDArray> r = read.callAll();
                    x = r.get(0).getDouble(0);
                    y = r.get(1).getDouble(0);
                } else {
                    double[] xy = both.atomically(() -> new double[] {a.getValue().getDouble(0), b.getValue().getDouble(0)});
                    x = xy[0];
                    y = xy[1];
                }
                reads.incrementAndGet();
                if (x + y != 3 || x == y) {
                    torn.add("a=" + x + ", b=" + y);
                }
            }
        });

        assertThat(torn).isEmpty();
        assertThat(reads.get()).isPositive();
        // 100 000 swaps: back where it started
        assertThat(a.getValue().getDouble(0)).isEqualTo(1.0);
        assertThat(b.getValue().getDouble(0)).isEqualTo(2.0);
    }

    // ------------------------------------------------------------ getValue / setValue wait for a call

    /** Holds a thread inside the first call of an accumulator until {@code release}; returns once it is inside. */
    private Future<Double> callHeldInside(Function f, CountDownLatch inside, CountDownLatch release) throws Exception {
        AtomicBoolean first = new AtomicBoolean(true);
        CompiledFunction held = gated(f, () -> {
            if (first.getAndSet(false)) {
                inside.countDown();
                await(release);
            }
        });
        Future<Double> call = pool.submit(() -> held.call().getDouble(0));
        await(inside);
        return call;
    }

    @Test
    void getValue_whileACallUpdatesTheVariable_waitsForTheCommit_andSeesTheNewValue() throws Exception {
        SharedScalar<F64> acc = shared(0.0, "acc");
        Function f = function(inputs(), acc, updates(update(acc, acc.plus(1))));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Double> call = callHeldInside(f, inside, release);

        Future<Double> get = pool.submit(() -> acc.getValue().getDouble(0));
        assertThat(waitsAtLeast(get, 300)).as("getValue returned while the call held the variable").isTrue();
        release.countDown();

        assertThat(call.get(20, TimeUnit.SECONDS)).isEqualTo(0.0);
        assertThat(get.get(20, TimeUnit.SECONDS)).isEqualTo(1.0);
    }

    @Test
    void setValue_whileACallUpdatesTheVariable_waitsAndIsNotOverwrittenByThatUpdate() throws Exception {
        SharedScalar<F64> acc = shared(0.0, "acc");
        Function f = function(inputs(), acc, updates(update(acc, acc.plus(1))));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Double> call = callHeldInside(f, inside, release);

        Future<?> set = pool.submit(() -> acc.setValue(100.0));
        assertThat(waitsAtLeast(set, 300)).as("setValue returned while the call held the variable").isTrue();
        release.countDown();
        set.get(20, TimeUnit.SECONDS);

        assertThat(call.get(20, TimeUnit.SECONDS)).isEqualTo(0.0);
        assertThat(acc.getValue().getDouble(0)).isEqualTo(100.0);
    }

    @Test
    void secondCallSharingAVariable_waitsForTheFirstToCommit() throws Exception {
        SharedScalar<F64> acc = shared(0.0, "acc");
        Function f = function(inputs(), acc, updates(update(acc, acc.plus(1))));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Double> first = callHeldInside(f, inside, release);

        Future<Double> second = pool.submit(() -> f.call().getDouble(0));
        assertThat(waitsAtLeast(second, 300)).as("the second call ran while the first held the variable").isTrue();
        release.countDown();

        assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(0.0);
        assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo(1.0);
        assertThat(acc.getValue().getDouble(0)).isEqualTo(2.0);
    }

    /** Whether {@code f} is still running after {@code millis} (it is blocked, as it must be). */
    private static boolean waitsAtLeast(Future<?> f, long millis) throws InterruptedException {
        Thread.sleep(millis);
        return !f.isDone();
    }

    // ------------------------------------------------------------ calls without shared state run in parallel

    @Test
    void pureFunction_twoThreadsAreInsideOneCallAtOnce() throws Exception {
        Vector<F64> x = dvector("x");
        Function f = function(inputs(x), x.times(2));
        CyclicBarrier bothInside = new CyclicBarrier(2);
        CompiledFunction pure = gated(f, () -> await(bothInside));
        assertThat(pure.sharedLocks().isEmpty()).isTrue();

        List<double[]> results = new ArrayList<>();
        onThreads(2, t -> {
            double[] r = pure.call(new double[] {t, 10 + t}).toDoubleArray();
            synchronized (results) {
                results.add(r);
            }
        });

        assertThat(results).hasSize(2).anySatisfy(r -> assertThat(r).containsExactly(0, 20))
                .anySatisfy(r -> assertThat(r).containsExactly(2, 22));
    }

    @Test
    void functionsWithDisjointSharedVariables_runAtOnce() throws Exception {
        SharedScalar<F64> a = shared(0.0, "a");
        SharedScalar<F64> b = shared(0.0, "b");
        CyclicBarrier bothInside = new CyclicBarrier(2);
        CompiledFunction incA = gated(function(inputs(), updates(update(a, a.plus(1)))), () -> await(bothInside));
        CompiledFunction incB = gated(function(inputs(), updates(update(b, b.plus(1)))), () -> await(bothInside));

        onThreads(2, t -> (t == 0 ? incA : incB).callAll());

        assertThat(a.getValue().getDouble(0)).isEqualTo(1.0);
        assertThat(b.getValue().getDouble(0)).isEqualTo(1.0);
    }

    @Test
    void pureFunction_runsWhileAnotherThreadHoldsEverySharedVariable() throws Exception {
        SharedScalar<F64> s = shared(5.0, "s");
        Scalar<F64> x = dscalar("x");
        Function pure = function(inputs(x), x.times(3));
        Function reads = function(inputs(x), x.times(s));
        assertThat(((BoundFunction) reads).sharedLocks().values()).containsExactly(s.node());

        double r = SharedLocks.of(s.node()).atomically(() -> {
            try {
                return pool.submit(() -> pure.call(2.0).getDouble(0)).get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("the pure call waited for a shared variable's lock", e);
            }
        });

        assertThat(r).isEqualTo(6.0);
        assertThat(reads.call(2.0).getDouble(0)).isEqualTo(10.0);
    }

    @Test
    void sharedLocks_ofAFunction_areItsReadAndUpdatedVariables_inCreationOrder() {
        SharedScalar<F64> late = shared(0.0, "late");
        SharedScalar<F64> early = shared(0.0, "early");
        SharedScalar<F64> target = shared(0.0, "target"); // updated with a constant: written, never read
        assertThat(early.node().id()).isGreaterThan(late.node().id());
        Function f = function(inputs(), outputs(early.plus(late)), updates(update(target, constant(1.0))));

        assertThat(((BoundFunction) f).sharedLocks().values())
                .containsExactly(late.node(), early.node(), target.node());
    }
}
