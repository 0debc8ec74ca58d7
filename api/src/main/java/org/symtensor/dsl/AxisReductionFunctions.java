package org.symtensor.dsl;

import org.symtensor.ir.Reduce;
import org.symtensor.ir.Reductions;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Tensor4;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.Bool;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.FloatingMarker;
import org.symtensor.type.I64;
import org.symtensor.type.MeansTo;
import org.symtensor.type.SumsTo;

/**
 * Reductions with NumPy's arguments: over one axis, a list of axes or all of them, with
 * {@code keepdims}; and the reductions {@code var}, {@code std} (with {@code ddof}),
 * {@code argmax}, {@code argmin}, {@code all}, {@code any} and {@code logsumexp}. Where the result's
 * rank follows from the handle (all axes, or one axis of a typed handle) the result is the typed
 * handle of that rank; the forms with an axis list and {@code keepdims} return {@code Tensor<R>}
 * (the handle of the run-time rank, which can be cast). Axes may be negative (from the end); an
 * axis out of range is a {@link org.symtensor.error.ShapeMismatchException}, a repeated one an
 * {@link org.symtensor.error.ArgumentException}. Reached through {@link org.symtensor.T}.
 */
public final class AxisReductionFunctions {
    private AxisReductionFunctions() {}

    /** The sum over {@code axes} (null or empty: all), the reduced axes kept with length 1 when {@code keepdims}; dtype: int64 for integers and bool, as {@link ReductionFunctions#sum(Tensor)}. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor<A> sum(Tensor<D> x, int[] axes, boolean keepdims) {
        return Tensors.wrap(Reductions.reduce(Reduce.Kind.SUM, x.variable(), axes, keepdims));
    }

    /** The sum over {@code axes} (null or empty: all), typed as the keepdims form. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor<A> sum(Tensor<D> x, int[] axes) {
        return sum(x, axes, false);
    }

    /** The product over {@code axes} (null or empty: all), the reduced axes kept with length 1 when {@code keepdims}; dtype: int64 for integers and bool. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor<A> prod(Tensor<D> x, int[] axes, boolean keepdims) {
        return Tensors.wrap(Reductions.reduce(Reduce.Kind.PROD, x.variable(), axes, keepdims));
    }

    /** The product over {@code axes} (null or empty: all), typed as the keepdims form. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor<A> prod(Tensor<D> x, int[] axes) {
        return prod(x, axes, false);
    }

    /** The mean over {@code axes} (null or empty: all), the reduced axes kept with length 1 when {@code keepdims}; dtype: float64 for integers and bool. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Tensor<M> mean(Tensor<D> x, int[] axes, boolean keepdims) {
        return Tensors.wrap(Reductions.reduce(Reduce.Kind.MEAN, x.variable(), axes, keepdims));
    }

    /** The mean over {@code axes} (null or empty: all), typed as the keepdims form. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Tensor<M> mean(Tensor<D> x, int[] axes) {
        return mean(x, axes, false);
    }

    /** The maximum over {@code axes} (null or empty: all), the reduced axes kept with length 1 when {@code keepdims}; dtype: the input dtype; NaN if the group has one. */
    public static <D extends DTypeMarker> Tensor<D> max(Tensor<D> x, int[] axes, boolean keepdims) {
        return Tensors.wrap(Reductions.reduce(Reduce.Kind.MAX, x.variable(), axes, keepdims));
    }

    /** The maximum over {@code axes} (null or empty: all), typed as the keepdims form. */
    public static <D extends DTypeMarker> Tensor<D> max(Tensor<D> x, int[] axes) {
        return max(x, axes, false);
    }

    /** The minimum over {@code axes} (null or empty: all), the reduced axes kept with length 1 when {@code keepdims}; dtype: the input dtype; NaN if the group has one. */
    public static <D extends DTypeMarker> Tensor<D> min(Tensor<D> x, int[] axes, boolean keepdims) {
        return Tensors.wrap(Reductions.reduce(Reduce.Kind.MIN, x.variable(), axes, keepdims));
    }

    /** The minimum over {@code axes} (null or empty: all), typed as the keepdims form. */
    public static <D extends DTypeMarker> Tensor<D> min(Tensor<D> x, int[] axes) {
        return min(x, axes, false);
    }

