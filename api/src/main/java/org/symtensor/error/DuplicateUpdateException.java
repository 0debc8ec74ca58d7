package org.symtensor.error;

/** One function updates the same shared variable twice: which value to store would be ambiguous. */
public class DuplicateUpdateException extends InvalidValueException {
    public DuplicateUpdateException(String message) {
        super(message);
    }
}
