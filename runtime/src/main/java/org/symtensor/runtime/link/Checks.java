package org.symtensor.runtime.link;

import org.symtensor.function.Mode;

/**
 * The run-time checks the linking layer adds around a function's kernels, decided from its
 * {@link Mode} in one place ({@link #forMode}) for every backend: {@code NAN_GUARD} checks each
 * node's float outputs for NaN and infinity ({@link NanGuard}); {@code DEBUG_MODE} runs the graph
 * as written ({@link Plan#asWritten}) next to the optimized one and compares every result
 * ({@link DebugCheck}). The CPU's {@link Schedule} and the OpenCL backend both run both checks.
 *
 * @param nanGuard     check every node's float outputs after it ran
 * @param compareWithAsWritten run the unoptimized graph on the same arguments and compare the results
 */
public record Checks(boolean nanGuard, boolean compareWithAsWritten) {
    /** No check: the kernels run bare. */
    public static final Checks NONE = new Checks(false, false);

    /** The checks {@code mode} asks for. */
    public static Checks forMode(Mode mode) {
        return switch (mode) {
            case NAN_GUARD -> new Checks(true, false);
            case DEBUG_MODE -> new Checks(false, true);
            case FAST_RUN, FAST_COMPILE, NONE -> NONE;
        };
    }
}
