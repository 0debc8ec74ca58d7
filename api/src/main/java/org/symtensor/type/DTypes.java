package org.symtensor.type;

/** Maps dtype marker classes to {@link DType} values. */
public final class DTypes {
    private static java.util.function.Supplier<DType> floatX = () -> DType.FLOAT64;

    private DTypes() {}

    /** Sets where {@link FloatX} reads its dtype from (the process flags; see org.symtensor.function.Config). */
    public static void setFloatXSource(java.util.function.Supplier<DType> source) {
        floatX = source;
    }

    /** The dtype a marker class stands for: {@code DTypes.of(F32.class) == DType.FLOAT32}. */
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
            return floatX.get();
        }
        throw new IllegalArgumentException("not a dtype marker: " + marker.getName());
    }
}
