package org.symtensor.type;

/** The {@code float64} dtype marker ({@link DType#FLOAT64}). */
public final class F64 implements FloatingMarker, SumsTo<F64>, MeansTo<F64> {
    private F64() {}
}
