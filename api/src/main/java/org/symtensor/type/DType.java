package org.symtensor.type;

import java.util.Locale;

/**
 * The element types a tensor can hold, with Theano's names and Theano's promotion rules.
 *
 * <p>Promotion ({@link #upcast}) follows NumPy's array rules as Theano used them:
 * {@code int32 + float32 -> float64}, {@code int8 + uint8 -> int16}, {@code bool + int8 -> int8}.
 * Literals get the smallest type that holds them exactly ({@link #ofLiteral}).
 */
public enum DType {
    BOOL("bool", 'b', 1),
    INT8("int8", 'i', 8),
    INT16("int16", 'i', 16),
    INT32("int32", 'i', 32),
    INT64("int64", 'i', 64),
    UINT8("uint8", 'u', 8),
    FLOAT32("float32", 'f', 32),
    FLOAT64("float64", 'f', 64);

    private final String theanoName;
    private final char kind;
    private final int bits;

    DType(String theanoName, char kind, int bits) {
        this.theanoName = theanoName;
        this.kind = kind;
        this.bits = bits;
    }

    /** The name Theano and NumPy use: {@code float32}, {@code int64}, {@code bool}. */
    public String theanoName() {
        return theanoName;
    }

    public int bits() {
        return bits;
    }

    public boolean isFloat() {
        return kind == 'f';
    }

    /** True for the signed and unsigned integer types, false for bool. */
    public boolean isInteger() {
        return kind == 'i' || kind == 'u';
    }

    public boolean isBool() {
        return this == BOOL;
    }

    /** Looks a dtype up by its Theano name ({@code "float32"}) or short name ({@code "f32"}). */
    public static DType fromName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (DType d : values()) {
            if (d.theanoName.equals(n) || d.name().toLowerCase(Locale.ROOT).equals(n)) {
                return d;
            }
        }
        switch (n) {
            case "f32": return FLOAT32;
            case "f64": return FLOAT64;
            case "i8": return INT8;
            case "i16": return INT16;
            case "i32": return INT32;
            case "i64": return INT64;
            case "u8": return UINT8;
            default:
                throw new IllegalArgumentException("unknown dtype '" + name
                        + "'; expected one of bool, int8, int16, int32, int64, uint8, float32, float64");
        }
    }

    /**
     * The dtype of {@code a op b} for arithmetic between two tensors: NumPy's array promotion,
     * which is what Theano's {@code upcast} computes.
     */
    public static DType upcast(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if (a == BOOL) {
            return b;
        }
        if (b == BOOL) {
            return a;
        }
        if (a.isFloat() || b.isFloat()) {
            if (a.isFloat() && b.isFloat()) {
                return a.bits >= b.bits ? a : b;
            }
            DType f = a.isFloat() ? a : b;
            DType i = a.isFloat() ? b : a;
            // float32 holds int8/int16/uint8 exactly; int32 and int64 need float64.
            return f == FLOAT64 || i.bits >= 32 ? FLOAT64 : FLOAT32;
        }
        // both integers
        boolean aSigned = a.kind == 'i';
        boolean bSigned = b.kind == 'i';
        if (aSigned == bSigned) {
            return a.bits >= b.bits ? a : b;
        }
        DType signed = aSigned ? a : b;
        DType unsigned = aSigned ? b : a; // only UINT8 exists
        if (signed.bits > unsigned.bits) {
            return signed;
        }
        return INT16;
    }

    /** Upcast over several dtypes. */
    public static DType upcast(DType first, DType... rest) {
        DType r = first;
        for (DType d : rest) {
            r = upcast(r, d);
        }
        return r;
    }

    /**
     * Theano's {@code upgrade_to_float}: the float type that a transcendental function of this
     * type returns. Small integers go to float32, wide ones to float64, floats stay.
     */
    public DType upgradeToFloat() {
        switch (this) {
            case BOOL:
            case INT8:
            case UINT8:
            case INT16:
                return FLOAT32;
            case INT32:
            case INT64:
                return FLOAT64;
            case FLOAT32:
            case FLOAT64:
                return this;
        }
        throw new AssertionError(this);
    }

    /** The smallest integer type (int8 upward) that holds {@code v}: Theano's autocast for Python ints. */
    public static DType ofLiteral(long v) {
        if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            return INT8;
        }
        if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            return INT16;
        }
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            return INT32;
        }
        return INT64;
    }

    /** float32 when {@code v} is exactly a float32, float64 otherwise: Theano's autocast for Python floats. */
    public static DType ofLiteral(double v) {
        return (double) (float) v == v || Double.isNaN(v) ? FLOAT32 : FLOAT64;
    }

    /** Whether this dtype represents {@code v} exactly (so a literal can take this dtype). */
    public boolean holdsExactly(double v) {
        switch (this) {
            case BOOL:
                return v == 0 || v == 1;
            case INT8:
                return v == Math.rint(v) && v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
            case UINT8:
                return v == Math.rint(v) && v >= 0 && v <= 255;
            case INT16:
                return v == Math.rint(v) && v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
            case INT32:
                return v == Math.rint(v) && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            case INT64:
                return v == Math.rint(v) && v >= -0x1p63 && v < 0x1p63;
            case FLOAT32:
                return Double.isNaN(v) || (double) (float) v == v;
            case FLOAT64:
                return true;
        }
        throw new AssertionError(this);
    }

    /** Whether values of {@code from} convert to this dtype without loss (no downcast). */
    public boolean canHoldAll(DType from) {
        return upcast(this, from) == this;
    }

    @Override
    public String toString() {
        return theanoName;
    }
}
