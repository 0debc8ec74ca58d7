package org.symtensor.ir;

import java.util.List;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/** Theano's {@code Shape_i}: the length of one axis of its input, as an int64 scalar. */
public final class ShapeOf implements Op {
    private final int axis;

    private ShapeOf(int axis) {
        this.axis = axis;
    }

    public static ShapeOf of(int axis) {
        return new ShapeOf(axis);
    }

    public int axis() {
        return axis;
    }

    @Override
    public OpKind kind() {
        return OpKind.SHAPE;
    }

    @Override
    public String name() {
        return "Shape_i{" + axis + "}";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        Variable x = inputs.get(0);
        if (axis < 0 || axis >= x.type().rank()) {
            throw new ShapeMismatchException("shape(" + axis + ") of " + x.describe() + ", which has rank " + x.type().rank());
        }
        return List.of(TensorType.of(DType.INT64));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShapeOf && ((ShapeOf) o).axis == axis;
    }

    @Override
    public int hashCode() {
        return axis;
    }

    @Override
    public String toString() {
        return name();
    }
}
