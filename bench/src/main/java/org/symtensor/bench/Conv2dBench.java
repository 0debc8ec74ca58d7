package org.symtensor.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.openblas.global.openblas;
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
import org.symtensor.ir.Conv2d;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Variable;
import org.symtensor.runtime.CompiledFunction;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * conv2d forward on a batch of 64 float32 images, 3 → 32 channels, 32×32, 3×3 filters,
 * {@code "same"} padding, against OpenBLAS sgemm on the equivalent im2col product (the 32×27
 * filters times the 27×65536 columns of the whole batch, built once in setup and not timed; and the
 * same product as 64 per-image calls, as the kernel cuts it), one thread each; and the gradients with respect to the input and to the filters, as their own ops
 * (what {@code grad} builds), to compare with the forward time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class Conv2dBench {
    static final int N = 64;
    static final int C = 3;
    static final int K = 32;
    static final int H = 32;
    static final int W = 32;
    static final int R = 3;
    /** Multiply-adds of the forward pass (or of either gradient), times 2. */
    static final double FLOP = 2.0 * N * K * C * R * R * H * W;
    /** One thread for the kernels and OpenBLAS, as for the direct sgemm: the comparison is per core. */
    private static final org.symtensor.function.CompileOptions ONE_THREAD = Graphs4Bench.FUSED.withThreads(1);

    private NDArray x;
    private NDArray w;
    private NDArray gy;
    private float[] col;
    private float[][] imageCols;
    private float[][] out;
    private CompiledFunction forward;
    private CompiledFunction gradInput;
    private CompiledFunction gradFilters;

    @Setup
    public void setUp() {
        DType f32 = DType.FLOAT32;
        x = Graphs4Bench.array(f32, new int[] {N, C, H, W}, 1, -1, 1);
        w = Graphs4Bench.array(f32, new int[] {K, C, R, R}, 2, -1, 1);
        gy = Graphs4Bench.array(f32, new int[] {N, K, H, W}, 3, -1, 1);
        Conv2d op = Conv2d.of(Conv2d.Variant.FORWARD, new int[] {1, 1}, new int[] {1, 1}, 1, Conv2d.Padding.SAME, null);
        Variable vx = Graphs4Bench.var("x", f32, 4);
        Variable vw = Graphs4Bench.var("w", f32, 4);
        Variable vg = Graphs4Bench.var("gy", f32, 4);
        forward = Graphs4Bench.compile(List.of(vx, vw), Conv2d.forward(op, vx, vw), ONE_THREAD);
        gradInput = Graphs4Bench.compile(List.of(vg, vw), Conv2d.gradInput(op, vg, vw, Ops.constant(NDArray.of((long) H)),
                Ops.constant(NDArray.of((long) W))), ONE_THREAD);
        gradFilters = Graphs4Bench.compile(List.of(vx, vg), Conv2d.gradFilters(op, vx, vg, Ops.constant(NDArray.of((long) R)),
                Ops.constant(NDArray.of((long) R))), ONE_THREAD);
        col = im2col((float[]) x.data());
        int p = H * W;
        imageCols = new float[N][C * R * R * p];
        out = new float[N][K * p];
        for (int n = 0; n < N; n++) {
            for (int row = 0; row < C * R * R; row++) {
                System.arraycopy(col, row * N * p + n * p, imageCols[n], row * p, p);
            }
        }
        openblas.blas_set_num_threads(1);
    }

    /** The columns of the whole batch: row (c, r, s), column (n, i, j), zero where a tap is in the padding. */
    private static float[] im2col(float[] xs) {
        int cols = N * H * W;
        float[] out = new float[C * R * R * cols];
        for (int c = 0; c < C; c++) {
            for (int r = 0; r < R; r++) {
                for (int s = 0; s < R; s++) {
                    int row = (c * R + r) * R + s;
                    for (int n = 0; n < N; n++) {
                        for (int i = 0; i < H; i++) {
                            for (int j = 0; j < W; j++) {
                                int ih = i + r - 1;
                                int iw = j + s - 1;
                                boolean in = ih >= 0 && ih < H && iw >= 0 && iw < W;
                                out[row * cols + (n * H + i) * W + j] = in ? xs[((n * C + c) * H + ih) * W + iw] : 0;
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    @Benchmark
    public float[] openBlasIm2colGemm() {
        int cols = N * H * W;
        float[] c = new float[K * cols];
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, K, cols, C * R * R, 1f,
                (float[]) w.data(), C * R * R, col, cols, 0f, c, cols);
        return c;
    }

    /**
     * The same product cut per image, as the kernel computes it: 64 sgemm calls of 32×27 by
     * 27×1024 on each image's precomputed columns, each result copied to its place in the NCHW output.
     */
    @Benchmark
    public float[] openBlasIm2colGemmPerImage() {
        int p = H * W;
        int cols = N * p;
        float[] c = new float[K * cols];
        for (int n = 0; n < N; n++) {
            openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, K, p, C * R * R, 1f,
                    (float[]) w.data(), C * R * R, imageCols[n], p, 0f, out[n], p);
            System.arraycopy(out[n], 0, c, n * K * p, K * p);
        }
        return c;
    }

    @Benchmark
    public NDArray forward() {
        return forward.call(x, w);
    }

    @Benchmark
    public NDArray gradInput() {
        return gradInput.call(gy, w);
    }

    @Benchmark
    public NDArray gradFilters() {
        return gradFilters.call(x, gy);
    }
}
