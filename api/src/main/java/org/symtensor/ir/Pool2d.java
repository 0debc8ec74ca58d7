package org.symtensor.ir;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.TensorType;

/**
 * 2-d pooling over the last two axes of a tensor of rank 2 or more (Theano's {@code pool_2d}):
 * each output element is the max or the mean of one window of {@code wh × ww} elements, windows
 * {@code sh, sw} apart, over the input padded by {@code ph, pw} on each side.
 *
 * <p>Output length per axis, as Theano: with {@code ignoreBorder}, {@code (in + 2p - w) / s + 1}
 * (windows that would cross the padded border are dropped); without it (padding must then be
 * 0), the last partial window is kept: {@code (in - 1) / s + 1} when {@code s >= w}, else
 * {@code max(0, (in - 1 - w + s) / s) + 1}. Max ignores the padding; {@link Mode#AVG_INC_PAD}
 * divides by the window clipped to the padded input (Theano's {@code average_inc_pad}),
 * {@link Mode#AVG_EXC_PAD} by the number of real input elements in it ({@code average_exc_pad}).
 *
 * <p>Variants, so that the gradients are ops with kernels:
 * {@link Variant#FORWARD} {@code (x) → y}; {@link Variant#GRAD} {@code (x, gy) → gx}, the
 * gradient (for max it goes to the first maximal element of each window); {@link Variant#GRAD_GRAD}
 * {@code (x, gx) → gy}, the transpose of GRAD in its second input (for max it reads the element of
 * each window's maximum, for the averages it is the forward pooling).
 */
public final class Pool2d implements Op {
    /** The pooling function. */
    public enum Mode {
        MAX, AVG_INC_PAD, AVG_EXC_PAD
    }

    /** Which map the node computes. */
    public enum Variant {
        FORWARD, GRAD, GRAD_GRAD
    }

    private final Mode mode;
    private final Variant variant;
    private final int[] window;
    private final int[] stride;
    private final int[] pad;
    private final boolean ignoreBorder;

    private Pool2d(Mode mode, Variant variant, int[] window, int[] stride, int[] pad, boolean ignoreBorder) {
        this.mode = mode;
        this.variant = variant;
        this.window = window;
        this.stride = stride;
        this.pad = pad;
        this.ignoreBorder = ignoreBorder;
    }

    /**
     * The op: {@code window} and {@code stride} are (vertical, horizontal) pairs of positive ints,
     * {@code pad} a pair of non-negative ints each smaller than the window; padding needs
     * {@code ignoreBorder}, as in Theano.
     */
    public static Pool2d of(Mode mode, Variant variant, int[] window, int[] stride, int[] pad, boolean ignoreBorder) {
        check("window", window, 1);
        check("stride", stride, 1);
        check("padding", pad, 0);
        if (pad[0] >= window[0] || pad[1] >= window[1]) {
            throw new ArgumentException("pool2d: the padding " + Arrays.toString(pad) + " must be smaller than the window "
                    + Arrays.toString(window) + " (a window of padding only has no value)");
        }
        if (!ignoreBorder && (pad[0] != 0 || pad[1] != 0)) {
            throw new ArgumentException("pool2d: padding " + Arrays.toString(pad) + " needs ignoreBorder=true, as in Theano");
        }
        return new Pool2d(mode, variant, window.clone(), stride.clone(), pad.clone(), ignoreBorder);
    }

    private static void check(String what, int[] v, int min) {
        if (v == null || v.length != 2 || v[0] < min || v[1] < min) {
            throw new ArgumentException("pool2d: " + what + " must be a pair of ints >= " + min + ", got " + Arrays.toString(v));
        }
    }

    public Pool2d withVariant(Variant v) {
        return new Pool2d(mode, v, window, stride, pad, ignoreBorder);
    }

    public Mode mode() {
        return mode;
    }

    public Variant variant() {
        return variant;
    }

    public int[] window() {
        return window.clone();
    }

    public int[] stride() {
        return stride.clone();
    }

    public int[] pad() {
        return pad.clone();
    }

