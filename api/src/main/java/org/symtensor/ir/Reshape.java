package org.symtensor.ir;

import java.util.List;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * Theano's {@code Reshape}: the elements of x in C order under a new shape of {@code ndim} axes.
 * Inputs: x, then one integer scalar per output axis (so a target length may be symbolic, such as
 * {@code shape(x, 0)}); at most one of them may be {@code -1}, which stands for the length that keeps
 * the element count. Shape: {@code (n0, ..., nk) → (s0, ..., s_ndim-1)} with equal products.
 * Lengths that are constants are known statically, as is the {@code -1} when x's shape is known; a
 * mismatch known at build time is an error then, else when the function runs.
 */
public final class Reshape implements Op {
    private final int ndim;

    private Reshape(int ndim) {
        if (ndim < 0) {
            throw new IllegalArgumentException("reshape: ndim " + ndim + " is negative");
        }
        this.ndim = ndim;
    }

    /** A reshape to {@code ndim} axes; inputs (x, s0, ..., s_ndim-1). */
    public static Reshape of(int ndim) {
        return new Reshape(ndim);
    }

    /** The rank of the result. */
    public int ndim() {
        return ndim;
    }

    @Override
    public OpKind kind() {
        return OpKind.RESHAPE;
    }

    @Override
    public String name() {
        return "Reshape{" + ndim + "}";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        Variable x = inputs.get(0);
        if (inputs.size() != 1 + ndim) {
            throw new IllegalArgumentException(name() + " takes " + (1 + ndim) + " inputs, got " + inputs.size());
        }
        long[] requested = new long[ndim];
        boolean allKnown = true;
        for (int k = 0; k < ndim; k++) {
            Variable s = inputs.get(1 + k);
            if (s.type().rank() != 0 || !s.type().dtype().isInteger()) {
                throw new DTypeMismatchException("reshape of " + x.describe() + ": the length of axis " + k
                        + " must be an integer scalar, got " + s.describe() + " of type " + s.type());
            }
            Long c = staticLong(s);
            requested[k] = c == null ? Long.MIN_VALUE : c;
            allKnown &= c != null;
        }
        int[] out = new int[ndim];
        int minusOne = -1;
        for (int k = 0; k < ndim; k++) {
            long r = requested[k];
            if (r == Long.MIN_VALUE) {
                out[k] = TensorType.UNKNOWN;
            } else if (r == -1) {
                if (minusOne >= 0) {
                    throw new ShapeMismatchException("reshape of " + x.describe() + " to " + describe(requested)
                            + ": only one length may be -1 (axes " + minusOne + " and " + k + " are)");
                }
                minusOne = k;
                out[k] = TensorType.UNKNOWN;
            } else if (r < 0 || r > Integer.MAX_VALUE) {
                throw new ShapeMismatchException("reshape of " + x.describe() + " to " + describe(requested)
                        + ": axis " + k + " has length " + r + "; lengths are non-negative, or -1 for one inferred axis");
            } else {
                out[k] = (int) r;
            }
        }
        if (allKnown && x.type().isShapeKnown()) {
            int[] resolved = resolve(requested, x.type().shape(), "reshape of " + x.describe());
            return List.of(TensorType.of(x.type().dtype(), resolved));
        }
        return List.of(TensorType.of(x.type().dtype(), out));
    }

    /**
     * The run-time target shape: {@code requested} with its {@code -1} (at most one) inferred from the
     * element count of {@code inShape}; an error naming both shapes when the counts cannot agree.
     */
    public static int[] resolve(long[] requested, int[] inShape, String what) {
        long size = 1;
        for (int s : inShape) {
            size *= s;
        }
        int inferred = -1;
        long known = 1;
        for (int k = 0; k < requested.length; k++) {
            long r = requested[k];
            if (r == -1) {
                if (inferred >= 0) {
                    throw new ShapeMismatchException(what + ": cannot reshape shape " + NDArray.shapeToString(inShape)
                            + " to " + describe(requested) + ": only one length may be -1");
                }
                inferred = k;
            } else if (r < 0 || r > Integer.MAX_VALUE) {
                throw new ShapeMismatchException(what + ": cannot reshape shape " + NDArray.shapeToString(inShape)
                        + " to " + describe(requested) + ": axis " + k + " has length " + r);
            } else {
                known = Math.multiplyExact(known, r);
            }
        }
        int[] out = new int[requested.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (int) requested[k];
        }
        if (inferred >= 0) {
            if (known == 0 || size % known != 0) {
                throw new ShapeMismatchException(what + ": cannot reshape shape " + NDArray.shapeToString(inShape)
                        + " (" + size + " elements) to " + describe(requested) + ": " + size
                        + " is not a multiple of " + known);
            }
            out[inferred] = (int) (size / known);
        } else if (known != size) {
            throw new ShapeMismatchException(what + ": cannot reshape shape " + NDArray.shapeToString(inShape)
                    + " (" + size + " elements) to " + describe(requested) + " (" + known + " elements)");
        }
        return out;
    }

    /** A shape request for messages, {@code (2, -1)}. */
    static String describe(long[] requested) {
        StringBuilder sb = new StringBuilder("(");
        for (int k = 0; k < requested.length; k++) {
            sb.append(k > 0 ? ", " : "").append(requested[k] == Long.MIN_VALUE ? "?" : Long.toString(requested[k]));
        }
        return sb.append(requested.length == 1 ? ",)" : ")").toString();
    }

    /**
     * The value of an integer scalar when the graph fixes it: a constant, a cast of one, or the
     * length of an axis with a static length; null otherwise.
     */
    public static Long staticLong(Variable v) {
        if (v instanceof Constant c && c.value().size() == 1 && c.type().rank() == 0) {
            return c.value().dtype().isFloat() ? null : c.value().getLong(0);
        }
        Apply a = v.owner();
        if (a == null) {
            return null;
        }
        if (a.op() instanceof Elemwise e && e.scalarOp() == ScalarOp.CAST && e.castTo() == org.symtensor.type.DType.INT64
                && a.inputs().get(0).type().dtype().isInteger()) {
            return staticLong(a.inputs().get(0));
        }
        if (a.op() instanceof ShapeOf s) {
            int d = a.inputs().get(0).type().dim(s.axis());
            return d == TensorType.UNKNOWN ? null : (long) d;
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reshape && ((Reshape) o).ndim == ndim;
    }

    @Override
    public int hashCode() {
        return 41 * ndim + 7;
    }

    @Override
    public String toString() {
        return name();
    }
}
