package org.symtensor.random;

import org.symtensor.ir.Variable;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.SharedVector;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.I64;

/** A random {@link Matrix}, made by {@link RandomStreams}; arithmetic on it gives plain matrices. */
public final class RandomMatrix<D extends DTypeMarker> extends Matrix<D> implements RandomVariable {
    private final SharedVector<I64> rng;

    RandomMatrix(Variable sample, SharedVector<I64> rng) {
        super(sample);
        this.rng = rng;
    }

    @Override
    public SharedVector<I64> rng() {
        return rng;
    }
}
