package org.symtensor.ir;

import java.util.List;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.InvalidValueException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * NumPy's {@code arange(start, stop, step)} with symbolic bounds: the vector
 * {@code start, start + step, ...} up to but excluding {@code stop}, of length
 * {@code max(0, ceil((stop - start) / step))}. Inputs: three real scalars; the output dtype is a
 * parameter (the DSL picks the upcast of the three, as NumPy and Theano do). A zero step is an
 * error, at build time when it is a constant, else when the function runs.
 */
public final class Arange implements Op {
    private final DType dtype;

    private Arange(DType dtype) {
        this.dtype = dtype;
    }

    public static Arange of(DType dtype) {
        return new Arange(dtype);
    }

    public DType dtype() {
        return dtype;
    }

    @Override
    public OpKind kind() {
        return OpKind.ARANGE;
    }

    @Override
    public String name() {
        return "ARange{" + dtype + "}";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 3) {
            throw new IllegalArgumentException("arange takes start, stop and step, got " + inputs.size() + " inputs");
        }
        String[] names = {"start", "stop", "step"};
        for (int k = 0; k < 3; k++) {
            Variable v = inputs.get(k);
            if (v.type().rank() != 0 || v.type().dtype() == DType.BOOL) {
                throw new DTypeMismatchException("arange: " + names[k] + " must be a numeric scalar, got " + v.describe()
                        + " of type " + v.type());
            }
        }
        Double[] c = new Double[3];
        for (int k = 0; k < 3; k++) {
            if (inputs.get(k) instanceof Constant con) {
                c[k] = con.value().getDouble(0);
            }
        }
        if (c[2] != null && c[2] == 0) {
            throw new InvalidValueException("arange: the step " + inputs.get(2).describe() + " is zero");
        }
        int n = TensorType.UNKNOWN;
        if (c[0] != null && c[1] != null && c[2] != null) {
            n = length(c[0], c[1], c[2], "arange");
        }
        return List.of(TensorType.of(dtype, n));
    }

    /** The number of values: {@code max(0, ceil((stop - start) / step))}, or an error for a zero or huge step count. */
    public static int length(double start, double stop, double step, String what) {
        if (step == 0 || Double.isNaN(step)) {
            throw new InvalidValueException(what + ": the step is " + step + "; it must be non-zero");
        }
        double n = Math.ceil((stop - start) / step);
        if (Double.isNaN(n)) {
            throw new InvalidValueException(what + ": start " + start + ", stop " + stop + " and step " + step
                    + " give no length");
        }
        if (n > Integer.MAX_VALUE) {
            throw new org.symtensor.error.ShapeMismatchException(what + "(" + start + ", " + stop + ", " + step + ") has "
                    + (long) n + " values, more than the " + Integer.MAX_VALUE + " a Java array can hold");
        }
        return (int) Math.max(0, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Arange && ((Arange) o).dtype == dtype;
    }

    @Override
    public int hashCode() {
        return dtype.hashCode() * 13 + 5;
    }

    @Override
    public String toString() {
        return name();
    }
}
