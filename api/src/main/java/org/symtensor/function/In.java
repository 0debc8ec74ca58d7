package org.symtensor.function;

import java.util.Objects;
import org.symtensor.ir.Variable;

/**
 * An input of a compiled function with its options, Theano's {@code In}: a default value used when
 * the caller leaves the argument out, and a name for keyword calls (the variable's name unless set).
 * Immutable.
 */
public final class In implements FunctionInput {
    private final Variable variable;
    private final String name;
    private final Object defaultValue;
    private final boolean hasDefault;

    private In(Variable variable, String name, Object defaultValue, boolean hasDefault) {
        this.variable = Objects.requireNonNull(variable, "variable");
        this.name = name;
        this.defaultValue = defaultValue;
        this.hasDefault = hasDefault;
    }

    /** The input {@code variable}, named as the variable, with no default; the facade's {@code in(x)} unwraps a handle to here. */
    public static In of(Variable variable) {
        return new In(variable, variable.name(), null, false);
    }

    /** The value used when a call leaves this argument out: a Java number, array or NDArray. */
    public In withDefault(Object value) {
        return new In(variable, name, Objects.requireNonNull(value, "default value"), true);
    }

    /** The name keyword calls use for this input. */
    public In named(String newName) {
        return new In(variable, newName, defaultValue, hasDefault);
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

    /** How errors refer to this input: its name, or its position. */
    public String describe(int position) {
        return name != null ? "'" + name + "'" : "#" + position + " (" + variable.type() + ")";
    }

    @Override
    public In asInput() {
        return this;
    }
}
