package org.symtensor.runtime.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.function.FunctionSpec;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.rewrite.ScanSaveMemory;
import org.symtensor.spi.Pipeline;

/**
 * The backend-independent half of linking, computed once per compiled function by {@link #of}: every
 * variable of the graph owns one numbered value slot (the spec's inputs first, then every variable
 * in the order {@link Graphs#ancestors} reaches it, then apply outputs nobody reads), the apply nodes run as
 * {@link Step}s in topological order, and the results (outputs, then update values) are read from
 * known slots. It also says when an intermediate value is dead (release points) and which inputs an
 * elementwise node may overwrite (donors). Executors run a plan: {@link Schedule} with host kernels,
 * the OpenCL backend with device steps; neither numbers slots itself. Immutable.
 */
public final class Plan {
    /** One apply node of the plan: the slots it reads and writes, and what dies after it. */
    public static final class Step {
        private final Apply node;
        final int[] inputs;
        final int[] outputs;
        final int[] release;
        final int[] donors;

        private Step(Apply node, int[] inputs, int[] outputs, int[] release, int[] donors) {
            this.node = node;
            this.inputs = inputs;
            this.outputs = outputs;
            this.release = release;
            this.donors = donors;
        }

        /** The apply node this step computes. */
        public Apply node() {
            return node;
        }

        /** The slots it reads, one per input of the node. */
        public int[] inputs() {
            return inputs.clone();
        }

        /** The slots it writes, one per output of the node. */
        public int[] outputs() {
            return outputs.clone();
        }

        /** The apply-output slots no later step reads and nobody returns: free after this step. */
        public int[] release() {
            return release.clone();
        }

        /** The inputs (by position) whose storage an elementwise kernel may reuse for its result. */
        public int[] donors() {
            return donors.clone();
        }
    }

    private final FunctionSpec spec;
    private final int slotCount;
    final int[] inputSlots;
    final Constant[] constants;
    final int[] constantSlots;
    final SharedValue[] shared;
    final int[] sharedSlots;
    final boolean[] sharedUpdated;
    final Step[] steps;
    final int[] resultSlots;
    private final List<Variable> results;
    private final int outputCount;

    private Plan(FunctionSpec spec, int slotCount, int[] inputSlots, Constant[] constants, int[] constantSlots,
            SharedValue[] shared, int[] sharedSlots, boolean[] sharedUpdated, Step[] steps, int[] resultSlots,
            List<Variable> results, int outputCount) {
        this.spec = spec;
        this.slotCount = slotCount;
        this.inputSlots = inputSlots;
        this.constants = constants;
        this.constantSlots = constantSlots;
        this.shared = shared;
        this.sharedSlots = sharedSlots;
        this.sharedUpdated = sharedUpdated;
        this.steps = steps;
        this.resultSlots = resultSlots;
        this.results = List.copyOf(results);
        this.outputCount = outputCount;
    }

    /** The plan of {@code spec}'s graph as written. */
    public static Plan of(FunctionSpec spec) {
        return of(spec, spec.outputs(), spec.updateExpressions());
    }

    /**
     * DEBUG_MODE's reference, the plan every backend compares with: {@code spec}'s graph as written,
     * with only the memory rewrite of scan applied (it keeps the last step instead of all of them,
     * same values), so that a loop of a million steps is checkable at all.
     */
    public static Plan asWritten(FunctionSpec spec) {
        List<Variable> written = new ArrayList<>(spec.outputs());
        written.addAll(spec.updateExpressions());
        int nOut = spec.outputs().size();
        List<Variable> lean = ScanSaveMemory.rewrite(written);
        return of(spec, lean.subList(0, nOut), lean.subList(nOut, lean.size()));
    }

    /** The plan of {@code spec} after the optimizer. */
    public static Plan of(FunctionSpec spec, Pipeline.Optimized optimized) {
        return of(spec, optimized.outputs(), optimized.updates());
    }

