package org.symtensor.ir;

import java.util.List;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * The n×n identity matrix, n an integer scalar input: {@code eye(n)[i, j] = (i == j)}. Seeds the
 * batched reverse pass that computes Jacobians.
 */
public final class Eye implements Op {
    private final DType dtype;

    private Eye(DType dtype) {
        this.dtype = dtype;
    }

    public static Eye of(DType dtype) {
        return new Eye(dtype);
    }

    public DType dtype() {
        return dtype;
    }

    @Override
    public OpKind kind() {
        return OpKind.EYE;
    }

    @Override
    public String name() {
        return "Eye{" + dtype + "}";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        Variable n = inputs.get(0);
        if (n.type().rank() != 0 || !n.type().dtype().isInteger()) {
            throw new DTypeMismatchException("eye: the size " + n.describe() + " must be an integer scalar, got " + n.type());
        }
        int size = TensorType.UNKNOWN;
        if (n instanceof org.symtensor.ir.Constant) {
            size = (int) ((org.symtensor.ir.Constant) n).value().getLong(0);
        }
        return List.of(TensorType.of(dtype, size, size));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Eye && ((Eye) o).dtype == dtype;
    }

    @Override
    public int hashCode() {
        return dtype.hashCode();
    }

    @Override
    public String toString() {
        return name();
    }
}
