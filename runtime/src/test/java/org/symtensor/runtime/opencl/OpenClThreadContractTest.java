package org.symtensor.runtime.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;
import static org.symtensor.runtime.opencl.OpenClTesting.DEVICE;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.symtensor.function.Function;
import org.symtensor.random.RandomStreams;
import org.symtensor.random.RandomVector;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.type.I64;

/**
 * The thread contract on the OpenCL backend, as on the CPU: updates of shared variables kept on
 * the device are serialized per variable, random draws on the device never repeat, and concurrent
 * launches of one cached kernel object never mix their arguments.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class OpenClThreadContractTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private interface ThrowingTask {
        void run(int thread) throws Exception;
    }

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
            f.get(280, TimeUnit.SECONDS);
        }
    }

    @Test
    void accumulatorOnDevice_8ThreadsTimes1000Calls_giveTheExactSum() throws Exception {
        assumeOpenCl();
        SharedScalar<I64> acc = shared(0L, "acc");
        Scalar<I64> inc = lscalar("inc");
        Function f = function(inputs(inc), updates(update(acc, acc.plus(inc))), device(DEVICE));

        onThreads(8, t -> {
            for (int i = 0; i < 1_000; i++) {
                f.callAll(1L);
            }
        });

        assertThat(acc.node().deviceCopy()).as("the accumulator stays on the device").isInstanceOf(DeviceArray.class);
        assertThat(acc.getValue().getLong(0)).isEqualTo(8_000L);
    }

    @Test
    void vectorUpdateOnDevice_concurrentCalls_loseNoStep() throws Exception {
        assumeOpenCl();
        SharedVector<F32> w = shared(new float[] {0, 0, 0}, "w");
        Vector<F32> g = fvector("g");
        Function step = function(inputs(g), w.sum(), updates(update(w, w.plus(g))), device(DEVICE));

        onThreads(4, t -> {
            for (int i = 0; i < 500; i++) {
                step.call(new float[] {1, 2, 3});
            }
        });

        assertThat(w.getValue().toFloatArray()).containsExactly(2_000f, 4_000f, 6_000f);
    }

    @Test
    void randomDrawsOnDevice_fromEightThreads_neverRepeat() throws Exception {
        assumeOpenCl();
        RandomStreams srng = new RandomStreams(77);
        RandomVector<F32> u = srng.uniform(F32.class, 4);
        Function f = function(inputs(), u, device(DEVICE));
        assertThat(((OpenClFunction) f).hostOps()).as("the draw runs on the device").isEmpty();
        Function cpu = function(inputs(), u); // the same stream, for the sequential reference below
        ConcurrentLinkedQueue<List<Float>> draws = new ConcurrentLinkedQueue<>();

        onThreads(8, t -> {
            for (int i = 0; i < 100; i++) {
                float[] v = f.call().toFloatArray();
                draws.add(List.of(v[0], v[1], v[2], v[3]));
            }
        });

        assertThat(draws).hasSize(800);
        HashSet<List<Float>> distinct = new HashSet<>(draws);
        assertThat(distinct).hasSize(800);
        // the 800 draws are those of 800 calls one after the other: replay them on the CPU from the seed
        u.rng().setValue(new long[] {77, 0, 0});
        HashSet<List<Float>> sequential = new HashSet<>();
        for (int i = 0; i < 800; i++) {
            float[] v = cpu.call().toFloatArray();
            sequential.add(List.of(v[0], v[1], v[2], v[3]));
        }
        assertThat(distinct).isEqualTo(sequential);
    }

    @Test
    void pureFunctionOnDevice_concurrentLaunchesOfOneKernel_neverMixArguments() throws Exception {
        assumeOpenCl();
        Vector<F32> x = fvector("x");
        Scalar<F32> k = fscalar("k");
        Function f = function(inputs(x, k), x.times(k).plus(1), device(DEVICE));
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();

        onThreads(8, t -> {
            for (int i = 0; i < 200; i++) {
                int n = 1 + (t * 37 + i) % 50; // different lengths too: a mixed-up size argument shows
                float[] in = new float[n];
                for (int j = 0; j < n; j++) {
                    in[j] = t * 1000 + j;
                }
                float[] out = f.call(in, (float) t).toFloatArray();
                for (int j = 0; j < n; j++) {
                    if (out.length != n || out[j] != in[j] * t + 1) {
                        wrong.add("thread " + t + " call " + i + ": " + java.util.Arrays.toString(out));
                        break;
                    }
                }
            }
        });

        assertThat(wrong).isEmpty();
    }
}
