package org.symtensor.type;

/** The {@code bool} dtype marker ({@link DType#BOOL}). */
public final class Bool implements DTypeMarker, SumsTo<I64>, MeansTo<F64> {
    private Bool() {}
}
