package org.symtensor.tensor;

import org.symtensor.ir.Variable;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.type.Bool;
import org.symtensor.type.DTypeMarker;

/** A rank-2 symbolic tensor (Theano's {@code matrix}). */
public class Matrix<D extends DTypeMarker> extends AbstractTensor<D, Matrix<D>, Matrix<Bool>> implements Stackable<Tensor3<D>> {
    /** Wraps a variable of rank 2; fails naming the variable if its rank differs. */
    public Matrix(Variable variable) {
        super(variable, 2);
    }

    @Override
    protected Matrix<D> wrap(Variable v) {
        return new Matrix<>(v);
    }

    @Override
    protected Matrix<Bool> wrapBool(Variable v) {
        return new Matrix<>(v);
    }

    @Override
    public Vector<D> sum(int axis) {
        return new Vector<>(reduceVar(Reduce.Kind.SUM, axis));
    }

    @Override
    public Vector<D> mean(int axis) {
        return new Vector<>(reduceVar(Reduce.Kind.MEAN, axis));
    }

    @Override
    public Vector<D> max(int axis) {
        return new Vector<>(reduceVar(Reduce.Kind.MAX, axis));
    }

    @Override
    public Vector<D> min(int axis) {
        return new Vector<>(reduceVar(Reduce.Kind.MIN, axis));
    }

    /** Matrix-vector product: {@code (m×k)·(k) → (m)}. */
    public Vector<D> dot(Vector<D> other) {
        Ops.requireSameDtype("dot", variable(), other.variable());
        return new Vector<>(Ops.dot(variable(), other.variable()));
    }

    /** Matrix product: {@code (m×k)·(k×n) → (m×n)}. */
    public Matrix<D> dot(Matrix<D> other) {
        Ops.requireSameDtype("dot", variable(), other.variable());
        return new Matrix<>(Ops.dot(variable(), other.variable()));
    }

    /** The transpose, {@code (m×n) → (n×m)}; of a named {@code x} it is named {@code x.T}, as in Theano. */
    public Matrix<D> transpose() {
        Variable t = Ops.transpose(variable());
        if (variable().name() != null) {
            t.setName(variable().name() + ".T");
        }
        return new Matrix<>(t);
    }

    /** Short for {@link #transpose()}, as Theano's {@code x.T}. */
    public Matrix<D> T() {
        return transpose();
    }

    /** Row {@code i} of the leading axis (negative counts from the end). */
    @Override
    public Vector<D> get(long i) {
        return new Vector<>(indexVar(org.symtensor.ir.Indexing.at(i)));
    }

    @Override
    public Vector<D> get(Scalar<?> i) {
        return new Vector<>(indexVar(i.variable()));
    }
}
