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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.symtensor.function.Function;
import org.symtensor.SymbolicFunction;
import org.symtensor.tensor.Matrix;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * Logistic over a 1000×1000 float64 matrix, three ways: the loop the processor generated at javac
 * time (through the typed function's NDArray call, and the kernel method alone), a hand-written
 * loop, and the runtime function of the same graph.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GeneratedKernelBench {
    private static final int N = 1000;
    private double[] data;
    private NDArray input;
    private Function dynamic;

    /** The function under test, compiled by the processor into GeneratedKernelBenchSymbolic. */
    @SymbolicFunction
    static Matrix<F64> logistic(Matrix<F64> x) {
        return div(1, exp(x.unaryMinus()).plus(1));
    }

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        data = new double[N * N];
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextDouble(-5, 5);
        }
        input = NDArray.wrap(DType.FLOAT64, new int[] {N, N}, data);
        dynamic = GeneratedKernelBenchSymbolic.logistic().function();
    }

    @Benchmark
    public double[] handWrittenLoop() {
        double[] out = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = 1 / (1 + Math.exp(-data[i]));
        }
        return out;
    }

    @Benchmark
    public double[] generatedKernel() {
        double[] out = new double[data.length];
        GeneratedKernelBenchLogisticKernel.apply(out.length, data, out);
        return out;
    }

    @Benchmark
    public NDArray generatedFunction() {
        return GeneratedKernelBenchSymbolic.logistic().call(input);
    }

    @Benchmark
    public NDArray dynamicFunction() {
        return dynamic.call(input);
    }
}
