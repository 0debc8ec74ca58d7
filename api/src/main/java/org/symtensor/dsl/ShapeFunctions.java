package org.symtensor.dsl;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.ir.ShapeOps;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Tensor4;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DTypeMarker;

/**
 * The DSL's shape functions: {@code reshape}, {@code flatten}, {@code squeeze}, {@code expandDims},
 * {@code transpose}, {@code swapaxes}. Where the rank of the result follows from the arguments' Java
 * types the result is the typed handle ({@code reshape(x, rows, cols)} is a {@link Matrix}); else
 * the rank-agnostic {@link Tensor}. Reached through {@link org.symtensor.T}'s static imports.
 */
public final class ShapeFunctions {
    private ShapeFunctions() {}

    /** The elements of x in C order as a vector of length n ({@code -1}: all of them), NumPy's {@code reshape(x, n)}. */
    public static <D extends DTypeMarker> Vector<D> reshape(Tensor<D> x, long n) {
        return new Vector<>(ShapeOps.reshape(x.variable(), n));
    }

    /** The elements of x in C order as a {@code rows × cols} matrix; one length may be {@code -1} (inferred). */
    public static <D extends DTypeMarker> Matrix<D> reshape(Tensor<D> x, long rows, long cols) {
        return new Matrix<>(ShapeOps.reshape(x.variable(), rows, cols));
    }

    /** The elements of x in C order under a rank-3 shape; one length may be {@code -1} (inferred). */
    public static <D extends DTypeMarker> Tensor3<D> reshape(Tensor<D> x, long d0, long d1, long d2) {
        return new Tensor3<>(ShapeOps.reshape(x.variable(), d0, d1, d2));
    }

    /** The elements of x in C order under a rank-4 shape; one length may be {@code -1} (inferred). */
    public static <D extends DTypeMarker> Tensor4<D> reshape(Tensor<D> x, long d0, long d1, long d2, long d3) {
        return new Tensor4<>(ShapeOps.reshape(x.variable(), d0, d1, d2, d3));
    }

    /**
     * The elements of x in C order under {@code shape}, of any rank (no lengths: a scalar, from a
     * one-element x); one length may be {@code -1}. A count that cannot match is an error naming both shapes.
     */
    public static <D extends DTypeMarker> Tensor<D> reshape(Tensor<D> x, long[] shape) {
        return Tensors.wrap(ShapeOps.reshape(x.variable(), shape));
    }

    /**
     * The elements of x in C order under symbolic lengths, one integer scalar per axis of the
     * result ({@code reshape(x, x.shape(0), constant(-1L))}); one may be {@code -1} at run time.
     */
    public static <D extends DTypeMarker> Tensor<D> reshape(Tensor<D> x, Scalar<?>... lengths) {
        List<Variable> in = new ArrayList<>(lengths.length);
        for (Scalar<?> s : lengths) {
            in.add(s.variable());
        }
        return Tensors.wrap(ShapeOps.reshape(x.variable(), in));
    }

    /**
     * The elements of x in C order under the shape held by an integer vector (such as
     * {@code shape(y)}), whose length must be known when the graph is built.
     */
    public static <D extends DTypeMarker> Tensor<D> reshape(Tensor<D> x, Vector<?> shape) {
        return Tensors.wrap(ShapeOps.reshape(x.variable(), shape.variable(), -1));
    }

    /** The elements of x in C order under the shape held by an integer vector of {@code ndim} entries. */
    public static <D extends DTypeMarker> Tensor<D> reshape(Tensor<D> x, Vector<?> shape, int ndim) {
        return Tensors.wrap(ShapeOps.reshape(x.variable(), shape.variable(), ndim));
    }

    /** All elements of x in C order as one vector, Theano's {@code flatten(x)}. */
    public static <D extends DTypeMarker> Vector<D> flatten(Tensor<D> x) {
        return new Vector<>(ShapeOps.flatten(x.variable(), 1));
    }

