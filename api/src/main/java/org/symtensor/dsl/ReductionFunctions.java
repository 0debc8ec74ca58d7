package org.symtensor.dsl;

import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.FloatingMarker;

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

    /** The sum of all elements. */
    public static <D extends DTypeMarker> Scalar<D> sum(Tensor<D> x) {
        return x.sum();
    }

    /** The mean of all elements. */
    public static <D extends FloatingMarker> Scalar<D> mean(Tensor<D> x) {
        return x.mean();
    }
}
