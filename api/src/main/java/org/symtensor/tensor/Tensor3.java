package org.symtensor.tensor;

import org.symtensor.ir.Variable;
import org.symtensor.ir.Reduce;
import org.symtensor.type.Bool;
import org.symtensor.type.DTypeMarker;

/** A rank-3 symbolic tensor (Theano's {@code tensor3}). */
public class Tensor3<D extends DTypeMarker> extends AbstractTensor<D, Tensor3<D>, Tensor3<Bool>> implements Stackable<Tensor4<D>> {
    /** Wraps a variable of rank 3; fails naming the variable if its rank differs. */
    public Tensor3(Variable variable) {
        super(variable, 3);
    }

    @Override
    protected Tensor3<D> wrap(Variable v) {
        return new Tensor3<>(v);
    }

    @Override
    protected Tensor3<Bool> wrapBool(Variable v) {
        return new Tensor3<>(v);
    }

    @Override
    public Matrix<D> sum(int axis) {
        return new Matrix<>(reduceVar(Reduce.Kind.SUM, axis));
    }

    @Override
    public Matrix<D> mean(int axis) {
        return new Matrix<>(reduceVar(Reduce.Kind.MEAN, axis));
    }

    @Override
    public Matrix<D> max(int axis) {
        return new Matrix<>(reduceVar(Reduce.Kind.MAX, axis));
    }

    @Override
    public Matrix<D> min(int axis) {
        return new Matrix<>(reduceVar(Reduce.Kind.MIN, axis));
    }

    /** Row {@code i} of the leading axis (negative counts from the end). */
    @Override
    public Matrix<D> get(long i) {
        return new Matrix<>(indexVar(org.symtensor.ir.Indexing.at(i)));
    }

    @Override
    public Matrix<D> get(Scalar<?> i) {
        return new Matrix<>(indexVar(i.variable()));
    }
}
