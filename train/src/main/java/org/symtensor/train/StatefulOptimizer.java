package org.symtensor.train;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.error.ArgumentException;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.function.Update;
import org.symtensor.function.Updates;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.value.NDArray;

/**
 * What every optimizer here shares: the learning rate, the registry of state variables (one per
 * parameter and slot, created once with the parameter's shape and dtype) and the assembly of the
 * updates. Subclasses write one step for one parameter.
 */
abstract class StatefulOptimizer implements Optimizer {
    private final String name;
    private final LearningRate learningRate;
    private final Map<String, Map<SharedValue, SharedVariable<?>>> slots = new LinkedHashMap<>();
    private final List<SharedVariable<?>> state = new ArrayList<>();
    private SharedVariable<?> stepCount;

    StatefulOptimizer(String name, LearningRate learningRate) {
        this.name = name;
        this.learningRate = learningRate;
    }

    /** The step of one parameter: adds the parameter's update and those of its state to {@code out}. */
    abstract void step(SharedVariable<?> param, Variable grad, Variable lr, Variable t, List<Update> out);

    /** Whether the step reads the step count {@code t} (1 at the first step). */
    boolean countsSteps() {
        return false;
    }

    @Override
    public final Updates updates(Params params, Grads grads) {
        if (grads.params() != params && !grads.params().names().equals(params.names())) {
            throw new ArgumentException(name + ": the gradients are for " + grads.params().names()
                    + ", not for " + params.names());
        }
        List<Update> out = new ArrayList<>();
        Variable t = null;
        if (countsSteps()) {
            if (stepCount == null) {
                stepCount = SharedVariables.create(NDArray.of(0.0), name + "/t");
                state.add(stepCount);
            }
            t = Sym.add(stepCount.node(), Sym.c(1, stepCount.node()));
            out.add(Update.of(stepCount.node(), t));
        }
        for (int i = 0; i < params.size(); i++) {
            SharedVariable<?> p = params.list().get(i);
            Variable lr = Sym.as(learningRate.variable().node(), p.node());
            step(p, grads.variables().get(i), lr, t, out);
        }
        return Updates.of(out);
    }

    /** The state variable {@code slot} of {@code param}: zeros shaped like it, made on first use. */
    final SharedValue slot(String slot, SharedVariable<?> param) {
        Map<SharedValue, SharedVariable<?>> bySlot = slots.computeIfAbsent(slot, k -> new IdentityHashMap<>());
        SharedVariable<?> s = bySlot.get(param.node());
        if (s == null) {
            NDArray v = param.node().get();
            s = SharedVariables.create(NDArray.zeros(v.dtype(), v.shape()), name + "/" + slot + "/" + param.node().name());
            bySlot.put(param.node(), s);
            state.add(s);
        }
        return s.node();
    }

    @Override
    public final LearningRate learningRate() {
        return learningRate;
    }

    @Override
    public final Params state() {
        return Params.of(state);
    }

    final String name() {
        return name;
    }
}
