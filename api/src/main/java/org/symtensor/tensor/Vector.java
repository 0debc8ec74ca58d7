package org.symtensor.tensor;

import org.symtensor.ir.Variable;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.type.Bool;
import org.symtensor.type.DTypeMarker;

/** A rank-1 symbolic tensor (Theano's {@code vector}). */
public class Vector<D extends DTypeMarker> extends AbstractTensor<D, Vector<D>, Vector<Bool>> implements Stackable<Matrix<D>> {
    /** Wraps a variable of rank 1; fails naming the variable if its rank differs. */
    public Vector(Variable variable) {
        super(variable, 1);
    }

    @Override
    protected Vector<D> wrap(Variable v) {
        return new Vector<>(v);
    }

    @Override
    protected Vector<Bool> wrapBool(Variable v) {
        return new Vector<>(v);
    }

    @Override
    public Scalar<D> sum(int axis) {
        return new Scalar<>(reduceVar(Reduce.Kind.SUM, axis));
    }

    @Override
    public Scalar<D> mean(int axis) {
        return new Scalar<>(reduceVar(Reduce.Kind.MEAN, axis));
    }

    @Override
    public Scalar<D> max(int axis) {
        return new Scalar<>(reduceVar(Reduce.Kind.MAX, axis));
    }

    @Override
    public Scalar<D> min(int axis) {
        return new Scalar<>(reduceVar(Reduce.Kind.MIN, axis));
    }

    /** Inner product: {@code (k)·(k) → ()}. */
    public Scalar<D> dot(Vector<D> other) {
        Ops.requireSameDtype("dot", variable(), other.variable());
        return new Scalar<>(Ops.dot(variable(), other.variable()));
    }

    /** Vector-matrix product: {@code (k)·(k×n) → (n)}. */
    public Vector<D> dot(Matrix<D> other) {
        Ops.requireSameDtype("dot", variable(), other.variable());
        return new Vector<>(Ops.dot(variable(), other.variable()));
    }

    /** This vector as a 1×n row (Theano {@code dimshuffle("x", 0)}). */
    public Matrix<D> asRow() {
        return new Matrix<>(Ops.dimshuffle(variable(), -1, 0));
    }

    /** This vector as an n×1 column (Theano {@code dimshuffle(0, "x")}). */
    public Matrix<D> asColumn() {
        return new Matrix<>(Ops.dimshuffle(variable(), 0, -1));
    }

    /** Row {@code i} of the leading axis (negative counts from the end). */
    @Override
    public Scalar<D> get(long i) {
        return new Scalar<>(indexVar(org.symtensor.ir.Indexing.at(i)));
    }

    @Override
    public Scalar<D> get(Scalar<?> i) {
        return new Scalar<>(indexVar(i.variable()));
    }
}
