package org.symtensor.tensor;

import org.symtensor.ir.SharedValue;
import org.symtensor.type.DTypeMarker;

/** A shared variable that is a {@link Tensor4}: made by {@code T.shared(...)}. */
public final class SharedTensor4<D extends DTypeMarker> extends Tensor4<D> implements SharedVariable<Tensor4<D>> {
    public SharedTensor4(SharedValue node) {
        super(node);
    }

    @Override
    public SharedValue node() {
        return (SharedValue) variable();
    }

    @Override
    public Tensor4<D> handle() {
        return this;
    }
}
