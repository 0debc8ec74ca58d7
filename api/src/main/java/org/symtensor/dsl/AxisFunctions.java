package org.symtensor.dsl;

import org.symtensor.ir.AxisOps;
import org.symtensor.ir.Cumulative;
import org.symtensor.tensor.AbstractTensor;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Tensor4;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.I64;
import org.symtensor.type.SumsTo;

/**
 * The ops along one axis: running sums and products ({@code cumsum}, {@code cumprod}), sorting
 * ({@code sort}, {@code argsort}), the k largest ({@code topk}, {@code argtopk}) and
 * {@code takeAlongAxis}. Each keeps the rank, so the typed handle comes back typed: the same
 * handle where the dtype is kept ({@code sort}, {@code topk}), the handle of that rank with
 * {@code I64} for positions and with the accumulation dtype ({@link SumsTo}) for running sums.
 * Axes may be negative (from the end); out of range is a
 * {@link org.symtensor.error.ShapeMismatchException}. Reached through {@link org.symtensor.T}.
 */
public final class AxisFunctions {
    private AxisFunctions() {}

    /** The running sum of a vector (NumPy's {@code cumsum}): float keeps its dtype, integers and bool give int64. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Vector<A> cumsum(Vector<D> x) {
        return new Vector<>(AxisOps.cumulative(Cumulative.Kind.SUM, x.variable(), 0));
    }

    /** The running sum along {@code axis}, same shape; dtype as {@code cumsum(Vector)}. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Vector<A> cumsum(Vector<D> x, int axis) {
        return new Vector<>(AxisOps.cumulative(Cumulative.Kind.SUM, x.variable(), axis));
    }

    /** The running sum along {@code axis}, same shape; dtype as {@code cumsum(Vector)}. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Matrix<A> cumsum(Matrix<D> x, int axis) {
        return new Matrix<>(AxisOps.cumulative(Cumulative.Kind.SUM, x.variable(), axis));
    }

    /** The running sum along {@code axis}, same shape; dtype as {@code cumsum(Vector)}. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor3<A> cumsum(Tensor3<D> x, int axis) {
        return new Tensor3<>(AxisOps.cumulative(Cumulative.Kind.SUM, x.variable(), axis));
    }

    /** The running sum along {@code axis}, same shape; dtype as {@code cumsum(Vector)}. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor4<A> cumsum(Tensor4<D> x, int axis) {
        return new Tensor4<>(AxisOps.cumulative(Cumulative.Kind.SUM, x.variable(), axis));
    }

    /** The running sum along {@code axis} of a tensor of any rank, same shape. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor<A> cumsum(Tensor<D> x, int axis) {
        return Tensors.wrap(AxisOps.cumulative(Cumulative.Kind.SUM, x.variable(), axis));
    }

    /** The running product of a vector (NumPy's {@code cumprod}): float keeps its dtype, integers and bool give int64. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Vector<A> cumprod(Vector<D> x) {
        return new Vector<>(AxisOps.cumulative(Cumulative.Kind.PROD, x.variable(), 0));
    }

    /** The running product along {@code axis}, same shape; dtype as {@code cumprod(Vector)}. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Vector<A> cumprod(Vector<D> x, int axis) {
        return new Vector<>(AxisOps.cumulative(Cumulative.Kind.PROD, x.variable(), axis));
    }

    /** The running product along {@code axis}, same shape; dtype as {@code cumprod(Vector)}. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Matrix<A> cumprod(Matrix<D> x, int axis) {
        return new Matrix<>(AxisOps.cumulative(Cumulative.Kind.PROD, x.variable(), axis));
    }

    /** The running product along {@code axis}, same shape; dtype as {@code cumprod(Vector)}. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor3<A> cumprod(Tensor3<D> x, int axis) {
        return new Tensor3<>(AxisOps.cumulative(Cumulative.Kind.PROD, x.variable(), axis));
    }

    /** The running product along {@code axis}, same shape; dtype as {@code cumprod(Vector)}. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor4<A> cumprod(Tensor4<D> x, int axis) {
        return new Tensor4<>(AxisOps.cumulative(Cumulative.Kind.PROD, x.variable(), axis));
    }

    /** The running product along {@code axis} of a tensor of any rank, same shape. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor<A> cumprod(Tensor<D> x, int axis) {
        return Tensors.wrap(AxisOps.cumulative(Cumulative.Kind.PROD, x.variable(), axis));
    }

    /** {@code x} sorted along {@code axis}, ascending, NaN last (NumPy's {@code sort}); differentiable, the gradient goes back through the permutation. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S sort(AbstractTensor<D, S, ?> x, int axis) {
        return x.sameKind(AxisOps.sort(x.variable(), axis));
    }

    /** {@code x} sorted along its last axis, as NumPy's default. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S sort(AbstractTensor<D, S, ?> x) {
        return sort(x, -1);
    }

    /** {@code sort} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends DTypeMarker> Tensor<D> sort(Tensor<D> x, int axis) {
        return Tensors.wrap(AxisOps.sort(x.variable(), axis));
    }

    /** The {@code k} largest values along {@code axis}, largest first (NaN counts as the largest; ties keep their order); differentiable like {@code sort}. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S topk(AbstractTensor<D, S, ?> x, int k, int axis) {
        return x.sameKind(AxisOps.topk(x.variable(), k, axis));
    }

    /** The {@code k} largest values along the last axis, largest first. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S topk(AbstractTensor<D, S, ?> x, int k) {
        return topk(x, k, -1);
    }

    /** {@code topk} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends DTypeMarker> Tensor<D> topk(Tensor<D> x, int k, int axis) {
        return Tensors.wrap(AxisOps.topk(x.variable(), k, axis));
    }

    /** {@code takeAlongAxis(x, idx, axis)}: the elements of x at the integer positions {@code idx} (x's rank; negative positions count from the end) along {@code axis}, as NumPy's {@code take_along_axis}; differentiable in x. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S takeAlongAxis(AbstractTensor<D, S, ?> x, Tensor<?> idx, int axis) {
        return x.sameKind(AxisOps.takeAlongAxis(x.variable(), idx.variable(), axis));
    }

    /** {@code takeAlongAxis} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends DTypeMarker> Tensor<D> takeAlongAxis(Tensor<D> x, Tensor<?> idx, int axis) {
        return Tensors.wrap(AxisOps.takeAlongAxis(x.variable(), idx.variable(), axis));
    }

    /** The int64 positions that sort a vector, stable, NaN last (NumPy's {@code argsort(kind='stable')}); not differentiable. */
    public static <D extends DTypeMarker> Vector<I64> argsort(Vector<D> x) {
        return new Vector<>(AxisOps.argsort(x.variable(), 0));
    }

