package org.symtensor.ir;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * Graph building for the shape ops over untyped {@link Variable}s: reshape, flatten, squeeze,
 * expand_dims, transpose and swapaxes (the last four as {@link DimShuffle}s). The typed DSL
 * ({@code org.symtensor.dsl.ShapeFunctions}) and the gradient rules build through these.
 */
public final class ShapeOps {
    private ShapeOps() {}

    /** An int64 scalar constant. */
    public static Variable length(long n) {
        return Ops.constant(NDArray.of(n));
    }

    /** {@code x} reshaped to the given lengths (int scalars; one may be -1). */
    public static Variable reshape(Variable x, List<Variable> lengths) {
        List<Variable> in = new ArrayList<>(lengths.size() + 1);
        in.add(x);
        for (Variable s : lengths) {
            in.add(s.type().rank() == 0 && s.type().dtype().isInteger() && !(s instanceof Constant)
                    ? Ops.cast(s, DType.INT64) : s);
        }
        return Apply.of(Reshape.of(lengths.size()), in).output();
    }

    /** {@code x} reshaped to constant lengths (one may be -1). */
    public static Variable reshape(Variable x, long... shape) {
        List<Variable> lengths = new ArrayList<>(shape.length);
        for (long s : shape) {
            lengths.add(length(s));
        }
        return reshape(x, lengths);
    }

    /**
     * {@code x} reshaped to the lengths held by the integer vector {@code shape}, of {@code ndim}
     * entries ({@code ndim < 0}: the vector's static length, which must then be known).
     */
    public static Variable reshape(Variable x, Variable shape, int ndim) {
        if (shape.type().rank() != 1 || !shape.type().dtype().isInteger()) {
            throw new DTypeMismatchException("reshape of " + x.describe() + ": the shape " + shape.describe()
                    + " must be an integer vector, got " + shape.type());
        }
        int n = shape.type().dim(0);
        if (ndim < 0) {
            if (n == TensorType.UNKNOWN) {
                throw new ShapeMismatchException("reshape of " + x.describe() + ": the length of the shape vector "
                        + shape.describe() + " is not known when the graph is built; pass the result's rank as ndim");
            }
            ndim = n;
        } else if (n != TensorType.UNKNOWN && n != ndim) {
            throw new ShapeMismatchException("reshape of " + x.describe() + ": ndim is " + ndim + " but the shape vector "
                    + shape.describe() + " has " + n + " entries");
        }
        List<Variable> lengths = new ArrayList<>(ndim);
        for (int k = 0; k < ndim; k++) {
            lengths.add(entry(shape, k));
        }
        return reshape(x, lengths);
    }

    /** Entry k of an integer vector: the constant itself when the vector is a constant. */
    static Variable entry(Variable vector, int k) {
        if (vector instanceof Constant c) {
            return length(c.value().getLong(k));
        }
        return Indexing.index(vector, 0, k);
    }

    /**
     * Theano's {@code flatten(x, ndim)}: the first {@code ndim - 1} axes kept, the others merged
     * into one, {@code (a, b, c, d)} with ndim 2 → {@code (a, b·c·d)}; ndim 1 is the plain ravel.
     */
    public static Variable flatten(Variable x, int ndim) {
        int rank = x.type().rank();
        if (ndim < 1 || ndim > Math.max(rank, 1)) {
            throw new ShapeMismatchException("flatten of " + x.describe() + " (rank " + rank + ") to ndim " + ndim
                    + ": ndim must be between 1 and " + Math.max(rank, 1));
        }
        List<Variable> lengths = new ArrayList<>(ndim);
        for (int i = 0; i < ndim - 1; i++) {
            lengths.add(Ops.shape(x, i));
        }
        Variable rest = length(1);
        for (int i = ndim - 1; i < rank; i++) {
            rest = product(rest, Ops.shape(x, i));
        }
        lengths.add(rest);
        return reshape(x, lengths);
    }

    /** The product of two int64 scalars, folded when both are constants. */
    static Variable product(Variable a, Variable b) {
        if (a instanceof Constant ca && b instanceof Constant cb) {
            return length(ca.value().getLong(0) * cb.value().getLong(0));
        }
        if (a instanceof Constant ca && ca.value().getLong(0) == 1) {
            return b;
        }
        return Ops.elemwise(ScalarOp.MUL, a, b);
    }

    /** A normalized axis of a rank-{@code rank} tensor (negative counts from the end), or an error naming it. */
    public static int axis(String what, Variable x, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new ShapeMismatchException(what + " of " + x.describe() + ": axis " + axis
                    + " is out of range for rank " + x.type().rank() + " (valid: " + -rank + " to " + (rank - 1) + ")");
        }
        return a;
    }

    /**
     * NumPy's {@code squeeze}: the given axes removed (all axes of static length 1 when none are
     * given). A named axis must be broadcastable (static length 1), as Theano requires.
     */
    public static Variable squeeze(Variable x, int... axes) {
        int rank = x.type().rank();
        boolean[] drop = new boolean[rank];
        if (axes.length == 0) {
            for (int i = 0; i < rank; i++) {
                drop[i] = x.type().isBroadcastable(i);
            }
        }
        for (int a : axes) {
            int n = axis("squeeze", x, a, rank);
            if (!x.type().isBroadcastable(n)) {
                throw new ShapeMismatchException("squeeze of " + x.describe() + ": axis " + a + " has static length "
                        + (x.type().dim(n) == TensorType.UNKNOWN ? "unknown" : Integer.toString(x.type().dim(n)))
                        + " (shape " + TensorType.shapeString(x.type().shape()) + "); only axes of length 1 can be removed");
            }
            drop[n] = true;
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            if (!drop[i]) {
                keep.add(i);
            }
        }
        return Ops.dimshuffle(x, keep.stream().mapToInt(Integer::intValue).toArray());
    }

    /** NumPy's {@code expand_dims}: a new axis of length 1 at position {@code axis} of the result (negative counts from the end). */
    public static Variable expandDims(Variable x, int axis) {
        int rank = x.type().rank();
        int a = axis("expandDims", x, axis, rank + 1);
        int[] p = new int[rank + 1];
        for (int i = 0, k = 0; i <= rank; i++) {
            p[i] = i == a ? DimShuffle.NEW_AXIS : k++;
        }
        return Ops.dimshuffle(x, p);
    }

    /** NumPy's {@code transpose(x, axes)}: output axis i is input axis {@code axes[i]}; no axes reverses them. */
    public static Variable transpose(Variable x, int... axes) {
        int rank = x.type().rank();
        if (axes.length == 0) {
            return Ops.transpose(x);
        }
        if (axes.length != rank) {
            throw new ShapeMismatchException("transpose of " + x.describe() + ": " + axes.length
                    + " axes given for rank " + rank + "; give a permutation of all axes");
        }
        int[] p = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            p[i] = axis("transpose", x, axes[i], rank);
            if (seen[p[i]]) {
                throw new ShapeMismatchException("transpose of " + x.describe() + ": axis " + axes[i]
                        + " is repeated in " + java.util.Arrays.toString(axes));
            }
            seen[p[i]] = true;
        }
        return Ops.dimshuffle(x, p);
    }

    /** NumPy's {@code swapaxes}: axes a and b exchanged. */
    public static Variable swapaxes(Variable x, int a, int b) {
        int rank = x.type().rank();
        int na = axis("swapaxes", x, a, rank);
        int nb = axis("swapaxes", x, b, rank);
        int[] p = new int[rank];
        for (int i = 0; i < rank; i++) {
            p[i] = i == na ? nb : i == nb ? na : i;
        }
        return Ops.dimshuffle(x, p);
    }
}
