package org.symtensor.runtime.cpu;

import java.util.Arrays;

/**
 * The float64 bodies of {@link Conv2dKernel}: im2col, col2im and the three products, over
 * {@code double[]}. Each of {@link #forward}, {@link #gradInput} and {@link #gradFilters} returns
 * the row-major data of its result; the kernel wraps it with the shape and dtype.
 *
 * <p><b>This file is the source of its float32 twin.</b> The build writes {@code FloatConv2d} from
 * it by the text substitution of runtime/src/build/FloatTwin.java (the primitive type {@code double}
 * becomes its 32-bit counterpart, the prefix {@code Double} becomes {@code Float}), so float32
 * convolutions run the same code in float32, as sgemm does. The rules of docs/contributing.md
 * ("The float32 twins") apply: the 32-bit type is never named here, results are returned as arrays
 * (a dtype constant would not follow the substitution), and {@link Blas#gemm} is overloaded for
 * both element types.
 */
final class DoubleConv2d {
    private DoubleConv2d() {}

    /** Fills {@code col} (crs × p) from image {@code img} (offset of channel 0 of group g in x). */
    static void im2col(Conv2dKernel.Geometry g, double[] x, int base, double[] col) {
        int p = g.p();
        int row = 0;
        for (int c = 0; c < g.cg(); c++) {
            int plane = base + c * g.h() * g.w();
            for (int r = 0; r < g.r(); r++) {
                for (int s = 0; s < g.s(); s++, row++) {
                    int o = row * p;
                    int dj = s * g.dw() - g.pl();
                    int jLo = dj >= 0 ? 0 : Math.min(g.wo(), (-dj + g.sw() - 1) / g.sw());
                    int jHi = g.w() - 1 - dj < 0 ? 0 : Math.min(g.wo(), (g.w() - 1 - dj) / g.sw() + 1);
                    if (jHi < jLo) {
                        jHi = jLo;
                    }
                    for (int i = 0; i < g.ho(); i++, o += g.wo()) {
                        int ih = i * g.sh() - g.pt() + r * g.dh();
                        if (ih < 0 || ih >= g.h()) {
                            Arrays.fill(col, o, o + g.wo(), 0);
                            continue;
                        }
                        Arrays.fill(col, o, o + jLo, 0);
                        int src = plane + ih * g.w() + dj;
                        if (g.sw() == 1) {
                            System.arraycopy(x, src + jLo, col, o + jLo, jHi - jLo);
                        } else {
                            for (int j = jLo; j < jHi; j++) {
                                col[o + j] = x[src + j * g.sw()];
                            }
                        }
                        Arrays.fill(col, o + jHi, o + g.wo(), 0);
                    }
                }
            }
        }
    }

