package org.symtensor.spark;

import org.symtensor.error.SymtensorException;

/**
 * Spark reports a failed task on the driver as an {@code org.apache.spark.SparkException} whose cause
 * chain holds the executor's exception. The trainer rethrows that Symtensor exception itself (a wrong
 * row width is a {@code ShapeMismatchException} on the driver, as it would be locally); code that runs
 * its own actions over {@link SparkInference}'s results can do the same with {@link #rethrow}.
 */
public final class SparkErrors {
    private SparkErrors() {}

    /**
     * The first {@link SymtensorException} in {@code e}'s cause chain; without one, {@code e} itself, thrown
     * as it is (Spark's {@code SparkException} is a checked exception that its Java API throws undeclared).
     * Use it as {@code catch (Exception e) { throw SparkErrors.rethrow(e); }} around a Spark action.
     */
    public static RuntimeException rethrow(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SymtensorException s) {
                return s;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (e instanceof RuntimeException r) {
            return r;
        }
        throw SparkErrors.<RuntimeException>sneaky(e);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> E sneaky(Exception e) throws E {
        throw (E) e;
    }
}
