package org.symtensor.ir;

import java.util.List;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.TensorType;

/**
 * Softmax along one axis as one node: {@code exp(x - max(x)) / Σ exp(x - max(x))} over each slice
 * along {@code axis}, Theano's {@code Softmax} op. Users never build it: {@link NNet#softmax} builds
 * the primitive graph (max, subtract, exp, sum, divide), whose gradient and printing come from those
 * ops, and a backend that has a one-pass kernel for it asks the optimizer for the
 * {@code softmax_rows} rewrite ({@code org.symtensor.rewrite.SoftmaxRows}), which collapses that
 * graph into this node. On the CPU the kernel reads each slice once, keeps it in cache for the
 * exponentials and the sum, and writes the result once, where the primitive graph makes four passes
 * over memory and a full-size temporary. Float input only; the output has the input's type.
 */
public final class Softmax implements Op {
    private final int axis;

    private Softmax(int axis) {
        this.axis = axis;
    }

    /** Softmax along {@code axis} (non-negative). */
    public static Softmax of(int axis) {
        if (axis < 0) {
            throw new IllegalArgumentException("softmax: the axis of the node is non-negative, got " + axis);
        }
        return new Softmax(axis);
    }

    /** The node {@code softmax(x)} along {@code axis} (non-negative, within x's rank). */
    public static Variable apply(Variable x, int axis) {
        return Apply.output(of(axis), x);
    }

    public int axis() {
        return axis;
    }

    /**
     * The gradient of softmax output {@code y} along {@code axis} for the output gradient {@code g}
     * with {@code batch} leading axes: {@code y * (g - Σ_axis g*y)}, the Jacobian-vector product of
     * {@code diag(y) - y yᵀ} along each slice, built from primitive ops so that it differentiates again.
     */
    public static Variable gradient(Variable y, Variable g, int axis, int batch) {
        int rank = batch + y.type().rank();
        Variable yb = Ops.padLeft(Ops.cast(y, g.type().dtype()), rank);
        Variable gy = Ops.elemwise(ScalarOp.MUL, g, yb);
        Variable s = NNet.keepDims(Ops.reduce(Reduce.Kind.SUM, gy, batch + axis), rank, batch + axis);
        return Ops.elemwise(ScalarOp.MUL, yb, Ops.elemwise(ScalarOp.SUB, g, s));
    }

    @Override
    public OpKind kind() {
        return OpKind.SOFTMAX;
    }

    @Override
    public String name() {
        return "Softmax{axis=" + axis + "}";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 1) {
            throw new ShapeMismatchException("softmax: expected one input, got " + inputs.size());
        }
        Variable x = inputs.get(0);
        if (!x.type().dtype().isFloat()) {
            throw new DTypeMismatchException("softmax: expected a float tensor, got " + x.describe() + " of type " + x.type());
        }
        int rank = x.type().rank();
        if (axis >= rank) {
            throw new ShapeMismatchException("softmax: axis " + axis + " is out of range for " + x.describe() + " of rank " + rank);
        }
        return List.of(x.type());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Softmax s && s.axis == axis;
    }

    @Override
    public int hashCode() {
        return 0x50f7 + axis;
    }

    @Override
    public String toString() {
        return name();
    }
}