    /** The product over {@code axis}, one rank lower; int64 for integers and bool. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Scalar<A> prod(Vector<D> x, int axis) {
        return new Scalar<>(Reductions.reduce(Reduce.Kind.PROD, x.variable(), new int[] {axis}, false));
    }

    /** The product over {@code axis}, one rank lower; int64 for integers and bool. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Vector<A> prod(Matrix<D> x, int axis) {
        return new Vector<>(Reductions.reduce(Reduce.Kind.PROD, x.variable(), new int[] {axis}, false));
    }

    /** The product over {@code axis}, one rank lower; int64 for integers and bool. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Matrix<A> prod(Tensor3<D> x, int axis) {
        return new Matrix<>(Reductions.reduce(Reduce.Kind.PROD, x.variable(), new int[] {axis}, false));
    }

    /** The product over {@code axis}, one rank lower; int64 for integers and bool. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor3<A> prod(Tensor4<D> x, int axis) {
        return new Tensor3<>(Reductions.reduce(Reduce.Kind.PROD, x.variable(), new int[] {axis}, false));
    }

    /** The mean over {@code axis}, one rank lower; float64 for integers and bool. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Scalar<M> mean(Vector<D> x, int axis) {
        return new Scalar<>(Reductions.reduce(Reduce.Kind.MEAN, x.variable(), new int[] {axis}, false));
    }

    /** The mean over {@code axis}, one rank lower; float64 for integers and bool. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Matrix<M> mean(Tensor3<D> x, int axis) {
        return new Matrix<>(Reductions.reduce(Reduce.Kind.MEAN, x.variable(), new int[] {axis}, false));
    }

    /** The mean over {@code axis}, one rank lower; float64 for integers and bool. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Tensor3<M> mean(Tensor4<D> x, int axis) {
        return new Tensor3<>(Reductions.reduce(Reduce.Kind.MEAN, x.variable(), new int[] {axis}, false));
    }

    /** The maximum of all elements, in x's dtype (NaN if there is one). */
    public static <D extends DTypeMarker> Scalar<D> max(Tensor<D> x) {
        return new Scalar<>(Reductions.reduce(Reduce.Kind.MAX, x.variable(), null, false));
    }

    /** The maximum over {@code axis} (negative from the end), one rank lower. */
    public static <D extends DTypeMarker> Scalar<D> max(Vector<D> x, int axis) {
        return new Scalar<>(Reductions.reduce(Reduce.Kind.MAX, x.variable(), new int[] {axis}, false));
    }

    /** The maximum over {@code axis} (negative from the end), one rank lower. */
    public static <D extends DTypeMarker> Vector<D> max(Matrix<D> x, int axis) {
        return new Vector<>(Reductions.reduce(Reduce.Kind.MAX, x.variable(), new int[] {axis}, false));
    }

    /** The maximum over {@code axis} (negative from the end), one rank lower. */
    public static <D extends DTypeMarker> Matrix<D> max(Tensor3<D> x, int axis) {
        return new Matrix<>(Reductions.reduce(Reduce.Kind.MAX, x.variable(), new int[] {axis}, false));
    }

    /** The maximum over {@code axis} (negative from the end), one rank lower. */
    public static <D extends DTypeMarker> Tensor3<D> max(Tensor4<D> x, int axis) {
        return new Tensor3<>(Reductions.reduce(Reduce.Kind.MAX, x.variable(), new int[] {axis}, false));
    }

    /** The minimum of all elements, in x's dtype (NaN if there is one). */
    public static <D extends DTypeMarker> Scalar<D> min(Tensor<D> x) {
        return new Scalar<>(Reductions.reduce(Reduce.Kind.MIN, x.variable(), null, false));
    }

    /** The minimum over {@code axis} (negative from the end), one rank lower. */
    public static <D extends DTypeMarker> Scalar<D> min(Vector<D> x, int axis) {
        return new Scalar<>(Reductions.reduce(Reduce.Kind.MIN, x.variable(), new int[] {axis}, false));
    }

    /** The minimum over {@code axis} (negative from the end), one rank lower. */
    public static <D extends DTypeMarker> Vector<D> min(Matrix<D> x, int axis) {
        return new Vector<>(Reductions.reduce(Reduce.Kind.MIN, x.variable(), new int[] {axis}, false));
    }

    /** The minimum over {@code axis} (negative from the end), one rank lower. */
    public static <D extends DTypeMarker> Matrix<D> min(Tensor3<D> x, int axis) {
        return new Matrix<>(Reductions.reduce(Reduce.Kind.MIN, x.variable(), new int[] {axis}, false));
    }

