package org.symtensor.ir;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * A 2-d convolution over NCHW tensors, in the cross-correlation form deep-learning libraries
 * compute (Theano's {@code conv2d} with {@code filter_flip=False}): {@code y[n, k, i, j] =
 * Σ_{c, r, s} x[n, g·C/G + c, i·sh - pt + r·dh, j·sw - pl + s·dw] · w[k, c, r, s]} where
 * {@code g = k / (K/G)} is the group of output channel k, and taps that fall outside the input
 * read zero (the padding).
 *
 * <p>Three variants share the geometry (stride, dilation, groups, padding), so that each gradient
 * is itself an op with a kernel, and the gradients of those are again variants:
 * <ul>
 *   <li>{@link Variant#FORWARD}: {@code (x: N×C×H×W, w: K×C/G×R×S) → N×K×Ho×Wo};</li>
 *   <li>{@link Variant#GRAD_INPUT}: {@code (gy: N×K×Ho×Wo, w, H, W) → N×C×H×W}, the transpose of the
 *   forward map in x ({@code conv2dTranspose}); {@code H} and {@code W} are int scalars, needed
 *   because a stride makes several input sizes give the same output size;</li>
 *   <li>{@link Variant#GRAD_FILTERS}: {@code (x, gy, R, S) → K×C/G×R×S}, the transpose of the forward
 *   map in w.</li>
 * </ul>
 *
 * <p>Padding is explicit (top, bottom, left, right) or a mode resolved from the sizes at each
 * call: {@code valid} (none), {@code full} ({@code dh·(R-1)} on every side, so every overlap
 * counts) and {@code same} (output {@code ceil(H/sh)}, the padding split with the odd element at
 * the bottom/right, as TensorFlow does).
 */
public final class Conv2d implements Op {
    /** Which of the three linear maps the node computes. */
    public enum Variant {
        FORWARD, GRAD_INPUT, GRAD_FILTERS
    }

    /** How the padding is chosen. */
    public enum Padding {
        EXPLICIT, VALID, SAME, FULL
    }

    private final Variant variant;
    private final int strideH;
    private final int strideW;
    private final int dilationH;
    private final int dilationW;
    private final int groups;
    private final Padding padding;
    /** top, bottom, left, right; zeros unless {@link Padding#EXPLICIT}. */
    private final int[] pads;

    private Conv2d(Variant variant, int strideH, int strideW, int dilationH, int dilationW, int groups, Padding padding,
            int[] pads) {
        this.variant = variant;
        this.strideH = strideH;
        this.strideW = strideW;
        this.dilationH = dilationH;
        this.dilationW = dilationW;
        this.groups = groups;
        this.padding = padding;
        this.pads = pads;
    }

    /**
     * The op with the given geometry. {@code stride} and {@code dilation} are (vertical, horizontal)
     * pairs of positive ints; {@code pads} is (top, bottom, left, right) of non-negative ints for
     * {@link Padding#EXPLICIT} and ignored (may be null) otherwise.
     */
    public static Conv2d of(Variant variant, int[] stride, int[] dilation, int groups, Padding padding, int[] pads) {
        checkPair("stride", stride, 1);
        checkPair("dilation", dilation, 1);
        if (groups < 1) {
            throw new ArgumentException("conv2d: groups must be at least 1, got " + groups);
        }
        int[] p = new int[4];
        if (padding == Padding.EXPLICIT) {
            if (pads == null || pads.length != 4) {
                throw new ArgumentException("conv2d: explicit padding needs (top, bottom, left, right), got "
                        + Arrays.toString(pads));
            }
            for (int v : pads) {
                if (v < 0) {
                    throw new ArgumentException("conv2d: padding must be non-negative, got " + Arrays.toString(pads));
                }
            }
            p = pads.clone();
        }
        return new Conv2d(variant, stride[0], stride[1], dilation[0], dilation[1], groups, padding, p);
    }

    private static void checkPair(String what, int[] v, int min) {
        if (v == null || v.length != 2 || v[0] < min || v[1] < min) {
            throw new ArgumentException("conv2d: " + what + " must be a pair of ints >= " + min + ", got " + Arrays.toString(v));
        }
    }

    /** The same geometry computing another variant. */
    public Conv2d withVariant(Variant v) {
        return new Conv2d(v, strideH, strideW, dilationH, dilationW, groups, padding, pads);
    }

    public Variant variant() {
        return variant;
    }

    public int[] stride() {
        return new int[] {strideH, strideW};
    }

    public int[] dilation() {
        return new int[] {dilationH, dilationW};
    }

    public int groups() {
        return groups;
    }

    public Padding padding() {
        return padding;
    }

    /** The explicit padding (top, bottom, left, right); zeros for the other modes. */
    public int[] explicitPads() {
        return pads.clone();
    }

    /**
     * The padding (before, after) along one axis of input length {@code in}, filter length
     * {@code k}, for this op's mode; {@code vertical} picks the stride and dilation.
     */
    public int[] pads(boolean vertical, int in, int k) {
        int stride = vertical ? strideH : strideW;
        int eff = (vertical ? dilationH : dilationW) * (k - 1) + 1;
        return switch (padding) {
            case EXPLICIT -> vertical ? new int[] {pads[0], pads[1]} : new int[] {pads[2], pads[3]};
            case VALID -> new int[] {0, 0};
            case FULL -> new int[] {eff - 1, eff - 1};
            case SAME -> {
                int out = (in + stride - 1) / stride;
                int total = Math.max(0, (out - 1) * stride + eff - in);
                yield new int[] {total / 2, total - total / 2};
            }
        };
    }

    /** The output length along one axis (may be 0 or negative when the filter does not fit; see {@link #outputLength}). */
    public int rawOutputLength(boolean vertical, int in, int k) {
        int[] p = pads(vertical, in, k);
        int eff = (vertical ? dilationH : dilationW) * (k - 1) + 1;
        int span = in + p[0] + p[1] - eff;
        return span < 0 ? 0 : span / (vertical ? strideH : strideW) + 1;
    }

    /** The output length along one axis, or a ShapeMismatchException naming {@code what} when the (dilated) filter is longer than the padded input. */
    public int outputLength(boolean vertical, int in, int k, String what) {
        int o = rawOutputLength(vertical, in, k);
        if (o < 1) {
            int[] p = pads(vertical, in, k);
            throw new ShapeMismatchException("conv2d: the " + (vertical ? "height" : "width") + " of " + what + " is " + in
                    + " with padding " + p[0] + "+" + p[1] + ", less than the dilated filter's " + ((vertical ? dilationH
                    : dilationW) * (k - 1) + 1));
        }
        return o;
    }

    @Override
    public OpKind kind() {
        return OpKind.CONV2D;
    }

    @Override
    public String name() {
        StringBuilder sb = new StringBuilder(switch (variant) {
            case FORWARD -> "Conv2d";
            case GRAD_INPUT -> "Conv2dGradInput";
            case GRAD_FILTERS -> "Conv2dGradFilters";
        });
        sb.append("{stride=(").append(strideH).append(", ").append(strideW).append(")");
        if (dilationH != 1 || dilationW != 1) {
            sb.append(", dilation=(").append(dilationH).append(", ").append(dilationW).append(")");
        }
        if (groups != 1) {
            sb.append(", groups=").append(groups);
        }
        sb.append(", padding=");
        if (padding == Padding.EXPLICIT) {
            sb.append('(').append(pads[0]).append(", ").append(pads[1]).append(", ").append(pads[2]).append(", ")
                    .append(pads[3]).append(')');
        } else {
            sb.append(padding.name().toLowerCase(Locale.ROOT));
        }
        return sb.append('}').toString();
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        String op = name();
        int arity = variant == Variant.FORWARD ? 2 : 4;
        if (inputs.size() != arity) {
            throw new ArgumentException(op + " takes " + arity + " inputs, got " + inputs.size());
        }
        return switch (variant) {
            case FORWARD -> forwardType(inputs.get(0), inputs.get(1));
            case GRAD_INPUT -> gradInputType(inputs);
            case GRAD_FILTERS -> gradFiltersType(inputs);
        };
    }

    private static void requireFloat4(String op, String role, Variable v) {
        if (v.type().rank() != 4) {
            throw new ShapeMismatchException(op + ": the " + role + " " + v.describe() + " must have rank 4, got "
                    + v.type());
        }
        if (!v.type().dtype().isFloat()) {
            throw new DTypeMismatchException(op + ": the " + role + " " + v.describe() + " must be float32 or float64, got "
                    + v.type().dtype());
        }
    }

    private static void requireSameDtype(String op, Variable a, Variable b) {
        if (a.type().dtype() != b.type().dtype()) {
            throw new DTypeMismatchException(op + ": " + a.describe() + " is " + a.type().dtype() + " but " + b.describe()
                    + " is " + b.type().dtype() + "; cast one of them explicitly");
        }
    }

    private static void requireIntScalar(String op, String role, Variable v) {
        if (v.type().rank() != 0 || !v.type().dtype().isInteger()) {
            throw new DTypeMismatchException(op + ": the " + role + " " + v.describe() + " must be an integer scalar, got "
                    + v.type());
        }
    }

    /** A constant int scalar's value, else {@link TensorType#UNKNOWN}; fails on a negative or zero constant. */
    private static int constantSize(String op, String role, Variable v) {
        if (v instanceof Constant c) {
            long n = c.value().getLong(0);
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw new ShapeMismatchException(op + ": the " + role + " must be positive, got " + n);
            }
            return (int) n;
        }
        return TensorType.UNKNOWN;
    }

    private static final int U = TensorType.UNKNOWN;

    /** Checks that two static lengths agree where both are known. */
    private static void same(String op, String what, int a, int b) {
        if (a != U && b != U && a != b) {
            throw new ShapeMismatchException(op + ": " + what + ": " + a + " vs " + b);
        }
    }

    /** Checks the channel counts of input and filters; returns nothing, throws naming both. */
    private void checkChannels(String op, Variable x, int c, Variable w) {
        int k = w.type().dim(0);
        int cg = w.type().dim(1);
        if (c != U && c % groups != 0) {
            throw new ShapeMismatchException(op + ": the input " + x.describe() + " has " + c
                    + " channels, not a multiple of groups=" + groups);
        }
        if (k != U && k % groups != 0) {
            throw new ShapeMismatchException(op + ": the filters " + w.describe() + " have " + k
                    + " output channels, not a multiple of groups=" + groups);
        }
        if (c != U && cg != U && c / groups != cg) {
            throw new ShapeMismatchException(op + ": the input " + x.describe() + " has " + c + " channels, so with groups="
                    + groups + " the filters " + w.describe() + " need " + (c / groups) + " input channels (axis 1), got "
                    + cg + " (filters shape " + TensorType.shapeString(w.type().shape()) + ")");
        }
    }

    private int out(boolean vertical, int in, int k, String what) {
        return in == U || k == U ? U : outputLength(vertical, in, k, what);
    }

    private List<TensorType> forwardType(Variable x, Variable w) {
        String op = "conv2d";
        requireFloat4(op, "input", x);
        requireFloat4(op, "filters", w);
        requireSameDtype(op, x, w);
        checkChannels(op, x, x.type().dim(1), w);
        int ho = out(true, x.type().dim(2), w.type().dim(2), "the input " + x.describe());
        int wo = out(false, x.type().dim(3), w.type().dim(3), "the input " + x.describe());
        return List.of(TensorType.of(x.type().dtype(), x.type().dim(0), w.type().dim(0), ho, wo));
    }

    private List<TensorType> gradInputType(List<Variable> in) {
        String op = "conv2dTranspose";
        Variable gy = in.get(0);
        Variable w = in.get(1);
        requireFloat4(op, "input", gy);
        requireFloat4(op, "filters", w);
        requireSameDtype(op, gy, w);
        requireIntScalar(op, "output height", in.get(2));
        requireIntScalar(op, "output width", in.get(3));
        same(op, "the channels of " + gy.describe() + " (axis 1) and the output channels of the filters " + w.describe()
                + " (axis 0) differ", gy.type().dim(1), w.type().dim(0));
        if (w.type().dim(0) != U && w.type().dim(0) % groups != 0) {
            throw new ShapeMismatchException(op + ": the filters " + w.describe() + " have " + w.type().dim(0)
                    + " output channels, not a multiple of groups=" + groups);
        }
        int h = constantSize(op, "output height", in.get(2));
        int wd = constantSize(op, "output width", in.get(3));
        if (h != U && w.type().dim(2) != U) {
            same(op, "the input " + gy.describe() + " has height " + gy.type().dim(2) + " but an output of height " + h
                    + " gives", gy.type().dim(2), outputLength(true, h, w.type().dim(2), "the output"));
        }
        if (wd != U && w.type().dim(3) != U) {
            same(op, "the input " + gy.describe() + " has width " + gy.type().dim(3) + " but an output of width " + wd
                    + " gives", gy.type().dim(3), outputLength(false, wd, w.type().dim(3), "the output"));
        }
        int c = w.type().dim(1) == U ? U : w.type().dim(1) * groups;
        return List.of(TensorType.of(gy.type().dtype(), gy.type().dim(0), c, h, wd));
    }

    private List<TensorType> gradFiltersType(List<Variable> in) {
        String op = "conv2dGradFilters";
        Variable x = in.get(0);
        Variable gy = in.get(1);
        requireFloat4(op, "input", x);
        requireFloat4(op, "output gradient", gy);
        requireSameDtype(op, x, gy);
        requireIntScalar(op, "filter height", in.get(2));
        requireIntScalar(op, "filter width", in.get(3));
        same(op, "the batch of " + x.describe() + " and of " + gy.describe() + " differ", x.type().dim(0), gy.type().dim(0));
        int c = x.type().dim(1);
        int k = gy.type().dim(1);
        if (c != U && c % groups != 0) {
            throw new ShapeMismatchException(op + ": the input " + x.describe() + " has " + c
                    + " channels, not a multiple of groups=" + groups);
        }
        if (k != U && k % groups != 0) {
            throw new ShapeMismatchException(op + ": " + gy.describe() + " has " + k
                    + " channels, not a multiple of groups=" + groups);
        }
        int r = constantSize(op, "filter height", in.get(2));
        int s = constantSize(op, "filter width", in.get(3));
        if (r != U && x.type().dim(2) != U) {
            same(op, "the output gradient " + gy.describe() + " has the wrong height", gy.type().dim(2),
                    outputLength(true, x.type().dim(2), r, "the input " + x.describe()));
        }
        if (s != U && x.type().dim(3) != U) {
            same(op, "the output gradient " + gy.describe() + " has the wrong width", gy.type().dim(3),
                    outputLength(false, x.type().dim(3), s, "the input " + x.describe()));
        }
        return List.of(TensorType.of(x.type().dtype(), k, c == U ? U : c / groups, r, s));
    }

    /** Builds the forward node. */
    public static Variable forward(Conv2d geometry, Variable x, Variable w) {
        return Apply.output(geometry.withVariant(Variant.FORWARD), x, w);
    }

    /** Builds the grad-input node for an output of {@code h × wd} (int scalars). */
    public static Variable gradInput(Conv2d geometry, Variable gy, Variable w, Variable h, Variable wd) {
        return Apply.output(geometry.withVariant(Variant.GRAD_INPUT), gy, w, h, wd);
    }

    /** Builds the grad-filters node for filters of {@code r × s} (int scalars). */
    public static Variable gradFilters(Conv2d geometry, Variable x, Variable gy, Variable r, Variable s) {
        return Apply.output(geometry.withVariant(Variant.GRAD_FILTERS), x, gy, r, s);
    }

    /** The padding mode named {@code valid}, {@code same} or {@code full} (any case), else an ArgumentException. */
    public static Padding padding(String mode) {
        if (mode != null) {
            switch (mode.toLowerCase(Locale.ROOT)) {
                case "valid":
                    return Padding.VALID;
                case "same":
                    return Padding.SAME;
                case "full":
                    return Padding.FULL;
                default:
                    break;
            }
        }
        throw new ArgumentException("conv2d: padding must be \"valid\", \"same\", \"full\" or explicit ints, got "
                + (mode == null ? "null" : "\"" + mode + "\""));
    }

    /** Explicit padding as (top, bottom, left, right) from a (vertical, horizontal) pair or a quadruple. */
    public static int[] explicitPads(int[] p) {
        if (p != null && p.length == 2) {
            return new int[] {p[0], p[0], p[1], p[1]};
        }
        if (p != null && p.length == 4) {
            return p.clone();
        }
        throw new ArgumentException("conv2d: explicit padding must be (vertical, horizontal) or (top, bottom, left, right),"
                + " got " + Arrays.toString(p));
    }

    /**
     * The smallest input length along one axis whose convolution has the length {@code out} of the
     * given int64 scalar (for {@code same}, {@code out·stride}): the output size of a transposed
     * convolution, as a graph over the run-time lengths ({@code k} is the filter's length).
     */
    public Variable transposedLength(boolean vertical, Variable out, Variable k) {
        int stride = vertical ? strideH : strideW;
        int dil = vertical ? dilationH : dilationW;
        DType i64 = DType.INT64;
        if (out instanceof Constant co && k instanceof Constant ck) { // known sizes give a static output shape
            long ov = co.value().getLong(0);
            long kv = ck.value().getLong(0);
            long before = padding == Padding.EXPLICIT ? (vertical ? pads[0] + pads[1] : pads[2] + pads[3])
                    : padding == Padding.FULL ? 2L * dil * (kv - 1) : 0;
            long len = padding == Padding.SAME ? ov * stride : (ov - 1) * stride + dil * (kv - 1) + 1 - before;
            return Ops.constant(org.symtensor.value.NDArray.of(len));
        }
        Variable o = Ops.cast(out, i64);
        if (padding == Padding.SAME) {
            return Ops.elemwise(ScalarOp.MUL, o, Ops.constant(stride, i64));
        }
        // (out - 1)·stride + dil·(k - 1) + 1 - (before + after)
        Variable span = Ops.elemwise(ScalarOp.MUL, Ops.constant(dil, i64),
                Ops.elemwise(ScalarOp.SUB, Ops.cast(k, i64), Ops.constant(1, i64)));
        Variable base = Ops.elemwise(ScalarOp.ADD, Ops.elemwise(ScalarOp.MUL, Ops.elemwise(ScalarOp.SUB, o,
                Ops.constant(1, i64)), Ops.constant(stride, i64)), Ops.elemwise(ScalarOp.ADD, span, Ops.constant(1, i64)));
        return switch (padding) {
            case FULL -> Ops.elemwise(ScalarOp.SUB, base, Ops.elemwise(ScalarOp.MUL, Ops.constant(2, i64), span));
            case EXPLICIT -> Ops.elemwise(ScalarOp.SUB, base, Ops.constant(vertical ? pads[0] + pads[1] : pads[2] + pads[3],
                    i64));
            case VALID, SAME -> base;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Conv2d c && c.variant == variant && c.strideH == strideH && c.strideW == strideW
                && c.dilationH == dilationH && c.dilationW == dilationW && c.groups == groups && c.padding == padding
                && Arrays.equals(c.pads, pads);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(variant, strideH, strideW, dilationH, dilationW, groups, padding, Arrays.hashCode(pads));
    }

    @Override
    public String toString() {
        return name();
    }
}
