package org.symtensor.dsl;

import org.symtensor.tensor.BatchNorm;
import org.symtensor.error.ArgumentException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Conv2d;
import org.symtensor.ir.NNet;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Pool2d;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Variable;
import org.symtensor.random.RandomStreams;
import org.symtensor.random.Size;
import org.symtensor.tensor.AbstractTensor;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor4;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.DTypes;
import org.symtensor.type.FloatingMarker;
import org.symtensor.type.I64;

/**
 * The DSL's neural-network functions (Theano's {@code nnet}): activations, softmax and
 * log-softmax along an axis, cross-entropies, one-hot, dropout and batch normalization (stable
 * composites built by {@link NNet}), and the {@link Conv2d} and {@link Pool2d} ops. Reached through
 * {@link org.symtensor.T}'s static imports (T delegates here).
 */
public final class NNetFunctions {
    private NNetFunctions() {}

    /**
     * Row-wise softmax, {@code (m×n) → (m×n)}: {@code exp(x - max(x, axis 1) as a column)} divided by
     * its row sums, so large inputs do not overflow. Rows sum to 1.
     */
    public static <D extends FloatingMarker> Matrix<D> softmax(Matrix<D> x) {
        return new Matrix<>(NNet.softmax(x.variable()));
    }

    /** Row-wise {@code log(softmax(x))}, {@code (m×n) → (m×n)}, as {@code (x - m) - log Σ exp(x - m)} with m the row max. */
    public static <D extends FloatingMarker> Matrix<D> logSoftmax(Matrix<D> x) {
        return new Matrix<>(NNet.logSoftmax(x.variable()));
    }

    /**
     * Theano's {@code categorical_crossentropy} with one-hot (or any distribution) targets:
     * {@code -Σ_j t[i, j] log p[i, j]} per row, {@code (m×n), (m×n) → (m)}.
     */
    public static <D extends FloatingMarker> Vector<D> categoricalCrossentropy(Matrix<D> probabilities,
            Matrix<D> oneHotTargets) {
        return new Vector<>(NNet.categoricalCrossentropy(probabilities.variable(), oneHotTargets.variable()));
    }

    // ---- activations ----------------------------------------------------------------------------

    /** The rectifier {@code max(x, 0)}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S relu(AbstractTensor<D, S, ?> x) {
        return x.sameKind(NNet.relu(x.variable(), 0));
    }

    /** {@code relu} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> relu(Tensor<D> x) {
        return relu(Tensors.handle(x));
    }

    /** The leaky rectifier {@code x > 0 ? x : alpha·x} (Theano's {@code relu(x, alpha)}). */
    public static <D extends FloatingMarker, S extends Tensor<D>> S relu(AbstractTensor<D, S, ?> x, double alpha) {
        return x.sameKind(NNet.relu(x.variable(), alpha));
    }

    /** {@code relu(x, alpha)} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> relu(Tensor<D> x, double alpha) {
        return relu(Tensors.handle(x), alpha);
    }

    /** The exponential linear unit {@code x > 0 ? x : alpha·(e^x - 1)}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S elu(AbstractTensor<D, S, ?> x, double alpha) {
        return x.sameKind(NNet.elu(x.variable(), alpha));
    }

    /** {@code elu(x, alpha)} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> elu(Tensor<D> x, double alpha) {
        return elu(Tensors.handle(x), alpha);
    }

    /** The exponential linear unit with {@code alpha = 1}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S elu(AbstractTensor<D, S, ?> x) {
        return elu(x, 1.0);
    }

    /** {@code elu(x)} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> elu(Tensor<D> x) {
        return elu(Tensors.handle(x), 1.0);
    }

    /** The scaled ELU {@code λ·elu(x, α)} with the self-normalizing constants (α ≈ 1.6733, λ ≈ 1.0507). */
    public static <D extends FloatingMarker, S extends Tensor<D>> S selu(AbstractTensor<D, S, ?> x) {
        return x.sameKind(NNet.selu(x.variable()));
    }

