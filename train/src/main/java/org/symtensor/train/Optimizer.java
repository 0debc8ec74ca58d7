package org.symtensor.train;

import org.symtensor.function.Updates;
import org.symtensor.tensor.Tensor;

/**
 * A first-order optimizer as a graph builder: given parameters and their gradients it returns the
 * {@link Updates} of one step, to pass to {@code function(...)}. Nothing runs here; the step runs
 * when the compiled function is called. Optimizer state (moments, step count) lives in shared
 * variables created on first use, one set per parameter however many functions are built, and
 * {@link #state()} hands them out for checkpoints.
 */
public interface Optimizer {
    /** The updates of one step: every parameter and every state variable, in a stable order. */
    Updates updates(Params params, Grads grads);

    /** {@code updates(params, params.grad(cost))}: one step that lowers the scalar {@code cost}. */
    default Updates minimize(Tensor<?> cost, Params params) {
        return updates(params, params.grad(cost));
    }

    /** The learning rate the step reads. */
    LearningRate learningRate();

    /** The state variables created so far, named {@code <optimizer>/<slot>/<param>} (empty for plain SGD). */
    Params state();

    /**
     * This optimizer on gradients rescaled to a global norm of at most {@code maxNorm}:
     * {@code g · maxNorm / max(‖g‖, maxNorm)} with {@code ‖g‖} the norm over all gradients together
     * (TensorFlow's {@code clip_by_global_norm}).
     */
    default Optimizer clipGlobalNorm(double maxNorm) {
        return new ClipGlobalNorm(this, maxNorm);
    }
}
