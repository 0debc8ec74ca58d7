package org.symtensor.random;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.Scalar;
import org.symtensor.value.NDArray;

/**
 * The size of a draw, Theano's {@code size=(...)}: axis lengths that are Java ints or longs
 * (checked when the graph is built) or integer scalars (checked at each call), mixed freely:
 * {@code Size.of(n, 3)}. An empty size draws a scalar.
 */
public final class Size {
    private final List<Variable> dims;

    private Size(List<Variable> dims) {
        this.dims = Collections.unmodifiableList(dims);
    }

    /** Axis lengths: each an {@code Integer}, a {@code Long} or a {@code Scalar} of an integer dtype. */
    public static Size of(Object... dims) {
        List<Variable> vs = new ArrayList<>(dims.length);
        for (int i = 0; i < dims.length; i++) {
            Object d = dims[i];
            if (d instanceof Integer || d instanceof Long) {
                vs.add(new Constant(NDArray.of(((Number) d).longValue())));
            } else if (d instanceof Scalar) {
                vs.add(((Scalar<?>) d).variable());
            } else {
                throw new DTypeMismatchException("size[" + i + "] must be an int, a long or an integer Scalar, got "
                        + (d == null ? "null" : d.getClass().getSimpleName() + " " + d));
            }
        }
        return new Size(vs);
    }

    /** The number of axes. */
    public int rank() {
        return dims.size();
    }

    /** The axis lengths as graph variables (constants for Java numbers). */
    public List<Variable> dims() {
        return dims;
    }
}
