package org.symtensor.graph;

import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * The graph node of a shared variable: an input whose value lives in storage that outlasts any
 * one function call. Compiled functions read it at each call and may replace it through updates.
 */
public final class SharedValue extends Variable {
    private volatile NDArray value;

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

    @Override
    public Variable cloneAsInput() {
        return this;
    }
}
