package org.symtensor.type;

/** The {@code float32} dtype marker ({@link DType#FLOAT32}). */
public final class F32 implements FloatingMarker {
    private F32() {}
}
