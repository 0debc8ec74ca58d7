package org.symtensor.scan;

import org.symtensor.function.Updates;
import org.symtensor.ir.Apply;
import org.symtensor.tensor.Tensor;

/**
 * What the typed {@code scan} overloads return, Theano's {@code (outputs, updates)} pair for a loop of
 * one output: {@link #outputs()} every step's value stacked on a leading axis (a {@code Matrix<D>} for
 * a {@code Vector<D>} state), {@link #updates()} the shared-variable updates to pass to
 * {@code function}. {@code outputs().get(-1)} is the final value; the optimizer then runs a variant of
 * the loop that keeps only the last state (see {@code rewrite.ScanSaveMemory}), as {@link #last()} does
 * directly.
 *
 * @param <S> the handle of one step's value ({@code Vector<F64>})
 * @param <R> the handle of the values stacked ({@code Matrix<F64>})
 */
public final class TypedScanResult<S extends Tensor<?>, R extends Tensor<?>> {
    private final ScanResult<S, R> result;

    TypedScanResult(ScanResult<S, R> result) {
        this.result = result;
    }

    /** Every step's value, stacked: {@code (n, ...)}, in the order the steps ran, without the initial state. */
    public R outputs() {
        return result.output();
    }

    /** The value after the last step, from a loop that keeps O(1) states. */
    public S last() {
        return result.last();
    }

    /** The updates of the shared variables that the step updated. */
    public Updates updates() {
        return result.updates();
    }

    /** The untyped result (several views of the same loop). */
    public ScanResult<S, R> result() {
        return result;
    }

    /** The loop's node in the graph (for inspection). */
    public Apply node() {
        return result.node();
    }
}