    /** The minimum over {@code axis} (negative from the end), one rank lower. */
    public static <D extends DTypeMarker> Tensor3<D> min(Tensor4<D> x, int axis) {
        return new Tensor3<>(Reductions.reduce(Reduce.Kind.MIN, x.variable(), new int[] {axis}, false));
    }

    /** The variance of all elements with divisor N ({@code ddof} 0), float64 for integers and bool. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Scalar<M> var(Tensor<D> x) {
        return new Scalar<>(Reductions.var(x.variable(), null, 0, false));
    }

    /** The variance over {@code axis} with divisor N, one rank lower. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Scalar<M> var(Vector<D> x, int axis) {
        return new Scalar<>(Reductions.var(x.variable(), new int[] {axis}, 0, false));
    }

    /** The variance over {@code axis} with divisor N, one rank lower. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Vector<M> var(Matrix<D> x, int axis) {
        return new Vector<>(Reductions.var(x.variable(), new int[] {axis}, 0, false));
    }

    /** The variance over {@code axis} with divisor N, one rank lower. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Matrix<M> var(Tensor3<D> x, int axis) {
        return new Matrix<>(Reductions.var(x.variable(), new int[] {axis}, 0, false));
    }

    /** The variance over {@code axis} with divisor N, one rank lower. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Tensor3<M> var(Tensor4<D> x, int axis) {
        return new Tensor3<>(Reductions.var(x.variable(), new int[] {axis}, 0, false));
    }

    /** The variance over {@code axes} (null or empty: all) with divisor {@code N - ddof} (NumPy's {@code ddof}; 1 for the unbiased variance), the reduced axes kept with length 1 when {@code keepdims}. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Tensor<M> var(Tensor<D> x, int[] axes, int ddof, boolean keepdims) {
        return Tensors.wrap(Reductions.var(x.variable(), axes, ddof, keepdims));
    }

    /** The standard deviation of all elements with divisor N ({@code ddof} 0), float64 for integers and bool. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Scalar<M> std(Tensor<D> x) {
        return new Scalar<>(Reductions.std(x.variable(), null, 0, false));
    }

    /** The standard deviation over {@code axis} with divisor N, one rank lower. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Scalar<M> std(Vector<D> x, int axis) {
        return new Scalar<>(Reductions.std(x.variable(), new int[] {axis}, 0, false));
    }

    /** The standard deviation over {@code axis} with divisor N, one rank lower. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Vector<M> std(Matrix<D> x, int axis) {
        return new Vector<>(Reductions.std(x.variable(), new int[] {axis}, 0, false));
    }

    /** The standard deviation over {@code axis} with divisor N, one rank lower. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Matrix<M> std(Tensor3<D> x, int axis) {
        return new Matrix<>(Reductions.std(x.variable(), new int[] {axis}, 0, false));
    }

    /** The standard deviation over {@code axis} with divisor N, one rank lower. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Tensor3<M> std(Tensor4<D> x, int axis) {
        return new Tensor3<>(Reductions.std(x.variable(), new int[] {axis}, 0, false));
    }

    /** The standard deviation over {@code axes} (null or empty: all) with divisor {@code N - ddof} (NumPy's {@code ddof}; 1 for the unbiased variance), the reduced axes kept with length 1 when {@code keepdims}. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Tensor<M> std(Tensor<D> x, int[] axes, int ddof, boolean keepdims) {
        return Tensors.wrap(Reductions.std(x.variable(), axes, ddof, keepdims));
    }

    /** {@code log(sum(exp(x)))} over all elements, stable (shifted by the maximum); its gradient is the softmax. */
    public static <D extends FloatingMarker> Scalar<D> logsumexp(Tensor<D> x) {
        return new Scalar<>(Reductions.logsumexp(x.variable(), null, false));
    }

    /** {@code log(sum(exp(x)))} over {@code axis}, stable, one rank lower. */
    public static <D extends FloatingMarker> Scalar<D> logsumexp(Vector<D> x, int axis) {
        return new Scalar<>(Reductions.logsumexp(x.variable(), new int[] {axis}, false));
    }

    /** {@code log(sum(exp(x)))} over {@code axis}, stable, one rank lower. */
    public static <D extends FloatingMarker> Vector<D> logsumexp(Matrix<D> x, int axis) {
        return new Vector<>(Reductions.logsumexp(x.variable(), new int[] {axis}, false));
    }

    /** {@code log(sum(exp(x)))} over {@code axis}, stable, one rank lower. */
    public static <D extends FloatingMarker> Matrix<D> logsumexp(Tensor3<D> x, int axis) {
        return new Matrix<>(Reductions.logsumexp(x.variable(), new int[] {axis}, false));
    }

