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
     * The maximum along {@code axis} kept as a length-1 axis, with no gradient: softmax and
     * log-softmax do not change when a slice is shifted, so the gradient through the shift is
     * exactly zero. For a matrix and axis 1 this is the row maximum as an {@code (m×1)} column.
     */
    private static Variable maxKeepDims(Variable x, int axis) {
        Variable m = Apply.output(GradMark.of(GradMark.Kind.DISCONNECTED, null), Ops.reduce(Reduce.Kind.MAX, x, axis));
        return keepDims(m, x.type().rank(), axis);
    }

    /** {@code r}, a reduction of a rank-{@code rank} tensor over {@code axis}, with that axis put back as length 1. */
    static Variable keepDims(Variable r, int rank, int axis) {
        int[] pattern = new int[rank];
        for (int i = 0, k = 0; i < rank; i++) {
            pattern[i] = i == axis ? X : k++;
        }
        return Ops.dimshuffle(r, pattern);
    }

    /** The axis in {@code [0, rank)}, or a ShapeMismatchException naming {@code what} and {@code x}. */
    static int normalizeAxis(String what, Variable x, int axis) {
        int rank = x.type().rank();
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new ShapeMismatchException(what + ": axis " + axis + " is out of range for " + x.describe() + " of rank "
                    + rank);
        }
        return a;
    }

    private static void requireFloatMatrix(String what, Variable x) {
        if (x.type().rank() != 2 || !x.type().dtype().isFloat()) {
            throw new ShapeMismatchException(what + ": expected a float matrix, got " + x.describe() + " of type " + x.type());
        }
    }

    static void requireFloat(String what, Variable x) {
        if (!x.type().dtype().isFloat()) {
            throw new org.symtensor.error.DTypeMismatchException(what + ": expected a float tensor, got " + x.describe()
                    + " of type " + x.type());
        }
    }

    /** {@code softmax(x)[i, j] = exp(x[i, j] - max_k x[i, k]) / Σ_k exp(x[i, k] - max_k x[i, k])}: (m×n) → (m×n). */
    public static Variable softmax(Variable x) {
        requireFloatMatrix("softmax", x);
        return softmax(x, 1);
    }

    /** Softmax along {@code axis} (negative counts from the end), shifted by the maximum along it so that nothing overflows. */
    public static Variable softmax(Variable x, int axis) {
        requireFloat("softmax", x);
        int a = normalizeAxis("softmax", x, axis);
        Variable ez = Ops.elemwise(ScalarOp.EXP, Ops.elemwise(ScalarOp.SUB, x, maxKeepDims(x, a)));
        return Ops.elemwise(ScalarOp.TRUE_DIV, ez, keepDims(Ops.reduce(Reduce.Kind.SUM, ez, a), x.type().rank(), a));
    }

    /** {@code logSoftmax(x)[i, j] = (x[i, j] - m_i) - log Σ_k exp(x[i, k] - m_i)} with m_i the row max: (m×n) → (m×n). */
    public static Variable logSoftmax(Variable x) {
        requireFloatMatrix("logSoftmax", x);
        return logSoftmax(x, 1);
    }

    /** {@code log(softmax(x, axis))} as {@code (x - m) - log Σ exp(x - m)}, m the maximum along the axis. */
    public static Variable logSoftmax(Variable x, int axis) {
        requireFloat("logSoftmax", x);
        int a = normalizeAxis("logSoftmax", x, axis);
        Variable z = Ops.elemwise(ScalarOp.SUB, x, maxKeepDims(x, a));
        Variable lse = Ops.elemwise(ScalarOp.LOG, Ops.reduce(Reduce.Kind.SUM, Ops.elemwise(ScalarOp.EXP, z), a));
        return Ops.elemwise(ScalarOp.SUB, z, keepDims(lse, x.type().rank(), a));
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
                || !java.util.Arrays.equals(r.axes(), new int[] {1})
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

    // ---- activations: composites of scalar ops, so they fuse and run on every backend ----------

    private static Variable lit(double v, Variable like) {
        return Ops.literalFor(v, like.type().dtype());
    }

    private static Variable e(ScalarOp op, Variable... in) {
        return Ops.elemwise(op, in);
    }

    /**
     * {@code max(0, x)} for {@code alpha == 0}, else {@code x > 0 ? x : alpha·x} (leaky ReLU, Theano's
     * {@code relu(x, alpha)}); the derivative at 0 is alpha (0 for the plain rectifier).
     */
    public static Variable relu(Variable x, double alpha) {
        requireFloat("relu", x);
        if (alpha == 0) {
            // maximum gives a tie's gradient to its first input: the 0, so relu'(0) = 0 as for alpha·x below
            return e(ScalarOp.MAXIMUM, lit(0, x), x);
        }
        return e(ScalarOp.SWITCH, e(ScalarOp.GT, x, lit(0, x)), x, e(ScalarOp.MUL, lit(alpha, x), x));
    }

    /**
     * {@code x > 0 ? x : alpha·(e^x - 1)}. The negative branch reads {@code min(x, 0)}, so neither it
     * nor its derivative overflows where the positive branch is taken (a switch computes both, and
     * an infinite derivative times the switch's zero would be NaN).
     */
    public static Variable elu(Variable x, double alpha) {
        requireFloat("elu", x);
        Variable neg = e(ScalarOp.MUL, lit(alpha, x), e(ScalarOp.EXPM1, e(ScalarOp.MINIMUM, x, lit(0, x))));
        return e(ScalarOp.SWITCH, e(ScalarOp.GT, x, lit(0, x)), x, neg);
    }

    /** SELU's α (Klambauer et al. 2017), the fixed point of the self-normalizing map. */
    public static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    /** SELU's scale λ. */
    public static final double SELU_SCALE = 1.0507009873554804934193349852946;

    /** {@code λ·elu(x, α)} with SELU's constants. */
    public static Variable selu(Variable x) {
        requireFloat("selu", x);
        return e(ScalarOp.MUL, lit(SELU_SCALE, x), elu(x, SELU_ALPHA));
    }

    /** The exact GELU, {@code x·Φ(x) = x/2·(1 + erf(x/√2))}. */
    public static Variable gelu(Variable x) {
        requireFloat("gelu", x);
        Variable phi = e(ScalarOp.ADD, lit(1, x), e(ScalarOp.ERF, e(ScalarOp.MUL, x, lit(Math.sqrt(0.5), x))));
        return e(ScalarOp.MUL, e(ScalarOp.MUL, lit(0.5, x), x), phi);
    }

    /** {@code x / (1 + |x|)}. */
    public static Variable softsign(Variable x) {
        requireFloat("softsign", x);
        return e(ScalarOp.TRUE_DIV, x, e(ScalarOp.ADD, lit(1, x), e(ScalarOp.ABS, x)));
    }

    /** Theano's {@code hard_sigmoid}: {@code clip(0.2·x + 0.5, 0, 1)}. */
    public static Variable hardSigmoid(Variable x) {
        requireFloat("hardSigmoid", x);
        Variable lin = e(ScalarOp.ADD, e(ScalarOp.MUL, lit(0.2, x), x), lit(0.5, x));
        return e(ScalarOp.MINIMUM, e(ScalarOp.MAXIMUM, lin, lit(0, x)), lit(1, x));
    }

    // ---- losses and targets ---------------------------------------------------------------------

    private static void requireSameShape(String what, Variable a, Variable b) {
        Ops.requireSameDtype(what, a, b);
        if (a.type().rank() != b.type().rank()) {
            throw new ShapeMismatchException(what + ": " + a.describe() + " has shape " + TensorType.shapeString(a.type().shape())
                    + " but " + b.describe() + " has shape " + TensorType.shapeString(b.type().shape()));
        }
        for (int i = 0; i < a.type().rank(); i++) {
            int p = a.type().dim(i);
            int q = b.type().dim(i);
            if (p != TensorType.UNKNOWN && q != TensorType.UNKNOWN && p != q) {
                throw new ShapeMismatchException(what + ": " + a.describe() + " has shape "
                        + TensorType.shapeString(a.type().shape()) + " but " + b.describe() + " has shape "
                        + TensorType.shapeString(b.type().shape()));
            }
        }
    }

    /** Theano's {@code binary_crossentropy}: {@code -(t·log p + (1 - t)·log(1 - p))} elementwise. */
    public static Variable binaryCrossentropy(Variable p, Variable t) {
        requireFloat("binaryCrossentropy", p);
        requireSameShape("binaryCrossentropy", p, t);
        Variable one = lit(1, p);
        Variable a = e(ScalarOp.MUL, t, e(ScalarOp.LOG, p));
        Variable b = e(ScalarOp.MUL, e(ScalarOp.SUB, one, t), e(ScalarOp.LOG1P, e(ScalarOp.NEG, p)));
        return e(ScalarOp.NEG, e(ScalarOp.ADD, a, b));
    }

    /**
     * The binary cross-entropy of {@code sigmoid(z)} computed from the logits {@code z}:
     * {@code softplus(z) - t·z}, finite for any z (softplus does not overflow), with the gradient
     * {@code sigmoid(z) - t}.
     */
    public static Variable binaryCrossentropyFromLogits(Variable z, Variable t) {
        requireFloat("binaryCrossentropyFromLogits", z);
        requireSameShape("binaryCrossentropyFromLogits", z, t);
        return e(ScalarOp.SUB, e(ScalarOp.SOFTPLUS, z), e(ScalarOp.MUL, t, z));
    }

    /** {@code -Σ_j t[i, j]·logSoftmax(z)[i, j]} per row, from the logits: stable for any z, gradient {@code softmax(z)·Σ_j t - t}. */
    public static Variable categoricalCrossentropyFromLogits(Variable z, Variable t) {
        requireFloatMatrix("categoricalCrossentropyFromLogits", z);
        requireSameShape("categoricalCrossentropyFromLogits", z, t);
        return e(ScalarOp.NEG, Ops.reduce(Reduce.Kind.SUM, e(ScalarOp.MUL, t, logSoftmax(z, 1)), 1));
    }

    /**
     * The class indices {@code 0..n-1} of {@code (m×n)} scores, n from the static type when known
     * (a constant), else from the run-time shape (an {@code arange} over it).
     */
    private static Variable classRange(Variable scores) {
        int n = scores.type().dim(1);
        if (n != TensorType.UNKNOWN) {
            long[] range = new long[n];
            for (int i = 0; i < n; i++) {
                range[i] = i;
            }
            return Ops.constant(org.symtensor.value.NDArray.of(range));
        }
        return FillOps.arange(Ops.constant(org.symtensor.value.NDArray.of(0L)), Ops.shape(scores, 1),
                Ops.constant(org.symtensor.value.NDArray.of(1L)));
    }

    /** {@code labels[..., None] == classes} as {@code dtype}: the one-hot rows against a vector of class indices. */
    private static Variable oneHotAgainst(Variable labels, Variable classes, org.symtensor.type.DType dtype) {
        int rank = labels.type().rank();
        int[] pattern = new int[rank + 1];
        for (int i = 0; i < rank; i++) {
            pattern[i] = i;
        }
        pattern[rank] = X;
        return Ops.cast(e(ScalarOp.EQ, Ops.dimshuffle(labels, pattern), classes), dtype);
    }

    private static void requireLabels(String what, Variable labels, Variable scores) {
        if (labels.type().rank() != 1 || !labels.type().dtype().isInteger()) {
            throw new org.symtensor.error.DTypeMismatchException(what + ": the targets " + labels.describe()
                    + " must be an integer vector of class indices, got " + labels.type());
        }
        int m = scores.type().dim(0);
        int k = labels.type().dim(0);
        if (m != TensorType.UNKNOWN && k != TensorType.UNKNOWN && m != k) {
            throw new ShapeMismatchException(what + ": " + scores.describe() + " has " + m + " rows but the targets "
                    + labels.describe() + " have " + k);
        }
    }

    /** {@link #categoricalCrossentropy} with integer class indices as targets: {@code -log p[i, t[i]]}. */
    public static Variable categoricalCrossentropyLabels(Variable p, Variable labels) {
        requireFloatMatrix("categoricalCrossentropy", p);
        requireLabels("categoricalCrossentropy", labels, p);
        return categoricalCrossentropy(p, oneHotAgainst(labels, classRange(p), p.type().dtype()));
    }

    /** {@link #categoricalCrossentropyFromLogits} with integer class indices as targets: {@code -logSoftmax(z)[i, t[i]]}. */
    public static Variable categoricalCrossentropyFromLogitsLabels(Variable z, Variable labels) {
        requireFloatMatrix("categoricalCrossentropyFromLogits", z);
        requireLabels("categoricalCrossentropyFromLogits", labels, z);
        return categoricalCrossentropyFromLogits(z, oneHotAgainst(labels, classRange(z), z.type().dtype()));
    }

    /**
     * Theano's {@code to_one_hot}: integer labels of any shape to their one-hot encoding along a new
     * last axis of length {@code n}, as {@code labels[..., None] == [0, 1, ..., n-1]} cast to
     * {@code dtype}. A label outside {@code [0, n)} gives a row of zeros, as in Theano.
     */
    public static Variable oneHot(Variable labels, int n, org.symtensor.type.DType dtype) {
        if (!labels.type().dtype().isInteger()) {
            throw new org.symtensor.error.DTypeMismatchException("oneHot: the labels " + labels.describe()
                    + " must have an integer dtype, got " + labels.type().dtype());
        }
        if (n < 1) {
            throw new org.symtensor.error.ArgumentException("oneHot: the number of classes must be positive, got " + n);
        }
        long[] range = new long[n];
        for (int i = 0; i < n; i++) {
            range[i] = i;
        }
        return oneHotAgainst(labels, Ops.constant(org.symtensor.value.NDArray.of(range)), dtype);
    }

    // ---- batch normalization --------------------------------------------------------------------

    /** The mean of {@code x} over {@code axes}, keeping them as length-1 axes. */
    private static Variable meanKeepDims(Variable x, int[] axes) {
        Variable m = Ops.reduce(Reduce.Kind.MEAN, x, axes);
        int rank = x.type().rank();
        boolean[] reduced = new boolean[rank];
        for (int a : axes) {
            reduced[a] = true;
        }
        int[] pattern = new int[rank];
        for (int i = 0, k = 0; i < rank; i++) {
            pattern[i] = reduced[i] ? X : k++;
        }
        return Ops.dimshuffle(m, pattern);
    }

    /**
     * Training-mode batch normalization over {@code axes}: returns {normalized output, batch mean,
     * batch variance} where mean and (biased) variance keep the reduced axes as length 1, and the
     * output is {@code gamma·(x - mean)/sqrt(var + eps) + beta}, gamma and beta broadcasting against x.
     */
    public static Variable[] batchNormTrain(Variable x, Variable gamma, Variable beta, double eps, int... axes) {
        requireFloat("batchNorm", x);
        if (axes == null || axes.length == 0) {
            throw new org.symtensor.error.ArgumentException("batchNorm: give at least one axis to normalize over");
        }
        if (!(eps > 0)) {
            throw new org.symtensor.error.ArgumentException("batchNorm: eps must be positive, got " + eps);
        }
        int[] norm = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            norm[i] = normalizeAxis("batchNorm", x, axes[i]);
        }
        Variable mean = meanKeepDims(x, norm);
        Variable centered = e(ScalarOp.SUB, x, mean);
        Variable var = meanKeepDims(e(ScalarOp.SQR, centered), norm);
        return new Variable[] {normalize(centered, var, gamma, beta, eps), mean, var};
    }

    /** Inference-mode batch normalization with given statistics: {@code gamma·(x - mean)/sqrt(var + eps) + beta}. */
    public static Variable batchNormInference(Variable x, Variable gamma, Variable beta, Variable mean, Variable var,
            double eps) {
        requireFloat("batchNorm", x);
        if (!(eps > 0)) {
            throw new org.symtensor.error.ArgumentException("batchNorm: eps must be positive, got " + eps);
        }
        return normalize(e(ScalarOp.SUB, x, mean), var, gamma, beta, eps);
    }

    private static Variable normalize(Variable centered, Variable var, Variable gamma, Variable beta, double eps) {
        for (Variable v : new Variable[] {var, gamma, beta}) {
            Ops.requireSameDtype("batchNorm", centered, v);
            if (v.type().rank() > centered.type().rank()) {
                throw new ShapeMismatchException("batchNorm: " + v.describe() + " has rank " + v.type().rank()
                        + ", more than the input's " + centered.type().rank());
            }
        }
        Variable inv = e(ScalarOp.TRUE_DIV, gamma, e(ScalarOp.SQRT, e(ScalarOp.ADD, var, lit(eps, var))));
        return e(ScalarOp.ADD, e(ScalarOp.MUL, centered, inv), beta);
    }
}