    /** {@code selu} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> selu(Tensor<D> x) {
        return selu(Tensors.handle(x));
    }

    /** The exact Gaussian error linear unit {@code x/2·(1 + erf(x/√2))}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S gelu(AbstractTensor<D, S, ?> x) {
        return x.sameKind(NNet.gelu(x.variable()));
    }

    /** {@code gelu} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> gelu(Tensor<D> x) {
        return gelu(Tensors.handle(x));
    }

    /** The softsign {@code x / (1 + |x|)}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S softsign(AbstractTensor<D, S, ?> x) {
        return x.sameKind(NNet.softsign(x.variable()));
    }

    /** {@code softsign} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> softsign(Tensor<D> x) {
        return softsign(Tensors.handle(x));
    }

    /** Theano's piecewise-linear {@code hard_sigmoid}, {@code clip(0.2·x + 0.5, 0, 1)}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S hardSigmoid(AbstractTensor<D, S, ?> x) {
        return x.sameKind(NNet.hardSigmoid(x.variable()));
    }

    /** {@code hardSigmoid} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> hardSigmoid(Tensor<D> x) {
        return hardSigmoid(Tensors.handle(x));
    }

    // ---- softmax along an axis ------------------------------------------------------------------

    /** Softmax along {@code axis} (negative counts from the end), shifted by the maximum so it does not overflow. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S softmax(AbstractTensor<D, S, ?> x, int axis) {
        return x.sameKind(NNet.softmax(x.variable(), axis));
    }

    /** {@code softmax(x, axis)} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> softmax(Tensor<D> x, int axis) {
        return softmax(Tensors.handle(x), axis);
    }

    /** {@code log(softmax(x, axis))}, computed as {@code (x - m) - log Σ exp(x - m)}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S logSoftmax(AbstractTensor<D, S, ?> x, int axis) {
        return x.sameKind(NNet.logSoftmax(x.variable(), axis));
    }

    /** {@code logSoftmax(x, axis)} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> logSoftmax(Tensor<D> x, int axis) {
        return logSoftmax(Tensors.handle(x), axis);
    }

    // ---- losses and targets ---------------------------------------------------------------------

    /**
     * Theano's {@code categorical_crossentropy} with integer class targets: {@code -log p[i, t[i]]}
     * per row, {@code (m×n), (m) → (m)}; stable when {@code p} is a {@code softmax}.
     */
    public static <D extends FloatingMarker> Vector<D> categoricalCrossentropy(Matrix<D> probabilities,
            Vector<?> labels) {
        return new Vector<>(NNet.categoricalCrossentropyLabels(probabilities.variable(), labels.variable()));
    }

    /** The categorical cross-entropy of {@code softmax(logits)} against one-hot targets, from the logits (stable). */
    public static <D extends FloatingMarker> Vector<D> categoricalCrossentropyFromLogits(Matrix<D> logits,
            Matrix<D> oneHotTargets) {
        return new Vector<>(NNet.categoricalCrossentropyFromLogits(logits.variable(), oneHotTargets.variable()));
    }

    /** The categorical cross-entropy of {@code softmax(logits)} against integer class targets, from the logits (stable). */
    public static <D extends FloatingMarker> Vector<D> categoricalCrossentropyFromLogits(Matrix<D> logits,
            Vector<?> labels) {
        return new Vector<>(NNet.categoricalCrossentropyFromLogitsLabels(logits.variable(), labels.variable()));
    }

