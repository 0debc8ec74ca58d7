package org.symtensor.function;

import java.util.Objects;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.Tensor;

/**
 * An input of a compiled function with its options, Theano's {@code In}: a default value used when
 * the caller leaves the argument out, a name for keyword calls (the variable's name unless set),
 * and whether the function may overwrite the caller's buffer ({@link #mutable()}). Immutable.
 */
public final class In implements FunctionInput {
    private final Variable variable;
    private final String name;
    private final Object defaultValue;
    private final boolean hasDefault;
    private final boolean mutable;

    private In(Variable variable, String name, Object defaultValue, boolean hasDefault, boolean mutable) {
        this.variable = Objects.requireNonNull(variable, "variable");
        this.name = name;
        this.defaultValue = defaultValue;
        this.hasDefault = hasDefault;
        this.mutable = mutable;
    }

    public static In of(Tensor<?> tensor) {
        return new In(tensor.variable(), tensor.variable().name(), null, false, false);
    }

    public static In of(Variable variable) {
        return new In(variable, variable.name(), null, false, false);
    }

    /** The value used when a call leaves this argument out: a Java number, array or NDArray. */
    public In withDefault(Object value) {
        return new In(variable, name, Objects.requireNonNull(value, "default value"), true, mutable);
    }

    /** The name keyword calls use for this input. */
    public In named(String newName) {
        return new In(variable, newName, defaultValue, hasDefault, mutable);
    }

    /** Lets the function overwrite the buffer passed for this input (an in-place optimization may use it). */
    public In mutable() {
        return new In(variable, name, defaultValue, hasDefault, true);
    }

    public Variable variable() {
        return variable;
    }

    /** The keyword name, or null when neither the input nor its variable is named. */
    public String name() {
        return name;
    }

    public boolean hasDefault() {
        return hasDefault;
    }

    public Object defaultValue() {
        return defaultValue;
    }

    public boolean isMutable() {
        return mutable;
    }

    /** How errors refer to this input: its name, or its position. */
    public String describe(int position) {
        return name != null ? "'" + name + "'" : "#" + position + " (" + variable.type() + ")";
    }

    @Override
    public In asInput() {
        return this;
    }
}
