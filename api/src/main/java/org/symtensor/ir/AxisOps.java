package org.symtensor.ir;

import java.util.List;
import java.util.function.Function;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.IndexOutOfRangeException;
import org.symtensor.error.ShapeMismatchException;

/**
 * Graph building for the ops along one axis ({@link Cumulative}, {@link ArgSort},
 * {@link TakeAlongAxis}) over untyped variables: axes are normalized here (negative ones count
 * from the end) and checked with messages that name the function and the input; {@code sort} and
 * {@code topk} are a {@link TakeAlongAxis} gather of x by its {@link ArgSort} positions.
 */
public final class AxisOps {
    private AxisOps() {}

    /** {@code axis} of {@code x} made non-negative, or a ShapeMismatchException naming {@code what}. */
    public static int axis(String what, Variable x, int axis) {
        int rank = x.type().rank();
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new ShapeMismatchException(what + ": axis " + axis + " is out of range for " + x.describe()
                    + " of rank " + rank + (rank == 0 ? " (a scalar has no axis)" : "; expected an axis in ["
                    + -rank + ", " + rank + ")"));
        }
        return a;
    }

    /** The running sum ({@code cumsum}) or product ({@code cumprod}) along {@code axis}. */
    public static Variable cumulative(Cumulative.Kind kind, Variable x, int axis) {
        String what = kind == Cumulative.Kind.SUM ? "cumsum" : "cumprod";
        return Apply.output(Cumulative.of(kind, axis(what, x, axis), false), x);
    }

    /** The stable ascending argsort along {@code axis} (NaN last). */
    public static Variable argsort(Variable x, int axis) {
        return Apply.output(ArgSort.of(axis("argsort", x, axis), false, ArgSort.ALL), x);
    }

    /** {@code x} sorted along {@code axis}, ascending, NaN last. */
    public static Variable sort(Variable x, int axis) {
        int a = axis("sort", x, axis);
        return Apply.output(TakeAlongAxis.of(TakeAlongAxis.Mode.GATHER, a), x,
                Apply.output(ArgSort.of(a, false, ArgSort.ALL), x));
    }

    /** The positions of the {@code k} largest along {@code axis}, largest first (NaN counts as largest; ties: lower position first). */
    public static Variable argtopk(Variable x, int k, int axis) {
        int a = axis("topk", x, axis);
        if (k < 0) {
            throw new ArgumentException("topk of " + x.describe() + ": k is " + k + "; expected a count >= 0");
        }
        int n = x.type().dim(a);
        if (n != org.symtensor.type.TensorType.UNKNOWN && k > n) {
            throw new IndexOutOfRangeException("topk of " + x.describe() + ": k = " + k + " is more than the length "
                    + n + " of axis " + axis);
        }
        return Apply.output(ArgSort.of(a, true, k), x);
    }

    /** The {@code k} largest values along {@code axis}, largest first. */
    public static Variable topk(Variable x, int k, int axis) {
        Variable idx = argtopk(x, k, axis);
        return Apply.output(TakeAlongAxis.of(TakeAlongAxis.Mode.GATHER, ((ArgSort) idx.owner().op()).axis()), x, idx);
    }

    /** NumPy's {@code take_along_axis(x, idx, axis)}: idx integer, of x's rank. */
    public static Variable takeAlongAxis(Variable x, Variable idx, int axis) {
        return Apply.output(TakeAlongAxis.of(TakeAlongAxis.Mode.GATHER, axis("takeAlongAxis", x, axis)), x, idx);
    }

    /** How {@code pp} shows these ops: as the NumPy call that builds them. */
    public static StringBuilder print(Op op, List<Variable> in, Function<Variable, String> pp, StringBuilder sb) {
        if (op instanceof Cumulative c) {
            return sb.append(c.cumulativeKind() == Cumulative.Kind.SUM ? "cumsum(" : "cumprod(").append(pp.apply(in.get(0)))
                    .append(", axis=").append(c.axis()).append(c.reverse() ? ", reverse" : "").append(')');
        }
        if (op instanceof ArgSort s) {
            sb.append(s.descending() && s.k() != ArgSort.ALL ? "argtopk(" : "argsort(").append(pp.apply(in.get(0)));
            if (s.descending() && s.k() != ArgSort.ALL) {
                return sb.append(", k=").append(s.k()).append(", axis=").append(s.axis()).append(')');
            }
            return sb.append(", axis=").append(s.axis()).append(s.descending() ? ", descending" : "")
                    .append(s.k() == ArgSort.ALL ? "" : ", k=" + s.k()).append(')');
        }
        TakeAlongAxis t = (TakeAlongAxis) op;
        sb.append(t.mode() == TakeAlongAxis.Mode.GATHER ? "take_along_axis(" : "scatter_add_along_axis(");
        for (int i = 0; i < in.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(pp.apply(in.get(i)));
        }
        return sb.append(", axis=").append(t.axis()).append(')');
    }
}
