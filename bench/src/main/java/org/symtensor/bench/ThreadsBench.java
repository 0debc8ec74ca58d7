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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.symtensor.function.Function;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.value.NDArray;

/**
 * The thread contract's cost: one compiled function called from one and from two threads at once
 * (JMH throughput, all threads together). A pure function ({@code 2x + 1} over 1,000 float32s)
 * takes no lock, so two threads should give about twice one thread's calls per second on two free
 * cores; a function that updates a shared variable is serialized on that variable's lock, so
 * two threads give at most one thread's throughput.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ThreadsBench {
    /** The functions, shared by every benchmark thread. */
    @State(Scope.Benchmark)
    public static class Functions {
        Function pure;
        Function accumulate;

        @Setup
        public void setUp() {
            Vector<F32> x = fvector("x");
            pure = function(inputs(x), x.times(2).plus(1));
            SharedScalar<F32> acc = shared(0f, "acc");
            accumulate = function(inputs(x), updates(update(acc, acc.plus(x.sum()))));
        }
    }

    /** Each thread's own argument. */
    @State(Scope.Thread)
    public static class Argument {
        NDArray x;

        @Setup
        public void setUp() {
            float[] v = new float[1_000];
            for (int i = 0; i < v.length; i++) {
                v[i] = i * 0.001f;
            }
            x = NDArray.of(v);
        }
    }

    @Benchmark
    @Threads(1)
    public NDArray pureOneThread(Functions f, Argument a) {
        return f.pure.call(a.x);
    }

    @Benchmark
    @Threads(2)
    public NDArray pureTwoThreads(Functions f, Argument a) {
        return f.pure.call(a.x);
    }

    @Benchmark
    @Threads(1)
    public Object updateOneThread(Functions f, Argument a) {
        return f.accumulate.callAll(a.x);
    }

    @Benchmark
    @Threads(2)
    public Object updateTwoThreads(Functions f, Argument a) {
        return f.accumulate.callAll(a.x);
    }
}
