package org.symtensor.runtime.cpu;

import org.symtensor.error.IndexOutOfRangeException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.AdvancedIncSubtensor;
import org.symtensor.ir.AdvancedSubtensor;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * Kernels of {@link AdvancedSubtensor} (a gather: a fresh output) and {@link AdvancedIncSubtensor}
 * (a copy of x, then a scatter in index order, so repeated indices accumulate for {@code inc} and
 * the last one wins for {@code set}). Every index is checked before anything is written: an index
 * out of range names itself, its position and the axis length.
 */
final class AdvancedIndexKernels {
    private AdvancedIndexKernels() {}

    static Kernel subtensor(Apply node) {
        AdvancedSubtensor op = (AdvancedSubtensor) node.op();
        Variable idxVar = node.inputs().get(1);
        return in -> {
            NDArray x = in[0];
            if (op.form() == AdvancedSubtensor.Form.MASK) {
                NDArray mask = checkMask(x, in[1], node);
                int count = 0;
                for (int i = 0; i < mask.size(); i++) {
                    count += mask.getLong(i) != 0 ? 1 : 0;
                }
                NDArray out = NDArray.zeros(x.dtype(), count);
                NDArray flat = x.contiguous().reshape(x.size());
                for (int i = 0, k = 0; i < mask.size(); i++) {
                    if (mask.getLong(i) != 0) {
                        copy(flat, i, out, k++);
                    }
                }
                return new NDArray[] {out};
            }
            NDArray moved = ShapeKernels.toFront(x, op.axis());
            int[] idx = indices(in[1], moved.shape(0), idxVar, node);
            int[] inner = java.util.Arrays.copyOfRange(moved.shape(), 1, moved.rank());
            int[] gathered = new int[1 + inner.length];
            gathered[0] = idx.length;
            System.arraycopy(inner, 0, gathered, 1, inner.length);
            NDArray g = NDArray.zeros(x.dtype(), gathered);
            for (int k = 0; k < idx.length; k++) {
                g.row(k).assign(moved.row(idx[k]));
            }
            return new NDArray[] {fromGathered(g, op.axis(), in[1].shape())};
        };
    }

    static Kernel incSubtensor(Apply node) {
        AdvancedIncSubtensor op = (AdvancedIncSubtensor) node.op();
        AdvancedSubtensor view = op.view();
        Variable idxVar = node.inputs().get(2);
        Variable yVar = node.inputs().get(1);
        return in -> {
            NDArray out = in[0].copy();
            NDArray y = in[1];
            if (view.form() == AdvancedSubtensor.Form.MASK) {
                NDArray mask = checkMask(out, in[2], node);
                int count = 0;
                for (int i = 0; i < mask.size(); i++) {
                    count += mask.getLong(i) != 0 ? 1 : 0;
                }
                NDArray yb = fit(y, yVar, new int[] {count}, node);
                for (int i = 0, k = 0; i < mask.size(); i++) {
                    if (mask.getLong(i) != 0) {
                        write(out, i, yb, k++, op.isSet());
                    }
                }
                return new NDArray[] {out};
            }
            NDArray moved = ShapeKernels.toFront(out, view.axis());
            int[] idx = indices(in[2], moved.shape(0), idxVar, node);
            int[] viewShape = viewShape(moved, view.axis(), in[2].shape());
            // y in the gathered layout (index positions first, flattened), broadcast to the view
            NDArray yb = toGathered(fit(y, yVar, viewShape, node), view.axis(), in[2].rank()).contiguous();
            int[] rowShape = java.util.Arrays.copyOfRange(moved.shape(), 1, moved.rank());
            NDArray yRows = yb.reshape(prepend(idx.length, rowShape));
            for (int k = 0; k < idx.length; k++) {
                NDArray target = moved.row(idx[k]);
                NDArray src = yRows.row(k);
                for (int e = 0; e < target.size(); e++) {
                    write(target, e, src, e, op.isSet());
                }
            }
            return new NDArray[] {out};
        };
    }

    private static void copy(NDArray from, int i, NDArray to, int k) {
        if (from.dtype().isFloat()) {
            to.setDouble(k, from.getDouble(i));
        } else {
            to.setLong(k, from.getLong(i));
        }
    }

