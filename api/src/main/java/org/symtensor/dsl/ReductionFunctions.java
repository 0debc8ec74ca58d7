package org.symtensor.dsl;

import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DTypeMarker;
import org.symtensor.ir.Reduce;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Tensor4;
import org.symtensor.tensor.Tensors;
import org.symtensor.type.MeansTo;
import org.symtensor.type.SumsTo;

/**
 * The DSL's products and whole-tensor reductions in their static form ({@code dot(a, b)},
 * {@code sum(x)}, {@code mean(x)}), the same graphs as the handle methods {@code a.dot(b)},
 * {@code x.sum()}, {@code x.mean()}. Reached through {@link org.symtensor.T}'s static imports (T delegates here).
 */
public final class ReductionFunctions {
    private ReductionFunctions() {}

    /** {@code (k)·(k) → ()}. */
    public static <D extends DTypeMarker> Scalar<D> dot(Vector<D> a, Vector<D> b) {
        return a.dot(b);
    }

    /** {@code (m×k)·(k) → (m)}. */
    public static <D extends DTypeMarker> Vector<D> dot(Matrix<D> a, Vector<D> b) {
        return a.dot(b);
    }

    /** {@code (k)·(k×n) → (n)}. */
    public static <D extends DTypeMarker> Vector<D> dot(Vector<D> a, Matrix<D> b) {
        return a.dot(b);
    }

    /** {@code (m×k)·(k×n) → (m×n)}. */
    public static <D extends DTypeMarker> Matrix<D> dot(Matrix<D> a, Matrix<D> b) {
        return a.dot(b);
    }

    /**
     * The sum of all elements, typed by what the dtype accumulates in ({@link SumsTo}): a float
     * sum keeps its dtype (float32 sums accumulate in float64 and round once), an integer or bool
     * sum is int64, as in Theano, so {@code sum(Vector<I8>)} is a {@code Scalar<I64>} that never wraps.
     */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Scalar<A> sum(Tensor<D> x) {
        return new Scalar<>(Tensors.handle(x).reduceAccumulated(Reduce.Kind.SUM));
    }

    /** The sum over {@code axis} of a vector: a scalar, typed as {@link #sum(Tensor)} is. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Scalar<A> sum(Vector<D> x, int axis) {
        return new Scalar<>(x.reduceAccumulated(Reduce.Kind.SUM, axis));
    }

    /** The sum over {@code axis} of a matrix: {@code (m×n) → (n)} or {@code (m)}, typed as {@link #sum(Tensor)} is. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Vector<A> sum(Matrix<D> x, int axis) {
        return new Vector<>(x.reduceAccumulated(Reduce.Kind.SUM, axis));
    }

    /** The sum over {@code axis} of a rank-3 tensor, typed as {@link #sum(Tensor)} is. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Matrix<A> sum(Tensor3<D> x, int axis) {
        return new Matrix<>(x.reduceAccumulated(Reduce.Kind.SUM, axis));
    }

    /** The sum over {@code axis} of a rank-4 tensor, typed as {@link #sum(Tensor)} is. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor3<A> sum(Tensor4<D> x, int axis) {
        return new Tensor3<>(x.reduceAccumulated(Reduce.Kind.SUM, axis));
    }

    /** The product of all elements, typed as {@link #sum(Tensor)} is (int64 for integers). */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Scalar<A> prod(Tensor<D> x) {
        return new Scalar<>(Tensors.handle(x).reduceAccumulated(Reduce.Kind.PROD));
    }

    /** The mean of all elements: float dtypes keep theirs, integers and bool give float64 ({@link MeansTo}). */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Scalar<M> mean(Tensor<D> x) {
        return new Scalar<>(Tensors.handle(x).reduceAccumulated(Reduce.Kind.MEAN));
    }

    /** The mean over {@code axis} of a matrix, typed as {@link #mean(Tensor)} is. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Vector<M> mean(Matrix<D> x, int axis) {
        return new Vector<>(x.reduceAccumulated(Reduce.Kind.MEAN, axis));
    }
}
