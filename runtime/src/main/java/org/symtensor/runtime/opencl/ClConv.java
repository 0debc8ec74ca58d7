package org.symtensor.runtime.opencl;

import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Conv2d;
import org.symtensor.ir.Pool2d;
import org.symtensor.type.DType;

/**
 * Device kernels of the forward {@link Conv2d} and {@link Pool2d} nodes, float32 and float64 (with
 * {@code cl_khr_fp64}): one work item per output element, a direct loop over the filter taps (or
 * the window) it reads, skipping the padding. The gradient variants run on the host through the
 * CPU kernels ({@link DeviceOps}). Sums run in the element type, in an order other than the CPU's
 * gemm, so results agree with the CPU to rounding, not bit for bit.
 */
final class ClConv implements DeviceKernel {
    private static final String SOURCE = """
            __kernel void st_conv2d(const int N, const int C, const int H, const int W, const int K, const int R,
                                    const int S, const int Ho, const int Wo, const int G, const int pt, const int pl,
                                    const int sh, const int sw, const int dh, const int dw,
                                    __global const T* restrict x, __global const T* restrict w, __global T* restrict y) {
                const long id = get_global_id(0);
                if (id >= (long)N * K * Ho * Wo) return;
                const int j = (int)(id % Wo);
                long t = id / Wo;
                const int i = (int)(t % Ho);
                t /= Ho;
                const int k = (int)(t % K);
                const int n = (int)(t / K);
                const int cg = C / G;
                const int g = k / (K / G);
                T acc = (T)0;
                for (int c = 0; c < cg; c++) {
                    const __global T* xp = x + ((long)n * C + g * cg + c) * H * W;
                    const __global T* wp = w + ((long)k * cg + c) * R * S;
                    for (int r = 0; r < R; r++) {
                        const int ih = i * sh - pt + r * dh;
                        if (ih < 0 || ih >= H) continue;
                        for (int s = 0; s < S; s++) {
                            const int iw = j * sw - pl + s * dw;
                            if (iw < 0 || iw >= W) continue;
                            acc = fma(xp[(long)ih * W + iw], wp[r * S + s], acc);
                        }
                    }
                }
                y[id] = acc;
            }
            __kernel void st_pool2d(const int planes, const int H, const int W, const int Ho, const int Wo,
                                    const int wh, const int ww, const int sh, const int sw, const int ph, const int pw,
                                    const int mode, __global const T* restrict x, __global T* restrict y) {
                const long id = get_global_id(0);
                if (id >= (long)planes * Ho * Wo) return;
                const int j = (int)(id % Wo);
                const long t = id / Wo;
                const int i = (int)(t % Ho);
                const long p = t / Ho;
                const int r0 = i * sh - ph, r1 = min(r0 + wh, H + ph);
                const int c0 = j * sw - pw, c1 = min(c0 + ww, W + pw);
                const int rLo = max(r0, 0), rHi = min(r1, H), cLo = max(c0, 0), cHi = min(c1, W);
                const __global T* xp = x + p * H * W;
                if (mode == 0) {
                    T best = xp[rLo * W + cLo];
                    for (int r = rLo; r < rHi; r++)
                        for (int c = cLo; c < cHi; c++)
                            if (xp[r * W + c] > best) best = xp[r * W + c];
                    y[id] = best;
                    return;
                }
                T sum = (T)0;
                for (int r = rLo; r < rHi; r++)
                    for (int c = cLo; c < cHi; c++)
                        sum += xp[r * W + c];
                const int count = mode == 1 ? (r1 - r0) * (c1 - c0) : (rHi - rLo) * (cHi - cLo);
                y[id] = sum / (T)count;
            }
            """;

    private final Apply node;
    private final ClDevice device;
    private final DType dtype;
    private final String source;

    private ClConv(Apply node, ClDevice device, DType dtype) {
        this.node = node;
        this.device = device;
        this.dtype = dtype;
        String pre = dtype == DType.FLOAT64 ? "#pragma OPENCL EXTENSION cl_khr_fp64 : enable\n" : "";
        this.source = pre + "#define T " + (dtype == DType.FLOAT64 ? "double" : "float") + "\n" + SOURCE;
    }