    /** Theano's {@code binary_crossentropy}: {@code -(t·log p + (1 - t)·log(1 - p))} elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S binaryCrossentropy(AbstractTensor<D, S, ?> p,
            Tensor<D> targets) {
        return p.sameKind(NNet.binaryCrossentropy(p.variable(), targets.variable()));
    }

    /** {@code binaryCrossentropy} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> binaryCrossentropy(Tensor<D> p, Tensor<D> targets) {
        return binaryCrossentropy(Tensors.handle(p), targets);
    }

    /** The binary cross-entropy of {@code sigmoid(z)} from the logits, {@code softplus(z) - t·z}: finite for any z. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S binaryCrossentropyFromLogits(
            AbstractTensor<D, S, ?> logits, Tensor<D> targets) {
        return logits.sameKind(NNet.binaryCrossentropyFromLogits(logits.variable(), targets.variable()));
    }

    /** {@code binaryCrossentropyFromLogits} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> binaryCrossentropyFromLogits(Tensor<D> logits, Tensor<D> targets) {
        return binaryCrossentropyFromLogits(Tensors.handle(logits), targets);
    }

    /**
     * One-hot rows of {@code dtype} for integer labels, {@code (m) → (m×numClasses)} (Theano's
     * {@code to_one_hot}); a label outside {@code [0, numClasses)} gives a row of zeros.
     */
    public static <D extends DTypeMarker> Matrix<D> oneHot(Vector<?> labels, int numClasses, Class<D> dtype) {
        return new Matrix<>(NNet.oneHot(labels.variable(), numClasses, DTypes.of(dtype)));
    }

    /** One-hot encoding along a new last axis for integer labels of any rank, as {@code dtype}. */
    public static <D extends DTypeMarker> Tensor<D> oneHot(Tensor<?> labels, int numClasses, Class<D> dtype) {
        return Tensors.wrap(NNet.oneHot(labels.variable(), numClasses, DTypes.of(dtype)));
    }

    // ---- dropout and batch normalization --------------------------------------------------------

    /**
     * Inverted dropout: each element is kept with probability {@code 1 - p} (a uniform draw from
     * {@code streams} at least {@code p}) and scaled by {@code 1/(1 - p)}, else zeroed; the expected
     * value is x. {@code p} must be in {@code [0, 1)}; {@code p = 0} returns x.
     */
    public static <D extends FloatingMarker, S extends Tensor<D>> S dropout(AbstractTensor<D, S, ?> x, double p,
            RandomStreams streams) {
        if (!(p >= 0 && p < 1)) {
            throw new ArgumentException("dropout: the drop probability p must be in [0, 1), got " + p);
        }
        Variable v = x.variable();
        if (!v.type().dtype().isFloat()) {
            throw new org.symtensor.error.DTypeMismatchException("dropout: expected a float tensor, got " + v.describe()
                    + " of type " + v.type());
        }
        if (p == 0) {
            return x.sameKind(v);
        }
        Object[] dims = new Object[v.type().rank()];
        for (int i = 0; i < dims.length; i++) {
            int d = v.type().dim(i);
            dims[i] = d != org.symtensor.type.TensorType.UNKNOWN ? (Object) d : new Scalar<I64>(Ops.shape(v, i));
        }
        @SuppressWarnings("unchecked")
        Class<FloatingMarker> marker = (Class<FloatingMarker>) (Class<?>) (v.type().dtype() == org.symtensor.type.DType.FLOAT32
                ? org.symtensor.type.F32.class : org.symtensor.type.F64.class);
        Variable u = streams.uniform(marker, Size.of(dims), ConstantFactories.constant(0.0),
                ConstantFactories.constant(1.0)).variable();
        Variable keep = Ops.elemwise(ScalarOp.GE, u, Ops.literalFor(p, u.type().dtype()));
        Variable scaled = Ops.elemwise(ScalarOp.MUL, v, Ops.literalFor(1 / (1 - p), v.type().dtype()));
        return x.sameKind(Ops.elemwise(ScalarOp.MUL, scaled, Ops.cast(keep, v.type().dtype())));
    }

