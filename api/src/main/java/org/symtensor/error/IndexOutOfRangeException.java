package org.symtensor.error;


/** An integer index falls outside the axis it indexes; the message names the index and the length. */
public final class IndexOutOfRangeException extends ShapeMismatchException {
    public IndexOutOfRangeException(String message) {
        super(message);
    }
}
