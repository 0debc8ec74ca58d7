package org.symtensor.tensor;

import org.symtensor.ir.SharedValue;
import org.symtensor.type.DTypeMarker;

/** A shared variable that is a {@link Matrix}: made by {@code T.shared(...)}. */
public final class SharedMatrix<D extends DTypeMarker> extends Matrix<D> implements SharedVariable<Matrix<D>> {
    public SharedMatrix(SharedValue node) {
        super(node);
    }

    @Override
    public SharedValue node() {
        return (SharedValue) variable();
    }

    @Override
    public Matrix<D> handle() {
        return this;
    }
}
