package org.symtensor.ir;

import java.util.List;
import java.util.Locale;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.TensorType;

/**
 * A running sum or product along one axis, NumPy's {@code cumsum} and {@code cumprod}: element
 * {@code i} of the output is the sum (product) of elements {@code 0..i} of the input along the
 * axis, or of {@code i..n-1} when {@code reverse} (the form the gradient of a cumulative sum is).
 * The shape is the input's; the dtype follows {@link Reduce#outputDtype}: a float keeps its dtype,
 * integers and bool accumulate in int64, as NumPy does on 64-bit platforms.
 */
public final class Cumulative implements Op {
    /** What is accumulated. */
    public enum Kind {
        /** {@code cumsum}. */
        SUM,
        /** {@code cumprod}. */
        PROD
    }

    private final Kind cumulativeKind;
    private final int axis;
    private final boolean reverse;

    private Cumulative(Kind kind, int axis, boolean reverse) {
        this.cumulativeKind = kind;
        this.axis = axis;
        this.reverse = reverse;
    }

    /** The running {@code kind} along {@code axis} (non-negative), from the end of the axis when {@code reverse}. */
    public static Cumulative of(Kind kind, int axis, boolean reverse) {
        return new Cumulative(kind, axis, reverse);
    }

    public Kind cumulativeKind() {
        return cumulativeKind;
    }

    public int axis() {
        return axis;
    }

    public boolean reverse() {
        return reverse;
    }

    /** The reduction whose dtype rule this follows. */
    public Reduce.Kind reduceKind() {
        return cumulativeKind == Kind.SUM ? Reduce.Kind.SUM : Reduce.Kind.PROD;
    }

    @Override
    public OpKind kind() {
        return OpKind.CUMULATIVE;
    }

    @Override
    public String name() {
        return "Cum" + cumulativeKind.name().toLowerCase(Locale.ROOT) + "{axis=" + axis + (reverse ? ", reverse" : "") + "}";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        Variable x = inputs.get(0);
        int rank = x.type().rank();
        if (axis < 0 || axis >= rank) {
            throw new ShapeMismatchException("cum" + cumulativeKind.name().toLowerCase(Locale.ROOT) + ": axis " + axis
                    + " is out of range for " + x.describe() + " of rank " + rank);
        }
        return List.of(TensorType.of(Reduce.outputDtype(reduceKind(), x.type().dtype()), x.type().shape()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cumulative c && c.cumulativeKind == cumulativeKind && c.axis == axis && c.reverse == reverse;
    }

    @Override
    public int hashCode() {
        return (cumulativeKind.hashCode() * 31 + axis) * 2 + (reverse ? 1 : 0);
    }

    @Override
    public String toString() {
        return name();
    }
}
