package org.symtensor.error;

/**
 * Something that is part of a variable's type is wrong: its dtype, its rank or its broadcast
 * pattern (Theano's {@code TypeError}). Raised when a graph is built, compiled or called;
 * {@link DTypeMismatchException} is the dtype case.
 */
public class TypeMismatchException extends SymtensorException {
    public TypeMismatchException(String message) {
        super(message);
    }

    public TypeMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
