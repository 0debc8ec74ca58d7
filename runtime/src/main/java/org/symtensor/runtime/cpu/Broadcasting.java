package org.symtensor.runtime.cpu;

import java.util.List;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * The run-time broadcasting rule of elementwise nodes, shared by the CPU kernels and the OpenCL
 * elementwise path so that both accept and reject the same shapes. It is Theano's and PyTensor's
 * rule: only an axis that an input <em>declares</em> broadcastable (static length 1: {@code row},
 * {@code col}, {@code dimshuffle("x", ...)}, a length-1 constant) stretches. Every other input must
 * have, on that axis, the same run-time length as every other non-broadcastable input; a run-time
 * length 1 there does not stretch, it is a {@link ShapeMismatchException} naming the input and
 * the axis. The optimizer relies on this: two non-broadcastable axes of unknown length are equal at
 * run time, which is what makes {@code x/x → 1} and {@code (x*y)/x → y} shape-preserving.
 */
public final class Broadcasting {
    private Broadcasting() {
    }

    /** The output shape of {@code node} for inputs of run-time {@code shapes} (equal ranks), or a shape error. */
    public static int[] outputShape(Apply node, int[][] shapes) {
        List<Variable> inputs = node.inputs();
        int rank = shapes[0].length;
        int[] out = new int[rank];
        for (int axis = 0; axis < rank; axis++) {
            int length = 1;
            int fixedBy = -1;
            for (int k = 0; k < shapes.length; k++) {
                int n = shapes[k][axis];
                if (inputs.get(k).type().isBroadcastable(axis)) {
                    if (n != 1) {
                        throw error(node, k, axis, shapes, "is declared broadcastable on axis " + axis
                                + " but has length " + n + " there");
                    }
                    continue;
                }
                if (fixedBy < 0) {
                    length = n;
                    fixedBy = k;
                } else if (n != length) {
                    throw error(node, k, axis, shapes, "has length " + n + " on axis " + axis + " but "
                            + inputs.get(fixedBy).describe() + " (input " + fixedBy + ") has shape "
                            + NDArray.shapeToString(shapes[fixedBy]) + hint(n, length));
                }
            }
            out[axis] = length;
        }
        return out;
    }

    /** {@link #outputShape(Apply, int[][])} of arrays. */
    static int[] outputShape(Apply node, NDArray[] in) {
        int[][] shapes = new int[in.length][];
        for (int k = 0; k < in.length; k++) {
            shapes[k] = in[k].shape();
        }
        return outputShape(node, shapes);
    }

    /**
     * As {@link #outputShape(Apply, NDArray[])}, returning {@code last} itself when the output shape
     * equals it: a kernel keeps the shape of its previous call (an array nobody writes) and a steady
     * call then allocates no shape. The check reads the inputs' lengths one by one, without copies.
     */
    static int[] outputShape(Apply node, NDArray[] in, int[] last) {
        int rank = in[0].rank();
        if (last == null || last.length != rank) {
            return outputShape(node, in);
        }
        List<Variable> inputs = node.inputs();
        for (int axis = 0; axis < rank; axis++) {
            int length = 1;
            boolean fixed = false;
            for (int k = 0; k < in.length; k++) {
                if (in[k].rank() != rank) {
                    return outputShape(node, in);
                }
                int n = in[k].shape(axis);
                if (inputs.get(k).type().isBroadcastable(axis)) {
                    if (n != 1) {
                        return outputShape(node, in); // raises the shape error
                    }
                    continue;
                }
                if (!fixed) {
                    length = n;
                    fixed = true;
                } else if (n != length) {
                    return outputShape(node, in);
                }
            }
            if (length != last[axis]) {
                return outputShape(node, in);
            }
        }
        return last;
    }

    private static String hint(int n, int length) {
        return n == 1 || length == 1
                ? "; a length 1 stretches only on an axis declared broadcastable (row, col, dimshuffle(\"x\", ...))"
                : "";
    }

    private static ShapeMismatchException error(Apply node, int k, int axis, int[][] shapes, String what) {
        Variable v = node.inputs().get(k);
        return new ShapeMismatchException(node.op().name() + ": input " + k + " " + v.describe() + " of shape "
                + NDArray.shapeToString(shapes[k]) + " (type " + TensorType.shapeString(v.type().shape()) + ") "
                + what + " (node created at " + node.createdAt() + ")");
    }
}
