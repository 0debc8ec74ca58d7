package org.symtensor.runtime;

import java.util.List;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.function.Profile;
import org.symtensor.runtime.link.KernelTimer;
import org.symtensor.runtime.link.Plan;
import org.symtensor.runtime.link.Schedule;
import org.symtensor.function.FunctionSpec;
import org.symtensor.value.NDArray;

/**
 * A function compiled by the runtime, with Theano's call semantics: arguments are bound and
 * converted first (positional, keyword, defaults), then the {@link Schedule} runs, and only after
 * every kernel succeeded are all update targets assigned together, so outputs and updates all see
 * the old shared values ({@code update(a, b), update(b, a)} swaps) and a failed call changes
 * nothing. Returned values never alias storage that the caller, a constant or a shared variable
 * holds. Instances are immutable and keep {@link org.symtensor.function.Function}'s thread
 * contract: the schedule holds no per-call state, and {@link BoundFunction} runs each call holding
 * the locks of the function's shared variables, so calls that share one are serialized and calls
 * without shared state run in parallel. The schedule runs the mode's checks (NAN_GUARD,
 * DEBUG_MODE's comparison with the graph as written) itself, before anything is committed. Compiled
 * with {@code profile()}, its kernels run inside a {@link KernelTimer} and {@link #profile()} reads it.
 */
public final class CompiledFunction extends BoundFunction {
    private final FunctionSpec spec;
    private final Schedule schedule;
    private final SharedValue[] updateTargets;
    private final int outputCount;
    private final List<Variable> optimizedOutputs;
    private final KernelTimer timer;
    private final org.symtensor.function.Mode mode;
    private final List<org.symtensor.rewrite.Optimizer.Pass> passes;

    /** A function whose copies compile under FAST_RUN's passes (tests build functions this way). */
    CompiledFunction(FunctionSpec spec, ArgumentBinder binder, Schedule schedule, List<Variable> optimizedOutputs) {
        this(spec, binder, schedule, optimizedOutputs, null, org.symtensor.function.Mode.FAST_RUN,
                org.symtensor.function.Mode.FAST_RUN.passes());
    }

    CompiledFunction(FunctionSpec spec, ArgumentBinder binder, Schedule schedule, List<Variable> optimizedOutputs,
            KernelTimer timer, org.symtensor.function.Mode mode, List<org.symtensor.rewrite.Optimizer.Pass> passes) {
        super(spec, binder);
        this.timer = timer;
        this.mode = mode;
        this.passes = List.copyOf(passes);
        this.spec = spec;
        this.schedule = schedule;
        this.optimizedOutputs = List.copyOf(optimizedOutputs);
        this.updateTargets = spec.updateTargets().toArray(new SharedValue[0]);
        this.outputCount = spec.outputs().size();
        requireLocked(schedule.plan());
    }

    @Override
    protected BoundFunction recompile(FunctionSpec copy) {
        return CpuFunctionCompiler.compile(copy, mode, passes);
    }

    @Override
    public Plan plan() {
        return schedule.plan();
    }

    @Override
    public List<Variable> optimizedOutputs() {
        return optimizedOutputs;
    }

    /** The linker's schedule behind this function (for inspection and debugging). */
    public Schedule schedule() {
        return schedule;
    }

    @Override
    protected NDArray[] execute(NDArray[] arguments) {
        return execute(arguments, null);
    }

    /** Runs the schedule (outputs into {@code into} when not null: its kernels write there directly) and commits the updates. */
    @Override
    protected NDArray[] execute(NDArray[] arguments, NDArray[] into) {
        long t0 = timer == null ? 0 : System.nanoTime();
        // the schedule commits the updates itself, last, so that replaced values it alone held can
        // serve the next call (BoundFunction holds the targets' locks)
        NDArray[] results = schedule.run(arguments, into, updateTargets.length == 0 ? null : updateTargets);
        if (timer != null) {
            timer.callFinished(System.nanoTime() - t0);
        }
        return results;
    }

    @Override
    public Profile profile() {
        return timer == null ? super.profile() : timer.profile(spec.name());
    }

    @Override
    public String toString() {
        return "CompiledFunction[" + (spec.name() == null ? "" : spec.name() + ", ") + spec.inputs().size()
                + " inputs, " + outputCount + " outputs, " + updateTargets.length + " updates, "
                + schedule.thunks().size() + " thunks]";
    }
}
