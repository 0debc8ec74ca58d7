package org.symtensor.error;

/** An output needs a variable that is neither an input, a constant nor a shared variable. */
public class MissingInputException extends SymtensorException {
    public MissingInputException(String message) {
        super(message);
    }
}
