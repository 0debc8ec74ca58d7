package org.symtensor.ir;

import java.util.List;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.TensorType;

/**
 * Theano's {@code Join} (NumPy's {@code concatenate}): the inputs laid end to end along {@code axis}.
 * All inputs have one dtype and one rank, and equal lengths on every other axis (checked when the
 * graph is built where the lengths are static, else when the function runs). Shape:
 * {@code (..., n_k, ...)} for each k → {@code (..., Σ n_k, ...)}.
 */
public final class Join implements Op {
    private final int axis;

    private Join(int axis) {
        this.axis = axis;
    }

    /** Concatenation along {@code axis} (already normalized, non-negative). */
    public static Join of(int axis) {
        return new Join(axis);
    }

    public int axis() {
        return axis;
    }

    @Override
    public OpKind kind() {
        return OpKind.JOIN;
    }

    @Override
    public String name() {
        return "Join{axis=" + axis + "}";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("concatenate needs at least one tensor");
        }
        Variable first = inputs.get(0);
        int rank = first.type().rank();
        if (axis < 0 || axis >= rank) {
            throw new ShapeMismatchException("concatenate along axis " + axis + ": " + first.describe() + " has rank " + rank);
        }
        int[] out = first.type().shape();
        for (int k = 1; k < inputs.size(); k++) {
            Variable x = inputs.get(k);
            if (x.type().dtype() != first.type().dtype()) {
                throw new DTypeMismatchException("concatenate: tensor " + k + ", " + x.describe() + ", is "
                        + x.type().dtype() + " but tensor 0, " + first.describe() + ", is " + first.type().dtype()
                        + "; cast one of them");
            }
            if (x.type().rank() != rank) {
                throw new ShapeMismatchException("concatenate: tensor " + k + ", " + x.describe() + ", has rank "
                        + x.type().rank() + " but tensor 0, " + first.describe() + ", has rank " + rank);
            }
            for (int a = 0; a < rank; a++) {
                int d = x.type().dim(a);
                if (a == axis) {
                    out[a] = out[a] == TensorType.UNKNOWN || d == TensorType.UNKNOWN ? TensorType.UNKNOWN : out[a] + d;
                } else if (out[a] == TensorType.UNKNOWN) {
                    out[a] = d;
                } else if (d != TensorType.UNKNOWN && d != out[a]) {
                    throw new ShapeMismatchException("concatenate along axis " + axis + ": tensor " + k + ", "
                            + x.describe() + ", has shape " + TensorType.shapeString(x.type().shape())
                            + " but the tensors before it have length " + out[a] + " on axis " + a
                            + "; all axes but the joined one must agree");
                }
            }
        }
        return List.of(TensorType.of(first.type().dtype(), out));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Join && ((Join) o).axis == axis;
    }

    @Override
    public int hashCode() {
        return 31 * axis + 11;
    }

    @Override
    public String toString() {
        return name();
    }
}
