package org.symtensor;

import static org.symtensor.T.matrix;

/**
 * A program whose first Symtensor call is {@code matrix("x")}: {@link FloatXFlagTest} runs it in a fresh
 * JVM under {@code -Dsymtensor.flags=floatX=float32} and reads the dtype it prints.
 */
final class FloatXFirstCall {
    private FloatXFirstCall() {}

    public static void main(String[] args) {
        System.out.println(matrix("x").dtype());
    }
}
