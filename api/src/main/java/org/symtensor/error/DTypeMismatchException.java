package org.symtensor.error;

/** A value or expression has a different dtype than the one required, and no implicit conversion applies. */
public class DTypeMismatchException extends TypeMismatchException {
    public DTypeMismatchException(String message) {
        super(message);
    }
}
