package org.symtensor.tensor;

import org.symtensor.error.DTypeMismatchException;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.value.Conversions;
import org.symtensor.value.NDArray;

/**
 * A variable whose value lives between function calls, Theano's {@code shared}. It is also a
 * typed handle ({@code SharedScalar<I32>} is a {@code Scalar<I32>}), so it goes straight into
 * expressions, outputs and {@code update(...)}.
 *
 * <p>{@link #getValue()} returns a copy and {@link #setValue(Object)} copies what it is given, so
 * later changes to either array do not reach the other. The {@code borrow} forms hand over the
 * buffer itself: faster, but the caller must not write to a borrowed array while functions run,
 * and a function's update may replace the stored buffer at any call.
 *
 * <p><b>Threads.</b> {@code getValue} and {@code setValue} take this variable's lock, the one a
 * function call holds from reading the variable to storing its updates: they wait for such a call
 * and never see part of its updates, and a {@code setValue} is never lost under the update of a
 * call that read the older value. Each of them is one step on its own; to read or write several
 * variables as one step, use {@code SharedLocks.of(a.node(), b.node()).atomically(...)} or a
 * function whose outputs (or updates) are those variables. See {@link org.symtensor.function.Function} for the contract.
 *
 * @param <H> the handle type: {@code Scalar<I32>}, {@code Matrix<F64>}, ...
 */
public interface SharedVariable<H extends Tensor<?>> {
    /** The IR node that holds the value. */
    SharedValue node();

    /** This variable as its typed handle. */
    H handle();

    /** A copy of the current value. */
    default NDArray getValue() {
        return getValue(false);
    }

    /** The current value; with {@code borrow} the stored buffer itself, not a copy. */
    default NDArray getValue(boolean borrow) {
        NDArray v = node().get();
        return borrow ? v : v.copy();
    }

    /**
     * Stores a new value (a copy of it): a Java number, array or NDArray of this variable's dtype
     * and rank, or one that converts without loss. Fails naming the variable otherwise.
     */
    default void setValue(Object value) {
        setValue(value, false);
    }

    /** Stores a new value; with {@code borrow} an NDArray of the exact dtype is stored without copying. */
    default void setValue(Object value, boolean borrow) {
        SharedValue n = node();
        NDArray v = Conversions.toNDArray(value, n.type(), "setValue of shared variable "
                + n.describe(), false);
        // A converted value is already a fresh array; an NDArray of the exact type is copied unless borrowed.
        n.set(v == value && !borrow ? v.copy() : v);
    }

    /** The expression this variable takes after each call that does not update it explicitly, or null. */
    default Variable defaultUpdate() {
        return node().defaultUpdate();
    }

    /**
     * Sets Theano's {@code default_update}: every function whose graph uses this variable and that
     * gives it no explicit update stores {@code expression} into it after each call, unless compiled
     * with {@code noDefaultUpdates()}. Null clears it. The expression must have this variable's dtype and rank.
     */
    default void setDefaultUpdate(Tensor<?> expression) {
        SharedValue n = node();
        if (expression != null && (expression.dtype() != n.type().dtype() || expression.rank() != n.type().rank())) {
            throw new DTypeMismatchException("default update of shared variable " + n.describe() + ": expected "
                    + n.type() + ", got " + expression.variable().type());
        }
        n.setDefaultUpdate(expression == null ? null : expression.variable());
    }
}