    /**
     * Theano's {@code flatten(x, ndim)}: the first {@code ndim - 1} axes kept and the rest merged,
     * {@code (a, b, c, d) → (a, b·c·d)} for ndim 2.
     */
    public static <D extends DTypeMarker> Tensor<D> flatten(Tensor<D> x, int ndim) {
        return Tensors.wrap(ShapeOps.flatten(x.variable(), ndim));
    }

    /** A rank-3 or rank-4 tensor as a matrix of its first axis by the rest, {@code (n, c, h, w) → (n, c·h·w)}. */
    public static <D extends DTypeMarker> Matrix<D> flatten2d(Tensor<D> x) {
        return new Matrix<>(ShapeOps.flatten(x.variable(), 2));
    }

    /**
     * NumPy's {@code squeeze}: removes the given axes, which must have static length 1 (Theano's
     * broadcastable axes); with no axes, every axis of static length 1.
     */
    public static <D extends DTypeMarker> Tensor<D> squeeze(Tensor<D> x, int... axes) {
        return Tensors.wrap(ShapeOps.squeeze(x.variable(), axes));
    }

    /** NumPy's {@code expand_dims}: a new axis of length 1 at {@code axis} of the result (negative counts from the end). */
    public static <D extends DTypeMarker> Tensor<D> expandDims(Tensor<D> x, int axis) {
        return Tensors.wrap(ShapeOps.expandDims(x.variable(), axis));
    }

    /** A vector as a 1×n matrix ({@code axis} 0) or an n×1 matrix ({@code axis} 1 or -1). */
    public static <D extends DTypeMarker> Matrix<D> expandDims(Vector<D> x, int axis) {
        return new Matrix<>(ShapeOps.expandDims(x.variable(), axis));
    }

    /** NumPy's {@code transpose(x, axes)}: output axis i is input axis {@code axes[i]}; no axes reverses them. */
    public static <D extends DTypeMarker> Tensor<D> transpose(Tensor<D> x, int... axes) {
        return Tensors.wrap(ShapeOps.transpose(x.variable(), axes));
    }

    /** A rank-3 tensor with its axes permuted, {@code transpose(t, 0, 2, 1)}. */
    public static <D extends DTypeMarker> Tensor3<D> transpose(Tensor3<D> x, int a0, int a1, int a2) {
        return new Tensor3<>(ShapeOps.transpose(x.variable(), a0, a1, a2));
    }

    /** A rank-4 tensor with its axes permuted, {@code transpose(t, 0, 2, 3, 1)} (NCHW → NHWC). */
    public static <D extends DTypeMarker> Tensor4<D> transpose(Tensor4<D> x, int a0, int a1, int a2, int a3) {
        return new Tensor4<>(ShapeOps.transpose(x.variable(), a0, a1, a2, a3));
    }

    /** The transpose of a matrix, {@code (m×n) → (n×m)}. */
    public static <D extends DTypeMarker> Matrix<D> transpose(Matrix<D> x) {
        return x.transpose();
    }

    /** NumPy's {@code swapaxes}: axes a and b exchanged (negative counts from the end); the rank is kept. */
    public static <D extends DTypeMarker> Tensor<D> swapaxes(Tensor<D> x, int a, int b) {
        return Tensors.wrap(ShapeOps.swapaxes(x.variable(), a, b));
    }

    /** A matrix's two axes exchanged (its transpose). */
    public static <D extends DTypeMarker> Matrix<D> swapaxes(Matrix<D> x, int a, int b) {
        return new Matrix<>(ShapeOps.swapaxes(x.variable(), a, b));
    }

    /** A rank-3 tensor with axes a and b exchanged. */
    public static <D extends DTypeMarker> Tensor3<D> swapaxes(Tensor3<D> x, int a, int b) {
        return new Tensor3<>(ShapeOps.swapaxes(x.variable(), a, b));
    }

    /** A rank-4 tensor with axes a and b exchanged. */
    public static <D extends DTypeMarker> Tensor4<D> swapaxes(Tensor4<D> x, int a, int b) {
        return new Tensor4<>(ShapeOps.swapaxes(x.variable(), a, b));
    }
}
