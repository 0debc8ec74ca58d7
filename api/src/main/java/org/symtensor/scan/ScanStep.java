package org.symtensor.scan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.symtensor.function.Update;
import org.symtensor.tensor.Tensor;
import org.symtensor.type.Bool;

/**
 * What a step function returns when it needs more than its outputs (Theano's return tuple):
 * {@code step(a, b).until(done).withUpdates(update(counter, counter.plus(1)))}. Immutable.
 */
public final class ScanStep {
    private final List<Tensor<?>> outputs;
    private final Tensor<Bool> until;
    private final List<Update> updates;

    ScanStep(List<Tensor<?>> outputs, Tensor<Bool> until, List<Update> updates) {
        this.outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
        this.until = until;
        this.updates = Collections.unmodifiableList(new ArrayList<>(updates));
    }

    /** The step's outputs, one per entry of {@code outputsInfo}. */
    public static ScanStep of(List<? extends Tensor<?>> outputs) {
        return new ScanStep(new ArrayList<>(outputs), null, List.of());
    }

    /** Stops the loop after the first step where {@code condition} (a bool scalar) is true. */
    public ScanStep until(Tensor<Bool> condition) {
        return new ScanStep(outputs, condition, updates);
    }

    /**
     * Shared-variable updates made by each step: inside the loop the variable takes its new value
     * from one step to the next; the final value comes back in {@link ScanResult#updates()}.
     */
    public ScanStep withUpdates(Update... newUpdates) {
        List<Update> u = new ArrayList<>(updates);
        u.addAll(List.of(newUpdates));
        return new ScanStep(outputs, until, u);
    }

    public List<Tensor<?>> outputs() {
        return outputs;
    }

    /** The stop condition, or null. */
    public Tensor<Bool> until() {
        return until;
    }

    public List<Update> updates() {
        return updates;
    }
}
