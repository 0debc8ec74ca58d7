package org.symtensor.bench;

import static org.symtensor.T.*;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.symtensor.function.Function;
import org.symtensor.SymbolicFunction;
import org.symtensor.tensor.Matrix;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * Logistic over a 1000×1000 matrix (10^6 elements) in float32 and float64, three ways: the typed
 * call of the processor's kernel (the optimized graph written at javac time), the runtime function
 * of the same graph ({@code function().call}), and a hand-written scalar loop as the baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GeneratedKernelBench {
    private static final int N = 1000;
    @Param({"float32", "float64"})
    public String dtype;
    private double[] data;
    private float[] floats;
    private NDArray input;
    private Function dynamic;
    private boolean f32;

    /** The function under test, compiled by the processor into GeneratedKernelBenchSymbolic. */
    @SymbolicFunction
    static Matrix<F64> logistic(Matrix<F64> x) {
        return div(1, exp(x.unaryMinus()).plus(1));
    }

    /** The same in float32. */
    @SymbolicFunction
    static Matrix<F32> logistic32(Matrix<F32> x) {
        return div(1, exp(x.unaryMinus()).plus(1));
    }

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        data = new double[N * N];
        floats = new float[N * N];
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextDouble(-5, 5);
            floats[i] = (float) data[i];
        }
        f32 = dtype.equals("float32");
        input = f32 ? NDArray.wrap(DType.FLOAT32, new int[] {N, N}, floats) : NDArray.wrap(DType.FLOAT64, new int[] {N, N}, data);
        dynamic = f32 ? GeneratedKernelBenchSymbolic.logistic32().function() : GeneratedKernelBenchSymbolic.logistic().function();
    }

    @Benchmark
    public Object handWrittenLoop() {
        if (f32) {
            float[] out = new float[floats.length];
            for (int i = 0; i < floats.length; i++) {
                out[i] = (float) (1 / (1 + Math.exp(-floats[i])));
            }
            return out;
        }
        double[] out = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = 1 / (1 + Math.exp(-data[i]));
        }
        return out;
    }

    @Benchmark
    public NDArray generatedFunction() {
        return f32 ? GeneratedKernelBenchSymbolic.logistic32().call(input) : GeneratedKernelBenchSymbolic.logistic().call(input);
    }

    @Benchmark
    public NDArray dynamicFunction() {
        return dynamic.call(input);
    }
}
