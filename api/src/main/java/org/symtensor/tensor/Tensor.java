package org.symtensor.tensor;

import java.util.Map;
import org.symtensor.function.FunctionInput;
import org.symtensor.function.In;
import org.symtensor.ir.Variable;
import org.symtensor.type.Bool;
import org.symtensor.type.DType;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.I64;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * A typed handle on a symbolic tensor of dtype {@code D}. The rank-specific handles
 * ({@link Scalar}, {@link Vector}, {@link Matrix}, {@link Tensor3}, {@link Tensor4}) refine the
 * return types; {@code Tensor<D>} itself also stands for a tensor whose rank is known only at
 * run time. Operator methods carry Kotlin's operator names, so Kotlin code writes {@code x + y}.
 *
 * <p>Binary operators take an operand of the same dtype (javac checks it) and of equal or lower
 * rank; lower-rank operands broadcast on the left as in NumPy. Java literals take the handle's
 * dtype. Handles are cheap views: two handles on one variable are the same tensor.
 */
public interface Tensor<D extends DTypeMarker> extends FunctionInput {
    /** This tensor as a plain function input. */
    @Override
    default In asInput() {
        return In.of(variable());
    }

    /** The IR variable this handle stands for. */
    Variable variable();

    default TensorType type() {
        return variable().type();
    }

    default DType dtype() {
        return variable().type().dtype();
    }

    default int rank() {
        return variable().type().rank();
    }

    default String name() {
        return variable().name();
    }

    /** Names the variable (for printing and keyword calls) and returns this handle. */
    Tensor<D> named(String name);

    Tensor<D> plus(Tensor<D> other);

    Tensor<D> plus(double literal);

    Tensor<D> minus(Tensor<D> other);

    Tensor<D> minus(double literal);

    Tensor<D> times(Tensor<D> other);

    Tensor<D> times(double literal);

    /** True division; float dtypes only (Theano's int / int is float64: cast first, or use {@link #intDiv}). */
    Tensor<D> div(Tensor<D> other);

    Tensor<D> div(double literal);

    /** Floor division, Theano's {@code //}. */
    Tensor<D> intDiv(Tensor<D> other);

    /** Remainder with the sign of the divisor, Theano's {@code %}. */
    Tensor<D> rem(Tensor<D> other);

    Tensor<D> rem(double literal);

    Tensor<D> pow(Tensor<D> exponent);

    Tensor<D> pow(double exponent);

    Tensor<D> maximum(Tensor<D> other);

    Tensor<D> maximum(double literal);

    Tensor<D> minimum(Tensor<D> other);

    Tensor<D> minimum(double literal);

    Tensor<D> unaryMinus();

    Tensor<D> abs();

    Tensor<D> sqr();

    Tensor<Bool> lt(Tensor<D> other);

    Tensor<Bool> lt(double literal);

    Tensor<Bool> le(Tensor<D> other);

    Tensor<Bool> le(double literal);

    Tensor<Bool> gt(Tensor<D> other);

    Tensor<Bool> gt(double literal);

    Tensor<Bool> ge(Tensor<D> other);

    Tensor<Bool> ge(double literal);

    Tensor<Bool> eq(Tensor<D> other);

    Tensor<Bool> eq(double literal);

    Tensor<Bool> neq(Tensor<D> other);

    Tensor<Bool> neq(double literal);

    /** The sum of all elements. Integer sums accumulate in int64 and are cast back to {@code D}. */
    Scalar<D> sum();

    /** The sum along {@code axis} (negative counts from the end); the axis disappears. */
    Tensor<D> sum(int axis);

    /** The mean of all elements; float dtypes only. */
    Scalar<D> mean();

    Tensor<D> mean(int axis);

    Scalar<D> max();

    Tensor<D> max(int axis);

    Scalar<D> min();

    Tensor<D> min(int axis);

    /**
     * Theano's dimshuffle: each entry is an input axis ({@code Integer}) or {@code "x"} for a new
     * broadcastable axis. {@code v.dimshuffle("x", 0)} makes a row of a vector.
     */
    Tensor<D> dimshuffle(Object... pattern);

    /**
     * Entry {@code i} of the leading axis (Kotlin's {@code a[i]}): a handle of rank one lower;
     * negative indices count from the end; an index out of range fails when the function runs,
     * naming the index and the length.
     */
    Tensor<D> get(long i);

    /** Entry {@code i} of the leading axis, for a symbolic integer index. */
    Tensor<D> get(Scalar<?> i);

    /**
     * NumPy's slicing of the leading axis, rank kept: {@code x.get(slice(null, null, -1))} is
     * {@code x[::-1]}, {@code x.get(slice(1, -1))} is {@code x[1:-1]}. Its gradient scatters g back.
     */
    Tensor<D> get(Slice s);

    /**
     * NumPy's indexing of several axes from the left, first a slice: {@code x.get(slice(1, -1), 2)}
     * is {@code x[1:-1, 2]}. Later items may be integers, slices, {@code newaxis()}, integer scalars or
     * one integer array; {@code index(x, items...)} takes any first item.
     */
    Tensor<D> get(Slice first, Object... rest);

    /**
     * Advanced indexing of the leading axis: an integer scalar picks an entry, an integer array of
     * any shape takes entries ({@code x[idx]}; negative counts from the end, out of range fails when
     * the function runs naming the index), a bool tensor of x's shape selects elements in C order
     * ({@code x[mask]}, a vector). Gradients scatter back, repeated indices adding up.
     */
    Tensor<D> get(Tensor<?> index);

    /** The run-time length of {@code axis}, as an int64 scalar. */
    Scalar<I64> shape(int axis);

    /** Evaluates a graph that has no free inputs. */
    NDArray eval();

    /**
     * Evaluates with values for the free inputs ({@code z.eval(Map.of(x, 16.3, y, 12.1))}); the
     * compiled function is cached on this handle for the same set of inputs.
     */
    NDArray eval(Map<? extends Tensor<?>, ?> inputs);
}
