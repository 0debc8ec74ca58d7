package org.symtensor.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.symtensor.ir.Variable;
import org.symtensor.runtime.CompiledFunction;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/** Row-wise softmax of a 1000×1000 float32 matrix built from max, exp, sum and division, against a plain loop. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SoftmaxBench {
    /** The CPU runtime's pool size for this fork ({@code threads=N}); bench/run.sh runs 1 and 2. */
    @Param({"1", "2"})
    public int threads;

    private static final int N = 1000;
    private float[] x;
    private NDArray input;
    private CompiledFunction fused;
    private CompiledFunction unfused;

    @Setup
    public void setUp() {
        Graphs4Bench.useThreads(threads);
        x = Graphs4Bench.randomFloats(N * N, 5, -5, 5);
        input = NDArray.wrap(DType.FLOAT32, new int[] {N, N}, x);
        Variable v = Graphs4Bench.var("x", DType.FLOAT32, 2);
        fused = Graphs4Bench.compile(List.of(v), Graphs4Bench.softmaxRows(v), Graphs4Bench.FUSED.withThreads(threads));
        unfused = Graphs4Bench.compile(List.of(v), Graphs4Bench.softmaxRows(v), Graphs4Bench.UNFUSED.withThreads(threads));
    }

    @Benchmark
    public NDArray compiledFused() {
        return fused.call(input);
    }

    @Benchmark
    public NDArray compiledUnfused() {
        return unfused.call(input);
    }

    @Benchmark
    public float[] handWrittenLoop() {
        float[] out = new float[x.length];
        for (int r = 0; r < N; r++) {
            int o = r * N;
            float m = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < N; j++) {
                m = Math.max(m, x[o + j]);
            }
            float s = 0;
            for (int j = 0; j < N; j++) {
                float e = (float) Math.exp(x[o + j] - m);
                out[o + j] = e;
                s += e;
            }
            for (int j = 0; j < N; j++) {
                out[o + j] /= s;
            }
        }
        return out;
    }
}
