package org.symtensor.ir;

import java.util.List;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.TensorType;

/**
 * Theano's {@code IncSubtensor}: a copy of {@code x} with {@code y} added where the {@link Subtensor}
 * {@code view} would read, so {@code inc(zeros, g, i)} is the gradient of {@code x[i]}. Inputs:
 * (x, y, the view's index inputs). Shape: {@code x}'s; y has the view's shape exactly (no broadcasting).
 */
public final class IncSubtensor implements Op {
    private final Subtensor view;

    private IncSubtensor(Subtensor view) {
        this.view = view;
    }

    public static IncSubtensor of(Subtensor view) {
        return new IncSubtensor(view);
    }

    /** Where y is added. */
    public Subtensor view() {
        return view;
    }

    @Override
    public OpKind kind() {
        return OpKind.INC_INDEX;
    }

    @Override
    public String name() {
        return "IncSubtensor{" + view.describe() + "}";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        Variable x = inputs.get(0);
        Variable y = inputs.get(1);
        Subtensor.checkIndexInputs(name(), x, inputs, 2, view.indexInputs(), view.axis());
        if (x.type().dtype() != y.type().dtype()) {
            throw new DTypeMismatchException(name() + ": " + y.describe() + " is " + y.type().dtype() + " but "
                    + x.describe() + " is " + x.type().dtype());
        }
        int want = view.form() == Subtensor.Form.INDEX ? x.type().rank() - 1 : x.type().rank();
        if (y.type().rank() != want) {
            throw new ShapeMismatchException(name() + ": " + y.describe() + " has rank " + y.type().rank()
                    + " but the indexed part of " + x.describe() + " has rank " + want);
        }
        return List.of(x.type());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IncSubtensor && ((IncSubtensor) o).view.equals(view);
    }

    @Override
    public int hashCode() {
        return view.hashCode() * 7 + 1;
    }

    @Override
    public String toString() {
        return name();
    }
}
