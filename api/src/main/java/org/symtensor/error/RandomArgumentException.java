package org.symtensor.error;

/**
 * A random draw was asked for with an impossible argument: a negative size, {@code low > high},
 * a probability outside [0, 1], probabilities that do not sum to 1, too few items to choose from
 * without replacement, or a malformed generator state. Raised while building the graph when the
 * argument is a constant, otherwise when the function is called (and then no shared value,
 * generator states included, changes). {@link #argument()} names the offending argument.
 */
public class RandomArgumentException extends SymtensorException {
    private final String argument;

    public RandomArgumentException(String argument, String message) {
        super(message);
        this.argument = argument;
    }

    /** The name of the argument at fault, as the DSL spells it: {@code low}, {@code p}, {@code size[1]}. */
    public String argument() {
        return argument;
    }
}