    /** Writes or adds element k of src into element i of target (flat C-order positions of each). */
    private static void write(NDArray target, int i, NDArray src, int k, boolean set) {
        if (target.dtype().isFloat()) {
            target.setDouble(i, set ? src.getDouble(k) : target.getDouble(i) + src.getDouble(k));
        } else {
            target.setLong(i, set ? src.getLong(k) : target.getLong(i) + src.getLong(k));
        }
    }

    private static NDArray checkMask(NDArray x, NDArray mask, Apply node) {
        if (!java.util.Arrays.equals(x.shape(), mask.shape())) {
            throw new ShapeMismatchException(node.op().name() + ": the mask " + node.inputs().get(node.inputs().size() - 1)
                    .describe() + " has shape " + NDArray.shapeToString(mask.shape()) + " but "
                    + node.inputs().get(0).describe() + " has shape " + NDArray.shapeToString(x.shape()));
        }
        return mask;
    }

    /** The indices normalized against {@code length} (negative from the end), all checked first. */
    private static int[] indices(NDArray idx, int length, Variable idxVar, Apply node) {
        int[] r = new int[idx.size()];
        for (int k = 0; k < r.length; k++) {
            long i = idx.getLong(k);
            long n = i < 0 ? i + length : i;
            if (n < 0 || n >= length) {
                throw new IndexOutOfRangeException(node.op().name() + ": index " + i + " (entry " + k + " of "
                        + idxVar.describe() + ") is out of range for an axis of length " + length + " of "
                        + node.inputs().get(0).describe() + " (created at " + node.createdAt() + ")");
            }
            r[k] = (int) n;
        }
        return r;
    }

    /** The view's shape: x's shape with the indexed axis replaced by the index's shape. */
    private static int[] viewShape(NDArray moved, int axis, int[] idxShape) {
        int[] rest = java.util.Arrays.copyOfRange(moved.shape(), 1, moved.rank());
        int[] out = new int[rest.length + idxShape.length];
        int k = 0;
        for (int a = 0; a < axis; a++) {
            out[k++] = rest[a];
        }
        for (int s : idxShape) {
            out[k++] = s;
        }
        for (int a = axis; a < rest.length; a++) {
            out[k++] = rest[a];
        }
        return out;
    }

    /** A gathered block (index entries first, then x's other axes in order) in the view's layout. */
    private static NDArray fromGathered(NDArray g, int axis, int[] idxShape) {
        int[] rest = java.util.Arrays.copyOfRange(g.shape(), 1, g.rank());
        NDArray r = g.reshape(concat(idxShape, rest));
        int ir = idxShape.length;
        int[] p = new int[r.rank()];
        int k = 0;
        for (int a = 0; a < axis; a++) {
            p[k++] = ir + a;
        }
        for (int a = 0; a < ir; a++) {
            p[k++] = a;
        }
        for (int a = axis; a < rest.length; a++) {
            p[k++] = ir + a;
        }
        return r.dimshuffle(p).copy();
    }

    /** The inverse of {@link #fromGathered}'s permutation, as a view: the index axes moved to the front. */
    private static NDArray toGathered(NDArray v, int axis, int idxRank) {
        int rank = v.rank();
        int[] p = new int[rank];
        int k = 0;
        for (int a = 0; a < idxRank; a++) {
            p[k++] = axis + a;
        }
        for (int a = 0; a < rank; a++) {
            if (a < axis || a >= axis + idxRank) {
                p[k++] = a;
            }
        }
        return v.dimshuffle(p);
    }

    /**
     * y broadcast to the view's shape: missing leading axes and axes of static length 1 stretch; any
     * other difference is an error naming y and both shapes.
     */
    private static NDArray fit(NDArray y, Variable yVar, int[] viewShape, Apply node) {
        int lead = viewShape.length - y.rank();
        boolean ok = lead >= 0;
        for (int a = 0; ok && a < y.rank(); a++) {
            ok = y.shape(a) == viewShape[lead + a] || (y.shape(a) == 1 && yVar.type().dim(a) == 1);
        }
        if (!ok) {
            throw new ShapeMismatchException(node.op().name() + ": the values " + yVar.describe() + " of shape "
                    + NDArray.shapeToString(y.shape()) + " do not fit the indexed part of shape "
                    + NDArray.shapeToString(viewShape) + (yVar.type().rank() > 0 && lead >= 0 ? " (static shape "
                    + TensorType.shapeString(yVar.type().shape()) + ")" : ""));
        }
        return y.broadcastTo(viewShape);
    }

    private static int[] prepend(int n, int[] rest) {
        return concat(new int[] {n}, rest);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = new int[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
