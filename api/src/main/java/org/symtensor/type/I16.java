package org.symtensor.type;

/** The {@code int16} dtype marker ({@link DType#INT16}). */
public final class I16 implements IntegerMarker, SumsTo<I64>, MeansTo<F64> {
    private I16() {}
}