    /** {@code dropout} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> dropout(Tensor<D> x, double p, RandomStreams streams) {
        return dropout(Tensors.handle(x), p, streams);
    }

    /**
     * Training-mode batch normalization over {@code axes}: the output {@code gamma·(x - mean)/√(var +
     * eps) + beta} with the batch mean and biased variance, which keep the reduced axes as length 1
     * (feed them to a running average for inference).
     */
    public static <D extends FloatingMarker, S extends Tensor<D>> BatchNorm<S> batchNormTrain(AbstractTensor<D, S, ?> x,
            Tensor<D> gamma, Tensor<D> beta, double eps, int... axes) {
        Variable[] r = NNet.batchNormTrain(x.variable(), gamma.variable(), beta.variable(), eps, axes);
        return new BatchNorm<>(x.sameKind(r[0]), x.sameKind(r[1]), x.sameKind(r[2]));
    }

    /** Inference-mode batch normalization with given statistics: {@code gamma·(x - mean)/√(var + eps) + beta}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S batchNormInference(AbstractTensor<D, S, ?> x,
            Tensor<D> gamma, Tensor<D> beta, Tensor<D> mean, Tensor<D> variance, double eps) {
        return x.sameKind(NNet.batchNormInference(x.variable(), gamma.variable(), beta.variable(), mean.variable(),
                variance.variable(), eps));
    }

    // ---- embedding --------------------------------------------------------------------------------

    /**
     * Embedding lookup: row {@code ids[i]} of the table {@code W} ({@code V×d}) for each id,
     * {@code (V×d), (n) → (n×d)}, as NumPy's {@code take(W, ids, axis=0)}. The gradient with respect
     * to W adds each row's gradient at its id, so a repeated id accumulates; an id outside
     * {@code [-V, V)} is an {@code IndexOutOfRangeException} when the function runs (negative ids
     * count from the end, as in NumPy).
     */
    public static <D extends FloatingMarker> Matrix<D> embedding(Matrix<D> table, Vector<?> ids) {
        requireIds(ids.variable());
        return new Matrix<>(Apply.output(org.symtensor.ir.AdvancedSubtensor.take(0), table.variable(), ids.variable()));
    }

    /** Embedding lookup for ids of any shape: {@code (V×d), (s...) → (s..., d)}. */
    public static <D extends FloatingMarker> Tensor<D> embedding(Matrix<D> table, Tensor<?> ids) {
        requireIds(ids.variable());
        return Tensors.wrap(Apply.output(org.symtensor.ir.AdvancedSubtensor.take(0), table.variable(), ids.variable()));
    }

    private static void requireIds(Variable ids) {
        if (!ids.type().dtype().isInteger()) {
            throw new org.symtensor.error.DTypeMismatchException("embedding: the ids " + ids.describe()
                    + " must have an integer dtype, got " + ids.type().dtype());
        }
    }

    // ---- convolution ----------------------------------------------------------------------------

    private static final int[] ONE = {1, 1};

    private static <D extends FloatingMarker> Tensor4<D> conv(Tensor4<D> x, Tensor4<D> filters, int[] stride,
            Conv2d.Padding mode, int[] pads, int[] dilation, int groups) {
        Conv2d op = Conv2d.of(Conv2d.Variant.FORWARD, stride, dilation, groups, mode, pads);
        return new Tensor4<>(Conv2d.forward(op, x.variable(), filters.variable()));
    }

    /**
     * 2-d convolution (cross-correlation, as deep-learning libraries compute it) of NCHW input
     * {@code N×C×H×W} with filters {@code K×C×R×S}, stride 1, no padding: {@code N×K×(H-R+1)×(W-S+1)}.
     */
    public static <D extends FloatingMarker> Tensor4<D> conv2d(Tensor4<D> x, Tensor4<D> filters) {
        return conv(x, filters, ONE, Conv2d.Padding.VALID, null, ONE, 1);
    }

