package org.symtensor.tensor;

import org.symtensor.ir.Variable;
import org.symtensor.type.Bool;
import org.symtensor.type.DTypeMarker;

/** A rank-0 symbolic tensor (Theano's {@code scalar}). */
public class Scalar<D extends DTypeMarker> extends AbstractTensor<D, Scalar<D>, Scalar<Bool>> implements Stackable<Vector<D>> {
    /** Wraps a variable of rank 0; fails naming the variable if its rank differs. */
    public Scalar(Variable variable) {
        super(variable, 0);
    }

    @Override
    protected Scalar<D> wrap(Variable v) {
        return new Scalar<>(v);
    }

    @Override
    protected Scalar<Bool> wrapBool(Variable v) {
        return new Scalar<>(v);
    }
}
