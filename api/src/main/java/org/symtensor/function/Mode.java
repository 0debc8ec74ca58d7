package org.symtensor.function;

import java.util.Locale;
import org.symtensor.rewrite.Optimizer;

/**
 * How a function is optimized and checked, Theano's {@code mode}: the optimizer's {@link Optimizer.Level}
 * plus the checks the linker adds around the kernels (DEBUG_MODE, NAN_GUARD).
 */
public enum Mode {
    /** Every rewrite: merge, canonicalize, scan memory saving, stabilize, specialize, fusion, merge. */
    FAST_RUN,
    /** Merge, constant folding and scan memory saving only: the graph compiles fast and runs as written. */
    FAST_COMPILE,
    /** FAST_RUN, and every call also runs the unoptimized graph and throws on any difference. */
    DEBUG_MODE,
    /** FAST_RUN without fusion, and every kernel's float outputs are checked for NaN and infinity. */
    NAN_GUARD,
    /** No rewrite at all: the graph runs exactly as built (the reference for tests). */
    NONE;

    /** The mode named by a flag value ({@code fast_run}, {@code DEBUG_MODE}); an unknown name is an error listing the known ones. */
    public static Mode fromName(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (Mode m : values()) {
            if (m.name().equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + name + "'; expected one of FAST_RUN, FAST_COMPILE,"
                + " DEBUG_MODE, NAN_GUARD, NONE");
    }

    /** How much the optimizer rewrites in this mode (checking modes optimize as FAST_RUN). */
    public Optimizer.Level level() {
        return switch (this) {
            case FAST_RUN, DEBUG_MODE, NAN_GUARD -> Optimizer.Level.FAST_RUN;
            case FAST_COMPILE -> Optimizer.Level.FAST_COMPILE;
            case NONE -> Optimizer.Level.NONE;
        };
    }

    /** Whether elementwise chains are fused (not under NAN_GUARD, whose check names single ops). */
    public boolean fuses() {
        return this != NAN_GUARD;
    }

    /** The optimizer passes of this mode, in order. */
    public java.util.List<Optimizer.Pass> passes() {
        return Optimizer.pipeline(level(), fuses());
    }
}
