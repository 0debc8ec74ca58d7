package org.symtensor.graph;

import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * The graph node of a shared variable: an input whose value lives in storage that outlasts any
 * one function call. Compiled functions read it at each call and may replace it through updates.
 */
public final class SharedValue extends Variable {
    private volatile NDArray value;
    private volatile Variable defaultUpdate;

    public SharedValue(TensorType type, NDArray value, String name) {
        super(type, null, 0, name, SourceLocation.capture());
        this.value = value;
    }

    /** The stored value itself (no copy). */
    public NDArray get() {
        return value;
    }

    /** Replaces the stored value (no copy, no check: callers check first). */
    public void set(NDArray v) {
        this.value = v;
    }

    /**
     * The expression this variable takes after every call of a function whose graph uses it and
     * gives it no explicit update (Theano's {@code default_update}); null when there is none. Random
     * streams set it to the next generator state, so each call draws new numbers.
     */
    public Variable defaultUpdate() {
        return defaultUpdate;
    }

    /** Sets or (with null) clears the default update (no check: callers check dtype and rank first). */
    public void setDefaultUpdate(Variable expression) {
        this.defaultUpdate = expression;
    }

    @Override
    public Variable cloneAsInput() {
        return this;
    }
}
