package org.symtensor.type;

import org.symtensor.config.Config;

/**
 * Maps dtype marker classes to {@link DType} values. {@link FloatX} is resolved here, from the
 * process flags ({@link Config#floatX()}), each time a marker is mapped: a variable, literal or
 * constant of floatX made first thing in a program already has the flag's dtype.
 */
public final class DTypes {
    private DTypes() {}

    /** The dtype floatX stands for in this process: float64 unless the flags say {@code floatX=float32}. */
    public static DType floatX() {
        return DType.fromName(Config.current().floatX());
    }

    /**
     * The dtype a marker class stands for: {@code DTypes.of(F32.class) == DType.FLOAT32}, and
     * {@code DTypes.of(FloatX.class)} is {@link #floatX()}.
     */
    public static DType of(Class<? extends DTypeMarker> marker) {
        if (marker == null) {
            throw new IllegalArgumentException("the dtype marker class is null; pass one such as F64.class");
        }
        if (marker == F32.class) {
            return DType.FLOAT32;
        } else if (marker == F64.class) {
            return DType.FLOAT64;
        } else if (marker == I8.class) {
            return DType.INT8;
        } else if (marker == I16.class) {
            return DType.INT16;
        } else if (marker == I32.class) {
            return DType.INT32;
        } else if (marker == I64.class) {
            return DType.INT64;
        } else if (marker == U8.class) {
            return DType.UINT8;
        } else if (marker == Bool.class) {
            return DType.BOOL;
        } else if (marker == FloatX.class) {
            return floatX();
        }
        throw new IllegalArgumentException("not a dtype marker: " + marker.getName());
    }
}
