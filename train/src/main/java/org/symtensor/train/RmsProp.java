package org.symtensor.train;

import java.util.List;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.function.Update;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;

/**
 * RMSProp (Hinton's lecture 6e), as PyTorch's {@code RMSprop} without momentum or centering:
 * {@code s ← ρ·s + (1 − ρ)·g²; p ← p − lr·g / (√s + ε)}, with {@code s} starting at zero.
 * Defaults ρ = 0.9, ε = 1e-8.
 */
public final class RmsProp extends StatefulOptimizer {
    private final double rho;
    private final double epsilon;

    private RmsProp(LearningRate lr, double rho, double epsilon) {
        super("rmsprop", lr);
        if (!(rho >= 0 && rho < 1) || !(epsilon >= 0)) {
            throw new IllegalArgumentException("rmsprop: rho must be in [0, 1) and epsilon non-negative, got "
                    + rho + " and " + epsilon);
        }
        this.rho = rho;
        this.epsilon = epsilon;
    }

    public static RmsProp of(double learningRate) {
        return new RmsProp(LearningRate.of(learningRate), 0.9, 1e-8);
    }

    public static RmsProp of(LearningRate learningRate, double rho, double epsilon) {
        return new RmsProp(learningRate, rho, epsilon);
    }

    @Override
    void step(SharedVariable<?> param, Variable g, Variable lr, Variable t, List<Update> out) {
        SharedValue p = param.node();
        SharedValue s = slot("s", param);
        Variable s1 = Sym.add(Sym.mul(Sym.c(rho, s), s), Sym.mul(Sym.c(1 - rho, g), Sym.sqr(g)));
        Variable delta = Sym.mul(lr, Sym.div(g, Sym.add(Sym.sqrt(s1), Sym.c(epsilon, p))));
        out.add(Update.of(p, Sym.sub(p, delta)));
        out.add(Update.of(s, s1));
    }
}
