package org.symtensor.type;

import org.symtensor.error.ShapeMismatchException;

import java.util.Arrays;

/**
 * The static type of a symbolic tensor: its dtype and, per axis, its length when known.
 *
 * <p>An axis of known length 1 is <em>broadcastable</em>, as in Theano: only such axes stretch
 * in elementwise ops. {@link #UNKNOWN} marks an axis whose length is known only at run time.
 * Values of this class are immutable.
 */
public final class TensorType {
    /** The length of an axis known only at run time. */
    public static final int UNKNOWN = -1;

    private final DType dtype;
    private final int[] shape;

    private TensorType(DType dtype, int[] shape) {
        this.dtype = dtype;
        this.shape = shape;
    }

    /** A type with the given static shape; use {@link #UNKNOWN} for axes known at run time. */
    public static TensorType of(DType dtype, int... shape) {
        for (int s : shape) {
            if (s < UNKNOWN) {
                throw new IllegalArgumentException("bad static axis length " + s + " in " + Arrays.toString(shape));
            }
        }
        long known = 1;
        for (int s : shape) {
            if (s != UNKNOWN) {
                known *= s;
                if (known > Integer.MAX_VALUE) {
                    throw new ShapeMismatchException("static shape " + Arrays.toString(shape).replace('[', '(')
                            .replace(']', ')').replace("-1", "?") + " has more elements than the " + Integer.MAX_VALUE
                            + " a Java array can hold");
                }
            }
        }
        return new TensorType(dtype, shape.clone());
    }

    /** A type from a Theano broadcastable pattern: {@code true} axes have length 1, the others are unknown. */
    public static TensorType ofBroadcastable(DType dtype, boolean... broadcastable) {
        int[] shape = new int[broadcastable.length];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = broadcastable[i] ? 1 : UNKNOWN;
        }
        return new TensorType(dtype, shape);
    }

    /** A type of the given rank with every axis unknown. */
    public static TensorType ofRank(DType dtype, int rank) {
        int[] shape = new int[rank];
        Arrays.fill(shape, UNKNOWN);
        return new TensorType(dtype, shape);
    }

    public DType dtype() {
        return dtype;
    }

    public int rank() {
        return shape.length;
    }

    /** The static shape, {@link #UNKNOWN} where not known. */
    public int[] shape() {
        return shape.clone();
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public boolean isBroadcastable(int axis) {
        return shape[axis] == 1;
    }

    public boolean[] broadcastable() {
        boolean[] b = new boolean[shape.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = shape[i] == 1;
        }
        return b;
    }

    /** Whether every axis length is known. */
    public boolean isShapeKnown() {
        for (int s : shape) {
            if (s == UNKNOWN) {
                return false;
            }
        }
        return true;
    }

    public TensorType withDtype(DType d) {
        return new TensorType(d, shape);
    }

    /** Whether a value of type {@code other} fits where this type is expected (same dtype and rank, compatible axes). */
    public boolean accepts(TensorType other) {
        if (other.dtype != dtype || other.rank() != rank()) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] != UNKNOWN && shape[i] != other.shape[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether a run-time shape fits this type's static shape. */
    public boolean acceptsShape(int[] actual) {
        if (actual.length != shape.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] != UNKNOWN && shape[i] != actual[i]) {
                return false;
            }
        }
        return true;
    }

    /** Theano's name for a tensor kind: {@code fscalar}, {@code dmatrix}, {@code TensorType(float32, (1, ?))}. */
    @Override
    public String toString() {
        return "TensorType(" + dtype + ", " + shapeString(shape) + ")";
    }

    /** Formats a static shape as {@code (2, ?)}. */
    public static String shapeString(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i] == UNKNOWN ? "?" : Integer.toString(shape[i]));
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorType && ((TensorType) o).dtype == dtype && Arrays.equals(((TensorType) o).shape, shape);
    }

    @Override
    public int hashCode() {
        return dtype.hashCode() * 31 + Arrays.hashCode(shape);
    }
}
