package org.symtensor.train;

import java.util.List;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.function.Update;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;

/**
 * Adam (Kingma and Ba, 2015), as PyTorch's {@code Adam}: with {@code t} the step (1 at the first),
 * <pre>
 * m ← β1·m + (1 − β1)·g          v ← β2·v + (1 − β2)·g²
 * m̂ = m / (1 − β1^t)             v̂ = v / (1 − β2^t)
 * p ← p − lr·m̂ / (√v̂ + ε)
 * </pre>
 * Defaults β1 = 0.9, β2 = 0.999, ε = 1e-8. State: {@code adam/m/<param>}, {@code adam/v/<param>}
 * and the float64 step count {@code adam/t}. The bias corrections are computed in float64 and cast to
 * each parameter's dtype.
 */
public final class Adam extends StatefulOptimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    private Adam(LearningRate lr, double beta1, double beta2, double epsilon) {
        super("adam", lr);
        checkHyperparameters("adam", beta1, beta2, epsilon, 0);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    public static Adam of(double learningRate) {
        return of(LearningRate.of(learningRate));
    }

    public static Adam of(LearningRate learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8);
    }

    /** A new Adam with these moment decays (before it is first used). */
    public Adam withBetas(double beta1, double beta2) {
        return new Adam(learningRate(), beta1, beta2, epsilon);
    }

    public Adam withEpsilon(double epsilon) {
        return new Adam(learningRate(), beta1, beta2, epsilon);
    }

    @Override
    boolean countsSteps() {
        return true;
    }

    @Override
    void step(SharedVariable<?> param, Variable g, Variable lr, Variable t, List<Update> out) {
        adamStep(this, param, g, lr, t, out, beta1, beta2, epsilon, 0);
    }

    /**
     * One Adam step with {@code owner}'s state slots; with {@code decay > 0} AdamW's decoupled decay
     * {@code − lr·λ·p} is added.
     */
    static void adamStep(StatefulOptimizer owner, SharedVariable<?> param, Variable g, Variable lr, Variable t,
            List<Update> out, double b1, double b2, double eps, double decay) {
        SharedValue p = param.node();
        SharedValue m = owner.slot("m", param);
        SharedValue v = owner.slot("v", param);
        Variable m1 = Sym.add(Sym.mul(Sym.c(b1, m), m), Sym.mul(Sym.c(1 - b1, g), g));
        Variable v1 = Sym.add(Sym.mul(Sym.c(b2, v), v), Sym.mul(Sym.c(1 - b2, g), Sym.sqr(g)));
        Variable one = Sym.c(1, t);
        Variable c1 = Sym.as(Sym.sub(one, Sym.pow(Sym.c(b1, t), t)), p);
        Variable c2 = Sym.as(Sym.sub(one, Sym.pow(Sym.c(b2, t), t)), p);
        Variable mHat = Sym.div(m1, c1);
        Variable vHat = Sym.div(v1, c2);
        Variable delta = Sym.mul(lr, Sym.div(mHat, Sym.add(Sym.sqrt(vHat), Sym.c(eps, p))));
        Variable decayed = decay > 0 ? Sym.sub(p, Sym.mul(Sym.mul(lr, Sym.c(decay, p)), p)) : p;
        out.add(Update.of(p, Sym.sub(decayed, delta)));
        out.add(Update.of(m, m1));
        out.add(Update.of(v, v1));
    }

    static void checkHyperparameters(String name, double beta1, double beta2, double epsilon, double weightDecay) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException(name + ": beta1 and beta2 must be in [0, 1), got " + beta1 + " and " + beta2);
        }
        if (!(epsilon >= 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException(name + ": epsilon and weight decay must be non-negative, got "
                    + epsilon + " and " + weightDecay);
        }
    }
}
