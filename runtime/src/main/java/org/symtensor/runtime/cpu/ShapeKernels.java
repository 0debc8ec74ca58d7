package org.symtensor.runtime.cpu;

import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Alloc;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Arange;
import org.symtensor.ir.Join;
import org.symtensor.ir.Reshape;
import org.symtensor.ir.SpecifyShape;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * Kernels of the shape and construction ops. A reshape is a view of a C-contiguous input and a copy
 * otherwise ({@link NDArray#reshape}); its target lengths are read from the scalar inputs on every
 * call, so they may change between calls. A join copies each input into its block of a fresh output;
 * an alloc broadcasts its value into a fresh output (never a stride-0 view: outputs may be written
 * in place downstream); arange computes {@code start + i * step} per element, as NumPy does.
 */
final class ShapeKernels {
    private ShapeKernels() {}

    static Kernel reshape(Apply node) {
        int ndim = ((Reshape) node.op()).ndim();
        String what = "reshape of " + node.inputs().get(0).describe();
        return in -> {
            long[] requested = new long[ndim];
            for (int k = 0; k < ndim; k++) {
                requested[k] = in[1 + k].getLong(0);
            }
            int[] shape = Reshape.resolve(requested, in[0].shape(), what);
            return new NDArray[] {in[0].reshape(shape)};
        };
    }

    static Kernel join(Apply node) {
        int axis = ((Join) node.op()).axis();
        return in -> {
            int[] shape = in[0].shape();
            long total = 0;
            for (int k = 0; k < in.length; k++) {
                int[] s = in[k].shape();
                for (int a = 0; a < shape.length; a++) {
                    if (a != axis && s[a] != shape[a]) {
                        throw new ShapeMismatchException("concatenate along axis " + axis + ": tensor " + k + ", "
                                + node.inputs().get(k).describe() + ", has shape " + NDArray.shapeToString(s)
                                + " but tensor 0, " + node.inputs().get(0).describe() + ", has shape "
                                + NDArray.shapeToString(shape) + "; all axes but the joined one must agree");
                    }
                }
                total += s[axis];
            }
            if (total > Integer.MAX_VALUE) {
                throw new ShapeMismatchException("concatenate along axis " + axis + ": " + total + " entries on that axis");
            }
            shape[axis] = (int) total;
            NDArray out = NDArray.zeros(in[0].dtype(), shape);
            NDArray moved = toFront(out, axis);
            int at = 0;
            for (NDArray x : in) {
                int n = x.shape(axis);
                moved.rows(at, at + n).assign(toFront(x, axis));
                at += n;
            }
            return new NDArray[] {out};
        };
    }

    static Kernel alloc(Apply node) {
        int ndim = ((Alloc) node.op()).ndim();
        Variable value = node.inputs().get(0);
        return in -> {
            int[] shape = new int[ndim];
            for (int k = 0; k < ndim; k++) {
                long s = in[1 + k].getLong(0);
                if (s < 0 || s > Integer.MAX_VALUE) {
                    throw new ShapeMismatchException("alloc of " + value.describe() + ": axis " + k + " has length " + s
                            + "; lengths must be non-negative");
                }
                shape[k] = (int) s;
            }
            NDArray v = in[0];
            int lead = ndim - v.rank();
            for (int a = 0; a < v.rank(); a++) {
                // only axes of static length 1 stretch (Theano's rule): a run-time 1 elsewhere is an error
                int want = shape[lead + a];
                if (v.shape(a) != want && (v.shape(a) != 1 || value.type().dim(a) != 1)) {
                    throw new ShapeMismatchException("alloc: the value " + value.describe() + " of shape "
                            + NDArray.shapeToString(v.shape()) + " cannot fill shape " + NDArray.shapeToString(shape)
                            + " (axis " + (lead + a) + ")");
                }
            }
            NDArray out = NDArray.zeros(v.dtype(), shape);
            if (out.size() > 0) {
                out.assign(v.broadcastTo(shape));
            }
            return new NDArray[] {out};
        };
    }

    static Kernel arange(Apply node) {
        DType dtype = ((Arange) node.op()).dtype();
        String what = "arange (created at " + node.createdAt() + ")";
        return in -> {
            boolean exact = !dtype.isFloat() && !in[0].dtype().isFloat() && !in[1].dtype().isFloat() && !in[2].dtype().isFloat();
            if (exact) {
                long start = in[0].getLong(0);
                long stop = in[1].getLong(0);
                long step = in[2].getLong(0);
                if (step == 0) {
                    throw new org.symtensor.error.InvalidValueException(what + ": the step " + node.inputs().get(2).describe()
                            + " is zero");
                }
                long n = step > 0 ? (stop > start ? (stop - start + step - 1) / step : 0)
                        : (start > stop ? (start - stop - step - 1) / -step : 0);
                NDArray out = NDArray.zeros(dtype, sized(n, what));
                for (int i = 0; i < n; i++) {
                    out.setLong(i, start + i * step);
                }
                return new NDArray[] {out};
            }
            double start = in[0].getDouble(0);
            double stop = in[1].getDouble(0);
            double step = in[2].getDouble(0);
            int n = Arange.length(start, stop, step, what);
            NDArray out = NDArray.zeros(dtype, n);
            for (int i = 0; i < n; i++) {
                out.setDouble(i, start + i * step);
            }
            return new NDArray[] {out};
        };
    }

    private static int sized(long n, String what) {
        if (n > Integer.MAX_VALUE) {
            throw new ShapeMismatchException(what + " has " + n + " values, more than a Java array can hold");
        }
        return (int) n;
    }

    static Kernel specifyShape(Apply node) {
        SpecifyShape op = (SpecifyShape) node.op();
        Variable x = node.inputs().get(0);
        return in -> {
            op.check(in[0].shape(), x);
            return new NDArray[] {in[0]};
        };
    }

    /** {@code x} with {@code axis} moved to the front, as a view. */
    static NDArray toFront(NDArray x, int axis) {
        if (axis == 0) {
            return x;
        }
        int[] p = new int[x.rank()];
        p[0] = axis;
        for (int i = 0, k = 1; i < p.length; i++) {
            if (i != axis) {
                p[k++] = i;
            }
        }
        return x.dimshuffle(p);
    }
}