    /** 2-d convolution with stride 1 and the padding mode {@code "valid"}, {@code "same"} or {@code "full"}. */
    public static <D extends FloatingMarker> Tensor4<D> conv2d(Tensor4<D> x, Tensor4<D> filters, String padding) {
        return conv(x, filters, ONE, Conv2d.padding(padding), null, ONE, 1);
    }

    /** 2-d convolution with a (vertical, horizontal) stride and a padding mode. */
    public static <D extends FloatingMarker> Tensor4<D> conv2d(Tensor4<D> x, Tensor4<D> filters, int[] stride,
            String padding) {
        return conv(x, filters, stride, Conv2d.padding(padding), null, ONE, 1);
    }

    /** 2-d convolution with a stride and explicit zero padding, (vertical, horizontal) or (top, bottom, left, right). */
    public static <D extends FloatingMarker> Tensor4<D> conv2d(Tensor4<D> x, Tensor4<D> filters, int[] stride,
            int[] padding) {
        return conv(x, filters, stride, Conv2d.Padding.EXPLICIT, Conv2d.explicitPads(padding), ONE, 1);
    }

    /**
     * 2-d convolution with every option: stride, padding mode, dilation (vertical, horizontal) and
     * groups (the C input channels and K filters split into {@code groups} independent convolutions;
     * filters are {@code K×(C/groups)×R×S}).
     */
    public static <D extends FloatingMarker> Tensor4<D> conv2d(Tensor4<D> x, Tensor4<D> filters, int[] stride,
            String padding, int[] dilation, int groups) {
        return conv(x, filters, stride, Conv2d.padding(padding), null, dilation, groups);
    }

    /** 2-d convolution with stride, explicit padding, dilation and groups. */
    public static <D extends FloatingMarker> Tensor4<D> conv2d(Tensor4<D> x, Tensor4<D> filters, int[] stride,
            int[] padding, int[] dilation, int groups) {
        return conv(x, filters, stride, Conv2d.Padding.EXPLICIT, Conv2d.explicitPads(padding), dilation, groups);
    }

    private static <D extends FloatingMarker> Tensor4<D> transpose(Tensor4<D> x, Tensor4<D> filters, int[] stride,
            Conv2d.Padding mode, int[] pads, int[] dilation, int groups, int[] outputSize) {
        Conv2d op = Conv2d.of(Conv2d.Variant.GRAD_INPUT, stride, dilation, groups, mode, pads);
        Variable xv = x.variable();
        Variable w = filters.variable();
        Variable h;
        Variable wd;
        if (outputSize != null) {
            if (outputSize.length != 2) {
                throw new ArgumentException("conv2dTranspose: the output size must be (height, width), got "
                        + java.util.Arrays.toString(outputSize));
            }
            h = Ops.constant(org.symtensor.value.NDArray.of((long) outputSize[0]));
            wd = Ops.constant(org.symtensor.value.NDArray.of((long) outputSize[1]));
        } else {
            if (xv.type().rank() != 4 || w.type().rank() != 4) {
                throw new org.symtensor.error.ShapeMismatchException("conv2dTranspose: input and filters must have rank 4");
            }
            h = op.transposedLength(true, Ops.shape(xv, 2), Ops.shape(w, 2));
            wd = op.transposedLength(false, Ops.shape(xv, 3), Ops.shape(w, 3));
        }
        return new Tensor4<>(Conv2d.gradInput(op, xv, w, h, wd));
    }

    /**
     * The transposed convolution (the gradient of {@link #conv2d} with respect to its input) of
     * {@code N×K×H×W} with filters {@code K×C×R×S}: {@code N×C×H'×W'} with H' the smallest input
     * height whose convolution has height H ({@code H·stride} for {@code "same"}).
     */
    public static <D extends FloatingMarker> Tensor4<D> conv2dTranspose(Tensor4<D> x, Tensor4<D> filters, int[] stride,
            String padding) {
        return transpose(x, filters, stride, Conv2d.padding(padding), null, ONE, 1, null);
    }

