package org.symtensor.function;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.SharedValue;

/**
 * A {@link org.symtensor.T#function} option that turns default updates off (Theano's {@code no_default_updates}):
 * for every shared variable ({@link #all()}), or for some. With a random variable's default
 * update off, every call repeats the same draw, because its generator state stays put.
 */
public final class NoDefaultUpdates implements FunctionOption {
    private static final NoDefaultUpdates NONE = new NoDefaultUpdates(false, List.of());
    private static final NoDefaultUpdates ALL = new NoDefaultUpdates(true, List.of());

    private final boolean all;
    private final Set<SharedValue> targets;

    private NoDefaultUpdates(boolean all, List<SharedValue> targets) {
        this.all = all;
        Set<SharedValue> s = Graphs.identitySet();
        s.addAll(targets);
        this.targets = Collections.unmodifiableSet(s);
    }

    /** Every default update applies (what a function does without this option). */
    public static NoDefaultUpdates none() {
        return NONE;
    }

    /** No default update applies. */
    public static NoDefaultUpdates all() {
        return ALL;
    }

    /** The default updates of these shared variables do not apply. */
    public static NoDefaultUpdates of(List<SharedValue> targets) {
        return new NoDefaultUpdates(false, targets);
    }

    /** Both options together: what is off in either is off. */
    public NoDefaultUpdates and(NoDefaultUpdates other) {
        if (all || other.all) {
            return ALL;
        }
        List<SharedValue> both = new java.util.ArrayList<>(targets);
        both.addAll(other.targets);
        return new NoDefaultUpdates(false, both);
    }

    /** Whether the default update of {@code v} is turned off. */
    public boolean excludes(SharedValue v) {
        return all || targets.contains(v);
    }
}
