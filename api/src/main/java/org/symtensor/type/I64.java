package org.symtensor.type;

/** The {@code int64} dtype marker ({@link DType#INT64}). */
public final class I64 implements IntegerMarker, SumsTo<I64>, MeansTo<F64> {
    private I64() {}
}
