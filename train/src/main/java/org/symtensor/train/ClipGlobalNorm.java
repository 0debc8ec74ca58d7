package org.symtensor.train;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.function.Updates;
import org.symtensor.ir.Variable;

/** An optimizer on gradients rescaled to a bounded global norm; see {@link Optimizer#clipGlobalNorm}. */
final class ClipGlobalNorm implements Optimizer {
    private final Optimizer inner;
    private final double maxNorm;

    ClipGlobalNorm(Optimizer inner, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("clipGlobalNorm: maxNorm must be positive, got " + maxNorm);
        }
        this.inner = inner;
        this.maxNorm = maxNorm;
    }

    @Override
    public Updates updates(Params params, Grads grads) {
        Variable norm = grads.globalNormVariable();
        Variable max = Sym.c(maxNorm, norm);
        Variable scale = Sym.div(max, Sym.maximum(norm, max));
        List<Variable> clipped = new ArrayList<>();
        for (Variable g : grads.variables()) {
            clipped.add(Sym.mul(g, Sym.as(scale, g)));
        }
        return inner.updates(params, Grads.ofVariables(params, clipped));
    }

    @Override
    public LearningRate learningRate() {
        return inner.learningRate();
    }

    @Override
    public Params state() {
        return inner.state();
    }
}
