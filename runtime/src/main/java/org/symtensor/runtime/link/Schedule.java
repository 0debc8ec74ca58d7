package org.symtensor.runtime.link;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.symtensor.ir.Variable;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.function.FunctionSpec;
import org.symtensor.ir.Apply;
import org.symtensor.ir.SharedValue;
import org.symtensor.value.NDArray;

/**
 * The CPU executor of a {@link Plan}: each step of the plan becomes a {@link Thunk} running the host
 * {@link Kernel} a {@link KernelSource} gives for its node, and constants are preloaded into a
 * template of the value array. A call clones the template, binds the arguments and the current
 * shared values, runs the thunks and returns the outputs followed by the new values of the update
 * targets, with every alias to storage held elsewhere (arguments, constants, shared values, another
 * result) copied away. The function's {@link Checks} run inside: NAN_GUARD in every thunk, and
 * DEBUG_MODE as a second schedule of the graph as written whose results are compared with this
 * one's ({@link DebugCheck}) before {@link #run} returns. A schedule holds no per-call state, so one
 * schedule may run on several threads at once.
 */
public final class Schedule {
    /** Supplies the kernel of each apply node (the backend's half of the linker). */
    @FunctionalInterface
    public interface KernelSource {
        Kernel kernelFor(Apply node);
    }

    /** {@code -Dsymtensor.reuseBuffers=false} turns the {@link Arena} off (to measure it, or to rule it out). */
    private static final boolean REUSE_BUFFERS = !"false".equalsIgnoreCase(System.getProperty("symtensor.reuseBuffers"));

    private final Plan plan;
    private final Checks checks;
    private final NDArray[] template;
    private final Thunk[] thunks;
    private final Schedule reference;
    /** Whether calls reuse the intermediate buffers of earlier calls ({@link Arena}). */
    private final boolean recycle;
    /** Per thunk: how many outputs an {@link Arena} keeps for it (0 for kernels whose outputs are not recycled). */
    private final int[] keptOutputs;
    /** Per thunk: how many arguments its kernel takes (the size of its argument array in an {@link Arena}). */
    private final int[] arity;
    /** Per thunk: whether it is a view step, whose kept entry is its last view (never a destination). */
    private final boolean[] viewSteps;
    /** The arena of the last finished call, taken by the next one (null while a call holds it). */
    private final AtomicReference<Arena> spare = new AtomicReference<>();
    /** Per slot: the index of the thunk that writes it and which of its outputs it is, or -1. */
    private final int[] producerThunk;
    private final int[] producerOutput;

    private Schedule(Plan plan, Checks checks, NDArray[] template, Thunk[] thunks, Schedule reference, boolean recycle) {
        this.plan = plan;
        this.checks = checks;
        this.template = template;
        this.thunks = thunks;
        this.reference = reference;
        this.keptOutputs = new int[thunks.length];
        this.arity = new int[thunks.length];
        this.viewSteps = new boolean[thunks.length];
        boolean any = false;
        for (int t = 0; t < thunks.length; t++) {
            keptOutputs[t] = thunks[t].keepsOutputs() ? plan.steps[t].outputs.length : 0;
            arity[t] = plan.steps[t].inputs.length;
            viewSteps[t] = thunks[t].viewStep();
            any |= thunks[t].recyclable();
        }
        // nothing worth keeping (a 2-scalar add): no arena at all, the call stays as cheap as before
        this.recycle = recycle && any;
        this.producerThunk = new int[plan.slotCount()];
        this.producerOutput = new int[plan.slotCount()];
        java.util.Arrays.fill(producerThunk, -1);
        for (int t = 0; t < thunks.length; t++) {
            int[] outs = plan.steps[t].outputs;
            for (int k = 0; k < outs.length; k++) {
                producerThunk[outs[k]] = t;
                producerOutput[outs[k]] = k;
            }
        }
    }

