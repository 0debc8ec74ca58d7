package org.symtensor.type;

/** The {@code uint8} dtype marker ({@link DType#UINT8}). */
public final class U8 implements IntegerMarker, SumsTo<I64>, MeansTo<F64> {
    private U8() {}
}
