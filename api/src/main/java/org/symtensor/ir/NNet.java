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

    /**
     * {@code ce[i] = -Σ_j t[i, j] log p[i, j]}: (m×n), (m×n) → (m). When {@code p} is the output
     * of {@link #softmax}{@code (x)} the loss is built from the logits as {@code -Σ_j t[i, j]
     * logSoftmax(x)[i, j]} (Theano's crossentropy-softmax stabilization, done here so that the
     * gradient, which autodiff derives from this graph, is stable too): loss and gradient stay finite
     * where the softmax underflows to 0, and the gradient is {@code softmax(x) Σ_j t - t}.
     */
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
        Variable logits = softmaxLogits(p);
        Variable logp = logits != null ? logSoftmax(logits) : Ops.elemwise(ScalarOp.LOG, p);
        Variable tlogp = Ops.elemwise(ScalarOp.MUL, t, logp);
        return Ops.elemwise(ScalarOp.NEG, Ops.reduce(Reduce.Kind.SUM, tlogp, 1));
    }

    /** {@code x} when {@code p} is exactly the graph {@link #softmax}{@code (x)} builds, else null. */
    static Variable softmaxLogits(Variable p) {
        Apply div = elemwiseOwner(p, ScalarOp.TRUE_DIV);
        Apply exp = div == null ? null : elemwiseOwner(div.inputs().get(0), ScalarOp.EXP);
        Apply sub = exp == null ? null : elemwiseOwner(exp.inputs().get(0), ScalarOp.SUB);
        Apply shuffle = div == null ? null : div.inputs().get(1).owner();
        if (sub == null || shuffle == null || !(shuffle.op() instanceof DimShuffle)) {
            return null;
        }
        Apply sum = shuffle.inputs().get(0).owner();
        if (sum == null || !(sum.op() instanceof Reduce r) || r.reduceKind() != Reduce.Kind.SUM
                || sum.inputs().get(0) != div.inputs().get(0)) {
            return null;
        }
        Variable x = sub.inputs().get(0);
        Apply max = sub.inputs().get(1).owner();
        boolean shiftByRowMax = max != null && max.op() instanceof DimShuffle
                && max.inputs().get(0).owner() != null && max.inputs().get(0).owner().inputs().get(0).owner() != null
                && max.inputs().get(0).owner().inputs().get(0).owner().op() instanceof Reduce m
                && m.reduceKind() == Reduce.Kind.MAX
                && max.inputs().get(0).owner().inputs().get(0).owner().inputs().get(0) == x;
        return shiftByRowMax && x.type().equals(p.type()) ? x : null;
    }

    private static Apply elemwiseOwner(Variable v, ScalarOp op) {
        Apply a = v.owner();
        return a != null && a.op() instanceof Elemwise e && e.scalarOp() == op ? a : null;
    }
}
