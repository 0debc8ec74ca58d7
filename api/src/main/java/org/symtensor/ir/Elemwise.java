package org.symtensor.ir;

import java.util.List;
import java.util.Objects;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * A {@link ScalarOp} applied element by element. Inputs have equal rank; an axis of static
 * length 1 (broadcastable) stretches to the others' length, as in Theano. Lengths that are known
 * and differ are an error when the graph is built; the rest is checked when the function runs.
 */
public final class Elemwise implements Op {
    private final ScalarOp scalarOp;
    private final DType castTo;

    private Elemwise(ScalarOp scalarOp, DType castTo) {
        this.scalarOp = scalarOp;
        this.castTo = castTo;
    }

    public static Elemwise of(ScalarOp op) {
        if (op == ScalarOp.CAST) {
            throw new IllegalArgumentException("use Elemwise.cast(dtype) for casts");
        }
        return new Elemwise(op, null);
    }

    public static Elemwise cast(DType to) {
        return new Elemwise(ScalarOp.CAST, Objects.requireNonNull(to));
    }

    public ScalarOp scalarOp() {
        return scalarOp;
    }

    /** The target dtype of a cast, or null for other scalar ops. */
    public DType castTo() {
        return castTo;
    }

    @Override
    public OpKind kind() {
        return OpKind.ELEMWISE;
    }

    @Override
    public String name() {
        return scalarOp == ScalarOp.CAST ? "Elemwise{cast{" + castTo + "}}" : "Elemwise{" + scalarOp.theanoName() + "}";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        if (inputs.size() != scalarOp.arity()) {
            throw new IllegalArgumentException(name() + " takes " + scalarOp.arity() + " inputs, got " + inputs.size());
        }
        DType[] dtypes = new DType[inputs.size()];
        for (int i = 0; i < dtypes.length; i++) {
            dtypes[i] = inputs.get(i).type().dtype();
        }
        if (scalarOp == ScalarOp.SWITCH && dtypes[0].isFloat()) {
            throw new DTypeMismatchException("switch condition " + inputs.get(0).describe()
                    + " must be bool or integer, got " + dtypes[0]);
        }
        for (int i = 0; i < dtypes.length; i++) {
            if (!scalarOp.accepts(dtypes[i])) {
                throw new DTypeMismatchException(scalarOp.theanoName() + ": " + inputs.get(i).describe() + " is "
                        + dtypes[i] + "; expected " + (scalarOp.dtypeRule() == ScalarOp.DTypeRule.BITWISE
                        ? "an integer or bool dtype" : "an integer dtype") + " (cast first, e.g. cast(x, I64.class))");
            }
        }
        DType out = scalarOp == ScalarOp.CAST ? castTo : scalarOp.outputDtype(dtypes);
        return List.of(TensorType.of(out, broadcastShape(name(), inputs)));
    }

    /** The static output shape of broadcasting {@code inputs} (equal ranks), or a shape error naming both. */
    static int[] broadcastShape(String opName, List<Variable> inputs) {
        int rank = inputs.get(0).type().rank();
        for (Variable v : inputs) {
            if (v.type().rank() != rank) {
                throw new ShapeMismatchException(opName + ": inputs must have equal rank after padding, got "
                        + inputs.get(0).describe() + " of rank " + rank + " and " + v.describe() + " of rank " + v.type().rank());
            }
        }
        int[] out = new int[rank];
        for (int axis = 0; axis < rank; axis++) {
            int known = TensorType.UNKNOWN;
            Variable knownFrom = null;
            boolean allOne = true;
            for (Variable v : inputs) {
                int d = v.type().dim(axis);
                if (d != 1) {
                    allOne = false;
                }
                if (d != 1 && d != TensorType.UNKNOWN) {
                    if (known != TensorType.UNKNOWN && known != d) {
                        throw new ShapeMismatchException(opName + ": shapes do not broadcast on axis " + axis + ": "
                                + knownFrom.describe() + " has shape " + TensorType.shapeString(knownFrom.type().shape())
                                + " but " + v.describe() + " has shape " + TensorType.shapeString(v.type().shape()));
                    }
                    known = d;
                    knownFrom = v;
                }
            }
            out[axis] = allOne ? 1 : known;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Elemwise && ((Elemwise) o).scalarOp == scalarOp && ((Elemwise) o).castTo == castTo;
    }

    @Override
    public int hashCode() {
        return scalarOp.hashCode() * 31 + Objects.hashCode(castTo);
    }

    @Override
    public String toString() {
        return name();
    }
}
