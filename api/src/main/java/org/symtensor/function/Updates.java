package org.symtensor.function;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shared-variable updates of a function, with Theano's semantics: every output and every new
 * value is computed from the values the shared variables had before the call, then all updates
 * are stored together (so {@code updates(update(a, b), update(b, a))} swaps a and b).
 */
public final class Updates implements FunctionOption {
    private final List<Update> pairs;

    Updates(List<Update> pairs) {
        this.pairs = Collections.unmodifiableList(new ArrayList<>(pairs));
    }

    /** Updates from a list of pairs (for graph builders such as scan). */
    public static Updates of(List<Update> pairs) {
        return new Updates(pairs);
    }

    public List<Update> pairs() {
        return pairs;
    }
}