    /** Links {@code spec}'s graph as written, without checks (inner graphs of scan and ifelse, tests). */
    public static Schedule build(FunctionSpec spec, KernelSource kernels) {
        return build(Plan.of(spec), kernels, Checks.NONE);
    }

    /**
     * Asks {@code kernels} for the kernel of each step of {@code plan} and adds {@code checks}
     * ({@link Checks#forMode}); for DEBUG_MODE the reference schedule is linked here too.
     */
    public static Schedule build(Plan plan, KernelSource kernels, Checks checks) {
        return build(plan, kernels, checks, false);
    }

    /**
     * As {@link #build(Plan, KernelSource, Checks)}; with {@code recycle}, calls reuse the
     * intermediate buffers of the previous call ({@link Arena}): what a compiled function does.
     */
    public static Schedule build(Plan plan, KernelSource kernels, Checks checks, boolean recycle) {
        NDArray[] template = new NDArray[plan.slotCount()];
        for (int k = 0; k < plan.constants.length; k++) {
            template[plan.constantSlots[k]] = plan.constants[k].value();
        }
        Thunk[] thunks = new Thunk[plan.steps.length];
        for (int t = 0; t < thunks.length; t++) {
            Plan.Step step = plan.steps[t];
            thunks[t] = new Thunk(step, kernels.kernelFor(step.node()), checks.nanGuard());
        }
        Schedule reference = checks.compareWithAsWritten() ? build(Plan.asWritten(plan.spec()), kernels, Checks.NONE) : null;
        return new Schedule(plan, checks, template, thunks, reference, recycle && REUSE_BUFFERS);
    }

    /**
     * Runs one call on already converted arguments (one per input, in order) and returns the
     * outputs followed by the new values of the update targets. Nothing is stored: committing the
     * updates is the caller's step, so a failing kernel (or a DEBUG_MODE difference, which throws
     * {@link org.symtensor.error.DebugModeException} here) leaves every shared value as it was.
     */
    public NDArray[] run(NDArray[] arguments) {
        return run(arguments, null);
    }

    /**
     * As {@link #run(NDArray[])}, and each non-null {@code into[i]} (one entry per output) receives
     * output i: the kernel that computes it writes straight into it when it can (dtype, shape and a
     * whole contiguous layout fit, and it is not also an argument or a shared value's array), else
     * the value is copied into it; the returned array then holds {@code into[i]} for that output. A
     * destination whose shape differs from the output's is a {@link ShapeMismatchException} raised
     * before any destination is written and before the caller commits updates. Dtypes are the
     * caller's check.
     */
    public NDArray[] run(NDArray[] arguments, NDArray[] into) {
        return run(arguments, into, null);
    }

