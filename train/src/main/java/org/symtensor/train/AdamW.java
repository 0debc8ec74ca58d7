package org.symtensor.train;

import java.util.List;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.function.Update;
import org.symtensor.ir.Variable;

/**
 * AdamW (Loshchilov and Hutter, 2019), as PyTorch's {@code AdamW}: Adam's step plus weight decay
 * decoupled from the gradient, {@code p ← p − lr·λ·p − lr·m̂ / (√v̂ + ε)} (both terms from the old p).
 * Defaults β1 = 0.9, β2 = 0.999, ε = 1e-8, λ = 0.01. State as {@link Adam}'s, under {@code adamw/}.
 */
public final class AdamW extends StatefulOptimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;

    private AdamW(LearningRate lr, double beta1, double beta2, double epsilon, double weightDecay) {
        super("adamw", lr);
        Adam.checkHyperparameters("adamw", beta1, beta2, epsilon, weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    public static AdamW of(double learningRate) {
        return new AdamW(LearningRate.of(learningRate), 0.9, 0.999, 1e-8, 0.01);
    }

    public static AdamW of(double learningRate, double weightDecay) {
        return new AdamW(LearningRate.of(learningRate), 0.9, 0.999, 1e-8, weightDecay);
    }

    public static AdamW of(LearningRate learningRate, double weightDecay) {
        return new AdamW(learningRate, 0.9, 0.999, 1e-8, weightDecay);
    }

    public AdamW withBetas(double beta1, double beta2) {
        return new AdamW(learningRate(), beta1, beta2, epsilon, weightDecay);
    }

    public AdamW withEpsilon(double epsilon) {
        return new AdamW(learningRate(), beta1, beta2, epsilon, weightDecay);
    }

    @Override
    boolean countsSteps() {
        return true;
    }

    @Override
    void step(SharedVariable<?> param, Variable g, Variable lr, Variable t, List<Update> out) {
        Adam.adamStep(this, param, g, lr, t, out, beta1, beta2, epsilon, weightDecay);
    }
}
