package org.symtensor.error;

/**
 * Thrown by a function compiled in {@code NAN_GUARD} mode when a kernel produces NaN or an
 * infinity: the message names the op, where user code created it, the output and the element.
 */
public class NanGuardException extends SymtensorException {
    public NanGuardException(String message) {
        super(message);
    }
}