    /**
     * As {@link #run(NDArray[], NDArray[])}, and when {@code commitTo} is not null (the update
     * targets, one per update value, in order), stores the update values into them once everything
     * else succeeded, as the last step of the call; the caller must hold their locks ({@link
     * org.symtensor.ir.SharedLocks}). A value a target replaces that nothing outside the runtime can
     * hold ({@link SharedValue#replace}: made by an earlier call, never handed out by {@code get})
     * is given to the step that computes that target's update, which writes the next value into
     * it: a training step's parameters and moments alternate between two arrays instead of being
     * allocated per call.
     */
    public NDArray[] run(NDArray[] arguments, NDArray[] into, SharedValue[] commitTo) {
        Arena arena = null;
        if (recycle) {
            arena = spare.getAndSet(null);
            if (arena == null) {
                arena = new Arena(keptOutputs, arity, template.length);
            }
        }
        NDArray[] values;
        if (arena == null) {
            values = template.clone();
        } else {
            values = arena.values;
            System.arraycopy(template, 0, values, 0, template.length);
        }
        int[] ins = plan.inputSlots;
        for (int i = 0; i < ins.length; i++) {
            values[ins[i]] = arguments[i];
        }
        SharedValue[] sv = plan.shared;
        int[] ss = plan.sharedSlots;
        for (int i = 0; i < sv.length; i++) {
            // the call holds the value's lock (a compiled function's call) and keeps no reference past its end
            values[ss[i]] = sv[i].peek();
        }
        Thunk[] ts = thunks;
        NDArray[][] offers = into == null ? null : offers(into, values, arena == null ? null : arena.destinations);
        for (int t = 0; t < ts.length; t++) {
            NDArray[] slot = arena == null ? null : arena.slot(t);
            NDArray[] recycled = slot;
            NDArray[] offered = offers == null ? null : offers[t];
            if (offered != null) {
                recycled = arena != null && keptOutputs[t] > 0 ? arena.withOffers(t, offered) : offered;
            }
            try {
                // the kernel reads the offered buffers before the step overwrites slot with what it made
                ts[t].run(values, recycled, slot, arena == null ? null : arena.args(t));
            } catch (ShapeMismatchException e) {
                throw withNode(e, ts[t].node());
            }
            if (offered != null && arena != null && keptOutputs[t] > 0) {
                arena.clearOffers(t);
            }
        }
        int[] rs = plan.resultSlots;
        NDArray[] results = new NDArray[rs.length];
        for (int i = 0; i < rs.length; i++) {
            results[i] = values[rs[i]];
        }
        unalias(results, values);
        if (reference != null) {
            DebugCheck.compare(plan.spec(), results, reference.run(arguments));
        }
        if (into != null) {
            deliver(results, into);
        }
        if (arena != null) {
            arena.endCall(results);
        }
        if (commitTo != null) {
            commit(commitTo, results, values, into, arena);
        }
        if (arena != null) {
            Arrays.fill(values, null);
            spare.set(arena);
        }
        return results;
    }

    /**
     * Stores update value j into {@code targets[j]}. A value the call made (not an old shared
     * value, which a swap hands from one target to another) is stored with {@link SharedValue#replace};
     * the value it replaces, when nothing else can hold it, goes to the arena as the buffer of the
     * step that computed value j (a step that writes fresh arrays, never a view step), for the next
     * call. The replaced array is no result of this call: results are distinct arrays
     * ({@link #unalias}) and a result is never an old value that {@code replace} returns.
     */
    private void commit(SharedValue[] targets, NDArray[] results, NDArray[] values, NDArray[] into, Arena arena) {
        int base = plan.outputCount();
        int[] rs = plan.resultSlots;
        int[] ss = plan.sharedSlots;
        for (int j = 0; j < targets.length; j++) {
            NDArray v = results[base + j];
            for (int i = 0; into != null && i < into.length; i++) {
                if (into[i] != null && into[i].data() == v.data()) {
                    // computed into a caller's destination (the update reads an output's value, or
                    // is a view of it): the variable must not share the caller's array
                    v = v.copy();
                    results[base + j] = v;
                    break;
                }
            }
            Object data = v.data();
            boolean made = true;
            for (int k = 0; made && k < ss.length; k++) {
                made = values[ss[k]] == null || values[ss[k]].data() != data;
            }
            if (!made) {
                targets[j].set(v);
                continue;
            }
            NDArray old = targets[j].replace(v);
            int t = producerThunk[rs[base + j]];
            if (old != null && arena != null && t >= 0 && keptOutputs[t] > 0 && !viewSteps[t] && !isResult(old, results)) {
                arena.retire(t, producerOutput[rs[base + j]], old);
            }
        }
    }

