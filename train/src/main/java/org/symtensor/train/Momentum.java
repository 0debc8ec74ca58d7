package org.symtensor.train;

import java.util.List;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.function.Update;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;

/**
 * SGD with classical (heavy-ball) momentum, as PyTorch's {@code SGD(momentum=μ)}:
 * {@code b ← μ·b + g; p ← p − lr·b}, with {@code b} starting at zero (slot {@code momentum/b/<param>}).
 */
public final class Momentum extends StatefulOptimizer {
    private final double mu;

    private Momentum(LearningRate lr, double mu) {
        super("momentum", lr);
        if (!(mu >= 0 && mu < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + mu);
        }
        this.mu = mu;
    }

    /** Momentum 0.9. */
    public static Momentum of(double learningRate) {
        return new Momentum(LearningRate.of(learningRate), 0.9);
    }

    public static Momentum of(double learningRate, double momentum) {
        return new Momentum(LearningRate.of(learningRate), momentum);
    }

    public static Momentum of(LearningRate learningRate, double momentum) {
        return new Momentum(learningRate, momentum);
    }

    @Override
    void step(SharedVariable<?> param, Variable g, Variable lr, Variable t, List<Update> out) {
        Variable p = param.node();
        SharedValue b = slot("b", param);
        Variable b1 = Sym.add(Sym.mul(Sym.c(mu, b), b), g);
        out.add(Update.of(param.node(), Sym.sub(p, Sym.mul(lr, b1))));
        out.add(Update.of(b, b1));
    }
}
