package org.symtensor.ir;

import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.TensorType;

/**
 * Neural-network composites built from the primitive ops (Theano's {@code nnet} functions):
 * row-wise softmax, log-softmax and categorical cross-entropy. They add no op kind: their
 * gradients, printing and kernels come from the ops they are made of.
 */
public final class NNet {
    private static final int X = DimShuffle.NEW_AXIS;

    private NNet() {}

    /**
     * The row maximum as an {@code (m×1)} column, with no gradient: softmax and log-softmax do not
     * change when a row is shifted, so the gradient through the shift is exactly zero.
     */
    private static Variable rowMaxColumn(Variable x) {
        Variable m = Apply.output(GradMark.of(GradMark.Kind.DISCONNECTED, null), Ops.reduce(Reduce.Kind.MAX, x, 1));
        return Ops.dimshuffle(m, 0, X);
    }

    private static void requireFloatMatrix(String what, Variable x) {
        if (x.type().rank() != 2 || !x.type().dtype().isFloat()) {
            throw new ShapeMismatchException(what + ": expected a float matrix, got " + x.describe() + " of type " + x.type());
        }
    }

    /** {@code softmax(x)[i, j] = exp(x[i, j] - max_k x[i, k]) / Σ_k exp(x[i, k] - max_k x[i, k])}: (m×n) → (m×n). */
    public static Variable softmax(Variable x) {
        requireFloatMatrix("softmax", x);
        Variable ez = Ops.elemwise(ScalarOp.EXP, Ops.elemwise(ScalarOp.SUB, x, rowMaxColumn(x)));
        return Ops.elemwise(ScalarOp.TRUE_DIV, ez, Ops.dimshuffle(Ops.reduce(Reduce.Kind.SUM, ez, 1), 0, X));
    }

    /** {@code logSoftmax(x)[i, j] = (x[i, j] - m_i) - log Σ_k exp(x[i, k] - m_i)} with m_i the row max: (m×n) → (m×n). */
    public static Variable logSoftmax(Variable x) {
        requireFloatMatrix("logSoftmax", x);
        Variable z = Ops.elemwise(ScalarOp.SUB, x, rowMaxColumn(x));
        Variable lse = Ops.elemwise(ScalarOp.LOG, Ops.reduce(Reduce.Kind.SUM, Ops.elemwise(ScalarOp.EXP, z), 1));
        return Ops.elemwise(ScalarOp.SUB, z, Ops.dimshuffle(lse, 0, X));
    }

    /** {@code ce[i] = -Σ_j t[i, j] log p[i, j]}: (m×n), (m×n) → (m). */
    public static Variable categoricalCrossentropy(Variable p, Variable t) {
        requireFloatMatrix("categoricalCrossentropy", p);
        requireFloatMatrix("categoricalCrossentropy", t);
        Ops.requireSameDtype("categoricalCrossentropy", p, t);
        for (int axis = 0; axis < 2; axis++) {
            int a = p.type().dim(axis);
            int b = t.type().dim(axis);
            if (a != TensorType.UNKNOWN && b != TensorType.UNKNOWN && a != b) {
                throw new ShapeMismatchException("categoricalCrossentropy: the probabilities " + p.describe()
                        + " have shape " + TensorType.shapeString(p.type().shape()) + " but the targets " + t.describe()
                        + " have shape " + TensorType.shapeString(t.type().shape()));
            }
        }
        Variable tlogp = Ops.elemwise(ScalarOp.MUL, t, Ops.elemwise(ScalarOp.LOG, p));
        return Ops.elemwise(ScalarOp.NEG, Ops.reduce(Reduce.Kind.SUM, tlogp, 1));
    }
}