    public boolean ignoreBorder() {
        return ignoreBorder;
    }

    /** The output length along axis {@code a} (0 vertical, 1 horizontal) for an input of length {@code in}. */
    public int outputLength(int a, int in) {
        int w = window[a];
        int s = stride[a];
        if (ignoreBorder) {
            int span = in + 2 * pad[a] - w;
            return span < 0 ? 0 : span / s + 1;
        }
        if (in == 0) {
            return 0;
        }
        return s >= w ? (in - 1) / s + 1 : Math.max(0, (in - 1 - w + s) / s) + 1;
    }

    @Override
    public OpKind kind() {
        return OpKind.POOL2D;
    }

    @Override
    public String name() {
        String base = switch (mode) {
            case MAX -> "MaxPool2d";
            case AVG_INC_PAD -> "AvgPool2d";
            case AVG_EXC_PAD -> "AvgPool2dExcPad";
        } + switch (variant) {
            case FORWARD -> "";
            case GRAD -> "Grad";
            case GRAD_GRAD -> "GradGrad";
        };
        return base + "{window=(" + window[0] + ", " + window[1] + "), stride=(" + stride[0] + ", " + stride[1] + ")"
                + (pad[0] != 0 || pad[1] != 0 ? ", pad=(" + pad[0] + ", " + pad[1] + ")" : "")
                + (ignoreBorder ? "" : ", ignoreBorder=false") + "}";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        String op = mode == Mode.MAX ? "maxPool2d" : "avgPool2d";
        int arity = variant == Variant.FORWARD ? 1 : 2;
        if (inputs.size() != arity) {
            throw new ArgumentException(name() + " takes " + arity + " inputs, got " + inputs.size());
        }
        Variable x = inputs.get(0);
        if (x.type().rank() < 2) {
            throw new ShapeMismatchException(op + ": the input " + x.describe() + " must have rank 2 or more (the last two"
                    + " axes are pooled), got " + x.type());
        }
        if (!x.type().dtype().isFloat()) {
            throw new DTypeMismatchException(op + ": the input " + x.describe() + " must be float32 or float64, got "
                    + x.type().dtype().toString().toLowerCase(Locale.ROOT));
        }
        int[] xs = x.type().shape();
        int r = xs.length;
        int[] ys = xs.clone();
        for (int a = 0; a < 2; a++) {
            int in = xs[r - 2 + a];
            ys[r - 2 + a] = in == TensorType.UNKNOWN ? TensorType.UNKNOWN : outputLength(a, in);
        }
        if (variant == Variant.FORWARD) {
            return List.of(TensorType.of(x.type().dtype(), ys));
        }
        Variable g = inputs.get(1);
        int[] expected = variant == Variant.GRAD ? ys : xs;
        String role = variant == Variant.GRAD ? "output gradient" : "input";
        if (g.type().rank() != r || g.type().dtype() != x.type().dtype()) {
            throw new ShapeMismatchException(name() + ": the " + role + " " + g.describe() + " must be "
                    + TensorType.of(x.type().dtype(), expected) + ", got " + g.type());
        }
        for (int i = 0; i < r; i++) {
            int a = g.type().dim(i);
            if (a != TensorType.UNKNOWN && expected[i] != TensorType.UNKNOWN && a != expected[i]) {
                throw new ShapeMismatchException(name() + ": the " + role + " " + g.describe() + " must have shape "
                        + TensorType.shapeString(expected) + ", got " + TensorType.shapeString(g.type().shape()));
            }
        }
        return List.of(TensorType.of(x.type().dtype(), variant == Variant.GRAD ? xs : ys));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pool2d p && p.mode == mode && p.variant == variant && Arrays.equals(p.window, window)
                && Arrays.equals(p.stride, stride) && Arrays.equals(p.pad, pad) && p.ignoreBorder == ignoreBorder;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(mode, variant, Arrays.hashCode(window), Arrays.hashCode(stride), Arrays.hashCode(pad),
                ignoreBorder);
    }

    @Override
    public String toString() {
        return name();
    }
}
