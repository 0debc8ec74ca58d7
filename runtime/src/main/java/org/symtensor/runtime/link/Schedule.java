package org.symtensor.runtime.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.ir.OpKind;
import org.symtensor.runtime.cpu.Kernel;
import org.symtensor.function.FunctionSpec;
import org.symtensor.value.NDArray;

/**
 * The executable form of a {@link FunctionSpec}, built once by the linker: every variable of the
 * graph owns one slot of a value array, constants are preloaded into a template of that array,
 * and the apply nodes run in topological order as {@link Thunk}s. A call clones the template,
 * binds the arguments and the current shared values, runs the thunks and returns the outputs
 * followed by the new values of the update targets, with every alias to storage held elsewhere
 * (arguments, constants, shared values, another result) copied away. A schedule holds no per-call
 * state, so one schedule may run on several threads at once.
 */
public final class Schedule {
    /** Supplies the kernel of each apply node (the backend's half of the linker). */
    @FunctionalInterface
    public interface KernelSource {
        Kernel kernelFor(Apply node);
    }

    private final NDArray[] template;
    private final int[] inputSlots;
    private final SharedValue[] sharedNodes;
    private final int[] sharedSlots;
    private final boolean[] sharedUpdated;
    private final int[] constantSlots;
    private final Thunk[] thunks;
    private final int[] resultSlots;
    private final int outputCount;

    private Schedule(NDArray[] template, int[] inputSlots, SharedValue[] sharedNodes, int[] sharedSlots,
            boolean[] sharedUpdated, int[] constantSlots, Thunk[] thunks, int[] resultSlots, int outputCount) {
        this.template = template;
        this.inputSlots = inputSlots;
        this.sharedNodes = sharedNodes;
        this.sharedSlots = sharedSlots;
        this.sharedUpdated = sharedUpdated;
        this.constantSlots = constantSlots;
        this.thunks = thunks;
        this.resultSlots = resultSlots;
        this.outputCount = outputCount;
    }

    /** Numbers the slots, orders the applies and asks {@code kernels} for each apply's kernel. */
    public static Schedule build(FunctionSpec spec, KernelSource kernels) {
        return build(spec, spec.outputs(), spec.updateExpressions(), kernels, false);
    }

    /**
     * Links {@code outputs} and {@code updateExpressions} (the spec's own, or rewritten ones computing
     * the same values) with the spec's inputs and update targets. With {@code nanGuard}, every float
     * output of every kernel is checked for NaN and infinity ({@link NanGuard}).
     */
    public static Schedule build(FunctionSpec spec, List<Variable> outputs, List<Variable> updateExpressions,
            KernelSource kernels, boolean nanGuard) {
        List<Variable> results = new ArrayList<>(outputs);
        results.addAll(updateExpressions);
        Map<Variable, Integer> slots = new IdentityHashMap<>();
        int[] inputSlots = new int[spec.inputs().size()];
        for (int i = 0; i < inputSlots.length; i++) {
            inputSlots[i] = slotOf(slots, spec.inputs().get(i).variable());
        }
        List<Integer> constants = new ArrayList<>();
        List<SharedValue> shared = new ArrayList<>();
        List<Integer> sharedSlotList = new ArrayList<>();
        for (Variable v : Graphs.ancestors(results)) {
            boolean fresh = !slots.containsKey(v);
            int slot = slotOf(slots, v);
            if (fresh && v instanceof Constant) {
                constants.add(slot);
            } else if (fresh && v instanceof SharedValue) {
                shared.add((SharedValue) v);
                sharedSlotList.add(slot);
            }
        }
        List<Apply> order = Graphs.toposort(results);
        for (Apply a : order) {
            for (Variable out : a.outputs()) {
                slotOf(slots, out); // outputs nobody reads still need a slot to land in
            }
        }
        NDArray[] template = new NDArray[slots.size()];
        for (Map.Entry<Variable, Integer> e : slots.entrySet()) {
            if (e.getKey() instanceof Constant) {
                template[e.getValue()] = ((Constant) e.getKey()).value();
            }
        }
        boolean[] updated = new boolean[shared.size()];
        for (SharedValue target : spec.updateTargets()) {
            int k = shared.indexOf(target);
            if (k >= 0) {
                updated[k] = true;
            }
        }
        int[] resultSlots = new int[results.size()];
        for (int i = 0; i < resultSlots.length; i++) {
            resultSlots[i] = slots.get(results.get(i));
        }
        Thunk[] thunks = buildThunks(order, slots, resultSlots, kernels, nanGuard);
        return new Schedule(template, inputSlots, shared.toArray(new SharedValue[0]), toArray(sharedSlotList),
                updated, toArray(constants), thunks, resultSlots, outputs.size());
    }

