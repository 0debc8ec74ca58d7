package org.symtensor.tensor;

import org.symtensor.ir.Variable;
import org.symtensor.type.DTypeMarker;

/** Wraps IR variables in the typed handle of their rank. */
public final class Tensors {
    private Tensors() {}

    /**
     * The handle of {@code v}'s rank ({@link Scalar} for rank 0 ... {@link Tensor4} for rank 4,
     * {@link AnyTensor} above). The dtype parameter is the caller's claim; the variable's dtype is
     * checked where a typed API hands the handle out.
     */
    public static <D extends DTypeMarker> Tensor<D> wrap(Variable v) {
        return handleOf(v);
    }

    /**
     * {@code x} as the {@link AbstractTensor} behind it, whose {@code S} is the plain handle of x's
     * rank: every Symtensor handle is one; a {@code Tensor} implemented elsewhere is wrapped anew.
     */
    public static <D extends DTypeMarker> AbstractTensor<D, ?, ?> handle(Tensor<D> x) {
        return x instanceof AbstractTensor<D, ?, ?> a ? a : handleOf(x.variable());
    }

    private static <D extends DTypeMarker> AbstractTensor<D, ?, ?> handleOf(Variable v) {
        switch (v.type().rank()) {
            case 0:
                return new Scalar<>(v);
            case 1:
                return new Vector<>(v);
            case 2:
                return new Matrix<>(v);
            case 3:
                return new Tensor3<>(v);
            case 4:
                return new Tensor4<>(v);
            default:
                return new AnyTensor<>(v);
        }
    }
}
