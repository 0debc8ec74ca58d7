package org.symtensor.runtime.link;

import java.util.Arrays;
import org.symtensor.value.NDArray;

/**
 * The per-call state of one compiled function kept from one call to the next, so that a steady
 * state (a training loop) stops allocating: per step of the schedule, the arrays its kernel made
 * fresh in the last call, offered back to that kernel ({@link Kernel#run(NDArray[], int[], NDArray[])})
 * in the next; the last view a view step (a dimshuffle) made, which its kernel hands out again when
 * the new view would be the same; and the small arrays a call needs for its bookkeeping (the value
 * slots, each step's argument and offer arrays).
 *
 * <p>Safety. A buffer is kept only when nothing can hold it after the call: it was made fresh by
 * the step (not an input, a donor or a view of one, since its array is none of the step's inputs'
 * arrays), and it is no result of the call (outputs and new shared values, views included: compared
 * by backing array). Each buffer is recorded by the one step that made it, so two steps are never
 * offered the same array. A kept view is never written through: an {@link NDArray} header cannot
 * change, so handing out the same header for the same array, offset, shape and strides is the
 * same value. An arena serves one call at a time: a {@link Schedule} hands its spare arena to a
 * call and takes it back at the end, and a concurrent call finds none and allocates (the thread
 * contract of pure functions is kept: no lock, no sharing). A failing call drops it.
 */
final class Arena {
    /** Per step: null for a step that keeps nothing, else one entry per output (null when none is kept). */
    private final NDArray[][] buffers;
    /** Per step: one entry per output; the arrays its kernel is given (kept buffers, callInto destinations). */
    private final NDArray[][] offered;
    /** Per step: its kernel's argument array, filled before the step and cleared after it. */
    private final NDArray[][] args;
    /** The value slots of a call, cleared at its end. */
    final NDArray[] values;
    /** Per step: the callInto destinations offered to its outputs (entries cleared at the end of each call). */
    final NDArray[][] destinations;

    /**
     * An arena for the steps whose {@code outputs[t]} is not zero (steps with 0 keep nothing), whose
     * kernels take {@code arity[t]} arguments, over {@code slots} value slots.
     */
    Arena(int[] outputs, int[] arity, int slots) {
        this.buffers = new NDArray[outputs.length][];
        this.offered = new NDArray[outputs.length][];
        this.args = new NDArray[outputs.length][];
        for (int t = 0; t < outputs.length; t++) {
            buffers[t] = outputs[t] == 0 ? null : new NDArray[outputs[t]];
            offered[t] = outputs[t] == 0 ? null : new NDArray[outputs[t]];
            args[t] = new NDArray[arity[t]];
        }
        this.values = new NDArray[slots];
        this.destinations = new NDArray[outputs.length][];
    }

    /**
     * Step {@code t}'s entries: the buffers (or, for a view step, the view) it made in the last
     * call, and then overwritten by the step with what it makes in this call (null for a step that
     * keeps nothing). Read before the kernel runs; the kernel does not keep the array.
     */
    NDArray[] slot(int t) {
        return buffers[t];
    }

    /**
     * Step {@code t}'s kept buffers with {@code destinations}' non-null entries in their place, in
     * an array the arena owns (valid until the step ran); null when the step keeps nothing.
     */
    NDArray[] withOffers(int t, NDArray[] destinations) {
        NDArray[] r = offered[t];
        if (r == null) {
            return null;
        }
        NDArray[] kept = buffers[t];
        for (int k = 0; k < r.length; k++) {
            r[k] = destinations != null && destinations[k] != null ? destinations[k] : kept[k];
        }
        return r;
    }

    /** Clears the entries {@link #withOffers} filled for step {@code t} (they may be the caller's arrays). */
    void clearOffers(int t) {
        if (offered[t] != null) {
            Arrays.fill(offered[t], null);
        }
    }

    /** Step {@code t}'s argument array (the caller clears it after the step). */
    NDArray[] args(int t) {
        return args[t];
    }

    /**
     * Keeps {@code old}, a shared variable's previous value that nothing outside the runtime holds,
     * as output {@code k} of step {@code t} (the step computing that variable's update), unless the
     * step already keeps a buffer there.
     */
    void retire(int t, int k, NDArray old) {
        NDArray[] b = buffers[t];
        if (b != null && b[k] == null) {
            b[k] = old;
        }
    }

    /**
     * Forgets every recorded buffer whose backing array is one of {@code results}', and the callInto
     * destinations (the schedule clears the value slots after committing), so that the arena holds
     * no argument, shared value or result until the next call.
     */
    void endCall(NDArray[] results) {
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
        for (NDArray[] d : destinations) {
            if (d != null) {
                Arrays.fill(d, null);
            }
        }
    }

    /** Every buffer held, in step order (for inspection); with {@code views}, the kept views too. */
    java.util.List<NDArray> held(boolean[] viewSteps, boolean views) {
        java.util.List<NDArray> r = new java.util.ArrayList<>();
        for (int t = 0; t < buffers.length; t++) {
            NDArray[] b = buffers[t];
            for (int k = 0; b != null && k < b.length && (views || !viewSteps[t]); k++) {
                if (b[k] != null) {
                    r.add(b[k]);
                }
            }
        }
        return r;
    }
}
