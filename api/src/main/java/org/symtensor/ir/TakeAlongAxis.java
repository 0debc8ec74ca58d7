package org.symtensor.ir;

import java.util.List;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * Indexing along one axis by an integer array of the same rank: NumPy's {@code take_along_axis}
 * ({@link Mode#GATHER}, inputs {@code x, idx}: {@code out[.., j, ..] = x[.., idx[.., j, ..], ..]})
 * and its adjoint ({@link Mode#SCATTER_ADD}, inputs {@code like, g, idx}: zeros shaped as
 * {@code like} with {@code out[.., idx[.., j, ..], ..] += g[.., j, ..]}, so repeated positions
 * accumulate). On the other axes the inputs have equal lengths or length 1 (broadcast). An index
 * outside {@code [-n, n)} is an {@link org.symtensor.error.IndexOutOfRangeException} at run time;
 * a negative one counts from the end. The two modes are each other's gradient, which is how
 * {@code sort} and {@code topk} values get theirs.
 */
public final class TakeAlongAxis implements Op {
    /** Which direction the values move. */
    public enum Mode {
        /** {@code take_along_axis(x, idx, axis)}. */
        GATHER,
        /** The adjoint: {@code g} added into zeros at the positions {@code idx}. */
        SCATTER_ADD
    }

    private final Mode mode;
    private final int axis;

    private TakeAlongAxis(Mode mode, int axis) {
        this.mode = mode;
        this.axis = axis;
    }

    public static TakeAlongAxis of(Mode mode, int axis) {
        return new TakeAlongAxis(mode, axis);
    }

    public Mode mode() {
        return mode;
    }

    public int axis() {
        return axis;
    }

    @Override
    public OpKind kind() {
        return OpKind.TAKE_ALONG;
    }

    @Override
    public String name() {
        return (mode == Mode.GATHER ? "TakeAlongAxis" : "ScatterAddAlongAxis") + "{axis=" + axis + "}";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        String what = mode == Mode.GATHER ? "takeAlongAxis" : "scatterAddAlongAxis";
        Variable data = inputs.get(0);
        Variable idx = inputs.get(inputs.size() - 1);
        int rank = data.type().rank();
        if (inputs.size() != (mode == Mode.GATHER ? 2 : 3)) {
            throw new ShapeMismatchException(what + ": expected " + (mode == Mode.GATHER ? 2 : 3) + " inputs, got " + inputs.size());
        }
        if (!idx.type().dtype().isInteger()) {
            throw new DTypeMismatchException(what + ": the indices " + idx.describe() + " must be integers, got "
                    + idx.type().dtype());
        }
        if (axis < 0 || axis >= rank) {
            throw new ShapeMismatchException(what + ": axis " + axis + " is out of range for " + data.describe()
                    + " of rank " + rank);
        }
        for (Variable v : inputs) {
            if (v.type().rank() != rank) {
                throw new ShapeMismatchException(what + ": " + v.describe() + " has rank " + v.type().rank() + " but "
                        + data.describe() + " has rank " + rank + "; expected the same rank");
            }
        }
        int[] out = new int[rank];
        for (int a = 0; a < rank; a++) {
            if (a == axis) {
                out[a] = mode == Mode.GATHER ? idx.type().dim(a) : data.type().dim(a);
                if (mode == Mode.SCATTER_ADD) {
                    join(what, a, inputs.get(1), idx, inputs.get(1).type().dim(a), idx.type().dim(a));
                }
                continue;
            }
            int d = 1;
            for (Variable v : inputs) {
                d = join(what, a, v, data, d, v.type().dim(a));
            }
            out[a] = d;
        }
        DType dtype = mode == Mode.GATHER ? data.type().dtype() : inputs.get(1).type().dtype();
        return List.of(TensorType.of(dtype, out));
    }

    /** The broadcast length of two lengths of axis {@code a} (1 stretches; unknown is unknown). */
    private static int join(String what, int a, Variable v, Variable w, int d, int e) {
        if (d == 1) {
            return e;
        }
        if (e == 1) {
            return d;
        }
        if (d != TensorType.UNKNOWN && e != TensorType.UNKNOWN && d != e) {
            throw new ShapeMismatchException(what + ": axis " + a + " of " + v.describe() + " has length " + e
                    + " but " + w.describe() + " has " + d + "; expected equal lengths or 1");
        }
        return d == TensorType.UNKNOWN ? e : d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TakeAlongAxis t && t.mode == mode && t.axis == axis;
    }

    @Override
    public int hashCode() {
        return mode.hashCode() * 31 + axis;
    }

    @Override
    public String toString() {
        return name();
    }
}
