package org.symtensor.spark;

import org.symtensor.error.SymtensorException;

/**
 * A {@link FunctionRecipe} cannot be turned into a function: its class or method is not on the class
 * path, the method has the wrong form, or its parameters do not match the values given. The message
 * names the class, method or parameter.
 */
public class RecipeException extends SymtensorException {
    private static final long serialVersionUID = 1L;

    public RecipeException(String message) {
        super(message);
    }

    public RecipeException(String message, Throwable cause) {
        super(message, cause);
    }
}
