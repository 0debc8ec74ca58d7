package org.symtensor.type;

/** The {@code float32} dtype marker ({@link DType#FLOAT32}). */
public final class F32 implements FloatingMarker, SumsTo<F32>, MeansTo<F32> {
    private F32() {}
}
