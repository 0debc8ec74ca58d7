package org.symtensor.tensor;

import org.symtensor.ir.SharedValue;
import org.symtensor.type.DTypeMarker;

/** A shared variable that is a {@link Scalar}: made by {@code T.shared(...)}. */
public final class SharedScalar<D extends DTypeMarker> extends Scalar<D> implements SharedVariable<Scalar<D>> {
    public SharedScalar(SharedValue node) {
        super(node);
    }

    @Override
    public SharedValue node() {
        return (SharedValue) variable();
    }

    @Override
    public Scalar<D> handle() {
        return this;
    }
}
