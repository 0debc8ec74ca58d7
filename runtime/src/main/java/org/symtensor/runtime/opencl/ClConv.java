package org.symtensor.runtime.opencl;

import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Conv2d;
import org.symtensor.ir.Pool2d;
import org.symtensor.type.DType;

/**
 * Device kernels of {@link Conv2d} and {@link Pool2d} nodes, every variant, float32 and float64 (with
 * {@code cl_khr_fp64}): one work item per output element, a direct loop over what it reads (the
 * filter taps, the windows, or for the gradients the outputs it contributed to), skipping the
 * padding, so no work item writes another's element and no atomics are needed. The int scalar
 * sizes of the gradient variants are read back from the device (a few bytes). Sums run in the
 * element type, in an order other than the CPU's gemm, so results agree with the CPU to rounding,
 * not bit for bit.
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
            __kernel void st_conv2d_grad_input(const int N, const int C, const int H, const int W, const int K,
                                    const int R, const int S, const int Ho, const int Wo, const int G, const int pt,
                                    const int pl, const int sh, const int sw, const int dh, const int dw,
                                    __global const T* restrict gy, __global const T* restrict w, __global T* restrict dx) {
                const long id = get_global_id(0);
                if (id >= (long)N * C * H * W) return;
                const int iw = (int)(id % W);
                long t = id / W;
                const int ih = (int)(t % H);
                t /= H;
                const int c = (int)(t % C);
                const int n = (int)(t / C);
                const int cg = C / G, kg = K / G, g = c / cg, cc = c % cg;
                T acc = (T)0;
                for (int kk = 0; kk < kg; kk++) {
                    const int k = g * kg + kk;
                    for (int r = 0; r < R; r++) {
                        const int a = ih + pt - r * dh;
                        if (a < 0 || a % sh != 0 || a / sh >= Ho) continue;
                        const int i = a / sh;
                        for (int s = 0; s < S; s++) {
                            const int b = iw + pl - s * dw;
                            if (b < 0 || b % sw != 0 || b / sw >= Wo) continue;
                            acc = fma(gy[(((long)n * K + k) * Ho + i) * Wo + b / sw], w[(((long)k * cg + cc) * R + r) * S + s], acc);
                        }
                    }
                }
                dx[id] = acc;
            }
            __kernel void st_conv2d_grad_filters(const int N, const int C, const int H, const int W, const int K,
                                    const int R, const int S, const int Ho, const int Wo, const int G, const int pt,
                                    const int pl, const int sh, const int sw, const int dh, const int dw,
                                    __global const T* restrict x, __global const T* restrict gy, __global T* restrict dwt) {
                const long id = get_global_id(0);
                const int cg = C / G, kg = K / G;
                if (id >= (long)K * cg * R * S) return;
                const int s = (int)(id % S);
                long t = id / S;
                const int r = (int)(t % R);
                t /= R;
                const int cc = (int)(t % cg);
                const int k = (int)(t / cg);
                const int c = (k / kg) * cg + cc;
                T acc = (T)0;
                for (int n = 0; n < N; n++) {
                    for (int i = 0; i < Ho; i++) {
                        const int ih = i * sh - pt + r * dh;
                        if (ih < 0 || ih >= H) continue;
                        for (int j = 0; j < Wo; j++) {
                            const int iw = j * sw - pl + s * dw;
                            if (iw < 0 || iw >= W) continue;
                            acc = fma(gy[(((long)n * K + k) * Ho + i) * Wo + j], x[(((long)n * C + c) * H + ih) * W + iw], acc);
                        }
                    }
                }
                dwt[id] = acc;
            }
            /* forward (src = x) and GRAD_GRAD (src = the incoming gradient): the max reads src at x's first maximum */
            __kernel void st_pool2d(const int planes, const int H, const int W, const int Ho, const int Wo,
                                    const int wh, const int ww, const int sh, const int sw, const int ph, const int pw,
                                    const int mode, __global const T* restrict x, __global const T* restrict src,
                                    __global T* restrict y) {
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
                const __global T* sp = src + p * H * W;
                if (mode == 0) {
                    int best = rLo * W + cLo;
                    for (int r = rLo; r < rHi; r++)
                        for (int c = cLo; c < cHi; c++)
                            if (xp[r * W + c] > xp[best]) best = r * W + c;
                    y[id] = sp[best];
                    return;
                }
                T sum = (T)0;
                for (int r = rLo; r < rHi; r++)
                    for (int c = cLo; c < cHi; c++)
                        sum += sp[r * W + c];
                const int count = mode == 1 ? (r1 - r0) * (c1 - c0) : (rHi - rLo) * (cHi - cLo);
                y[id] = sum / (T)count;
            }
            /* GRAD: each input element gathers from the windows that contain it (no atomics) */
            __kernel void st_pool2d_grad(const int planes, const int H, const int W, const int Ho, const int Wo,
                                    const int wh, const int ww, const int sh, const int sw, const int ph, const int pw,
                                    const int mode, __global const T* restrict x, __global const T* restrict gy,
                                    __global T* restrict gx) {
                const long id = get_global_id(0);
                if (id >= (long)planes * H * W) return;
                const int iw = (int)(id % W);
                const long t = id / W;
                const int ih = (int)(t % H);
                const long p = t / H;
                const __global T* xp = x + p * H * W;
                const __global T* gp = gy + p * Ho * Wo;
                const int a = ih + ph - wh + 1, b = iw + pw - ww + 1;
                const int iLo = a <= 0 ? 0 : (a + sh - 1) / sh, iHi = min(Ho - 1, (ih + ph) / sh);
                const int jLo = b <= 0 ? 0 : (b + sw - 1) / sw, jHi = min(Wo - 1, (iw + pw) / sw);
                T acc = (T)0;
                for (int i = iLo; i <= iHi; i++) {
                    const int r0 = i * sh - ph, r1 = min(r0 + wh, H + ph);
                    if (ih < r0 || ih >= r1) continue;
                    const int rLo = max(r0, 0), rHi = min(r1, H);
                    for (int j = jLo; j <= jHi; j++) {
                        const int c0 = j * sw - pw, c1 = min(c0 + ww, W + pw);
                        if (iw < c0 || iw >= c1) continue;
                        const int cLo = max(c0, 0), cHi = min(c1, W);
                        if (mode == 0) {
                            int best = rLo * W + cLo;
                            for (int r = rLo; r < rHi; r++)
                                for (int c = cLo; c < cHi; c++)
                                    if (xp[r * W + c] > xp[best]) best = r * W + c;
                            if (best == ih * W + iw) acc += gp[i * Wo + j];
                        } else {
                            const int count = mode == 1 ? (r1 - r0) * (c1 - c0) : (rHi - rLo) * (cHi - cLo);
                            acc += gp[i * Wo + j] / (T)count;
                        }
                    }
                }
                gx[id] = acc;
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

    /** The device kernel of a conv2d or pooling node (every variant), or null (float64 without fp64). */
    static ClConv forNode(Apply node, ClDevice device) {
        DType d = node.output().type().dtype();
        if (!d.isFloat() || (d == DType.FLOAT64 && !device.supportsFp64())) {
            return null;
        }
        return new ClConv(node, device, d);
    }

    @Override
    public DeviceArray run(DeviceArray[] in, Allocator alloc) {
        if (node.op() instanceof Conv2d c) {
            return switch (c.variant()) {
                case FORWARD -> conv(c, in[0], in[1], alloc);
                case GRAD_INPUT -> convGradInput(c, in, alloc);
                case GRAD_FILTERS -> convGradFilters(c, in, alloc);
            };
        }
        return pool((Pool2d) node.op(), in, alloc);
    }

    private String where() {
        return " (node created at " + node.createdAt() + ")";
    }

    private void checkGroups(Conv2d op, int c, int k, int cg) {
        int g = op.groups();
        if (c % g != 0 || k % g != 0 || c / g != cg) {
            throw new ShapeMismatchException(op.name() + ": the input has " + c + " channels and the filters have " + k
                    + " output and " + cg + " input channels, which does not fit groups=" + g + where());
        }
    }

    /** A positive int scalar input, read back from the device. */
    private int size(Conv2d op, String what, DeviceArray v) {
        long n = v.toHost().getLong(0);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new ShapeMismatchException(op.name() + ": the " + what + " must be positive, got " + n + where());
        }
        return (int) n;
    }

    /** Launches one of the conv kernels over {@code total} work items with the shared size arguments. */
    private void launchConv(String kernel, long total, Conv2d op, int n, int c, int h, int w, int k, int r, int s, int ho,
            int wo, DeviceArray a, DeviceArray b, DeviceArray out) {
        if (total == 0) {
            return;
        }
        int pt = op.pads(true, h, r)[0];
        int pl = op.pads(false, w, s)[0];
        int[] st = op.stride();
        int[] dil = op.dilation();
        device.launch(source, kernel, new long[] {total}, null, args -> args.i32(n).i32(c).i32(h).i32(w).i32(k).i32(r)
                .i32(s).i32(ho).i32(wo).i32(op.groups()).i32(pt).i32(pl).i32(st[0]).i32(st[1]).i32(dil[0]).i32(dil[1])
                .buffer(a).buffer(b).buffer(out));
    }

    private DeviceArray conv(Conv2d op, DeviceArray x, DeviceArray w, Allocator alloc) {
        int[] xs = x.shape();
        int[] ws = w.shape();
        checkGroups(op, xs[1], ws[0], ws[1]);
        int ho = op.outputLength(true, xs[2], ws[2], "the input" + where());
        int wo = op.outputLength(false, xs[3], ws[3], "the input" + where());
        DeviceArray out = alloc.allocate(dtype, new int[] {xs[0], ws[0], ho, wo});
        launchConv("st_conv2d", (long) xs[0] * ws[0] * ho * wo, op, xs[0], xs[1], xs[2], xs[3], ws[0], ws[2], ws[3], ho,
                wo, x, w, out);
        return out;
    }

    private DeviceArray convGradInput(Conv2d op, DeviceArray[] in, Allocator alloc) {
        int[] gs = in[0].shape();
        int[] ws = in[1].shape();
        int h = size(op, "output height", in[2]);
        int w = size(op, "output width", in[3]);
        int c = ws[1] * op.groups();
        checkGroups(op, c, ws[0], ws[1]);
        int ho = op.outputLength(true, h, ws[2], "the output" + where());
        int wo = op.outputLength(false, w, ws[3], "the output" + where());
        int[] expected = {gs[0], ws[0], ho, wo};
        if (!java.util.Arrays.equals(gs, expected)) {
            throw new ShapeMismatchException(op.name() + ": the input gradient has shape "
                    + org.symtensor.value.NDArray.shapeToString(gs) + ", expected "
                    + org.symtensor.value.NDArray.shapeToString(expected) + where());
        }
        DeviceArray out = alloc.allocate(dtype, new int[] {gs[0], c, h, w});
        launchConv("st_conv2d_grad_input", (long) gs[0] * c * h * w, op, gs[0], c, h, w, ws[0], ws[2], ws[3], ho, wo,
                in[0], in[1], out);
        return out;
    }

    private DeviceArray convGradFilters(Conv2d op, DeviceArray[] in, Allocator alloc) {
        int[] xs = in[0].shape();
        int[] gs = in[1].shape();
        int r = size(op, "filter height", in[2]);
        int s = size(op, "filter width", in[3]);
        if (xs[1] % op.groups() != 0) {
            throw new ShapeMismatchException(op.name() + ": the input has " + xs[1] + " channels, not a multiple of groups="
                    + op.groups() + where());
        }
        int cg = xs[1] / op.groups();
        checkGroups(op, xs[1], gs[1], cg);
        int ho = op.outputLength(true, xs[2], r, "the input" + where());
        int wo = op.outputLength(false, xs[3], s, "the input" + where());
        int[] expected = {xs[0], gs[1], ho, wo};
        if (!java.util.Arrays.equals(gs, expected)) {
            throw new ShapeMismatchException(op.name() + ": the output gradient has shape "
                    + org.symtensor.value.NDArray.shapeToString(gs) + ", expected "
                    + org.symtensor.value.NDArray.shapeToString(expected) + where());
        }
        DeviceArray out = alloc.allocate(dtype, new int[] {gs[1], cg, r, s});
        launchConv("st_conv2d_grad_filters", (long) gs[1] * cg * r * s, op, xs[0], xs[1], xs[2], xs[3], gs[1], r, s, ho,
                wo, in[0], in[1], out);
        return out;
    }

    private DeviceArray pool(Pool2d op, DeviceArray[] in, Allocator alloc) {
        DeviceArray x = in[0];
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
        Pool2d.Variant v = op.variant();
        if (v != Pool2d.Variant.FORWARD) {
            int[] expected = v == Pool2d.Variant.GRAD ? ys : xs;
            if (!java.util.Arrays.equals(in[1].shape(), expected)) {
                throw new ShapeMismatchException(op.name() + ": the " + (v == Pool2d.Variant.GRAD ? "output gradient"
                        : "input") + " has shape " + org.symtensor.value.NDArray.shapeToString(in[1].shape())
                        + ", expected " + org.symtensor.value.NDArray.shapeToString(expected) + where());
            }
        }
        DeviceArray out = alloc.allocate(dtype, v == Pool2d.Variant.GRAD ? xs : ys);
        long total = (long) planes * (v == Pool2d.Variant.GRAD ? h * w : ho * wo);
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
        DeviceArray src = v == Pool2d.Variant.FORWARD ? x : in[1];
        device.launch(source, v == Pool2d.Variant.GRAD ? "st_pool2d_grad" : "st_pool2d", new long[] {total}, null,
                a -> a.i32(p).i32(h).i32(w).i32(ho).i32(wo).i32(win[0]).i32(win[1]).i32(st[0]).i32(st[1]).i32(pad[0])
                        .i32(pad[1]).i32(mode).buffer(x).buffer(src).buffer(out));
        return out;
    }
}
