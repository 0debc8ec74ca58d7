package org.symtensor.error;

/**
 * A value is wrong while its type is right: a length, an index, a count, a duplicate (Theano's
 * {@code ValueError}). {@link ShapeMismatchException} (lengths that do not agree) and
 * {@link IndexOutOfRangeException} are its cases.
 */
public class InvalidValueException extends SymtensorException {
    public InvalidValueException(String message) {
        super(message);
    }

    public InvalidValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
