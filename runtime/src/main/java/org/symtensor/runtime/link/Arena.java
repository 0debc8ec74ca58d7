package org.symtensor.runtime.link;

import org.symtensor.value.NDArray;

/**
 * The intermediate buffers of one compiled function kept from one call to the next, so that a
 * steady state (a training loop) stops allocating large arrays: per step of the schedule, the
 * arrays its kernel made fresh in the last call, offered back to that kernel
 * ({@link Kernel#run(NDArray[], int[], NDArray[])}) in the next.
 *
 * <p>Safety. A buffer is kept only when nothing can hold it after the call: it was made fresh by
 * the step (not an input, a donor or a view of one, since its array is none of the step's inputs'
 * arrays), and it is no result of the call (outputs and new shared values, views included: compared
 * by backing array). Each buffer is recorded by the one step that made it, so two steps are never
 * offered the same array. An arena serves one call at a time: a {@link Schedule} hands its spare
 * arena to a call and takes it back at the end, and a concurrent call finds none and allocates
 * (the thread contract of pure functions is kept: no lock, no sharing). A failing call drops it.
 */
final class Arena {
    /** Per step: null for a step that keeps nothing, else one entry per output (null when none is kept). */
    private final NDArray[][] buffers;

    /** An arena for the steps whose {@code outputs[t]} is not zero (steps with 0 keep nothing). */
    Arena(int[] outputs) {
        this.buffers = new NDArray[outputs.length][];
        for (int t = 0; t < outputs.length; t++) {
            buffers[t] = outputs[t] == 0 ? null : new NDArray[outputs[t]];
        }
    }

    /**
     * Step {@code t}'s entries: the buffers it made in the last call, offered to its kernel, and
     * then overwritten by the step with what it makes fresh in this call (null for a step that keeps
     * nothing). Read before the kernel runs; the kernel does not keep the array.
     */
    NDArray[] slot(int t) {
        return buffers[t];
    }

    /** Forgets every recorded buffer whose backing array is one of {@code results}'. */
    void releaseReturned(NDArray[] results) {
        for (NDArray[] b : buffers) {
            if (b == null) {
                continue;
            }
            for (int k = 0; k < b.length; k++) {
                if (b[k] != null) {
                    Object data = b[k].data();
                    for (NDArray r : results) {
                        if (r != null && r.data() == data) {
                            b[k] = null;
                            break;
                        }
                    }
                }
            }
        }
    }

    /** Every buffer held, in step order (for inspection). */
    java.util.List<NDArray> held() {
        java.util.List<NDArray> r = new java.util.ArrayList<>();
        for (NDArray[] b : buffers) {
            for (int k = 0; b != null && k < b.length; k++) {
                if (b[k] != null) {
                    r.add(b[k]);
                }
            }
        }
        return r;
    }
}
