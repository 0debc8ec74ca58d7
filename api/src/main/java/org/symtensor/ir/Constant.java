package org.symtensor.ir;

import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/** A graph input whose value is fixed when the graph is built. Its static shape is the value's shape. */
public final class Constant extends Variable {
    private final NDArray value;

    public Constant(NDArray value) {
        super(TensorType.of(value.dtype(), value.shape()), null, 0, null, SourceLocation.capture());
        this.value = value;
    }

    public NDArray value() {
        return value;
    }

    /** Whether every element equals {@code v} (used by printing and rewrites). */
    public boolean isAll(double v) {
        int n = value.size();
        for (int i = 0; i < n; i++) {
            if (value.getDouble(i) != v) {
                return false;
            }
        }
        return n > 0;
    }

    @Override
    public Variable cloneAsInput() {
        return this;
    }

    @Override
    public String toString() {
        return name() != null ? name() : value.toString();
    }
}
