package org.symtensor.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
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
import org.symtensor.ir.Variable;
import org.symtensor.rewrite.Fusion;
import org.symtensor.runtime.CompiledFunction;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * Logistic {@code 1 / (1 + exp(-x))} over a 1000×1000 matrix: the compiled function under the default
 * optimizer (which rewrites the expression to one {@code sigmoid} elemwise), the expression fused
 * into one {@code Composite} and compiled without further rewriting (what the block executor does
 * with a chain the stabilizer does not recognize), the graph compiled without optimization, a
 * hand-written scalar loop and a hand-written Vector API loop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class LogisticBench {
    /** The CPU runtime's pool size for this fork ({@code threads=N}); bench/run.sh runs 1 and 2. */
    @Param({"1", "2"})
    public int threads;

    private static final int N = 1000;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    @Param({"float32", "float64"})
    public String dtype;

    private double[] d;
    private final double[] copyD = new double[N * N];
    private final float[] copyF = new float[N * N];
    private final java.util.concurrent.ExecutorService copier = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "copy");
        t.setDaemon(true);
        return t;
    });
    private float[] f;
    private NDArray input;
    private CompiledFunction fused;
    private CompiledFunction unfused;
    private CompiledFunction composite;
    private NDArray[] into;

    @Setup
    public void setUp() {
        Graphs4Bench.useThreads(threads);
        DType dt = DType.fromName(dtype);
        input = Graphs4Bench.array(dt, new int[] {N, N}, 1, -5, 5);
        d = Graphs4Bench.randomDoubles(N * N, 1, -5, 5);
        f = Graphs4Bench.randomFloats(N * N, 1, -5, 5);
        Variable x = Graphs4Bench.var("x", dt, 2);
        fused = Graphs4Bench.compile(List.of(x), Graphs4Bench.logistic(x), Graphs4Bench.FUSED.withThreads(threads));
        unfused = Graphs4Bench.compile(List.of(x), Graphs4Bench.logistic(x), Graphs4Bench.UNFUSED.withThreads(threads));
        Variable fusedOnly = Fusion.fuse(List.of(Graphs4Bench.logistic(x))).get(0);
        composite = Graphs4Bench.compile(List.of(x), fusedOnly, Graphs4Bench.UNFUSED.withThreads(threads));
        into = new NDArray[] {NDArray.zeros(dt, N, N)};
    }

    /**
     * The memory-bandwidth reference: the same bytes as the input copied into a preallocated array
     * of the same size by two threads, each one half ({@code System.arraycopy}). A kernel that reads
     * x once and writes its result once cannot beat it.
     */
    @Benchmark
    public Object memoryCopyTwoThreads() throws Exception {
        Object src = dtype.equals("float32") ? f : d;
        Object dst = dtype.equals("float32") ? copyF : copyD;
        int half = N * N / 2;
        java.util.concurrent.Future<?> other = copier.submit(() -> System.arraycopy(src, half, dst, half, N * N - half));
        System.arraycopy(src, 0, dst, 0, half);
        other.get();
        return dst;
    }

    /** {@link #memoryCopyTwoThreads} on one thread. */
    @Benchmark
    public Object memoryCopyOneThread() {
        Object src = dtype.equals("float32") ? f : d;
        Object dst = dtype.equals("float32") ? copyF : copyD;
        System.arraycopy(src, 0, dst, 0, N * N);
        return dst;
    }

    @org.openjdk.jmh.annotations.TearDown
    public void tearDown() {
        copier.shutdown();
    }

    @Benchmark
    public NDArray compiledFused() {
        return fused.call(input);
    }

    /**
     * {@link #compiledFused} writing into a kept result array ({@code callInto}): the same kernel
     * without the per-call allocation (and zeroing, and collection) of a fresh 4 or 8 MB result.
     */
    @Benchmark
    public NDArray compiledFusedInto() {
        fused.callInto(into, input);
        return into[0];
    }

    /** The {@code Composite{(1 / (1 + exp(-i0)))}} node itself, not the stabilizer's sigmoid. */
    @Benchmark
    public NDArray compiledComposite() {
        return composite.call(input);
    }

    @Benchmark
    public NDArray compiledUnfused() {
        return unfused.call(input);
    }

    @Benchmark
    public Object handWrittenLoop() {
        if (f != null && dtype.equals("float32")) {
            float[] out = new float[f.length];
            for (int i = 0; i < f.length; i++) {
                out[i] = (float) (1 / (1 + Math.exp(-f[i])));
            }
            return out;
        }
        double[] out = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = 1 / (1 + Math.exp(-d[i]));
        }
        return out;
    }

    @Benchmark
    public Object handWrittenVectorApi() {
        if (dtype.equals("float32")) {
            float[] out = new float[f.length];
            int i = 0;
            for (int bound = F.loopBound(f.length); i < bound; i += F.length()) {
                FloatVector x = FloatVector.fromArray(F, f, i);
                FloatVector.broadcast(F, 1f).div(x.neg().lanewise(VectorOperators.EXP).add(1f)).intoArray(out, i);
            }
            for (; i < f.length; i++) {
                out[i] = (float) (1 / (1 + Math.exp(-f[i])));
            }
            return out;
        }
        double[] out = new double[d.length];
        int i = 0;
        for (int bound = D.loopBound(d.length); i < bound; i += D.length()) {
            DoubleVector x = DoubleVector.fromArray(D, d, i);
            DoubleVector.broadcast(D, 1).div(x.neg().lanewise(VectorOperators.EXP).add(1)).intoArray(out, i);
        }
        for (; i < d.length; i++) {
            out[i] = 1 / (1 + Math.exp(-d[i]));
        }
        return out;
    }
}