    /** {@code log(sum(exp(x)))} over {@code axis}, stable, one rank lower. */
    public static <D extends FloatingMarker> Tensor3<D> logsumexp(Tensor4<D> x, int axis) {
        return new Tensor3<>(Reductions.logsumexp(x.variable(), new int[] {axis}, false));
    }

    /** {@code log(sum(exp(x)))} over {@code axes} (null or empty: all), stable, the reduced axes kept with length 1 when {@code keepdims}. */
    public static <D extends FloatingMarker> Tensor<D> logsumexp(Tensor<D> x, int[] axes, boolean keepdims) {
        return Tensors.wrap(Reductions.logsumexp(x.variable(), axes, keepdims));
    }

    /** The int64 flat (C-order) index of the first largest element (of the first NaN if any, as NumPy); not differentiable. */
    public static <D extends DTypeMarker> Scalar<I64> argmax(Tensor<D> x) {
        return new Scalar<>(Reductions.reduce(Reduce.Kind.ARGMAX, x.variable(), null, false));
    }

    /** The int64 position along {@code axis} of the first largest element (first NaN if any), one rank lower. */
    public static <D extends DTypeMarker> Scalar<I64> argmax(Vector<D> x, int axis) {
        return new Scalar<>(Reductions.reduce(Reduce.Kind.ARGMAX, x.variable(), new int[] {axis}, false));
    }

    /** The int64 position along {@code axis} of the first largest element (first NaN if any), one rank lower. */
    public static <D extends DTypeMarker> Vector<I64> argmax(Matrix<D> x, int axis) {
        return new Vector<>(Reductions.reduce(Reduce.Kind.ARGMAX, x.variable(), new int[] {axis}, false));
    }

    /** The int64 position along {@code axis} of the first largest element (first NaN if any), one rank lower. */
    public static <D extends DTypeMarker> Matrix<I64> argmax(Tensor3<D> x, int axis) {
        return new Matrix<>(Reductions.reduce(Reduce.Kind.ARGMAX, x.variable(), new int[] {axis}, false));
    }

    /** The int64 position along {@code axis} of the first largest element (first NaN if any), one rank lower. */
    public static <D extends DTypeMarker> Tensor3<I64> argmax(Tensor4<D> x, int axis) {
        return new Tensor3<>(Reductions.reduce(Reduce.Kind.ARGMAX, x.variable(), new int[] {axis}, false));
    }

    /** The int64 position along {@code axis} of the first largest element, the axis kept with length 1 when {@code keepdims}. */
    public static <D extends DTypeMarker> Tensor<I64> argmax(Tensor<D> x, int axis, boolean keepdims) {
        return Tensors.wrap(Reductions.reduce(Reduce.Kind.ARGMAX, x.variable(), new int[] {axis}, keepdims));
    }

    /** The int64 flat (C-order) index of the first smallest element (of the first NaN if any, as NumPy); not differentiable. */
    public static <D extends DTypeMarker> Scalar<I64> argmin(Tensor<D> x) {
        return new Scalar<>(Reductions.reduce(Reduce.Kind.ARGMIN, x.variable(), null, false));
    }

    /** The int64 position along {@code axis} of the first smallest element (first NaN if any), one rank lower. */
    public static <D extends DTypeMarker> Scalar<I64> argmin(Vector<D> x, int axis) {
        return new Scalar<>(Reductions.reduce(Reduce.Kind.ARGMIN, x.variable(), new int[] {axis}, false));
    }

    /** The int64 position along {@code axis} of the first smallest element (first NaN if any), one rank lower. */
    public static <D extends DTypeMarker> Vector<I64> argmin(Matrix<D> x, int axis) {
        return new Vector<>(Reductions.reduce(Reduce.Kind.ARGMIN, x.variable(), new int[] {axis}, false));
    }

    /** The int64 position along {@code axis} of the first smallest element (first NaN if any), one rank lower. */
    public static <D extends DTypeMarker> Matrix<I64> argmin(Tensor3<D> x, int axis) {
        return new Matrix<>(Reductions.reduce(Reduce.Kind.ARGMIN, x.variable(), new int[] {axis}, false));
    }

    /** The int64 position along {@code axis} of the first smallest element (first NaN if any), one rank lower. */
    public static <D extends DTypeMarker> Tensor3<I64> argmin(Tensor4<D> x, int axis) {
        return new Tensor3<>(Reductions.reduce(Reduce.Kind.ARGMIN, x.variable(), new int[] {axis}, false));
    }

