package org.symtensor.ir;

import java.util.Arrays;
import java.util.List;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.TensorType;

/**
 * Theano's {@code specify_shape}: x itself, with a shape promised to the graph. Axes given as
 * {@link TensorType#UNKNOWN} are not constrained. The output's static shape is the promised one;
 * when the function runs, a value of another shape is an error that names the variable and both
 * shapes. The gradient passes through.
 */
public final class SpecifyShape implements Op {
    private final int[] shape;

    private SpecifyShape(int[] shape) {
        this.shape = shape;
    }

    public static SpecifyShape of(int... shape) {
        for (int s : shape) {
            if (s < TensorType.UNKNOWN) {
                throw new ShapeMismatchException("specifyShape: length " + s + " in " + TensorType.shapeString(shape)
                        + " is negative; use -1 for an axis left free");
            }
        }
        return new SpecifyShape(shape.clone());
    }

    /** The promised shape, {@link TensorType#UNKNOWN} where free. */
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public OpKind kind() {
        return OpKind.SPECIFY_SHAPE;
    }

    @Override
    public String name() {
        return "SpecifyShape{" + TensorType.shapeString(shape) + "}";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        Variable x = inputs.get(0);
        if (x.type().rank() != shape.length) {
            throw new ShapeMismatchException("specifyShape of " + x.describe() + ": rank " + x.type().rank()
                    + " cannot have shape " + TensorType.shapeString(shape));
        }
        int[] out = x.type().shape();
        for (int a = 0; a < shape.length; a++) {
            if (shape[a] == TensorType.UNKNOWN) {
                continue;
            }
            if (out[a] != TensorType.UNKNOWN && out[a] != shape[a]) {
                throw new ShapeMismatchException("specifyShape of " + x.describe() + ": its static shape "
                        + TensorType.shapeString(x.type().shape()) + " is not " + TensorType.shapeString(shape));
            }
            out[a] = shape[a];
        }
        return List.of(TensorType.of(x.type().dtype(), out));
    }

    /** Checks a run-time shape against the promise; the error names {@code x}, the promised and the actual shape. */
    public void check(int[] actual, Variable x) {
        boolean ok = actual.length == shape.length;
        for (int a = 0; ok && a < shape.length; a++) {
            ok = shape[a] == TensorType.UNKNOWN || shape[a] == actual[a];
        }
        if (!ok) {
            throw new ShapeMismatchException("specifyShape: " + x.describe() + " was promised shape "
                    + TensorType.shapeString(shape) + " but has shape " + TensorType.shapeString(actual));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecifyShape && Arrays.equals(((SpecifyShape) o).shape, shape);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 3 + 1;
    }

    @Override
    public String toString() {
        return name();
    }
}
