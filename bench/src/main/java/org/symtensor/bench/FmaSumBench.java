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
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.runtime.CompiledFunction;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/** {@code ((a*b + c) * d).sum()} over 10^6 float32: fused and unfused compiled functions against a plain loop. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class FmaSumBench {
    /** The CPU runtime's pool size for this fork ({@code threads=N}); bench/run.sh runs 1 and 2. */
    @Param({"1", "2"})
    public int threads;

    private static final int N = 1_000_000;
    private float[] a;
    private float[] b;
    private float[] c;
    private float[] d;
    private NDArray[] args;
    private CompiledFunction fused;
    private CompiledFunction unfused;

    @Setup
    public void setUp() {
        Graphs4Bench.useThreads(threads);
        a = Graphs4Bench.randomFloats(N, 1, -1, 1);
        b = Graphs4Bench.randomFloats(N, 2, -1, 1);
        c = Graphs4Bench.randomFloats(N, 3, -1, 1);
        d = Graphs4Bench.randomFloats(N, 4, -1, 1);
        int[] shape = {N};
        args = new NDArray[] {NDArray.wrap(DType.FLOAT32, shape, a), NDArray.wrap(DType.FLOAT32, shape, b),
            NDArray.wrap(DType.FLOAT32, shape, c), NDArray.wrap(DType.FLOAT32, shape, d)};
        List<Variable> in = List.of(Graphs4Bench.var("a", DType.FLOAT32, 1), Graphs4Bench.var("b", DType.FLOAT32, 1),
                Graphs4Bench.var("c", DType.FLOAT32, 1), Graphs4Bench.var("d", DType.FLOAT32, 1));
        Variable body = Graphs4Bench.e(ScalarOp.MUL, Graphs4Bench.e(ScalarOp.ADD,
                Graphs4Bench.e(ScalarOp.MUL, in.get(0), in.get(1)), in.get(2)), in.get(3));
        Variable out = Ops.reduce(Reduce.Kind.SUM, body);
        fused = Graphs4Bench.compile(in, out, Graphs4Bench.FUSED.withThreads(threads));
        unfused = Graphs4Bench.compile(in, out, Graphs4Bench.UNFUSED.withThreads(threads));
    }

    @Benchmark
    public NDArray compiledFused() {
        return fused.call((Object[]) args);
    }

    @Benchmark
    public NDArray compiledUnfused() {
        return unfused.call((Object[]) args);
    }

    @Benchmark
    public float handWrittenLoop() {
        float s = 0;
        for (int i = 0; i < N; i++) {
            s += (a[i] * b[i] + c[i]) * d[i];
        }
        return s;
    }
}
