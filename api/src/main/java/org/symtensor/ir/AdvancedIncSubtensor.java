package org.symtensor.ir;

import java.util.List;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.TensorType;

/**
 * Theano's {@code AdvancedIncSubtensor}: a copy of x with y added at ({@code inc}) or written to
 * ({@code set}) the positions the {@link AdvancedSubtensor} {@code view} reads. Inputs: (x, y,
 * index). y broadcasts to the view's shape along its axes of static length 1 (and missing leading
 * axes). With repeated indices, {@code inc} accumulates every contribution (Theano's
 * {@code inc_subtensor}, NumPy's {@code add.at}) and {@code set} keeps the last one written, in
 * index order. This op is also the gradient of {@code view}: {@code inc(zeros, g, idx)}.
 */
public final class AdvancedIncSubtensor implements Op {
    private final AdvancedSubtensor view;
    private final boolean set;

    private AdvancedIncSubtensor(AdvancedSubtensor view, boolean set) {
        this.view = view;
        this.set = set;
    }

    /** Adds y at the view. */
    public static AdvancedIncSubtensor inc(AdvancedSubtensor view) {
        return new AdvancedIncSubtensor(view, false);
    }

    /** Writes y at the view. */
    public static AdvancedIncSubtensor set(AdvancedSubtensor view) {
        return new AdvancedIncSubtensor(view, true);
    }

    public AdvancedSubtensor view() {
        return view;
    }

    /** Whether y replaces the viewed elements rather than adding to them. */
    public boolean isSet() {
        return set;
    }

    @Override
    public OpKind kind() {
        return OpKind.ADVANCED_INC;
    }

    @Override
    public String name() {
        return (set ? "AdvancedSetSubtensor" : "AdvancedIncSubtensor") + (view.form() == AdvancedSubtensor.Form.TAKE
                ? "{axis=" + view.axis() + "}" : "{mask}");
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        Variable x = inputs.get(0);
        Variable y = inputs.get(1);
        int[] viewShape = AdvancedSubtensor.viewShape(view.form(), view.axis(), x, inputs.get(2), name());
        if (y.type().dtype() != x.type().dtype()) {
            throw new DTypeMismatchException(name() + ": the values " + y.describe() + " are " + y.type().dtype()
                    + " but " + x.describe() + " is " + x.type().dtype() + "; cast them first");
        }
        if (y.type().rank() > viewShape.length) {
            throw new ShapeMismatchException(name() + ": the values " + y.describe() + " have rank " + y.type().rank()
                    + " but the indexed part of " + x.describe() + " has rank " + viewShape.length);
        }
        int lead = viewShape.length - y.type().rank();
        for (int a = 0; a < y.type().rank(); a++) {
            int d = y.type().dim(a);
            int v = viewShape[lead + a];
            if (d != TensorType.UNKNOWN && d != 1 && v != TensorType.UNKNOWN && d != v) {
                throw new ShapeMismatchException(name() + ": the values " + y.describe() + " of shape "
                        + TensorType.shapeString(y.type().shape()) + " do not fit the indexed part of shape "
                        + TensorType.shapeString(viewShape));
            }
        }
        return List.of(x.type());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdvancedIncSubtensor && ((AdvancedIncSubtensor) o).view.equals(view)
                && ((AdvancedIncSubtensor) o).set == set;
    }

    @Override
    public int hashCode() {
        return view.hashCode() * 7 + (set ? 2 : 1);
    }

    @Override
    public String toString() {
        return name();
    }
}
