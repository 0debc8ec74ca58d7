package org.symtensor.function;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.MissingInputException;
import org.symtensor.error.DuplicateUpdateException;
import org.symtensor.error.InvalidValueException;
import org.symtensor.error.SharedInputException;
import org.symtensor.error.TypeMismatchException;
import org.symtensor.error.UnusedInputException;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.type.TensorType;

/**
 * A function to compile, checked: its inputs, its outputs and its updates with givens already
 * substituted. {@link #build} raises every mistake a user can make in a {@code function} call
 * (missing, unused or duplicated inputs, mistyped updates or givens) before a backend sees it.
 */
public final class FunctionSpec {
    private static final Logger LOG = Logger.getLogger(FunctionSpec.class.getName());

    private final List<In> inputs;
    private final List<Variable> outputs;
    private final List<SharedValue> updateTargets;
    private final List<Variable> updateExpressions;
    private final boolean allowInputDowncast;
    private final String name;
    private final Mode mode;
    private final String device;
    private final int visibleOutputCount;
    private final int[] updatedInputs;
    private final boolean profile;

    private FunctionSpec(List<In> inputs, List<Variable> outputs, List<SharedValue> updateTargets,
            List<Variable> updateExpressions, boolean allowInputDowncast, String name, Mode mode,
            String device, boolean profile) {
        this.profile = profile;
        this.mode = mode;
        int n = 0;
        for (In in : inputs) {
            n += in.hasUpdate() ? 1 : 0;
        }
        this.updatedInputs = new int[n];
        for (int i = 0, k = 0; i < inputs.size(); i++) {
            if (inputs.get(i).hasUpdate()) {
                updatedInputs[k++] = i;
            }
        }
        this.visibleOutputCount = outputs.size() - n;
        this.device = device;
        this.inputs = Collections.unmodifiableList(inputs);
        this.outputs = Collections.unmodifiableList(outputs);
        this.updateTargets = Collections.unmodifiableList(updateTargets);
        this.updateExpressions = Collections.unmodifiableList(updateExpressions);
        this.allowInputDowncast = allowInputDowncast;
        this.name = name;
    }

    /** Checks a {@code function(...)} call, adds every default update and substitutes its givens. */
    public static FunctionSpec build(List<In> inputs, List<Variable> outputs, List<Update> updates,
            Map<Variable, Variable> givens, boolean allowInputDowncast, FunctionFlag.UnusedInput onUnused, String name) {
        return build(inputs, outputs, updates, givens, allowInputDowncast, onUnused, name, NoDefaultUpdates.none());
    }

