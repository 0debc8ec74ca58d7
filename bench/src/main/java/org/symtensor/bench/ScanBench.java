package org.symtensor.bench;

import static org.symtensor.T.*;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.symtensor.SymbolicFunction;
import org.symtensor.function.Function;
import org.symtensor.scan.Scan;
import org.symtensor.tensor.Scalar;
import org.symtensor.type.F64;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/**
 * The per-step cost of scan: the scalar recurrence {@code x(t+1) = a x(t) + b} over 10^6 steps,
 * through scan (keeping only the last state) built at run time ({@code function().call}), through
 * the typed call the processor generates for the same recurrence written as a
 * {@link SymbolicFunction}, and as a plain Java loop. Scores are per step
 * ({@link OperationsPerInvocation}); the difference is scan's overhead per step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScanBench {
    static final int STEPS = 1_000_000;
    private Function recurrence;
    private final double a = 0.999999;
    private final double b = 1e-6;
    private NDArray na;
    private NDArray nb;
    private NDArray nx0;

    /** The recurrence compiled by the processor into ScanBenchSymbolic; {@code k} steps, keeping the last state. */
    @SymbolicFunction
    static Scalar<F64> affine(Scalar<F64> x0, Scalar<F64> a, Scalar<F64> b, Scalar<I64> k) {
        return Scan.from(x0).steps(k).iterate(x -> x.times(a).plus(b)).last();
    }

    @Setup
    public void setUp() {
        Scalar<F64> x0 = dscalar("x0");
        Scalar<F64> av = dscalar("a");
        Scalar<F64> bv = dscalar("b");
        Scalar<F64> last = Scan.from(x0).steps(STEPS).iterate(x -> x.times(av).plus(bv)).last();
        recurrence = function(inputs(x0, av, bv), last);
        na = NDArray.of(a);
        nb = NDArray.of(b);
        nx0 = NDArray.of(0.5);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double plainJava() {
        double x = 0.5;
        for (int t = 0; t < STEPS; t++) {
            x = a * x + b;
        }
        return x;
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public NDArray scan() {
        return recurrence.call(nx0, na, nb);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double generatedCall() {
        return ScanBenchSymbolic.affine().call(0.5, a, b, (long) STEPS);
    }

    /**
     * A quick measurement without JMH: {@code java -cp bench/target/benchmarks.jar org.symtensor.bench.ScanBench}.
     * The three variants run interleaved, 20 calls each after warm-up; it prints the mean and the
     * best call per step (the best is the steadier figure on a shared machine).
     */
    public static void main(String[] args) {
        ScanBench bench = new ScanBench();
        bench.setUp();
        double sink = 0;
        for (int i = 0; i < 5; i++) {
            sink += bench.scan().toDouble() + bench.generatedCall() + bench.plainJava();
        }
        int reps = 20;
        long[] total = new long[3];
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        for (int i = 0; i < reps; i++) {
            for (int v = 0; v < 3; v++) {
                long t0 = System.nanoTime();
                sink += v == 0 ? bench.scan().toDouble() : v == 1 ? bench.generatedCall() : bench.plainJava();
                long dt = System.nanoTime() - t0;
                total[v] += dt;
                best[v] = Math.min(best[v], dt);
            }
        }
        String[] names = {"runtime function", "generated typed call", "plain Java"};
        for (int v = 0; v < 3; v++) {
            System.out.printf("%-21s %6.2f ns/step mean, %6.2f ns/step best%n", names[v],
                    total[v] / (double) reps / STEPS, best[v] / (double) STEPS);
        }
        System.out.println(Double.isFinite(sink) ? "" : "?");
    }
}
