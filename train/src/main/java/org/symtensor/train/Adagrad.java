package org.symtensor.train;

import java.util.List;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.function.Update;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;

/**
 * Adagrad (Duchi, Hazan and Singer, 2011), as PyTorch's {@code Adagrad}:
 * {@code s ← s + g²; p ← p − lr·g / (√s + ε)}, with {@code s} starting at zero. Default ε = 1e-10.
 */
public final class Adagrad extends StatefulOptimizer {
    private final double epsilon;

    private Adagrad(LearningRate lr, double epsilon) {
        super("adagrad", lr);
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("adagrad: epsilon must be non-negative, got " + epsilon);
        }
        this.epsilon = epsilon;
    }

    public static Adagrad of(double learningRate) {
        return new Adagrad(LearningRate.of(learningRate), 1e-10);
    }

    public static Adagrad of(LearningRate learningRate, double epsilon) {
        return new Adagrad(learningRate, epsilon);
    }

    @Override
    void step(SharedVariable<?> param, Variable g, Variable lr, Variable t, List<Update> out) {
        SharedValue p = param.node();
        SharedValue s = slot("s", param);
        Variable s1 = Sym.add(s, Sym.sqr(g));
        Variable delta = Sym.mul(lr, Sym.div(g, Sym.add(Sym.sqrt(s1), Sym.c(epsilon, p))));
        out.add(Update.of(p, Sym.sub(p, delta)));
        out.add(Update.of(s, s1));
    }
}
