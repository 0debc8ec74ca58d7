package org.symtensor.error;

/** A compiled function was called with the wrong number or kind of arguments. */
public class ArgumentException extends SymtensorException {
    public ArgumentException(String message) {
        super(message);
    }
}
