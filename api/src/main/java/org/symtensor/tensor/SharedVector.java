package org.symtensor.tensor;

import org.symtensor.ir.SharedValue;
import org.symtensor.type.DTypeMarker;

/** A shared variable that is a {@link Vector}: made by {@code T.shared(...)}. */
public final class SharedVector<D extends DTypeMarker> extends Vector<D> implements SharedVariable<Vector<D>> {
    public SharedVector(SharedValue node) {
        super(node);
    }

    @Override
    public SharedValue node() {
        return (SharedValue) variable();
    }

    @Override
    public Vector<D> handle() {
        return this;
    }
}