    /** The int64 positions that sort along {@code axis}, stable, NaN last; same shape. */
    public static <D extends DTypeMarker> Vector<I64> argsort(Vector<D> x, int axis) {
        return new Vector<>(AxisOps.argsort(x.variable(), axis));
    }

    /** The int64 positions that sort along {@code axis}, stable, NaN last; same shape. */
    public static <D extends DTypeMarker> Matrix<I64> argsort(Matrix<D> x, int axis) {
        return new Matrix<>(AxisOps.argsort(x.variable(), axis));
    }

    /** The int64 positions that sort along {@code axis}, stable, NaN last; same shape. */
    public static <D extends DTypeMarker> Tensor3<I64> argsort(Tensor3<D> x, int axis) {
        return new Tensor3<>(AxisOps.argsort(x.variable(), axis));
    }

    /** The int64 positions that sort along {@code axis}, stable, NaN last; same shape. */
    public static <D extends DTypeMarker> Tensor4<I64> argsort(Tensor4<D> x, int axis) {
        return new Tensor4<>(AxisOps.argsort(x.variable(), axis));
    }

    /** The int64 positions that sort along {@code axis}, for a tensor of any rank. */
    public static <D extends DTypeMarker> Tensor<I64> argsort(Tensor<D> x, int axis) {
        return Tensors.wrap(AxisOps.argsort(x.variable(), axis));
    }

    /** The int64 positions of the {@code k} largest along {@code axis}, largest first (ties: lower position first); not differentiable. */
    public static <D extends DTypeMarker> Vector<I64> argtopk(Vector<D> x, int k, int axis) {
        return new Vector<>(AxisOps.argtopk(x.variable(), k, axis));
    }

    /** The int64 positions of the {@code k} largest along {@code axis}, largest first (ties: lower position first); not differentiable. */
    public static <D extends DTypeMarker> Matrix<I64> argtopk(Matrix<D> x, int k, int axis) {
        return new Matrix<>(AxisOps.argtopk(x.variable(), k, axis));
    }

    /** The int64 positions of the {@code k} largest along {@code axis}, largest first (ties: lower position first); not differentiable. */
    public static <D extends DTypeMarker> Tensor3<I64> argtopk(Tensor3<D> x, int k, int axis) {
        return new Tensor3<>(AxisOps.argtopk(x.variable(), k, axis));
    }

    /** The int64 positions of the {@code k} largest along {@code axis}, largest first (ties: lower position first); not differentiable. */
    public static <D extends DTypeMarker> Tensor4<I64> argtopk(Tensor4<D> x, int k, int axis) {
        return new Tensor4<>(AxisOps.argtopk(x.variable(), k, axis));
    }

    /** The int64 positions of the {@code k} largest along {@code axis}, for a tensor of any rank. */
    public static <D extends DTypeMarker> Tensor<I64> argtopk(Tensor<D> x, int k, int axis) {
        return Tensors.wrap(AxisOps.argtopk(x.variable(), k, axis));
    }
}
