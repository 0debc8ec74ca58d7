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
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.value.NDArray;

/**
 * Logistic {@code 1 / (1 + exp(-x))} over 10^6 float32 values, the same graph on the CPU backend
 * and on {@code opencl0} (transfers included: the input is uploaded and the result downloaded on
 * every call). On PoCL the goal is the OpenCL time within 4× of the CPU's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OpenClLogisticBench {
    @Param({"cpu", "opencl0"})
    public String device;

    private NDArray input;
    private Function logistic;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        float[] data = new float[1_000_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) r.nextDouble(-5, 5);
        }
        input = NDArray.wrap(DType.FLOAT32, new int[] {data.length}, data);
        Vector<F32> x = fvector("x");
        logistic = function(inputs(x), div(1, exp(x.unaryMinus()).plus(1)), device(device));
    }

    @Benchmark
    public NDArray logistic() {
        return logistic.call(input);
    }
}