    /** The int64 position along {@code axis} of the first smallest element, the axis kept with length 1 when {@code keepdims}. */
    public static <D extends DTypeMarker> Tensor<I64> argmin(Tensor<D> x, int axis, boolean keepdims) {
        return Tensors.wrap(Reductions.reduce(Reduce.Kind.ARGMIN, x.variable(), new int[] {axis}, keepdims));
    }

    /** Whether every element is non-zero (NaN counts as true), as a bool; true for an empty tensor. */
    public static <D extends DTypeMarker> Scalar<Bool> all(Tensor<D> x) {
        return new Scalar<>(Reductions.reduce(Reduce.Kind.ALL, x.variable(), null, false));
    }

    /** Whether every element is non-zero along {@code axis}, as bools one rank lower. */
    public static <D extends DTypeMarker> Scalar<Bool> all(Vector<D> x, int axis) {
        return new Scalar<>(Reductions.reduce(Reduce.Kind.ALL, x.variable(), new int[] {axis}, false));
    }

    /** Whether every element is non-zero along {@code axis}, as bools one rank lower. */
    public static <D extends DTypeMarker> Vector<Bool> all(Matrix<D> x, int axis) {
        return new Vector<>(Reductions.reduce(Reduce.Kind.ALL, x.variable(), new int[] {axis}, false));
    }

    /** Whether every element is non-zero along {@code axis}, as bools one rank lower. */
    public static <D extends DTypeMarker> Matrix<Bool> all(Tensor3<D> x, int axis) {
        return new Matrix<>(Reductions.reduce(Reduce.Kind.ALL, x.variable(), new int[] {axis}, false));
    }

    /** Whether every element is non-zero along {@code axis}, as bools one rank lower. */
    public static <D extends DTypeMarker> Tensor3<Bool> all(Tensor4<D> x, int axis) {
        return new Tensor3<>(Reductions.reduce(Reduce.Kind.ALL, x.variable(), new int[] {axis}, false));
    }

    /** Whether every element is non-zero over {@code axes} (null or empty: all), the reduced axes kept with length 1 when {@code keepdims}. */
    public static <D extends DTypeMarker> Tensor<Bool> all(Tensor<D> x, int[] axes, boolean keepdims) {
        return Tensors.wrap(Reductions.reduce(Reduce.Kind.ALL, x.variable(), axes, keepdims));
    }

    /** Whether some element is non-zero (NaN counts as true), as a bool; false for an empty tensor. */
    public static <D extends DTypeMarker> Scalar<Bool> any(Tensor<D> x) {
        return new Scalar<>(Reductions.reduce(Reduce.Kind.ANY, x.variable(), null, false));
    }

    /** Whether some element is non-zero along {@code axis}, as bools one rank lower. */
    public static <D extends DTypeMarker> Scalar<Bool> any(Vector<D> x, int axis) {
        return new Scalar<>(Reductions.reduce(Reduce.Kind.ANY, x.variable(), new int[] {axis}, false));
    }

    /** Whether some element is non-zero along {@code axis}, as bools one rank lower. */
    public static <D extends DTypeMarker> Vector<Bool> any(Matrix<D> x, int axis) {
        return new Vector<>(Reductions.reduce(Reduce.Kind.ANY, x.variable(), new int[] {axis}, false));
    }

    /** Whether some element is non-zero along {@code axis}, as bools one rank lower. */
    public static <D extends DTypeMarker> Matrix<Bool> any(Tensor3<D> x, int axis) {
        return new Matrix<>(Reductions.reduce(Reduce.Kind.ANY, x.variable(), new int[] {axis}, false));
    }

    /** Whether some element is non-zero along {@code axis}, as bools one rank lower. */
    public static <D extends DTypeMarker> Tensor3<Bool> any(Tensor4<D> x, int axis) {
        return new Tensor3<>(Reductions.reduce(Reduce.Kind.ANY, x.variable(), new int[] {axis}, false));
    }

    /** Whether some element is non-zero over {@code axes} (null or empty: all), the reduced axes kept with length 1 when {@code keepdims}. */
    public static <D extends DTypeMarker> Tensor<Bool> any(Tensor<D> x, int[] axes, boolean keepdims) {
        return Tensors.wrap(Reductions.reduce(Reduce.Kind.ANY, x.variable(), axes, keepdims));
    }
}