    /**
     * Checks a {@code function(...)} call and substitutes its givens. Every shared variable that the
     * graph (after givens) uses and that has a default update gets that update appended after the
     * explicit ones, unless an explicit update targets it or {@code noDefaults} excludes it.
     */
    public static FunctionSpec build(List<In> inputs, List<Variable> outputs, List<Update> updates,
            Map<Variable, Variable> givens, boolean allowInputDowncast, FunctionFlag.UnusedInput onUnused, String name,
            NoDefaultUpdates noDefaults) {
        Set<Variable> seenInputs = Graphs.identitySet();
        for (int i = 0; i < inputs.size(); i++) {
            In in = inputs.get(i);
            Variable v = in.variable();
            if (v instanceof Constant) {
                throw new TypeMismatchException("input " + in.describe(i) + " is a constant; constants cannot be function inputs");
            }
            if (v instanceof SharedValue) {
                throw new SharedInputException("input " + in.describe(i) + " is a shared variable; shared variables are"
                        + " implicit inputs (their stored value is read at each call): leave it out of inputs(...), or"
                        + " to run on another value in its place use givens(given(shared, replacement))");
            }
            if (!seenInputs.add(v)) {
                throw new InvalidValueException("input " + in.describe(i) + " is given twice");
            }
            if (in.hasUpdate()) {
                if (!in.hasDefault()) {
                    throw new MissingInputException("input " + in.describe(i) + " has an update but no value; give"
                            + " it its initial value with withValue(...) (Theano's In(x, value=..., update=...))");
                }
                TensorType want = v.type();
                TensorType got = in.update().type();
                if (want.dtype() != got.dtype() || want.rank() != got.rank()) {
                    throw new DTypeMismatchException("input " + in.describe(i) + " has type " + want
                            + " but its update expression " + in.update().describe() + " has type " + got
                            + "; cast the expression to " + want.dtype());
                }
            }
        }
        for (Map.Entry<Variable, Variable> g : givens.entrySet()) {
            TensorType want = g.getKey().type();
            TensorType got = g.getValue().type();
            if (want.dtype() != got.dtype() || want.rank() != got.rank()) {
                throw new DTypeMismatchException("givens: " + g.getKey().describe() + " of type " + want
                        + " cannot be replaced by " + g.getValue().describe() + " of type " + got
                        + "; the replacement must have the same dtype and rank");
            }
        }
        Set<SharedValue> targets = Graphs.identitySet();
        List<SharedValue> updateTargets = new ArrayList<>();
        List<Variable> graphOutputs = new ArrayList<>(outputs);
        for (In in : inputs) {
            if (in.hasUpdate()) {
                graphOutputs.add(in.update());
            }
        }
        int computed = graphOutputs.size();
        for (Update u : updates) {
            SharedValue t = u.target();
            if (!targets.add(t)) {
                throw new DuplicateUpdateException("updates: shared variable " + t.describe() + " is updated twice in one"
                        + " function; which value to store would be ambiguous: keep one update(...) of it");
            }
            TensorType want = t.type();
            TensorType got = u.expression().type();
            if (want.dtype() != got.dtype() || want.rank() != got.rank()) {
                throw new DTypeMismatchException("updates: shared variable " + t.describe() + " has type " + want
                        + " but its update expression has type " + got
                        + "; cast the expression to " + want.dtype() + " (Theano requires the same type)");
            }
            updateTargets.add(t);
            graphOutputs.add(u.expression());
        }
        for (SharedValue t : DefaultUpdates.collect(graphOutputs, givens, targets, noDefaults)) {
            targets.add(t);
            updateTargets.add(t);
            graphOutputs.add(t.defaultUpdate());
        }
        List<Variable> replaced = givens.isEmpty() ? graphOutputs : Graphs.replace(graphOutputs, givens);
        List<Variable> newOutputs = new ArrayList<>(replaced.subList(0, computed));
        List<Variable> newUpdates = new ArrayList<>(replaced.subList(computed, replaced.size()));

        Map<Variable, Boolean> needed = new IdentityHashMap<>();
        for (Variable v : Graphs.ancestors(replaced)) {
            needed.put(v, Boolean.TRUE);
        }
        for (Variable v : Graphs.graphInputs(replaced)) {
            if (v instanceof Constant || v instanceof SharedValue || seenInputs.contains(v)) {
                continue;
            }
            throw new MissingInputException("an output needs " + v.describe() + " (type " + v.type()
                    + "), which is not an input of the function; add it to inputs(...) or replace it with givens");
        }
        for (int i = 0; i < inputs.size(); i++) {
            In in = inputs.get(i);
            if (!needed.containsKey(in.variable())) {
                String where = in.variable().name() != null ? in.describe(i) + " (position " + i + ")" : in.describe(i);
                String msg = "input " + where + " is not used by any output or update; remove it, or pass"
                        + " onUnusedInput(WARN) or onUnusedInput(IGNORE)";
                switch (onUnused) {
                    case RAISE:
                        throw new UnusedInputException(msg);
                    case WARN:
                        LOG.warning(msg);
                        break;
                    case IGNORE:
                        break;
                }
            }
        }
        return new FunctionSpec(new ArrayList<>(inputs), newOutputs, updateTargets, newUpdates, allowInputDowncast,
                name, null, null, false);
    }