    /**
     * Links {@code outputs} and {@code updateExpressions} (the spec's own, or rewritten ones computing
     * the same values) with the spec's inputs and update targets.
     */
    public static Plan of(FunctionSpec spec, List<Variable> outputs, List<Variable> updateExpressions) {
        List<Variable> results = new ArrayList<>(outputs);
        results.addAll(updateExpressions);
        Map<Variable, Integer> slots = new IdentityHashMap<>();
        int[] inputSlots = new int[spec.inputs().size()];
        for (int i = 0; i < inputSlots.length; i++) {
            inputSlots[i] = slotOf(slots, spec.inputs().get(i).variable());
        }
        List<Constant> constants = new ArrayList<>();
        List<SharedValue> shared = new ArrayList<>();
        for (Variable v : Graphs.ancestors(results)) {
            boolean fresh = !slots.containsKey(v);
            slotOf(slots, v);
            if (fresh && v instanceof Constant c) {
                constants.add(c);
            } else if (fresh && v instanceof SharedValue s) {
                shared.add(s);
            }
        }
        List<Apply> order = Graphs.toposort(results);
        for (Apply a : order) {
            for (Variable out : a.outputs()) {
                slotOf(slots, out); // outputs nobody reads still need a slot to land in
            }
        }
        boolean[] updated = new boolean[shared.size()];
        for (SharedValue target : spec.updateTargets()) {
            int k = shared.indexOf(target);
            if (k >= 0) {
                updated[k] = true;
            }
        }
        int[] resultSlots = slotsOf(slots, results);
        return new Plan(spec, slots.size(), inputSlots, constants.toArray(new Constant[0]),
                slotsOf(slots, constants), shared.toArray(new SharedValue[0]), slotsOf(slots, shared), updated,
                steps(order, slots, resultSlots), resultSlots, results, outputs.size());
    }

    private static Step[] steps(List<Apply> order, Map<Variable, Integer> slots, int[] resultSlots) {
        int n = slots.size();
        // Last step that reads each slot. Only apply outputs are released: arguments, shared values and
        // constants are kept alive by the caller, the shared variable or the graph anyway, and the
        // alias check reads them after the last step. Results are never released.
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
        Step[] steps = new Step[order.size()];
        for (int t = 0; t < steps.length; t++) {
            Apply a = order.get(t);
            steps[t] = new Step(a, slotsOf(slots, a.inputs()), slotsOf(slots, a.outputs()), toArray(releaseAt.get(t)),
                    donors(a, t, slots, releasable, lastUse, viewed));
        }
        return steps;
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
        return slots.computeIfAbsent(v, unused -> slots.size());
    }

    private static int[] slotsOf(Map<Variable, Integer> slots, List<? extends Variable> vs) {
        int[] r = new int[vs.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = slots.get(vs.get(i));
        }
        return r;
    }

    private static int[] toArray(List<Integer> list) {
        int[] r = new int[list.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = list.get(i);
        }
        return r;
    }

    /** The spec this plan links (its inputs, update targets and names). */
    public FunctionSpec spec() {
        return spec;
    }

    /** The number of value slots: one per variable of the graph and per input. */
    public int slotCount() {
        return slotCount;
    }

    /** The slot of each input of the spec, in order. */
    public int[] inputSlots() {
        return inputSlots.clone();
    }

    /** The constants the graph reads, in slot order. */
    public List<Constant> constants() {
        return List.of(constants);
    }

    /** The slot of each of {@link #constants()}. */
    public int[] constantSlots() {
        return constantSlots.clone();
    }

    /** The shared values the graph reads, in slot order. */
    public List<SharedValue> sharedValues() {
        return List.of(shared);
    }

    /** The slot of each of {@link #sharedValues()}. */
    public int[] sharedSlots() {
        return sharedSlots.clone();
    }

    /** Whether the {@code k}-th of {@link #sharedValues()} is an update target (its old value is dropped by the call). */
    public boolean isUpdated(int k) {
        return sharedUpdated[k];
    }

    /** The apply nodes in execution order. */
    public List<Step> steps() {
        return List.of(steps);
    }

    /** The slots of the results: the outputs, then the update values in the order of the spec's update targets. */
    public int[] resultSlots() {
        return resultSlots.clone();
    }

    /** The variables of the results, in the order of {@link #resultSlots()}: outputs, then update values. */
    public List<Variable> results() {
        return results;
    }

    /** How many of the results are outputs (the rest are update values). */
    public int outputCount() {
        return outputCount;
    }

    /**
     * The layout in one line per part, by op name and slot number (two plans of structurally equal
     * graphs print the same).
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Plan[").append(slotCount).append(" slots; inputs ")
                .append(Arrays.toString(inputSlots)).append("; constants ").append(Arrays.toString(constantSlots))
                .append("; shared ").append(Arrays.toString(sharedSlots));
        for (Step s : steps) {
            sb.append("; ").append(s.node.op().name()).append(' ').append(Arrays.toString(s.inputs)).append(" -> ")
                    .append(Arrays.toString(s.outputs));
        }
        return sb.append("; results ").append(Arrays.toString(resultSlots)).append(" (").append(outputCount)
                .append(" outputs)]").toString();
    }
}
