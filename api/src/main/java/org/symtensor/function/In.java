package org.symtensor.function;

import java.util.Objects;
import org.symtensor.ir.Variable;

/**
 * An input of a compiled function with its options, Theano's {@code In}: a value used when the
 * caller leaves the argument out, a name for keyword calls (the variable's name unless set), and
 * optionally an update expression. Immutable.
 *
 * <p>An input with a value and an update is <b>stateful</b>, as Theano's
 * {@code In(s, value=v, update=e)}: its value lives in the function's container, persists between
 * calls, and after each call is replaced by the value of {@code e} computed in that call (from the
 * old value). A call may still pass the argument: that call then runs on the given value, and the
 * container afterwards holds the update computed from it. Read and write the container with
 * {@link Function#value} and {@link Function#setValue} (Theano's {@code f[s]}). Each compiled
 * function (and each {@link Function#copy copy}) has containers of its own.
 */
public final class In implements FunctionInput {
    private final Variable variable;
    private final String name;
    private final Object defaultValue;
    private final boolean hasDefault;
    private final Variable update;

    private In(Variable variable, String name, Object defaultValue, boolean hasDefault, Variable update) {
        this.variable = Objects.requireNonNull(variable, "variable");
        this.name = name;
        this.defaultValue = defaultValue;
        this.hasDefault = hasDefault;
        this.update = update;
    }

    /** The input {@code variable}, named as the variable, with no default; the facade's {@code in(x)} unwraps a handle to here. */
    public static In of(Variable variable) {
        return new In(variable, variable.name(), null, false, null);
    }

    /** The value used when a call leaves this argument out: a Java number, array or NDArray. */
    public In withDefault(Object value) {
        return new In(variable, name, Objects.requireNonNull(value, "default value"), true, update);
    }

    /** Theano's {@code value=}: the same as {@link #withDefault}; with {@link #withUpdate} it is the initial state. */
    public In withValue(Object value) {
        return withDefault(value);
    }

    /**
     * Theano's {@code update=}: after each call the input's value becomes {@code expression} (same
     * dtype and rank as the input, computed from the call's inputs). Needs a value ({@link #withValue}).
     */
    public In withUpdate(FunctionInput expression) {
        return withUpdate(Objects.requireNonNull(expression, "update expression").asInput().variable());
    }

    /** {@link #withUpdate(FunctionInput)} for an IR variable. */
    public In withUpdate(Variable expression) {
        return new In(variable, name, defaultValue, hasDefault, Objects.requireNonNull(expression, "update expression"));
    }

    /** The name keyword calls use for this input. */
    public In named(String newName) {
        return new In(variable, newName, defaultValue, hasDefault, update);
    }

    /** This input without its update expression (its value becomes a plain default). */
    public In withoutUpdate() {
        return new In(variable, name, defaultValue, hasDefault, null);
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

    /** True for an input with a value and an update: its value persists between calls. */
    public boolean hasUpdate() {
        return update != null;
    }

    /** The update expression, or null. */
    public Variable update() {
        return update;
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
