package org.symtensor.bench;

import static org.symtensor.T.*;

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
import org.symtensor.tensor.Scalar;
import org.symtensor.type.F32;
import org.symtensor.value.NDArray;

/**
 * The cost of one call of a compiled function that adds two float32 scalars, against the same
 * addition in plain Java: what remains is Symtensor's per-call overhead.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class CallOverheadBench {
    private Function add;
    private float a = 2f;
    private float b = 3f;
    private NDArray na;
    private NDArray nb;

    @Setup
    public void setUp() {
        Scalar<F32> x = fscalar("x");
        Scalar<F32> y = fscalar("y");
        add = function(inputs(x, y), x.plus(y));
        na = NDArray.of(a);
        nb = NDArray.of(b);
    }

    @Benchmark
    public float plainJava() {
        return a + b;
    }

    /** Boxed Java floats in, an NDArray out. */
    @Benchmark
    public NDArray compiledBoxed() {
        return add.call(a, b);
    }

    /** NDArrays in: no conversion of arguments. */
    @Benchmark
    public NDArray compiledNDArray() {
        return add.call(na, nb);
    }
}
