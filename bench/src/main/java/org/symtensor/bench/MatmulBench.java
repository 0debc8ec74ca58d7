package org.symtensor.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Ops;
import org.symtensor.runtime.CompiledFunction;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * A 1024×1024 matrix product: the compiled {@code dot}, OpenBLAS called directly through JavaCPP's
 * array overloads on the same Java arrays, OpenBLAS on operands already in native memory (the
 * library alone, no copies), and EJML. Both OpenBLAS rows give OpenBLAS the fork's {@code threads};
 * the compiled {@code dot} cuts the product into pieces that the runtime's pool computes, each one
 * single-threaded OpenBLAS call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class MatmulBench {
    /** The CPU runtime's pool size for this fork ({@code threads=N}); bench/run.sh runs 1 and 2. */
    @Param({"1", "2"})
    public int threads;

    private static final int N = 1024;

    @Param({"float32", "float64"})
    public String dtype;

    private NDArray a;
    private NDArray b;
    private CompiledFunction dot;
    private Pointer na;
    private Pointer nb;
    private Pointer nc;

    @Setup
    public void setUp(org.openjdk.jmh.infra.BenchmarkParams params) {
        Graphs4Bench.useThreads(threads);
        DType dt = DType.fromName(dtype);
        a = Graphs4Bench.array(dt, new int[] {N, N}, 1, -1, 1);
        b = Graphs4Bench.array(dt, new int[] {N, N}, 2, -1, 1);
        Variable va = Graphs4Bench.var("a", dt, 2);
        Variable vb = Graphs4Bench.var("b", dt, 2);
        dot = Graphs4Bench.compile(List.of(va, vb), Ops.dot(va, vb), Graphs4Bench.FUSED.withThreads(threads));
        // the library's thread count is process-wide: the compiled dot runs OpenBLAS on one thread per
        // piece of the product (its pieces shared by the pool), so only the rows that call OpenBLAS
        // directly give it the fork's threads (each benchmark method runs in its own fork)
        if (!params.getBenchmark().endsWith("compiledDot")) {
            openblas.blas_set_num_threads(threads);
        }
        if (dtype.equals("float32")) {
            na = new FloatPointer((float[]) a.data());
            nb = new FloatPointer((float[]) b.data());
            nc = new FloatPointer((long) N * N);
        } else {
            na = new DoublePointer((double[]) a.data());
            nb = new DoublePointer((double[]) b.data());
            nc = new DoublePointer((long) N * N);
        }
    }

    @TearDown
    public void tearDown() {
        na.deallocate();
        nb.deallocate();
        nc.deallocate();
    }

    @Benchmark
    public NDArray compiledDot() {
        return dot.call(a, b);
    }

    @Benchmark
    public Object openBlasDirect() {
        if (dtype.equals("float32")) {
            float[] c = new float[N * N];
            openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, N, N, N, 1f,
                    (float[]) a.data(), N, (float[]) b.data(), N, 0f, c, N);
            return c;
        }
        double[] c = new double[N * N];
        openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, N, N, N, 1.0,
                (double[]) a.data(), N, (double[]) b.data(), N, 0.0, c, N);
        return c;
    }

    @Benchmark
    public Object openBlasNativeBuffers() {
        if (dtype.equals("float32")) {
            openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, N, N, N, 1f,
                    (FloatPointer) na, N, (FloatPointer) nb, N, 0f, (FloatPointer) nc, N);
        } else {
            openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, N, N, N, 1.0,
                    (DoublePointer) na, N, (DoublePointer) nb, N, 0.0, (DoublePointer) nc, N);
        }
        return nc;
    }

    @Benchmark
    public Object ejml() {
        if (dtype.equals("float32")) {
            FMatrixRMaj c = new FMatrixRMaj(N, N);
            CommonOps_FDRM.mult(FMatrixRMaj.wrap(N, N, (float[]) a.data()), FMatrixRMaj.wrap(N, N, (float[]) b.data()), c);
            return c;
        }
        DMatrixRMaj c = new DMatrixRMaj(N, N);
        CommonOps_DDRM.mult(DMatrixRMaj.wrap(N, N, (double[]) a.data()), DMatrixRMaj.wrap(N, N, (double[]) b.data()), c);
        return c;
    }
}
