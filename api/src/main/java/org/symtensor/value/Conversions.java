package org.symtensor.value;

import org.symtensor.error.ArgumentException;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.TypeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * Converts what a caller passes (Java numbers, primitive arrays, {@link NDArray}s) into a value of
 * an expected type, with Theano's strictness: safe upcasts happen silently; a Java integer or
 * boolean literal converts when the dtype holds it exactly; a downcast (a {@code double} into a
 * float32 input, say) is an error unless the caller allowed downcasts.
 */
public final class Conversions {
    private Conversions() {}

    /**
     * A float stored into an integer dtype, the one rule every backend follows (NDArray.astype,
     * kernel stores, constant folding, OpenCL's {@code convert_<type>_sat_rtz}): truncate toward
     * zero, then saturate to the dtype's range ({@code [-128, 127]} for int8, {@code [0, 255]} for
     * uint8, ..., {@code [Long.MIN_VALUE, Long.MAX_VALUE]} for int64); NaN is 0. This is Java's
     * {@code (int) v} rule extended to the narrow types, so {@code +Inf} becomes the maximum, never
     * {@code -1}. Bool is {@code v != 0}. (Integer-to-integer narrowing, by contrast, wraps to the
     * width, as NumPy's C casts do.)
     */
    public static long floatToInt(double v, DType to) {
        return switch (to) {
            case BOOL -> v != 0 ? 1 : 0;
            case INT8 -> toInt8(v);
            case UINT8 -> toUint8(v);
            case INT16 -> toInt16(v);
            case INT32 -> (int) v;
            case INT64, FLOAT32, FLOAT64 -> (long) v;
        };
    }

    /** {@link #floatToInt} for int8. */
    public static byte toInt8(double v) {
        return (byte) Math.max(Byte.MIN_VALUE, Math.min(Byte.MAX_VALUE, (int) v));
    }

    /** {@link #floatToInt} for uint8, as the int 0..255 (store it with {@code (byte)}). */
    public static int toUint8(double v) {
        return Math.max(0, Math.min(255, (int) v));
    }

    /** {@link #floatToInt} for int16. */
    public static short toInt16(double v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, (int) v));
    }

    /**
     * @param what how the message names the destination, e.g. {@code "input 'x'"}
     */
    public static NDArray toNDArray(Object value, TensorType expected, String what, boolean allowDowncast) {
        if (value == null) {
            throw new ArgumentException(what + " got null; expected " + describe(expected));
        }
        NDArray a;
        try {
            a = value instanceof NDArray ? (NDArray) value : NDArray.fromJava(value);
        } catch (IllegalArgumentException e) {
            throw new ArgumentException(what + ": " + e.getMessage());
        }
        DType want = expected.dtype();
        if (a.rank() != expected.rank()) {
            throw new TypeMismatchException(what + " expects " + describe(expected) + " but got "
                    + (a.rank() == 0 ? "a scalar" : "an array of shape " + NDArray.shapeToString(a.shape()))
                    + " (rank " + a.rank() + ")");
        }
        if (!expected.acceptsShape(a.shape())) {
            throw new TypeMismatchException(what + " expects static shape " + TensorType.shapeString(expected.shape())
                    + " but got shape " + NDArray.shapeToString(a.shape()));
        }
        if (a.dtype() == want) {
            return a;
        }
        if (want.canHoldAll(a.dtype()) || allowDowncast || isExactLiteral(value, want)) {
            return a.astype(want);
        }
        throw new DTypeMismatchException(what + " expects " + want + " but got " + a.dtype() + " data ("
                + javaKind(value) + "); converting would lose precision. Pass " + want + " data, or compile"
                + " the function with allowInputDowncast()");
    }

    private static boolean isExactLiteral(Object value, DType want) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return want.holdsExactly(((Number) value).doubleValue()) && want != DType.BOOL;
        }
        if (value instanceof Boolean) {
            return true;
        }
        return false;
    }

    private static String javaKind(Object value) {
        if (value instanceof NDArray) {
            return "an NDArray";
        }
        Class<?> c = value.getClass();
        return c.isArray() ? "a Java " + c.getSimpleName() : "a Java " + c.getSimpleName() + " " + value;
    }

    /** {@code float32 scalar}, {@code float64 matrix}, {@code int32 tensor of rank 5}. */
    public static String describe(TensorType t) {
        String[] names = {"scalar", "vector", "matrix", "tensor3", "tensor4"};
        return t.dtype() + " " + (t.rank() < names.length ? names[t.rank()] : "tensor of rank " + t.rank());
    }
}
