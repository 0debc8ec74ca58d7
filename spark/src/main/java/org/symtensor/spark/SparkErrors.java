package org.symtensor.spark;

import org.symtensor.error.SymtensorException;

/**
 * Spark reports a failed task on the driver as an {@code org.apache.spark.SparkException} whose cause
 * chain holds the executor's exception. The trainer rethrows that Symtensor exception itself (a wrong
 * row width is a {@code ShapeMismatchException} on the driver, as it would be locally); code that runs
 * its own actions over {@link SparkInference}'s results can do the same with {@link #unwrap}.
 */
public final class SparkErrors {
    private SparkErrors() {}

    /** The first {@link SymtensorException} in {@code e}'s cause chain, or {@code e} itself when there is none. */
    public static RuntimeException unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SymtensorException s) {
                return s;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return e;
    }
}