    /**
     * The transposed convolution with every option; {@code outputSize} (height, width) picks among the
     * sizes a stride makes possible, or null for the smallest.
     */
    public static <D extends FloatingMarker> Tensor4<D> conv2dTranspose(Tensor4<D> x, Tensor4<D> filters, int[] stride,
            int[] padding, int[] dilation, int groups, int[] outputSize) {
        return transpose(x, filters, stride, Conv2d.Padding.EXPLICIT, Conv2d.explicitPads(padding), dilation, groups,
                outputSize);
    }

    /** The transposed convolution with a padding mode, dilation, groups and an optional output size. */
    public static <D extends FloatingMarker> Tensor4<D> conv2dTranspose(Tensor4<D> x, Tensor4<D> filters, int[] stride,
            String padding, int[] dilation, int groups, int[] outputSize) {
        return transpose(x, filters, stride, Conv2d.padding(padding), null, dilation, groups, outputSize);
    }

    // ---- pooling ----------------------------------------------------------------------------------

    private static <D extends FloatingMarker, S extends Tensor<D>> S pool(Pool2d.Mode mode, AbstractTensor<D, S, ?> x,
            int[] window, int[] stride, int[] padding, boolean ignoreBorder) {
        Pool2d op = Pool2d.of(mode, Pool2d.Variant.FORWARD, window, stride == null ? window : stride,
                padding == null ? new int[] {0, 0} : padding, ignoreBorder);
        return x.sameKind(Apply.output(op, x.variable()));
    }

    /** Max pooling over the last two axes with non-overlapping {@code window} (vertical, horizontal); a partial window at the border is dropped. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S maxPool2d(AbstractTensor<D, S, ?> x, int[] window) {
        return pool(Pool2d.Mode.MAX, x, window, null, null, true);
    }

    /**
     * Max pooling over the last two axes (Theano's {@code pool_2d(mode='max')}): {@code stride}
     * (null: the window), {@code padding} (vertical, horizontal; needs ignoreBorder) and
     * {@code ignoreBorder} (false keeps the partial windows at the end).
     */
    public static <D extends FloatingMarker, S extends Tensor<D>> S maxPool2d(AbstractTensor<D, S, ?> x, int[] window,
            int[] stride, int[] padding, boolean ignoreBorder) {
        return pool(Pool2d.Mode.MAX, x, window, stride, padding, ignoreBorder);
    }

    /** {@code maxPool2d} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> maxPool2d(Tensor<D> x, int[] window, int[] stride, int[] padding,
            boolean ignoreBorder) {
        return maxPool2d(Tensors.handle(x), window, stride, padding, ignoreBorder);
    }

    /** Average pooling over the last two axes with non-overlapping {@code window}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S avgPool2d(AbstractTensor<D, S, ?> x, int[] window) {
        return pool(Pool2d.Mode.AVG_INC_PAD, x, window, null, null, true);
    }

    /**
     * Average pooling over the last two axes: {@code includePadding} divides by the window clipped to
     * the padded input (Theano's {@code average_inc_pad}), else by the real elements in it
     * ({@code average_exc_pad}).
     */
    public static <D extends FloatingMarker, S extends Tensor<D>> S avgPool2d(AbstractTensor<D, S, ?> x, int[] window,
            int[] stride, int[] padding, boolean ignoreBorder, boolean includePadding) {
        return pool(includePadding ? Pool2d.Mode.AVG_INC_PAD : Pool2d.Mode.AVG_EXC_PAD, x, window, stride, padding,
                ignoreBorder);
    }

    /** {@code avgPool2d} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> avgPool2d(Tensor<D> x, int[] window, int[] stride, int[] padding,
            boolean ignoreBorder, boolean includePadding) {
        return avgPool2d(Tensors.handle(x), window, stride, padding, ignoreBorder, includePadding);
    }
}
