package org.symtensor.error;


/** A gradient that cannot be built: a non-scalar cost, a disconnected input, or an undefined gradient. */
public class GradientException extends SymtensorException {
    public GradientException(String message) {
        super(message);
    }
}
