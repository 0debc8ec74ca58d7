package org.symtensor.train.profile;

import org.symtensor.T;
import org.symtensor.function.Function;

/**
 * Profiles a function that was compiled without {@code profile()}: {@link #profile(Function)}
 * compiles a twin of it from its spec with the {@code profile()} option (the same graph, updates and
 * kernels, a timer around each kernel; see {@link org.symtensor.function.Function#profile()}). Call
 * the twin instead of {@code f}, then print {@code twin.profile()}. To profile from the start, write
 * {@code function(..., profile())} instead.
 */
public final class Profiler {
    private Profiler() {}

    /** A profiled twin of {@code f} (same inputs, outputs and updates), compiled under this process's flags. */
    public static Function profile(Function f) {
        return T.compile(f.spec().withProfile(true));
    }
}
