package org.symtensor.dsl;

import org.symtensor.ir.Apply;
import org.symtensor.ir.AdvancedSubtensor;
import org.symtensor.ir.IndexOps;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ShapeOps;
import org.symtensor.tensor.AbstractTensor;
import org.symtensor.tensor.IndexItems;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Slice;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.Bool;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/**
 * The DSL's indexing: {@code slice} and {@code newaxis} for {@code x.get(...)}, {@code index(x, ...)}
 * for any expression, {@code take} along an axis, {@code booleanMask}, and Theano's
 * {@code setSubtensor} / {@code incSubtensor} through the same expressions. Reached through
 * {@link org.symtensor.T}'s static imports.
 */
public final class IndexFunctions {
    private IndexFunctions() {}

    /** Python's {@code :}, the whole axis. */
    public static Slice slice() {
        return Slice.of((Integer) null, null, null);
    }

    /** Python's {@code start:stop}; null leaves a bound out, negative counts from the end. */
    public static Slice slice(Integer start, Integer stop) {
        return Slice.of(start, stop, null);
    }

    /** Python's {@code start:stop:step}: {@code slice(null, null, -1)} is {@code ::-1}. */
    public static Slice slice(Integer start, Integer stop, Integer step) {
        return Slice.of(start, stop, step);
    }

    /** NumPy's {@code newaxis}: a new axis of length 1 where it stands in an indexing expression. */
    public static IndexOps.Special newaxis() {
        return IndexOps.NEW_AXIS;
    }

    /**
     * NumPy's {@code x[items...]}: integers (negative from the end), slices, {@code newaxis()},
     * integer scalars, one integer array, or a lone bool mask, applied to x's axes from the left.
     */
    public static <D extends DTypeMarker> Tensor<D> index(Tensor<D> x, Object... items) {
        return Tensors.wrap(IndexOps.get(x.variable(), IndexItems.ofAll(items)));
    }

    /** An int64 vector constant of indices, for {@code take} and the updates: {@code indices(2, 0, -1)}. */
    public static Vector<I64> indices(long... values) {
        return new Vector<>(Ops.constant(NDArray.of(values)));
    }

    /** NumPy's {@code take(x, indices, axis)}: entries along the axis, the index's shape replacing it. */
    public static <D extends DTypeMarker> Tensor<D> take(Tensor<D> x, Tensor<?> indices, int axis) {
        int a = ShapeOps.axis("take", x.variable(), axis, x.rank());
        return Tensors.wrap(Apply.output(AdvancedSubtensor.take(a), x.variable(), indices.variable()));
    }

    /** {@code take} of a vector by an integer vector: a vector. */
    public static <D extends DTypeMarker> Vector<D> take(Vector<D> x, Vector<?> indices) {
        return new Vector<>(Apply.output(AdvancedSubtensor.take(0), x.variable(), indices.variable()));
    }

    /** {@code take} of a matrix's rows ({@code axis} 0) or columns (1 or -1) by an integer vector: a matrix. */
    public static <D extends DTypeMarker> Matrix<D> take(Matrix<D> x, Vector<?> indices, int axis) {
        int a = ShapeOps.axis("take", x.variable(), axis, 2);
        return new Matrix<>(Apply.output(AdvancedSubtensor.take(a), x.variable(), indices.variable()));
    }

    /** NumPy's {@code x[mask]} for a bool mask of x's shape: the selected elements in C order. */
    public static <D extends DTypeMarker> Vector<D> booleanMask(Tensor<D> x, Tensor<Bool> mask) {
        return new Vector<>(Apply.output(AdvancedSubtensor.mask(), x.variable(), mask.variable()));
    }

    /**
     * Theano's {@code set_subtensor(x[items...], y)}: a copy of x with y (broadcast) written where the
     * expression reads; with repeated array indices the last one wins. Differentiable in x and y.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S setSubtensor(AbstractTensor<D, S, ?> x, Tensor<D> y,
            Object... items) {
        return x.sameKind(IndexOps.update(x.variable(), y.variable(), IndexItems.ofAll(items), true));
    }

    /** {@code setSubtensor} of a literal, which must fit x's dtype: {@code setSubtensor(x, 0, slice(1, 3))}. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S setSubtensor(AbstractTensor<D, S, ?> x, double y,
            Object... items) {
        return x.sameKind(IndexOps.update(x.variable(), x.literal("setSubtensor", y), IndexItems.ofAll(items), true));
    }

    /**
     * Theano's {@code inc_subtensor(x[items...], y)}: a copy of x with y (broadcast) added where the
     * expression reads; repeated array indices accumulate. Differentiable in x and y.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S incSubtensor(AbstractTensor<D, S, ?> x, Tensor<D> y,
            Object... items) {
        return x.sameKind(IndexOps.update(x.variable(), y.variable(), IndexItems.ofAll(items), false));
    }

    /** {@code incSubtensor} of a literal: {@code incSubtensor(x, 1, idx)}. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S incSubtensor(AbstractTensor<D, S, ?> x, double y,
            Object... items) {
        return x.sameKind(IndexOps.update(x.variable(), x.literal("incSubtensor", y), IndexItems.ofAll(items), false));
    }
}