    private static boolean isResult(NDArray a, NDArray[] results) {
        for (NDArray r : results) {
            if (r.data() == a.data()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Per thunk, the destinations offered to its outputs: {@code into[i]} goes to the thunk that
     * computes output i unless it is also an argument's, a constant's, a shared value's or another
     * destination's array (writing it early would change what a later step reads). With
     * {@code store} (an arena's, emptied at the end of each call) the arrays are kept there.
     */
    private NDArray[][] offers(NDArray[] into, NDArray[] values, NDArray[][] store) {
        NDArray[][] offers = null;
        int[] rs = plan.resultSlots;
        for (int i = 0; i < into.length && i < rs.length; i++) {
            NDArray d = into[i];
            int t = producerThunk[rs[i]];
            if (d == null || t < 0 || viewSteps[t]) {
                continue;
            }
            Object data = d.data();
            boolean clash = aliasesSlots(data, plan.inputSlots, values) || aliasesSlots(data, plan.constantSlots, values)
                    || aliasesSlots(data, plan.sharedSlots, values);
            for (int j = 0; !clash && j < into.length; j++) {
                clash = j != i && into[j] != null && into[j].data() == data;
            }
            for (int j = 0; !clash && j < i; j++) {
                clash = rs[j] == rs[i]; // the same variable returned twice: offered once
            }
            if (clash) {
                continue;
            }
            if (offers == null) {
                offers = store != null ? store : new NDArray[thunks.length][];
            }
            if (offers[t] == null) {
                offers[t] = new NDArray[plan.steps[t].outputs.length];
            }
            offers[t][producerOutput[rs[i]]] = d;
        }
        return offers;
    }

    /** Checks every destination's shape, then copies the outputs their kernels did not write in place. */
    private void deliver(NDArray[] results, NDArray[] into) {
        int n = Math.min(into.length, plan.outputCount());
        for (int i = 0; i < n; i++) {
            if (into[i] != null && !sameShape(into[i], results[i])) {
                Variable v = plan.spec().outputs().get(i);
                throw new ShapeMismatchException("callInto: output " + i + " " + v.describe() + " has shape "
                        + NDArray.shapeToString(results[i].shape()) + " but its destination has shape "
                        + NDArray.shapeToString(into[i].shape()));
            }
        }
        for (int i = 0; i < n; i++) {
            if (into[i] != null && results[i] != into[i]) {
                into[i].assign(results[i]);
                results[i] = into[i];
            }
        }
    }

    /**
     * Copies every result whose storage someone else may hold or write: an argument, a constant, a
     * shared value that stays stored, or another result. Outputs are checked against everything
     * (including every old shared value, which the caller may have borrowed); update values only
     * against what stays reachable after the update, so swaps and {@code update(a, a)} copy nothing.
     */
    private void unalias(NDArray[] results, NDArray[] values) {
        int nOut = plan.outputCount();
        int[] sharedSlots = plan.sharedSlots;
        for (int i = 0; i < results.length; i++) {
            Object data = results[i].data();
            boolean output = i < nOut;
            boolean alias = aliasesSlots(data, plan.inputSlots, values) || aliasesSlots(data, plan.constantSlots, values);
            for (int k = 0; !alias && k < sharedSlots.length; k++) {
                alias = (output || !plan.sharedUpdated[k]) && values[sharedSlots[k]].data() == data;
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

    /** Whether two arrays have the same shape, compared without copying either (this runs per output per call). */
    private static boolean sameShape(NDArray a, NDArray b) {
        if (a.rank() != b.rank()) {
            return false;
        }
        for (int d = 0; d < a.rank(); d++) {
            if (a.shape(d) != b.shape(d)) {
                return false;
            }
        }
        return true;
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
        return plan.outputCount();
    }

    /** The plan this schedule executes. */
    public Plan plan() {
        return plan;
    }

    /** The checks this schedule runs. */
    public Checks checks() {
        return checks;
    }

    /**
     * The intermediate buffers the next call will be offered (the spare {@link Arena}'s), in step
     * order; empty when calls do not reuse buffers or a call holds the arena now. For inspection.
     */
    public List<NDArray> reusedBuffers() {
        Arena a = spare.get();
        return a == null ? List.of() : a.held(viewSteps, false);
    }

    /** The thunks in execution order. */
    public List<Thunk> thunks() {
        return List.of(thunks);
    }

    /** The number of value slots: one per variable of the graph and per input. */
    public int slotCount() {
        return plan.slotCount();
    }
}
