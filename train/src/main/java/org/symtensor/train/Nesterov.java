package org.symtensor.train;

import java.util.List;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.function.Update;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;

/**
 * SGD with Nesterov momentum, as PyTorch's {@code SGD(momentum=μ, nesterov=True)}:
 * {@code b ← μ·b + g; p ← p − lr·(g + μ·b)}, with {@code b} starting at zero.
 */
public final class Nesterov extends StatefulOptimizer {
    private final double mu;

    private Nesterov(LearningRate lr, double mu) {
        super("nesterov", lr);
        if (!(mu > 0 && mu < 1)) {
            throw new IllegalArgumentException("Nesterov momentum must be in (0, 1), got " + mu);
        }
        this.mu = mu;
    }

    /** Momentum 0.9. */
    public static Nesterov of(double learningRate) {
        return new Nesterov(LearningRate.of(learningRate), 0.9);
    }

    public static Nesterov of(double learningRate, double momentum) {
        return new Nesterov(LearningRate.of(learningRate), momentum);
    }

    public static Nesterov of(LearningRate learningRate, double momentum) {
        return new Nesterov(learningRate, momentum);
    }

    @Override
    void step(SharedVariable<?> param, Variable g, Variable lr, Variable t, List<Update> out) {
        Variable p = param.node();
        SharedValue b = slot("b", param);
        Variable b1 = Sym.add(Sym.mul(Sym.c(mu, b), b), g);
        Variable direction = Sym.add(g, Sym.mul(Sym.c(mu, b), b1));
        out.add(Update.of(param.node(), Sym.sub(p, Sym.mul(lr, direction))));
        out.add(Update.of(b, b1));
    }
}
