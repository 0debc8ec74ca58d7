package org.symtensor.runtime.cpu;

import java.util.Arrays;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.IncSubtensor;
import org.symtensor.ir.Subtensor;
import org.symtensor.value.NDArray;

/**
 * Kernels of {@link Subtensor} (a view: an index drops the axis, a unit-step slice keeps it; other
 * steps copy) and {@link IncSubtensor} (a copy of x with y added in place of the view).
 */
final class IndexKernels {
    private IndexKernels() {}

    static Kernel subtensor(Apply node) {
        Subtensor op = (Subtensor) node.op();
        return in -> new NDArray[] {read(op, node, in[0], in, 1)};
    }

    static Kernel incSubtensor(Apply node) {
        Subtensor view = ((IncSubtensor) node.op()).view();
        return in -> {
            NDArray out = in[0].copy();
            NDArray y = in[1];
            NDArray moved = toFront(out, view.axis());
            if (view.form() == Subtensor.Form.INDEX) {
                int i = Subtensor.normalizeIndex(in[2].getLong(0), moved.shape(0), where(node));
                add(moved.row(i), y, node);
                return new NDArray[] {out};
            }
            int[] s = slice(view, moved.shape(0), in, 2);
            NDArray ym = toFront(y, view.axis());
            if (ym.shape(0) != s[2]) {
                throw new ShapeMismatchException(node.op().name() + ": the increment has " + ym.shape(0)
                        + " entries along axis " + view.axis() + " but the slice selects " + s[2] + " (" + where(node) + ")");
            }
            for (int c = 0; c < s[2]; c++) {
                add(moved.row(s[0] + c * s[1]), ym.row(c), node);
            }
            return new NDArray[] {out};
        };
    }

    private static NDArray read(Subtensor op, Apply node, NDArray x, NDArray[] in, int first) {
        NDArray moved = toFront(x, op.axis());
        if (op.form() == Subtensor.Form.INDEX) {
            int i = Subtensor.normalizeIndex(in[first].getLong(0), moved.shape(0), where(node));
            return moved.row(i);
        }
        int[] s = slice(op, moved.shape(0), in, first);
        NDArray r;
        if (s[1] == 1) {
            r = moved.rows(s[0], s[0] + s[2]);
        } else {
            int[] shape = moved.shape();
            shape[0] = s[2];
            r = NDArray.zeros(x.dtype(), shape);
            for (int c = 0; c < s[2]; c++) {
                r.row(c).assign(moved.row(s[0] + c * s[1]));
            }
        }
        return fromFront(r, op.axis());
    }

    private static int[] slice(Subtensor op, int length, NDArray[] in, int first) {
        int k = first;
        Long start = op.hasStart() ? in[k++].getLong(0) : null;
        Long stop = op.hasStop() ? in[k].getLong(0) : null;
        return Subtensor.sliceIndices(start, stop, op.step(), length);
    }

    private static NDArray toFront(NDArray x, int axis) {
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

    private static NDArray fromFront(NDArray x, int axis) {
        if (axis == 0) {
            return x;
        }
        int[] p = new int[x.rank()];
        for (int i = 0; i < p.length; i++) {
            p[i] = i == axis ? 0 : i < axis ? i + 1 : i;
        }
        return x.dimshuffle(p);
    }

    private static void add(NDArray target, NDArray y, Apply node) {
        if (!Arrays.equals(target.shape(), y.shape())) {
            throw new ShapeMismatchException(node.op().name() + ": cannot add a value of shape "
                    + NDArray.shapeToString(y.shape()) + " to a part of shape " + NDArray.shapeToString(target.shape())
                    + " (" + where(node) + ")");
        }
        int n = target.size();
        if (target.dtype().isFloat()) {
            for (int i = 0; i < n; i++) {
                target.setDouble(i, target.getDouble(i) + y.getDouble(i));
            }
        } else {
            for (int i = 0; i < n; i++) {
                target.setLong(i, target.getLong(i) + y.getLong(i));
            }
        }
    }

    private static String where(Apply node) {
        return "indexing created at " + node.createdAt();
    }
}
