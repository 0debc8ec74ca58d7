package org.symtensor.random;

import org.symtensor.ir.Variable;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.I64;

/** A random {@link Vector}, made by {@link RandomStreams}; arithmetic on it gives plain vectors. */
public final class RandomVector<D extends DTypeMarker> extends Vector<D> implements RandomVariable {
    private final SharedVector<I64> rng;

    RandomVector(Variable sample, SharedVector<I64> rng) {
        super(sample);
        this.rng = rng;
    }

    @Override
    public SharedVector<I64> rng() {
        return rng;
    }
}
