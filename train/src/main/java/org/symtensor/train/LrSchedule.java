package org.symtensor.train;

/**
 * A learning rate as a function of the step (0, 1, 2, ...): {@link LearningRate#step(long)} stores
 * {@code at(step)} into the shared scalar the optimizer's graph reads, so a schedule never recompiles
 * anything. The factories are the usual ones; combine them with {@link #withWarmup(long)}.
 */
@FunctionalInterface
public interface LrSchedule {
    /** The learning rate for {@code step}. */
    double at(long step);

    /** Always {@code rate}. */
    static LrSchedule constant(double rate) {
        return step -> rate;
    }

    /** Step decay: {@code rate · gamma^floor(step / every)} (PyTorch's StepLR). */
    static LrSchedule step(double rate, long every, double gamma) {
        requirePositive("every", every);
        return step -> rate * Math.pow(gamma, Math.floorDiv(step, every));
    }

    /** Exponential decay: {@code rate · gamma^(step / decaySteps)}, continuous (Keras's ExponentialDecay). */
    static LrSchedule exponential(double rate, double gamma, long decaySteps) {
        requirePositive("decaySteps", decaySteps);
        return step -> rate * Math.pow(gamma, (double) step / decaySteps);
    }

    /**
     * Cosine annealing from {@code rate} to {@code minRate} over {@code totalSteps}, then {@code minRate}:
     * {@code minRate + (rate - minRate) · (1 + cos(π · min(step, totalSteps) / totalSteps)) / 2}.
     */
    static LrSchedule cosine(double rate, long totalSteps, double minRate) {
        requirePositive("totalSteps", totalSteps);
        return step -> minRate + (rate - minRate) * (1 + Math.cos(Math.PI * Math.min(step, totalSteps) / totalSteps)) / 2;
    }

    /**
     * This schedule after a linear warm-up: step {@code s < warmupSteps} gives
     * {@code at(0) · (s + 1) / warmupSteps}; later steps give {@code at(s - warmupSteps)}.
     */
    default LrSchedule withWarmup(long warmupSteps) {
        requirePositive("warmupSteps", warmupSteps);
        LrSchedule after = this;
        return step -> step < warmupSteps ? after.at(0) * (step + 1) / warmupSteps : after.at(step - warmupSteps);
    }

    private static void requirePositive(String what, long n) {
        if (n <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + n);
        }
    }
}
