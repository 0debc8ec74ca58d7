package org.symtensor.ir;

import java.util.List;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * NumPy's advanced indexing in its two common forms. {@link Form#TAKE}: {@code take(x, idx, axis)},
 * an integer tensor of indices along one axis, whose shape replaces that axis:
 * {@code (a, n, b) with idx (k...) → (a, k..., b)}; negative indices count from the end, and an
 * index out of range is an {@link org.symtensor.error.IndexOutOfRangeException} naming it and the
 * length when the function runs. {@link Form#MASK}: {@code x[mask]}, a bool tensor of x's shape
 * selecting elements in C order: {@code (shape) → (count,)}. Inputs: (x, index).
 */
public final class AdvancedSubtensor implements Op {
    /** Integer indices along one axis, or a bool mask over the whole tensor. */
    public enum Form { TAKE, MASK }

    private final Form form;
    private final int axis;

    private AdvancedSubtensor(Form form, int axis) {
        this.form = form;
        this.axis = axis;
    }

    /** {@code take(x, idx, axis)}, axis normalized. */
    public static AdvancedSubtensor take(int axis) {
        return new AdvancedSubtensor(Form.TAKE, axis);
    }

    /** {@code x[mask]}. */
    public static AdvancedSubtensor mask() {
        return new AdvancedSubtensor(Form.MASK, 0);
    }

    public Form form() {
        return form;
    }

    public int axis() {
        return axis;
    }

    @Override
    public OpKind kind() {
        return OpKind.ADVANCED_INDEX;
    }

    @Override
    public String name() {
        return form == Form.TAKE ? "AdvancedSubtensor{axis=" + axis + "}" : "AdvancedBooleanSubtensor";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        Variable x = inputs.get(0);
        Variable idx = inputs.get(1);
        return List.of(TensorType.of(x.type().dtype(), viewShape(form, axis, x, idx, name())));
    }

    /** The static shape of {@code x[idx]} in the given form, after checking the index. */
    static int[] viewShape(Form form, int axis, Variable x, Variable idx, String what) {
        int rank = x.type().rank();
        if (form == Form.MASK) {
            if (idx.type().dtype() != DType.BOOL) {
                throw new DTypeMismatchException(what + ": the mask " + idx.describe() + " must be bool, got " + idx.type());
            }
            if (idx.type().rank() != rank) {
                throw new ShapeMismatchException(what + ": the mask " + idx.describe() + " has rank " + idx.type().rank()
                        + " but " + x.describe() + " has rank " + rank + "; a mask has the shape of the tensor it selects from");
            }
            for (int a = 0; a < rank; a++) {
                int m = idx.type().dim(a);
                int d = x.type().dim(a);
                if (m != TensorType.UNKNOWN && d != TensorType.UNKNOWN && m != d) {
                    throw new ShapeMismatchException(what + ": the mask " + idx.describe() + " has shape "
                            + TensorType.shapeString(idx.type().shape()) + " but " + x.describe() + " has shape "
                            + TensorType.shapeString(x.type().shape()));
                }
            }
            return new int[] {TensorType.UNKNOWN};
        }
        if (axis < 0 || axis >= rank) {
            throw new ShapeMismatchException(what + ": axis " + axis + " is out of range for " + x.describe()
                    + " of rank " + rank);
        }
        if (!idx.type().dtype().isInteger()) {
            throw new DTypeMismatchException(what + ": the indices " + idx.describe() + " must be integers, got "
                    + idx.type() + (idx.type().dtype() == DType.BOOL ? " (a bool mask selects from the whole tensor: x.get(mask))" : ""));
        }
        int[] xs = x.type().shape();
        int[] is = idx.type().shape();
        int[] out = new int[rank - 1 + is.length];
        int k = 0;
        for (int a = 0; a < axis; a++) {
            out[k++] = xs[a];
        }
        for (int s : is) {
            out[k++] = s;
        }
        for (int a = axis + 1; a < rank; a++) {
            out[k++] = xs[a];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdvancedSubtensor && ((AdvancedSubtensor) o).form == form && ((AdvancedSubtensor) o).axis == axis;
    }

    @Override
    public int hashCode() {
        return form.hashCode() * 31 + axis;
    }

    @Override
    public String toString() {
        return name();
    }
}
