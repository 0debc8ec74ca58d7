package org.symtensor.error;

/** Shapes or ranks that must agree do not, found while building a graph or when a function runs. */
public class ShapeMismatchException extends SymtensorException {
    public ShapeMismatchException(String message) {
        super(message);
    }
}
