package org.symtensor.tensor;

import org.symtensor.ir.Variable;
import org.symtensor.ir.Reduce;
import org.symtensor.type.Bool;
import org.symtensor.type.DTypeMarker;

/** A rank-4 symbolic tensor (Theano's {@code tensor4}). */
public class Tensor4<D extends DTypeMarker> extends AbstractTensor<D, Tensor4<D>, Tensor4<Bool>> {
    /** Wraps a variable of rank 4; fails naming the variable if its rank differs. */
    public Tensor4(Variable variable) {
        super(variable, 4);
    }

    @Override
    protected Tensor4<D> wrap(Variable v) {
        return new Tensor4<>(v);
    }

    @Override
    protected Tensor4<Bool> wrapBool(Variable v) {
        return new Tensor4<>(v);
    }

    @Override
    public Tensor3<D> sum(int axis) {
        return new Tensor3<>(reduceVar(Reduce.Kind.SUM, axis));
    }

    @Override
    public Tensor3<D> mean(int axis) {
        return new Tensor3<>(reduceVar(Reduce.Kind.MEAN, axis));
    }

    @Override
    public Tensor3<D> max(int axis) {
        return new Tensor3<>(reduceVar(Reduce.Kind.MAX, axis));
    }

    @Override
    public Tensor3<D> min(int axis) {
        return new Tensor3<>(reduceVar(Reduce.Kind.MIN, axis));
    }

    /** Row {@code i} of the leading axis (negative counts from the end). */
    @Override
    public Tensor3<D> get(long i) {
        return new Tensor3<>(indexVar(org.symtensor.ir.Indexing.at(i)));
    }

    @Override
    public Tensor3<D> get(Scalar<?> i) {
        return new Tensor3<>(indexVar(i.variable()));
    }
}