    private static Thunk[] buildThunks(List<Apply> order, Map<Variable, Integer> slots, int[] resultSlots,
            KernelSource kernels, boolean nanGuard) {
        int n = slots.size();
        // Last thunk that reads each slot. Only apply outputs are released: arguments, shared values and
        // constants are kept alive by the caller, the shared variable or the graph anyway, and the
        // alias check reads them after the last thunk. Results are never released.
        int[] lastUse = new int[n];
        boolean[] releasable = new boolean[n];
        Arrays.fill(lastUse, -1);
        for (int t = 0; t < order.size(); t++) {
            Apply a = order.get(t);
            for (Variable in : a.inputs()) {
                lastUse[slots.get(in)] = t;
            }
            for (Variable out : a.outputs()) {
                int s = slots.get(out);
                releasable[s] = true;
                lastUse[s] = Math.max(lastUse[s], t);
            }
        }
        for (int s : resultSlots) {
            releasable[s] = false;
        }
        List<List<Integer>> releaseAt = new ArrayList<>();
        for (int t = 0; t < order.size(); t++) {
            releaseAt.add(new ArrayList<>());
        }
        for (int s = 0; s < releasable.length; s++) {
            if (releasable[s]) {
                releaseAt.get(lastUse[s]).add(s);
            }
        }
        // values some reader might return a view of (DimShuffle, GradMark, ...) are never donated
        boolean[] viewed = new boolean[n];
        for (Apply a : order) {
            if (!writesElementwise(a)) {
                for (Variable in : a.inputs()) {
                    viewed[slots.get(in)] = true;
                }
            }
        }
        Thunk[] thunks = new Thunk[order.size()];
        for (int t = 0; t < thunks.length; t++) {
            Apply a = order.get(t);
            int[] ins = new int[a.inputs().size()];
            for (int k = 0; k < ins.length; k++) {
                ins[k] = slots.get(a.inputs().get(k));
            }
            int[] outs = new int[a.outputs().size()];
            for (int k = 0; k < outs.length; k++) {
                outs[k] = slots.get(a.outputs().get(k));
            }
            thunks[t] = new Thunk(a, kernels.kernelFor(a), ins, outs, toArray(releaseAt.get(t)),
                    donors(a, t, slots, releasable, lastUse, viewed), nanGuard);
        }
        return thunks;
    }

    /**
     * The inputs of {@code a} whose storage its kernel may overwrite: only for elementwise kernels,
     * only values an elementwise kernel allocated (never an argument, constant, shared value or a
     * view), read last by {@code a} and only by elementwise kernels (so no view of it exists), returned
     * by nobody, with the output's dtype and rank.
     */
    private static int[] donors(Apply a, int t, Map<Variable, Integer> slots, boolean[] releasable, int[] lastUse,
            boolean[] viewed) {
        if (!writesElementwise(a)) {
            return new int[0];
        }
        Variable out = a.output();
        List<Integer> r = new ArrayList<>();
        for (int k = 0; k < a.inputs().size(); k++) {
            Variable v = a.inputs().get(k);
            Apply p = v.owner();
            int s = slots.get(v);
            if (p != null && writesElementwise(p) && releasable[s] && lastUse[s] == t && !viewed[s]
                    && v.type().dtype() == out.type().dtype() && v.type().rank() == out.type().rank()) {
                r.add(k);
            }
        }
        return toArray(r);
    }

