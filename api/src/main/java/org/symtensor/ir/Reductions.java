package org.symtensor.ir;

import java.util.Arrays;
import java.util.Locale;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;

/**
 * The reductions of NumPy's signature {@code f(x, axis=..., keepdims=...)} over untyped
 * {@link Variable}s: one {@link Reduce} node and, for {@code keepdims}, a dimshuffle that puts the
 * reduced axes back with length 1 (broadcastable), so the result broadcasts against {@code x}.
 * {@code var}, {@code std} and {@code logsumexp} are composites of sums, means and maxima: they
 * add no op kind, and their gradients come from the ops they are made of.
 */
public final class Reductions {
    private Reductions() {}

    /**
     * The axes of a reduction of {@code x} normalized: negative ones count from the end; null or
     * empty means every axis. A repeated axis or one outside {@code [-rank, rank)} is an error that
     * names the function and x.
     */
    public static boolean[] reducedAxes(String what, Variable x, int[] axes) {
        int rank = x.type().rank();
        boolean[] mark = new boolean[rank];
        if (axes == null || axes.length == 0) {
            Arrays.fill(mark, true);
            return mark;
        }
        for (int a : axes) {
            int n = a < 0 ? a + rank : a;
            if (n < 0 || n >= rank) {
                throw new ShapeMismatchException(what + ": axis " + a + " is out of range for " + x.describe()
                        + " of rank " + rank + "; expected an axis in [" + -rank + ", " + rank + ")");
            }
            if (mark[n]) {
                throw new ArgumentException(what + ": axis " + a + " of " + x.describe() + " is repeated in "
                        + Arrays.toString(axes) + "; expected each axis at most once");
            }
            mark[n] = true;
        }
        return mark;
    }

    private static int[] list(boolean[] reduced) {
        int n = 0;
        for (boolean b : reduced) {
            n += b ? 1 : 0;
        }
        int[] out = new int[n];
        for (int a = 0, k = 0; a < reduced.length; a++) {
            if (reduced[a]) {
                out[k++] = a;
            }
        }
        return out;
    }

    /** {@code r}, the reduction of a tensor over {@code reduced}, with those axes back as length-1 axes. */
    public static Variable keepDims(Variable r, boolean[] reduced) {
        int[] pattern = new int[reduced.length];
        for (int a = 0, k = 0; a < reduced.length; a++) {
            pattern[a] = reduced[a] ? DimShuffle.NEW_AXIS : k++;
        }
        return Ops.dimshuffle(r, pattern);
    }

    /** A reduction of {@code x} over {@code axes} (null or empty: all), with the reduced axes kept as length 1 when asked. */
    public static Variable reduce(Reduce.Kind kind, Variable x, int[] axes, boolean keepdims) {
        String what = kind.name().toLowerCase(Locale.ROOT);
        boolean[] reduced = reducedAxes(what, x, axes);
        if ((kind == Reduce.Kind.ARGMAX || kind == Reduce.Kind.ARGMIN) && axes != null && axes.length > 1) {
            throw new ArgumentException(what + " of " + x.describe() + " over axes " + Arrays.toString(axes)
                    + ": expected one axis or none (the flat index over all), as NumPy");
        }
        Variable r = Apply.output(Reduce.of(kind, axes == null || axes.length == 0 ? null : list(reduced)), x);
        return keepdims ? keepDims(r, reduced) : r;
    }

    /** The number of elements over the reduced axes, as a scalar of {@code dtype} (a constant when the shape is known). */
    static Variable count(Variable x, boolean[] reduced, DType dtype) {
        Variable n = Ops.constant(1, dtype);
        for (int a = 0; a < reduced.length; a++) {
            if (reduced[a]) {
                n = Ops.elemwise(ScalarOp.MUL, n, Ops.cast(Ops.shape(x, a), dtype));
            }
        }
        return n;
    }

    /**
     * The variance {@code sum((x - mean(x))^2) / (N - ddof)} over {@code axes}, N the number of
     * elements reduced (NumPy's {@code var}; ddof 1 is the unbiased estimate). Integers and bool are
     * taken as float64 first, as NumPy does. Where {@code N - ddof <= 0} the quotient is that of
     * float division (inf or NaN), as in NumPy; a negative ddof is refused.
     */
    public static Variable var(Variable x, int[] axes, int ddof, boolean keepdims) {
        return variance("var", x, axes, ddof, keepdims);
    }

    /** The standard deviation, {@code sqrt(var(x, axes, ddof))}. */
    public static Variable std(Variable x, int[] axes, int ddof, boolean keepdims) {
        return Ops.elemwise(ScalarOp.SQRT, variance("std", x, axes, ddof, keepdims));
    }

    private static Variable variance(String what, Variable x, int[] axes, int ddof, boolean keepdims) {
        if (ddof < 0) {
            throw new ArgumentException(what + " of " + x.describe() + ": ddof is " + ddof
                    + "; expected a number of degrees of freedom >= 0");
        }
        boolean[] reduced = reducedAxes(what, x, axes);
        DType ft = Reduce.outputDtype(Reduce.Kind.MEAN, x.type().dtype());
        Variable xf = Ops.cast(x, ft);
        int[] list = list(reduced);
        Variable mean = keepDims(Ops.reduce(Reduce.Kind.MEAN, xf, list), reduced);
        Variable d = Ops.elemwise(ScalarOp.SUB, xf, mean);
        Variable ss = Ops.reduce(Reduce.Kind.SUM, Ops.elemwise(ScalarOp.MUL, d, d), list);
        Variable n = Ops.elemwise(ScalarOp.SUB, count(x, reduced, ft), Ops.constant(ddof, ft));
        Variable v = Ops.elemwise(ScalarOp.TRUE_DIV, ss, n);
        return keepdims ? keepDims(v, reduced) : v;
    }

    /**
     * {@code log(sum(exp(x)))} over {@code axes}, computed as {@code m + log(sum(exp(x - m)))} with
     * m the maximum (SciPy's {@code logsumexp}): no overflow for large x, no {@code log(0)} for very
     * negative x. The shift carries no gradient (the value does not depend on it), so the gradient
     * is {@code exp(x - lse)}, the softmax over the axes. A maximum that is not finite (a group all
     * {@code -inf}, or with {@code +inf}) shifts by 0, so an all {@code -inf} group gives
     * {@code -inf}, not NaN. Float input only.
     */
    public static Variable logsumexp(Variable x, int[] axes, boolean keepdims) {
        if (!x.type().dtype().isFloat()) {
            throw new DTypeMismatchException("logsumexp of " + x.describe() + ": expected a float tensor, got "
                    + x.type().dtype() + "; cast it first, e.g. cast(x, F64.class)");
        }
        boolean[] reduced = reducedAxes("logsumexp", x, axes);
        int[] list = list(reduced);
        Variable max = Ops.reduce(Reduce.Kind.MAX, x, list);
        Variable zero = Ops.constant(0, x.type().dtype());
        Variable shift = Apply.output(GradMark.of(GradMark.Kind.DISCONNECTED, null),
                Ops.elemwise(ScalarOp.SWITCH, Ops.elemwise(ScalarOp.ISFINITE, max), max, zero));
        Variable s = Ops.reduce(Reduce.Kind.SUM,
                Ops.elemwise(ScalarOp.EXP, Ops.elemwise(ScalarOp.SUB, x, keepDims(shift, reduced))), list);
        Variable lse = Ops.elemwise(ScalarOp.ADD, Ops.elemwise(ScalarOp.LOG, s), shift);
        return keepdims ? keepDims(lse, reduced) : lse;
    }
}
