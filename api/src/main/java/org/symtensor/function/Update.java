package org.symtensor.function;

import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;

/** One pair of {@link Updates}: after a call, {@code target} takes the value of {@code expression}. */
public final class Update {
    private final SharedValue target;
    private final Variable expression;

    Update(SharedValue target, Variable expression) {
        this.target = target;
        this.expression = expression;
    }

    /** An update of the shared variable behind {@code target} (for graph builders such as scan). */
    public static Update of(SharedValue target, Variable expression) {
        return new Update(target, expression);
    }

    public SharedValue target() {
        return target;
    }

    public Variable expression() {
        return expression;
    }
}
