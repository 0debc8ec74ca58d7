package org.symtensor.type;

/** The {@code int8} dtype marker ({@link DType#INT8}). */
public final class I8 implements IntegerMarker, SumsTo<I64>, MeansTo<F64> {
    private I8() {}
}
