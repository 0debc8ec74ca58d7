package org.symtensor.error;

/** An input of {@code function} that no output, update or given depends on. */
public class UnusedInputException extends SymtensorException {
    public UnusedInputException(String message) {
        super(message);
    }
}
