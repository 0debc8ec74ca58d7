package org.symtensor.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.symtensor.ir.AxisOps;
import org.symtensor.ir.Cumulative;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.Variable;
import org.symtensor.runtime.CompiledFunction;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * {@code argmax} and {@code cumsum} over 10^6 float32s (4 MB in; cumsum writes 4 MB more), against
 * {@code System.arraycopy} of the same array, the rate at which this machine moves those bytes
 * (read and write), which bench/README.md turns into GB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class AxisOpsBench {
    private static final int N = 1_000_000;
    private float[] x;
    private float[] copy;
    private NDArray input;
    private CompiledFunction argmax;
    private CompiledFunction cumsum;
    private CompiledFunction max;

    @Setup
    public void setUp() {
        x = Graphs4Bench.randomFloats(N, 9, -5, 5);
        copy = new float[N];
        input = NDArray.wrap(DType.FLOAT32, new int[] {N}, x);
        Variable v = Graphs4Bench.var("x", DType.FLOAT32, 1);
        argmax = Graphs4Bench.compile(List.of(v), Ops.reduce(Reduce.Kind.ARGMAX, v), Graphs4Bench.FUSED);
        max = Graphs4Bench.compile(List.of(v), Ops.reduce(Reduce.Kind.MAX, v), Graphs4Bench.FUSED);
        cumsum = Graphs4Bench.compile(List.of(v), AxisOps.cumulative(Cumulative.Kind.SUM, v, 0), Graphs4Bench.FUSED);
    }

    @Benchmark
    public NDArray argmax() {
        return argmax.call(input);
    }

    @Benchmark
    public NDArray cumsum() {
        return cumsum.call(input);
    }

    /** The full max (ReduceKernel's Vector API fold): the same read, no position to find. */
    @Benchmark
    public NDArray max() {
        return max.call(input);
    }

    /** argmax as a plain loop: the first largest, the first NaN. */
    @Benchmark
    public int handWrittenArgmax() {
        float best = x[0];
        int at = 0;
        for (int i = 1; i < N; i++) {
            float e = x[i];
            if (e > best) {
                best = e;
                at = i;
            } else if (e != e) {
                return i;
            }
        }
        return at;
    }

    /** cumsum as a plain loop, accumulated in double and rounded once per output as the kernel does. */
    @Benchmark
    public float[] handWrittenCumsum() {
        double acc = 0;
        for (int i = 0; i < N; i++) {
            acc += x[i];
            copy[i] = (float) acc;
        }
        return copy;
    }

    /** The bandwidth baseline: 4 MB read and 4 MB written. */
    @Benchmark
    public float[] arraycopy() {
        System.arraycopy(x, 0, copy, 0, N);
        return copy;
    }
}
