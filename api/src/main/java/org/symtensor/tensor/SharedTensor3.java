package org.symtensor.tensor;

import org.symtensor.ir.SharedValue;
import org.symtensor.type.DTypeMarker;

/** A shared variable that is a {@link Tensor3}: made by {@code T.shared(...)}. */
public final class SharedTensor3<D extends DTypeMarker> extends Tensor3<D> implements SharedVariable<Tensor3<D>> {
    public SharedTensor3(SharedValue node) {
        super(node);
    }

    @Override
    public SharedValue node() {
        return (SharedValue) variable();
    }

    @Override
    public Tensor3<D> handle() {
        return this;
    }
}
