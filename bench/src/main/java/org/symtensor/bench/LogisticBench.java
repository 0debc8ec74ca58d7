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
import org.symtensor.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/** Logistic {@code 1 / (1 + exp(-x))} over a 1000×1000 float64 matrix: compiled function against a hand-written loop. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LogisticBench {
    private static final int N = 1000;
    private double[] data;
    private NDArray input;
    private Function logistic;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        data = new double[N * N];
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextDouble(-5, 5);
        }
        input = NDArray.wrap(org.symtensor.type.DType.FLOAT64, new int[] {N, N}, data);
        Matrix<F64> x = dmatrix("x");
        logistic = function(inputs(x), div(1, exp(x.unaryMinus()).plus(1)));
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
    public NDArray compiledFunction() {
        return logistic.call(input);
    }
}