    /** The device kernel of a forward conv2d or pooling node, or null (gradient variants, float64 without fp64). */
    static ClConv forNode(Apply node, ClDevice device) {
        DType d = node.output().type().dtype();
        boolean forward = node.op() instanceof Conv2d c ? c.variant() == Conv2d.Variant.FORWARD
                : ((Pool2d) node.op()).variant() == Pool2d.Variant.FORWARD;
        if (!forward || !d.isFloat() || (d == DType.FLOAT64 && !device.supportsFp64())) {
            return null;
        }
        return new ClConv(node, device, d);
    }

    @Override
    public DeviceArray run(DeviceArray[] in, Allocator alloc) {
        return node.op() instanceof Conv2d c ? conv(c, in[0], in[1], alloc) : pool((Pool2d) node.op(), in[0], alloc);
    }

    private DeviceArray conv(Conv2d op, DeviceArray x, DeviceArray w, Allocator alloc) {
        int[] xs = x.shape();
        int[] ws = w.shape();
        int g = op.groups();
        if (xs[1] % g != 0 || ws[0] % g != 0 || xs[1] / g != ws[1]) {
            throw new ShapeMismatchException(op.name() + ": the input has " + xs[1] + " channels and the filters have "
                    + ws[0] + " output and " + ws[1] + " input channels, which does not fit groups=" + g
                    + " (node created at " + node.createdAt() + ")");
        }
        String where = "the input (node created at " + node.createdAt() + ")";
        int ho = op.outputLength(true, xs[2], ws[2], where);
        int wo = op.outputLength(false, xs[3], ws[3], where);
        int pt = op.pads(true, xs[2], ws[2])[0];
        int pl = op.pads(false, xs[3], ws[3])[0];
        int[] st = op.stride();
        int[] dil = op.dilation();
        DeviceArray out = alloc.allocate(dtype, new int[] {xs[0], ws[0], ho, wo});
        long total = (long) xs[0] * ws[0] * ho * wo;
        if (total == 0) {
            return out;
        }
        device.launch(source, "st_conv2d", new long[] {total}, null, a -> a.i32(xs[0]).i32(xs[1]).i32(xs[2]).i32(xs[3])
                .i32(ws[0]).i32(ws[2]).i32(ws[3]).i32(ho).i32(wo).i32(g).i32(pt).i32(pl).i32(st[0]).i32(st[1])
                .i32(dil[0]).i32(dil[1]).buffer(x).buffer(w).buffer(out));
        return out;
    }

    private DeviceArray pool(Pool2d op, DeviceArray x, Allocator alloc) {
        int[] xs = x.shape();
        int r = xs.length;
        int h = xs[r - 2];
        int w = xs[r - 1];
        int ho = op.outputLength(0, h);
        int wo = op.outputLength(1, w);
        int planes = 1;
        for (int a = 0; a < r - 2; a++) {
            planes *= xs[a];
        }
        int[] ys = xs.clone();
        ys[r - 2] = ho;
        ys[r - 1] = wo;
        DeviceArray out = alloc.allocate(dtype, ys);
        long total = (long) planes * ho * wo;
        if (total == 0) {
            return out;
        }
        int[] win = op.window();
        int[] st = op.stride();
        int[] pad = op.pad();
        int mode = switch (op.mode()) {
            case MAX -> 0;
            case AVG_INC_PAD -> 1;
            case AVG_EXC_PAD -> 2;
        };
        int p = planes;
        device.launch(source, "st_pool2d", new long[] {total}, null, a -> a.i32(p).i32(h).i32(w).i32(ho).i32(wo)
                .i32(win[0]).i32(win[1]).i32(st[0]).i32(st[1]).i32(pad[0]).i32(pad[1]).i32(mode).buffer(x).buffer(out));
        return out;
    }
}
