package org.symtensor.train;

import java.util.List;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.function.Update;
import org.symtensor.ir.Variable;

/** Plain stochastic gradient descent: {@code p ← p − lr·g}. No state. */
public final class Sgd extends StatefulOptimizer {
    private Sgd(LearningRate lr) {
        super("sgd", lr);
    }

    public static Sgd of(double learningRate) {
        return new Sgd(LearningRate.of(learningRate));
    }

    public static Sgd of(LearningRate learningRate) {
        return new Sgd(learningRate);
    }

    @Override
    void step(SharedVariable<?> param, Variable g, Variable lr, Variable t, List<Update> out) {
        Variable p = param.node();
        out.add(Update.of(param.node(), Sym.sub(p, Sym.mul(lr, g))));
    }
}
