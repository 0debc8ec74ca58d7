package org.symtensor.ir;

import java.util.List;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.TensorType;

/**
 * Theano's {@code Alloc}: a tensor of a run-time shape filled with {@code value} broadcast to it.
 * Inputs: the value (any rank up to {@code ndim}, aligned on the right as in NumPy; each of its axes
 * has length 1 or the target's), then one integer scalar per output axis. Shape:
 * {@code value (v...) → (s0, ..., s_ndim-1)}; dtype: the value's. {@code zeros}, {@code ones} and
 * {@code full} are allocs of a scalar constant. A negative length is an error, at build time when
 * it is a constant, else when the function runs.
 */
public final class Alloc implements Op {
    private final int ndim;

    private Alloc(int ndim) {
        this.ndim = ndim;
    }

    /** A fill to {@code ndim} axes; inputs (value, s0, ..., s_ndim-1). */
    public static Alloc of(int ndim) {
        return new Alloc(ndim);
    }

    public int ndim() {
        return ndim;
    }

    @Override
    public OpKind kind() {
        return OpKind.ALLOC;
    }

    @Override
    public String name() {
        return "Alloc{" + ndim + "}";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 1 + ndim) {
            throw new IllegalArgumentException(name() + " takes " + (1 + ndim) + " inputs, got " + inputs.size());
        }
        Variable value = inputs.get(0);
        int vr = value.type().rank();
        if (vr > ndim) {
            throw new ShapeMismatchException("alloc: the value " + value.describe() + " has rank " + vr
                    + ", more than the " + ndim + " axes of the result");
        }
        int[] out = new int[ndim];
        for (int k = 0; k < ndim; k++) {
            Variable s = inputs.get(1 + k);
            if (s.type().rank() != 0 || !s.type().dtype().isInteger()) {
                throw new DTypeMismatchException("alloc: the length of axis " + k + " must be an integer scalar, got "
                        + s.describe() + " of type " + s.type());
            }
            Long c = Reshape.staticLong(s);
            if (c != null && (c < 0 || c > Integer.MAX_VALUE)) {
                throw new ShapeMismatchException("alloc of " + value.describe() + ": axis " + k + " has length " + c
                        + "; lengths must be non-negative");
            }
            out[k] = c == null ? TensorType.UNKNOWN : (int) (long) c;
            int va = k - (ndim - vr);
            if (va >= 0) {
                int vd = value.type().dim(va);
                if (vd != TensorType.UNKNOWN && vd != 1) {
                    if (out[k] != TensorType.UNKNOWN && out[k] != vd) {
                        throw new ShapeMismatchException("alloc: the value " + value.describe() + " of shape "
                                + TensorType.shapeString(value.type().shape()) + " cannot fill length " + out[k]
                                + " on axis " + k + " (its length there is " + vd + ", not 1)");
                    }
                    out[k] = vd;
                }
            }
        }
        return List.of(TensorType.of(value.type().dtype(), out));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alloc && ((Alloc) o).ndim == ndim;
    }

    @Override
    public int hashCode() {
        return 37 * ndim + 3;
    }

    @Override
    public String toString() {
        return name();
    }
}
