package org.symtensor.train;

import java.util.List;
import org.symtensor.error.SymtensorException;

/**
 * Saved values that do not fit the parameters they are loaded into: a name missing, or an array of
 * another dtype or shape. Raised before anything is assigned, so the parameters keep their values.
 */
public class CheckpointMismatchException extends SymtensorException {
    private final List<String> problems;

    public CheckpointMismatchException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** One line per parameter that does not fit, e.g. {@code 'W1' is float64 (3, 2), the parameter is float32 (3, 2)}. */
    public List<String> problems() {
        return problems;
    }
}
