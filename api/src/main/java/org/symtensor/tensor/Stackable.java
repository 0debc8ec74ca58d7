package org.symtensor.tensor;

/**
 * A handle whose values, stacked along a new leading axis, have handle type {@code R}:
 * {@code Scalar<D>} stacks to {@code Vector<D>}, {@code Vector<D>} to {@code Matrix<D>}, and so on up to
 * {@code Tensor3<D>} to {@code Tensor4<D>}. A marker for the type checker only: the typed
 * {@code scan} reads it to give a map's stacked output its handle type, so
 * {@code scan((Scalar<F64> x) -> x.sqr(), sequences(v)).outputs()} is a {@code Vector<F64>}.
 *
 * @param <R> the handle of a stack of these values
 */
public interface Stackable<R extends Tensor<?>> {}
