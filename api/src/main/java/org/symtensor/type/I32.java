package org.symtensor.type;

/** The {@code int32} dtype marker ({@link DType#INT32}). */
public final class I32 implements IntegerMarker, SumsTo<I64>, MeansTo<F64> {
    private I32() {}
}
