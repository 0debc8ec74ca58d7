package org.symtensor.ir;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * Graph building over untyped {@link Variable}s, with Theano's implicit rules: lower-rank operands
 * are padded with broadcastable axes on the left, and dtypes promote. The typed DSL, the gradient
 * rules and the processor all build graphs through these functions.
 */
public final class Ops {
    private Ops() {}

    /** Applies a scalar op elementwise, padding lower-rank inputs on the left (Theano's implicit DimShuffle). */
    public static Variable elemwise(ScalarOp op, Variable... inputs) {
        return Apply.output(Elemwise.of(op), padRanks(inputs));
    }

    /** Casts {@code x} to {@code dtype}; returns {@code x} itself when it already has that dtype. */
    public static Variable cast(Variable x, DType dtype) {
        if (x.type().dtype() == dtype) {
            return x;
        }
        return Apply.output(Elemwise.cast(dtype), x);
    }

    static Variable[] padRanks(Variable... inputs) {
        int rank = 0;
        for (Variable v : inputs) {
            rank = Math.max(rank, v.type().rank());
        }
        Variable[] out = new Variable[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            out[i] = padLeft(inputs[i], rank);
        }
        return out;
    }

    /** {@code x} with broadcastable axes added on the left up to {@code rank}. */
    public static Variable padLeft(Variable x, int rank) {
        int r = x.type().rank();
        if (r == rank) {
            return x;
        }
        int[] pattern = new int[rank];
        int pad = rank - r;
        for (int i = 0; i < rank; i++) {
            pattern[i] = i < pad ? DimShuffle.NEW_AXIS : i - pad;
        }
        return dimshuffle(x, pattern);
    }

    public static Variable dimshuffle(Variable x, int... pattern) {
        boolean identity = pattern.length == x.type().rank();
        for (int i = 0; identity && i < pattern.length; i++) {
            identity = pattern[i] == i;
        }
        return identity ? x : Apply.output(DimShuffle.of(pattern), x);
    }

    /** Reverses the axes. */
    public static Variable transpose(Variable x) {
        int r = x.type().rank();
        int[] p = new int[r];
        for (int i = 0; i < r; i++) {
            p[i] = r - 1 - i;
        }
        return dimshuffle(x, p);
    }

    /** A reduction over {@code axes} (negative axes count from the end; null or empty array means all). */
    public static Variable reduce(Reduce.Kind kind, Variable x, int... axes) {
        int rank = x.type().rank();
        int[] norm = null;
        if (axes != null && axes.length > 0) {
            boolean[] mark = new boolean[rank];
            for (int a : axes) {
                int n = a < 0 ? a + rank : a;
                if (n < 0 || n >= rank) {
                    throw new org.symtensor.error.ShapeMismatchException(kind.name().toLowerCase(java.util.Locale.ROOT)
                            + " over axis " + a + " of " + x.describe() + ", which has rank " + rank);
                }
                mark[n] = true;
            }
            List<Integer> list = new ArrayList<>();
            for (int i = 0; i < rank; i++) {
                if (mark[i]) {
                    list.add(i);
                }
            }
            norm = list.stream().mapToInt(Integer::intValue).toArray();
        }
        return Apply.output(Reduce.of(kind, norm), x);
    }

    public static Variable dot(Variable a, Variable b) {
        return Apply.output(Dot.INSTANCE, a, b);
    }

    /** The run-time length of axis {@code axis} of {@code x}, as an int64 scalar. */
    public static Variable shape(Variable x, int axis) {
        int d = x.type().dim(axis);
        if (d != org.symtensor.type.TensorType.UNKNOWN) {
            return constant(NDArray.of((long) d));
        }
        return Apply.output(ShapeOf.of(axis), x);
    }

    public static Constant constant(NDArray value) {
        return new Constant(value);
    }

    /** A scalar constant of exactly {@code dtype}. */
    public static Constant constant(double value, DType dtype) {
        return new Constant(NDArray.full(dtype, value));
    }

    /**
     * A Java literal as a constant with Theano's autocast: integers take the smallest int type that
     * holds them, floats take float32 when exact, else float64.
     */
    public static Constant literal(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return constant(d, DType.ofLiteral(d));
        }
        long l = n.longValue();
        return constant(l, DType.ofLiteral(l));
    }

    /**
     * A literal meeting a tensor of dtype {@code like}: it takes that dtype when it fits exactly
     * (so {@code x + 1} keeps x's dtype), as Theano's autocast yields for such literals; otherwise
     * Theano's autocast picks the literal's own dtype and the op upcasts.
     */
    public static Constant literalFor(double value, DType like) {
        if (like.holdsExactly(value) && !(like == DType.BOOL)) {
            return constant(value, like);
        }
        if (like.isFloat() && keepsMagnitude(value, like)) {
            // float32 x + 0.1 stays float32 in Theano (custom cast policy keeps floatX-width literals).
            return constant(value, like);
        }
        return value == Math.rint(value) && Math.abs(value) < 0x1p63 ? constant(value, DType.ofLiteral((long) value))
                : constant(value, DType.ofLiteral(value));
    }

    /** Whether rounding {@code v} to a float dtype may lose precision but neither overflows nor flushes to zero. */
    private static boolean keepsMagnitude(double v, DType floatType) {
        if (floatType == DType.FLOAT64) {
            return true;
        }
        float f = (float) v;
        return !Float.isInfinite(f) && (f != 0 || v == 0);
    }

    /** Checks that a typed operand has the dtype the typed API requires, naming both. */
    public static void requireSameDtype(String what, Variable a, Variable b) {
        if (a.type().dtype() != b.type().dtype()) {
            throw new DTypeMismatchException(what + ": " + a.describe() + " is " + a.type().dtype() + " but "
                    + b.describe() + " is " + b.type().dtype() + "; cast one of them explicitly");
        }
    }
}
