package org.symtensor.runtime.cpu;

import java.util.function.IntConsumer;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Conv2d;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The CPU kernel of a {@link Conv2d} node, as im2col feeding a matrix product (OpenBLAS gemm when
 * it loads, a plain loop otherwise). For one image and one group, the columns matrix
 * {@code col[(c, r, s), (i, j)]} holds the input element each filter tap reads for each output
 * position (zero in the padding), so that
 * <ul>
 *   <li>forward: {@code y_g = W_g · col} ({@code K/G × CRS/G} times {@code CRS/G × HoWo});</li>
 *   <li>grad input: {@code colGrad = W_gᵀ · gy_g}, scattered back onto the image (col2im, adding
 *   where taps overlap);</li>
 *   <li>grad filters: {@code gW_g += gy_g · colᵀ}, summed over the images.</li>
 * </ul>
 * Images are independent, so they run in parallel on the project's pool in fixed blocks of
 * {@link #BLOCK} images; the filter gradient sums each block's images in order and then the blocks
 * in order, so the result does not depend on the thread count. Float32 runs in float32 (as
 * sgemm does), float64 in float64.
 */
final class Conv2dKernel implements Kernel {
    /** Images per parallel task (fixed, so that sums do not depend on the thread count). */
    static final int BLOCK = 4;

    private final Conv2d op;
    private final Object where;
    private final DType dtype;

    Conv2dKernel(Apply node) {
        this.op = (Conv2d) node.op();
        this.where = node.createdAt();
        this.dtype = node.output().type().dtype();
    }

    /** The sizes of one call, worked out from the actual shapes. */
    private record Geometry(int n, int c, int h, int w, int k, int r, int s, int ho, int wo, int groups, int pt, int pl,
            int sh, int sw, int dh, int dw) {
        int cg() {
            return c / groups;
        }

        int kg() {
            return k / groups;
        }

        int crs() {
            return cg() * r * s;
        }

        int p() {
            return ho * wo;
        }
    }

    private Geometry geometry(int n, int c, int h, int w, int k, int cg, int r, int s, String inputName) {
        int g = op.groups();
        if (c % g != 0 || k % g != 0 || c / g != cg) {
            throw new ShapeMismatchException(op.name() + ": " + inputName + " has " + c + " channels and the filters have " + k
                    + " output and " + cg + " input channels, which does not fit groups=" + g + " (node created at " + where
                    + ")");
        }
        int ho = op.outputLength(true, h, r, inputName + " (node created at " + where + ")");
        int wo = op.outputLength(false, w, s, inputName + " (node created at " + where + ")");
        int[] st = op.stride();
        int[] dil = op.dilation();
        return new Geometry(n, c, h, w, k, r, s, ho, wo, g, op.pads(true, h, r)[0], op.pads(false, w, s)[0], st[0], st[1],
                dil[0], dil[1]);
    }

    private static void requireShape(String what, NDArray a, int... expected) {
        if (!java.util.Arrays.equals(a.shape(), expected)) {
            throw new ShapeMismatchException(what + " has shape " + NDArray.shapeToString(a.shape()) + ", expected "
                    + NDArray.shapeToString(expected));
        }
    }

    private static int size(String op, String what, long v, Object where) {
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new ShapeMismatchException(op + ": the " + what + " must be positive, got " + v + " (node created at "
                    + where + ")");
        }
        return (int) v;
    }

    @Override
    public NDArray[] run(NDArray[] in) {
        return new NDArray[] {switch (op.variant()) {
            case FORWARD -> {
                NDArray x = in[0];
                NDArray w = in[1];
                Geometry g = geometry(x.shape(0), x.shape(1), x.shape(2), x.shape(3), w.shape(0), w.shape(1), w.shape(2),
                        w.shape(3), "the input");
                yield dtype == DType.FLOAT64 ? D.forward(g, doubles(x), doubles(w)) : F.forward(g, floats(x), floats(w));
            }
            case GRAD_INPUT -> {
                NDArray gy = in[0];
                NDArray w = in[1];
                int h = size(op.name(), "output height", in[2].getLong(0), where);
                int wd = size(op.name(), "output width", in[3].getLong(0), where);
                Geometry g = geometry(gy.shape(0), w.shape(1) * op.groups(), h, wd, w.shape(0), w.shape(1), w.shape(2),
                        w.shape(3), "the output");
                requireShape(op.name() + ": the input gradient (node created at " + where + ")", gy, g.n, g.k, g.ho, g.wo);
                yield dtype == DType.FLOAT64 ? D.gradInput(g, doubles(gy), doubles(w)) : F.gradInput(g, floats(gy), floats(w));
            }
            case GRAD_FILTERS -> {
                NDArray x = in[0];
                NDArray gy = in[1];
                int r = size(op.name(), "filter height", in[2].getLong(0), where);
                int s = size(op.name(), "filter width", in[3].getLong(0), where);
                if (x.shape(1) % op.groups() != 0) {
                    throw new ShapeMismatchException(op.name() + ": the input has " + x.shape(1)
                            + " channels, not a multiple of groups=" + op.groups() + " (node created at " + where + ")");
                }
                Geometry g = geometry(x.shape(0), x.shape(1), x.shape(2), x.shape(3), gy.shape(1), x.shape(1) / op.groups(),
                        r, s, "the input");
                requireShape(op.name() + ": the output gradient (node created at " + where + ")", gy, g.n, g.k, g.ho, g.wo);
                yield dtype == DType.FLOAT64 ? D.gradFilters(g, doubles(x), doubles(gy)) : F.gradFilters(g, floats(x), floats(gy));
            }
        }};
    }

    private static double[] doubles(NDArray a) {
        return (double[]) a.contiguous().data();
    }

    private static float[] floats(NDArray a) {
        return (float[]) a.contiguous().data();
    }

    /**
     * Runs {@code task(b)} for every block {@code b} in {@code [0, blocks)}. {@link Parallel#run} hands
     * out fixed pieces of {@link Parallel#CHUNK} units, so a range of {@code blocks × CHUNK} units gives
     * one block per piece; it stays on this thread when there are fewer than three blocks.
     */
    static void forEachBlock(int blocks, IntConsumer task) {
        if (blocks <= 2 || Parallel.threads() <= 1 || blocks > Integer.MAX_VALUE / Parallel.CHUNK) {
            for (int b = 0; b < blocks; b++) {
                task.accept(b);
            }
            return;
        }
        Parallel.run(blocks * Parallel.CHUNK, (from, to) -> {
            for (int b = from / Parallel.CHUNK; b < (to + Parallel.CHUNK - 1) / Parallel.CHUNK; b++) {
                task.accept(b);
            }
        });
    }

    // The float64 and float32 bodies are the same code over double[] and float[].

    /** Float64 im2col, col2im and the three products. */
    private static final class D {
        private D() {}

        /** Fills {@code col} (crs × p) from image {@code img} (offset of channel 0 of group g in x). */
        static void im2col(Geometry g, double[] x, int base, double[] col) {
            int p = g.p();
            int row = 0;
            for (int c = 0; c < g.cg(); c++) {
                int plane = base + c * g.h * g.w;
                for (int r = 0; r < g.r; r++) {
                    for (int s = 0; s < g.s; s++, row++) {
                        int o = row * p;
                        int dj = s * g.dw - g.pl;
                        int jLo = dj >= 0 ? 0 : Math.min(g.wo, (-dj + g.sw - 1) / g.sw);
                        int jHi = g.w - 1 - dj < 0 ? 0 : Math.min(g.wo, (g.w - 1 - dj) / g.sw + 1);
                        if (jHi < jLo) {
                            jHi = jLo;
                        }
                        for (int i = 0; i < g.ho; i++, o += g.wo) {
                            int ih = i * g.sh - g.pt + r * g.dh;
                            if (ih < 0 || ih >= g.h) {
                                java.util.Arrays.fill(col, o, o + g.wo, 0);
                                continue;
                            }
                            java.util.Arrays.fill(col, o, o + jLo, 0);
                            int src = plane + ih * g.w + dj;
                            if (g.sw == 1) {
                                System.arraycopy(x, src + jLo, col, o + jLo, jHi - jLo);
                            } else {
                                for (int j = jLo; j < jHi; j++) {
                                    col[o + j] = x[src + j * g.sw];
                                }
                            }
                            java.util.Arrays.fill(col, o + jHi, o + g.wo, 0);
                        }
                    }
                }
            }
        }

        /** Adds {@code col} (crs × p) back onto the image at {@code base} of {@code dx}. */
        static void col2im(Geometry g, double[] col, double[] dx, int base) {
            int p = g.p();
            int row = 0;
            for (int c = 0; c < g.cg(); c++) {
                int plane = base + c * g.h * g.w;
                for (int r = 0; r < g.r; r++) {
                    for (int s = 0; s < g.s; s++, row++) {
                        int o = row * p;
                        int dj = s * g.dw - g.pl;
                        int jLo = dj >= 0 ? 0 : Math.min(g.wo, (-dj + g.sw - 1) / g.sw);
                        int jHi = g.w - 1 - dj < 0 ? 0 : Math.min(g.wo, (g.w - 1 - dj) / g.sw + 1);
                        for (int i = 0; i < g.ho; i++, o += g.wo) {
                            int ih = i * g.sh - g.pt + r * g.dh;
                            if (ih < 0 || ih >= g.h) {
                                continue;
                            }
                            int dst = plane + ih * g.w + dj;
                            for (int j = jLo; j < jHi; j++) {
                                dx[dst + j * g.sw] += col[o + j];
                            }
                        }
                    }
                }
            }
        }

        /** {@code c = op(a)·op(b)}, m×k times k×n, through OpenBLAS or a plain loop. */
        static void gemm(double[] a, boolean ta, double[] b, boolean tb, double[] c, int m, int k, int n) {
            if (Blas.available()) {
                Blas.gemm(a, ta, b, tb, c, m, k, n);
                return;
            }
            java.util.Arrays.fill(c, 0, m * n, 0);
            for (int i = 0; i < m; i++) {
                for (int q = 0; q < k; q++) {
                    double v = ta ? a[q * m + i] : a[i * k + q];
                    for (int j = 0; j < n; j++) {
                        c[i * n + j] += v * (tb ? b[j * k + q] : b[q * n + j]);
                    }
                }
            }
        }

        /** The filters of each group as its own row-major {@code kg × crs} array. */
        static double[][] groupFilters(Geometry g, double[] w) {
            double[][] wg = new double[g.groups][];
            int len = g.kg() * g.crs();
            for (int q = 0; q < g.groups; q++) {
                wg[q] = g.groups == 1 ? w : java.util.Arrays.copyOfRange(w, q * len, (q + 1) * len);
            }
            return wg;
        }

        static NDArray forward(Geometry g, double[] x, double[] w) {
            double[] y = new double[g.n * g.k * g.p()];
            double[][] wg = groupFilters(g, w);
            int blocks = (g.n + BLOCK - 1) / BLOCK;
            forEachBlock(blocks, b -> {
                double[] col = new double[g.crs() * g.p()];
                double[] out = new double[g.kg() * g.p()];
                for (int n = b * BLOCK; n < Math.min(g.n, (b + 1) * BLOCK); n++) {
                    for (int q = 0; q < g.groups; q++) {
                        im2col(g, x, (n * g.c + q * g.cg()) * g.h * g.w, col);
                        gemm(wg[q], false, col, false, out, g.kg(), g.crs(), g.p());
                        System.arraycopy(out, 0, y, (n * g.k + q * g.kg()) * g.p(), out.length);
                    }
                }
            });
            return NDArray.wrap(DType.FLOAT64, new int[] {g.n, g.k, g.ho, g.wo}, y);
        }

        static NDArray gradInput(Geometry g, double[] gy, double[] w) {
            double[] dx = new double[g.n * g.c * g.h * g.w];
            double[][] wg = groupFilters(g, w);
            int blocks = (g.n + BLOCK - 1) / BLOCK;
            forEachBlock(blocks, b -> {
                double[] col = new double[g.crs() * g.p()];
                double[] gyg = new double[g.kg() * g.p()];
                for (int n = b * BLOCK; n < Math.min(g.n, (b + 1) * BLOCK); n++) {
                    for (int q = 0; q < g.groups; q++) {
                        System.arraycopy(gy, (n * g.k + q * g.kg()) * g.p(), gyg, 0, gyg.length);
                        gemm(wg[q], true, gyg, false, col, g.crs(), g.kg(), g.p());
                        col2im(g, col, dx, (n * g.c + q * g.cg()) * g.h * g.w);
                    }
                }
            });
            return NDArray.wrap(DType.FLOAT64, new int[] {g.n, g.c, g.h, g.w}, dx);
        }

        static NDArray gradFilters(Geometry g, double[] x, double[] gy) {
            int len = g.kg() * g.crs();
            int blocks = (g.n + BLOCK - 1) / BLOCK;
            double[][] partial = new double[blocks][];
            forEachBlock(blocks, b -> {
                double[] acc = new double[g.k * g.crs()];
                double[] col = new double[g.crs() * g.p()];
                double[] gyg = new double[g.kg() * g.p()];
                double[] t = new double[len];
                for (int n = b * BLOCK; n < Math.min(g.n, (b + 1) * BLOCK); n++) {
                    for (int q = 0; q < g.groups; q++) {
                        im2col(g, x, (n * g.c + q * g.cg()) * g.h * g.w, col);
                        System.arraycopy(gy, (n * g.k + q * g.kg()) * g.p(), gyg, 0, gyg.length);
                        gemm(gyg, false, col, true, t, g.kg(), g.p(), g.crs());
                        for (int i = 0, o = q * len; i < len; i++) {
                            acc[o + i] += t[i];
                        }
                    }
                }
                partial[b] = acc;
            });
            double[] dw = blocks == 0 ? new double[g.k * g.crs()] : partial[0];
            for (int b = 1; b < blocks; b++) {
                for (int i = 0; i < dw.length; i++) {
                    dw[i] += partial[b][i];
                }
            }
            return NDArray.wrap(DType.FLOAT64, new int[] {g.k, g.cg(), g.r, g.s}, dw);
        }
    }

    /** Float32: the same code as {@link D} over float arrays. */
    private static final class F {
        private F() {}

        static void im2col(Geometry g, float[] x, int base, float[] col) {
            int p = g.p();
            int row = 0;
            for (int c = 0; c < g.cg(); c++) {
                int plane = base + c * g.h * g.w;
                for (int r = 0; r < g.r; r++) {
                    for (int s = 0; s < g.s; s++, row++) {
                        int o = row * p;
                        int dj = s * g.dw - g.pl;
                        int jLo = dj >= 0 ? 0 : Math.min(g.wo, (-dj + g.sw - 1) / g.sw);
                        int jHi = g.w - 1 - dj < 0 ? 0 : Math.min(g.wo, (g.w - 1 - dj) / g.sw + 1);
                        if (jHi < jLo) {
                            jHi = jLo;
                        }
                        for (int i = 0; i < g.ho; i++, o += g.wo) {
                            int ih = i * g.sh - g.pt + r * g.dh;
                            if (ih < 0 || ih >= g.h) {
                                java.util.Arrays.fill(col, o, o + g.wo, 0);
                                continue;
                            }
                            java.util.Arrays.fill(col, o, o + jLo, 0);
                            int src = plane + ih * g.w + dj;
                            if (g.sw == 1) {
                                System.arraycopy(x, src + jLo, col, o + jLo, jHi - jLo);
                            } else {
                                for (int j = jLo; j < jHi; j++) {
                                    col[o + j] = x[src + j * g.sw];
                                }
                            }
                            java.util.Arrays.fill(col, o + jHi, o + g.wo, 0);
                        }
                    }
                }
            }
        }

        static void col2im(Geometry g, float[] col, float[] dx, int base) {
            int p = g.p();
            int row = 0;
            for (int c = 0; c < g.cg(); c++) {
                int plane = base + c * g.h * g.w;
                for (int r = 0; r < g.r; r++) {
                    for (int s = 0; s < g.s; s++, row++) {
                        int o = row * p;
                        int dj = s * g.dw - g.pl;
                        int jLo = dj >= 0 ? 0 : Math.min(g.wo, (-dj + g.sw - 1) / g.sw);
                        int jHi = g.w - 1 - dj < 0 ? 0 : Math.min(g.wo, (g.w - 1 - dj) / g.sw + 1);
                        for (int i = 0; i < g.ho; i++, o += g.wo) {
                            int ih = i * g.sh - g.pt + r * g.dh;
                            if (ih < 0 || ih >= g.h) {
                                continue;
                            }
                            int dst = plane + ih * g.w + dj;
                            for (int j = jLo; j < jHi; j++) {
                                dx[dst + j * g.sw] += col[o + j];
                            }
                        }
                    }
                }
            }
        }

        static void gemm(float[] a, boolean ta, float[] b, boolean tb, float[] c, int m, int k, int n) {
            if (Blas.available()) {
                Blas.gemm(a, ta, b, tb, c, m, k, n);
                return;
            }
            java.util.Arrays.fill(c, 0, m * n, 0);
            for (int i = 0; i < m; i++) {
                for (int q = 0; q < k; q++) {
                    float v = ta ? a[q * m + i] : a[i * k + q];
                    for (int j = 0; j < n; j++) {
                        c[i * n + j] += v * (tb ? b[j * k + q] : b[q * n + j]);
                    }
                }
            }
        }

        static float[][] groupFilters(Geometry g, float[] w) {
            float[][] wg = new float[g.groups][];
            int len = g.kg() * g.crs();
            for (int q = 0; q < g.groups; q++) {
                wg[q] = g.groups == 1 ? w : java.util.Arrays.copyOfRange(w, q * len, (q + 1) * len);
            }
            return wg;
        }

        static NDArray forward(Geometry g, float[] x, float[] w) {
            float[] y = new float[g.n * g.k * g.p()];
            float[][] wg = groupFilters(g, w);
            int blocks = (g.n + BLOCK - 1) / BLOCK;
            forEachBlock(blocks, b -> {
                float[] col = new float[g.crs() * g.p()];
                float[] out = new float[g.kg() * g.p()];
                for (int n = b * BLOCK; n < Math.min(g.n, (b + 1) * BLOCK); n++) {
                    for (int q = 0; q < g.groups; q++) {
                        im2col(g, x, (n * g.c + q * g.cg()) * g.h * g.w, col);
                        gemm(wg[q], false, col, false, out, g.kg(), g.crs(), g.p());
                        System.arraycopy(out, 0, y, (n * g.k + q * g.kg()) * g.p(), out.length);
                    }
                }
            });
            return NDArray.wrap(DType.FLOAT32, new int[] {g.n, g.k, g.ho, g.wo}, y);
        }

        static NDArray gradInput(Geometry g, float[] gy, float[] w) {
            float[] dx = new float[g.n * g.c * g.h * g.w];
            float[][] wg = groupFilters(g, w);
            int blocks = (g.n + BLOCK - 1) / BLOCK;
            forEachBlock(blocks, b -> {
                float[] col = new float[g.crs() * g.p()];
                float[] gyg = new float[g.kg() * g.p()];
                for (int n = b * BLOCK; n < Math.min(g.n, (b + 1) * BLOCK); n++) {
                    for (int q = 0; q < g.groups; q++) {
                        System.arraycopy(gy, (n * g.k + q * g.kg()) * g.p(), gyg, 0, gyg.length);
                        gemm(wg[q], true, gyg, false, col, g.crs(), g.kg(), g.p());
                        col2im(g, col, dx, (n * g.c + q * g.cg()) * g.h * g.w);
                    }
                }
            });
            return NDArray.wrap(DType.FLOAT32, new int[] {g.n, g.c, g.h, g.w}, dx);
        }

        static NDArray gradFilters(Geometry g, float[] x, float[] gy) {
            int len = g.kg() * g.crs();
            int blocks = (g.n + BLOCK - 1) / BLOCK;
            float[][] partial = new float[blocks][];
            forEachBlock(blocks, b -> {
                float[] acc = new float[g.k * g.crs()];
                float[] col = new float[g.crs() * g.p()];
                float[] gyg = new float[g.kg() * g.p()];
                float[] t = new float[len];
                for (int n = b * BLOCK; n < Math.min(g.n, (b + 1) * BLOCK); n++) {
                    for (int q = 0; q < g.groups; q++) {
                        im2col(g, x, (n * g.c + q * g.cg()) * g.h * g.w, col);
                        System.arraycopy(gy, (n * g.k + q * g.kg()) * g.p(), gyg, 0, gyg.length);
                        gemm(gyg, false, col, true, t, g.kg(), g.p(), g.crs());
                        for (int i = 0, o = q * len; i < len; i++) {
                            acc[o + i] += t[i];
                        }
                    }
                }
                partial[b] = acc;
            });
            float[] dw = blocks == 0 ? new float[g.k * g.crs()] : partial[0];
            for (int b = 1; b < blocks; b++) {
                for (int i = 0; i < dw.length; i++) {
                    dw[i] += partial[b][i];
                }
            }
            return NDArray.wrap(DType.FLOAT32, new int[] {g.k, g.cg(), g.r, g.s}, dw);
        }
    }
}