    /** Adds {@code col} (crs × p) back onto the image at {@code base} of {@code dx}. */
    static void col2im(Conv2dKernel.Geometry g, double[] col, double[] dx, int base) {
        int p = g.p();
        int row = 0;
        for (int c = 0; c < g.cg(); c++) {
            int plane = base + c * g.h() * g.w();
            for (int r = 0; r < g.r(); r++) {
                for (int s = 0; s < g.s(); s++, row++) {
                    int o = row * p;
                    int dj = s * g.dw() - g.pl();
                    int jLo = dj >= 0 ? 0 : Math.min(g.wo(), (-dj + g.sw() - 1) / g.sw());
                    int jHi = g.w() - 1 - dj < 0 ? 0 : Math.min(g.wo(), (g.w() - 1 - dj) / g.sw() + 1);
                    for (int i = 0; i < g.ho(); i++, o += g.wo()) {
                        int ih = i * g.sh() - g.pt() + r * g.dh();
                        if (ih < 0 || ih >= g.h()) {
                            continue;
                        }
                        int dst = plane + ih * g.w() + dj;
                        for (int j = jLo; j < jHi; j++) {
                            dx[dst + j * g.sw()] += col[o + j];
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
        Arrays.fill(c, 0, m * n, 0);
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
    static double[][] groupFilters(Conv2dKernel.Geometry g, double[] w) {
        double[][] wg = new double[g.groups()][];
        int len = g.kg() * g.crs();
        for (int q = 0; q < g.groups(); q++) {
            wg[q] = g.groups() == 1 ? w : Arrays.copyOfRange(w, q * len, (q + 1) * len);
        }
        return wg;
    }

    static double[] forward(Conv2dKernel.Geometry g, double[] x, double[] w) {
        double[] y = new double[g.n() * g.k() * g.p()];
        double[][] wg = groupFilters(g, w);
        int blocks = (g.n() + Conv2dKernel.BLOCK - 1) / Conv2dKernel.BLOCK;
        Conv2dKernel.forEachBlock(blocks, b -> {
            double[] col = new double[g.crs() * g.p()];
            double[] out = new double[g.kg() * g.p()];
            for (int n = b * Conv2dKernel.BLOCK; n < Math.min(g.n(), (b + 1) * Conv2dKernel.BLOCK); n++) {
                for (int q = 0; q < g.groups(); q++) {
                    im2col(g, x, (n * g.c() + q * g.cg()) * g.h() * g.w(), col);
                    gemm(wg[q], false, col, false, out, g.kg(), g.crs(), g.p());
                    System.arraycopy(out, 0, y, (n * g.k() + q * g.kg()) * g.p(), out.length);
                }
            }
        });
        return y;
    }

    static double[] gradInput(Conv2dKernel.Geometry g, double[] gy, double[] w) {
        double[] dx = new double[g.n() * g.c() * g.h() * g.w()];
        double[][] wg = groupFilters(g, w);
        int blocks = (g.n() + Conv2dKernel.BLOCK - 1) / Conv2dKernel.BLOCK;
        Conv2dKernel.forEachBlock(blocks, b -> {
            double[] col = new double[g.crs() * g.p()];
            double[] gyg = new double[g.kg() * g.p()];
            for (int n = b * Conv2dKernel.BLOCK; n < Math.min(g.n(), (b + 1) * Conv2dKernel.BLOCK); n++) {
                for (int q = 0; q < g.groups(); q++) {
                    System.arraycopy(gy, (n * g.k() + q * g.kg()) * g.p(), gyg, 0, gyg.length);
                    gemm(wg[q], true, gyg, false, col, g.crs(), g.kg(), g.p());
                    col2im(g, col, dx, (n * g.c() + q * g.cg()) * g.h() * g.w());
                }
            }
        });
        return dx;
    }

    static double[] gradFilters(Conv2dKernel.Geometry g, double[] x, double[] gy) {
        int len = g.kg() * g.crs();
        int blocks = (g.n() + Conv2dKernel.BLOCK - 1) / Conv2dKernel.BLOCK;
        double[][] partial = new double[blocks][];
        Conv2dKernel.forEachBlock(blocks, b -> {
            double[] acc = new double[g.k() * g.crs()];
            double[] col = new double[g.crs() * g.p()];
            double[] gyg = new double[g.kg() * g.p()];
            double[] t = new double[len];
            for (int n = b * Conv2dKernel.BLOCK; n < Math.min(g.n(), (b + 1) * Conv2dKernel.BLOCK); n++) {
                for (int q = 0; q < g.groups(); q++) {
                    im2col(g, x, (n * g.c() + q * g.cg()) * g.h() * g.w(), col);
                    System.arraycopy(gy, (n * g.k() + q * g.kg()) * g.p(), gyg, 0, gyg.length);
                    gemm(gyg, false, col, true, t, g.kg(), g.p(), g.crs());
                    for (int i = 0, o = q * len; i < len; i++) {
                        acc[o + i] += t[i];
                    }
                }
            }
            partial[b] = acc;
        });
        double[] dw = blocks == 0 ? new double[g.k() * g.crs()] : partial[0];
        for (int b = 1; b < blocks; b++) {
            for (int i = 0; i < dw.length; i++) {
                dw[i] += partial[b][i];
            }
        }
        return dw;
    }
}