    /**
     * The spec of {@link Function#copy}: every shared variable that is a key of {@code swap}
     * replaced by its value (in the graph and as an update target), without any update when
     * {@code deleteUpdates}, and with {@code values} (one per input, null where an input has no
     * value) as the inputs' values.
     */
    public FunctionSpec copy(Map<SharedValue, SharedValue> swap, boolean deleteUpdates, List<Object> values) {
        List<Variable> all = new ArrayList<>(outputs);
        all.addAll(updateExpressions);
        Set<Variable> used = Graphs.identitySet();
        used.addAll(Graphs.graphInputs(all));
        used.addAll(updateTargets);
        Map<Variable, Variable> replace = new IdentityHashMap<>();
        for (Map.Entry<SharedValue, SharedValue> e : swap.entrySet()) {
            SharedValue a = e.getKey();
            SharedValue b = e.getValue();
            if (!used.contains(a)) {
                throw new InvalidValueException("copy: swap of shared variable " + a.describe()
                        + ", which this function does not use");
            }
            if (a.type().dtype() != b.type().dtype() || a.type().rank() != b.type().rank()) {
                throw new DTypeMismatchException("copy: shared variable " + a.describe() + " of type " + a.type()
                        + " cannot be swapped for " + b.describe() + " of type " + b.type()
                        + "; the replacement must have the same dtype and rank");
            }
            replace.put(a, b);
        }
        List<Variable> replaced = replace.isEmpty() ? all : Graphs.replace(all, replace);
        List<In> newInputs = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            In in = inputs.get(i);
            if (values.get(i) != null) {
                in = in.withDefault(values.get(i));
            }
            newInputs.add(deleteUpdates ? in.withoutUpdate() : in);
        }
        int keep = deleteUpdates ? visibleOutputCount : outputs.size();
        List<Variable> newOutputs = new ArrayList<>(replaced.subList(0, keep));
        List<SharedValue> newTargets = new ArrayList<>();
        List<Variable> newUpdates = new ArrayList<>();
        if (!deleteUpdates) {
            for (int j = 0; j < updateTargets.size(); j++) {
                SharedValue t = updateTargets.get(j);
                newTargets.add(swap.getOrDefault(t, t));
                newUpdates.add(replaced.get(outputs.size() + j));
            }
        }
        return new FunctionSpec(newInputs, newOutputs, newTargets, newUpdates, allowInputDowncast, name, mode, device,
                profile);
    }

    public List<In> inputs() {
        return inputs;
    }

    /**
     * Every value the graph computes before the shared updates: the function's outputs
     * ({@link #visibleOutputCount} of them), then the new value of each stateful input
     * ({@link #updatedInputs}), in input order.
     */
    public List<Variable> outputs() {
        return outputs;
    }

    /** How many of {@link #outputs} a call returns; the rest are the updates of stateful inputs. */
    public int visibleOutputCount() {
        return visibleOutputCount;
    }

    /** The position of each input that has an update, in the order their new values follow the outputs. */
    public int[] updatedInputs() {
        return updatedInputs.clone();
    }

    /** The shared variables updated after each call, in the order given. */
    public List<SharedValue> updateTargets() {
        return updateTargets;
    }

    /** The new value of each update target, in the same order. */
    public List<Variable> updateExpressions() {
        return updateExpressions;
    }

    public boolean allowInputDowncast() {
        return allowInputDowncast;
    }

    /** The optimization mode asked for with {@code mode(...)}, or null to use the {@code mode} flag. */
    public Mode mode() {
        return mode;
    }

    /** This spec with another optimization mode. */
    public FunctionSpec withMode(Mode newMode) {
        return new FunctionSpec(inputs, outputs, updateTargets, updateExpressions, allowInputDowncast, name, newMode,
                device, profile);
    }

    /**
     * This spec on another device ({@code cpu}, {@code opencl0}, ...); null follows the {@code device}
     * flag. Names are compared in lower case.
     */
    public FunctionSpec withDevice(String newDevice) {
        return new FunctionSpec(inputs, outputs, updateTargets, updateExpressions, allowInputDowncast, name, mode,
                newDevice == null ? null : newDevice.trim().toLowerCase(java.util.Locale.ROOT), profile);
    }

    /** This spec compiled with (or without) a timer around every node, as {@code profile()} asks. */
    public FunctionSpec withProfile(boolean newProfile) {
        return new FunctionSpec(inputs, outputs, updateTargets, updateExpressions, allowInputDowncast, name, mode,
                device, newProfile);
    }

    /** Whether the backend times every node ({@code profile()} option); {@link Function#profile()} reads it. */
    public boolean profile() {
        return profile;
    }

    /** The device asked for by this function's {@code device(...)} option (lower case), or null to follow the flags. */
    public String device() {
        return device;
    }

    /** The function's name for messages, or null. */
    public String name() {
        return name;
    }
}