    /** Kernels that always allocate their single output fresh and can take a donor: ELEMWISE and COMPOSITE. */
    private static boolean writesElementwise(Apply a) {
        OpKind k = a.op().kind();
        return (k == OpKind.ELEMWISE || k == OpKind.COMPOSITE) && a.outputs().size() == 1;
    }

    private static int slotOf(Map<Variable, Integer> slots, Variable v) {
        Integer s = slots.get(v);
        if (s == null) {
            s = slots.size();
            slots.put(v, s);
        }
        return s;
    }

    private static int[] toArray(List<Integer> list) {
        int[] r = new int[list.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = list.get(i);
        }
        return r;
    }

    /**
     * Runs one call on already converted arguments (one per input, in order) and returns the
     * outputs followed by the new values of the update targets. Nothing is stored: committing the
     * updates is the caller's step, so a failing kernel leaves every shared value as it was.
     */
    public NDArray[] run(NDArray[] arguments) {
        NDArray[] values = template.clone();
        int[] ins = inputSlots;
        for (int i = 0; i < ins.length; i++) {
            values[ins[i]] = arguments[i];
        }
        SharedValue[] sv = sharedNodes;
        int[] ss = sharedSlots;
        for (int i = 0; i < sv.length; i++) {
            values[ss[i]] = sv[i].get();
        }
        Thunk[] ts = thunks;
        for (int t = 0; t < ts.length; t++) {
            try {
                ts[t].run(values);
            } catch (ShapeMismatchException e) {
                throw withNode(e, ts[t].node());
            }
        }
        int[] rs = resultSlots;
        NDArray[] results = new NDArray[rs.length];
        for (int i = 0; i < rs.length; i++) {
            results[i] = values[rs[i]];
        }
        unalias(results, values);
        return results;
    }

    /**
     * Copies every result whose storage someone else may hold or write: an argument, a constant, a
     * shared value that stays stored, or another result. Outputs are checked against everything
     * (including every old shared value, which the caller may have borrowed); update values only
     * against what stays reachable after the update, so swaps and {@code update(a, a)} copy nothing.
     */
    private void unalias(NDArray[] results, NDArray[] values) {
        int nOut = outputCount;
        for (int i = 0; i < results.length; i++) {
            Object data = results[i].data();
            boolean output = i < nOut;
            boolean alias = aliasesSlots(data, inputSlots, values) || aliasesSlots(data, constantSlots, values);
            for (int k = 0; !alias && k < sharedSlots.length; k++) {
                alias = (output || !sharedUpdated[k]) && values[sharedSlots[k]].data() == data;
            }
            for (int j = 0; !alias && j < i; j++) {
                alias = results[j].data() == data;
            }
            for (int j = nOut; output && !alias && j < results.length; j++) {
                alias = results[j].data() == data;
            }
            if (alias) {
                results[i] = results[i].copy();
            }
        }
    }

    private static boolean aliasesSlots(Object data, int[] slots, NDArray[] values) {
        for (int k = 0; k < slots.length; k++) {
            if (values[slots[k]].data() == data) {
                return true;
            }
        }
        return false;
    }

    private static ShapeMismatchException withNode(ShapeMismatchException e, Apply node) {
        String where = node.createdAt().toString();
        if (e.getMessage() != null && e.getMessage().contains(where)) {
            return e;
        }
        ShapeMismatchException r = new ShapeMismatchException(e.getMessage() + " (in " + node.op().name()
                + " created at " + where + ")");
        r.initCause(e);
        return r;
    }

    /** How many outputs precede the update values in {@link #run}'s result. */
    public int outputCount() {
        return outputCount;
    }

    /** The thunks in execution order. */
    public List<Thunk> thunks() {
        return List.of(thunks);
    }

    /** The number of value slots: one per variable of the graph and per input. */
    public int slotCount() {
        return template.length;
    }
}
