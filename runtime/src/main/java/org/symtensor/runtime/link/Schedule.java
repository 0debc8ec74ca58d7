package org.symtensor.runtime.link;

import java.util.List;
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

    private final Plan plan;
    private final Checks checks;
    private final NDArray[] template;
    private final Thunk[] thunks;
    private final Schedule reference;

    private Schedule(Plan plan, Checks checks, NDArray[] template, Thunk[] thunks, Schedule reference) {
        this.plan = plan;
        this.checks = checks;
        this.template = template;
        this.thunks = thunks;
        this.reference = reference;
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
        return new Schedule(plan, checks, template, thunks, reference);
    }

    /**
     * Runs one call on already converted arguments (one per input, in order) and returns the
     * outputs followed by the new values of the update targets. Nothing is stored: committing the
     * updates is the caller's step, so a failing kernel (or a DEBUG_MODE difference, which throws
     * {@link org.symtensor.error.DebugModeException} here) leaves every shared value as it was.
     */
    public NDArray[] run(NDArray[] arguments) {
        NDArray[] values = template.clone();
        int[] ins = plan.inputSlots;
        for (int i = 0; i < ins.length; i++) {
            values[ins[i]] = arguments[i];
        }
        SharedValue[] sv = plan.shared;
        int[] ss = plan.sharedSlots;
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
        int[] rs = plan.resultSlots;
        NDArray[] results = new NDArray[rs.length];
        for (int i = 0; i < rs.length; i++) {
            results[i] = values[rs[i]];
        }
        unalias(results, values);
        if (reference != null) {
            DebugCheck.compare(plan.spec(), results, reference.run(arguments));
        }
        return results;
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

    /** The thunks in execution order. */
    public List<Thunk> thunks() {
        return List.of(thunks);
    }

    /** The number of value slots: one per variable of the graph and per input. */
    public int slotCount() {
        return plan.slotCount();
    }
}
