package org.symtensor.error;

/** Lengths that must agree do not, found while building a graph or when a function runs (an {@link InvalidValueException}). */
public class ShapeMismatchException extends InvalidValueException {
    public ShapeMismatchException(String message) {
        super(message);
    }
}
