package org.symtensor.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the items of a DSL indexing expression into the IR's ({@link org.symtensor.ir.IndexOps}):
 * a {@link Slice} becomes its range, a handle its variable; numbers and {@code newaxis} pass as they are.
 */
public final class IndexItems {
    private IndexItems() {}

    /** The IR items of {@code first, rest...}. */
    public static List<Object> of(Object first, Object... rest) {
        List<Object> r = new ArrayList<>(1 + rest.length);
        r.add(item(first));
        for (Object o : rest) {
            r.add(item(o));
        }
        return r;
    }

    /** The IR items of {@code items...}. */
    public static List<Object> ofAll(Object[] items) {
        List<Object> r = new ArrayList<>(items.length);
        for (Object o : items) {
            r.add(item(o));
        }
        return r;
    }

    private static Object item(Object o) {
        if (o instanceof Slice s) {
            return s.range();
        }
        if (o instanceof Tensor<?> t) {
            return t.variable();
        }
        return o;
    }
}
