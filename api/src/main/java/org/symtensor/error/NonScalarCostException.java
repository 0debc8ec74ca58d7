package org.symtensor.error;

/** {@code grad} of a cost that is not a scalar: reduce it first ({@code sum()}, {@code mean()}). */
public class NonScalarCostException extends GradientException {
    public NonScalarCostException(String message) {
        super(message);
    }
}
