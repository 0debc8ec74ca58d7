package org.symtensor.bench;

import static org.symtensor.T.*;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.symtensor.function.Function;
import org.symtensor.random.RandomStreams;
import org.symtensor.type.F32;
import org.symtensor.value.NDArray;

/**
 * Uniform float32 draws, 10^6 per call: a compiled function over a Philox-4x32-10 random stream
 * (new numbers each call through the default update) against a plain Java loop filling a
 * {@code float[10^6]} from {@link SplittableRandom#nextFloat()}. Scores are draws per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RandomBench {
    /** The CPU runtime's pool size for this fork ({@code threads=N}); bench/run.sh runs 1 and 2. */
    @Param({"1", "2"})
    public int threads;

    private static final int N = 1_000_000;

    private Function uniform;
    private SplittableRandom random;
    private float[] buffer;

    @Setup
    public void setUp() {
        Graphs4Bench.useThreads(threads);
        uniform = function(inputs(), new RandomStreams(234).uniform(F32.class, N));
        random = new SplittableRandom(234);
        buffer = new float[N];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float[] plainJavaSplittableRandom() {
        float[] b = buffer;
        SplittableRandom r = random;
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextFloat();
        }
        return b;
    }

    /** A fresh array per call, as the compiled function returns one. */
    @Benchmark
    @OperationsPerInvocation(N)
    public float[] plainJavaSplittableRandomFreshArray() {
        float[] b = new float[N];
        SplittableRandom r = random;
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextFloat();
        }
        return b;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public NDArray compiledPhilox() {
        return uniform.call();
    }
}
