package org.symtensor.error;

/**
 * A shared variable was listed among a function's explicit inputs. Shared variables are implicit
 * inputs (their stored value is read at each call); to run the graph on another value in their
 * place, replace them with {@code givens(...)}.
 */
public class SharedInputException extends TypeMismatchException {
    public SharedInputException(String message) {
        super(message);
    }
}
