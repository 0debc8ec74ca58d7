package org.symtensor.error;

/**
 * The base of every error a user can cause through Symtensor: each names the variable, what was
 * expected and what was found, and where the node involved was created.
 */
public class SymtensorException extends RuntimeException {
    public SymtensorException(String message) {
        super(message);
    }

    public SymtensorException(String message, Throwable cause) {
        super(message, cause);
    }
}
