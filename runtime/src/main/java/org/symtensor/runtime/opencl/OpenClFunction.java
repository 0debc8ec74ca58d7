package org.symtensor.runtime.opencl;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.FunctionSpec;
import org.symtensor.function.Mode;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.rewrite.Optimizer;
import org.symtensor.runtime.ArgumentBinder;
import org.symtensor.runtime.BoundFunction;
import org.symtensor.runtime.link.Checks;
import org.symtensor.runtime.link.DebugCheck;
import org.symtensor.runtime.link.Plan;
import org.symtensor.spi.Pipeline;
import org.symtensor.value.NDArray;

/**
 * A function compiled for an OpenCL device: the linker's {@link Plan} of the optimized graph (the
 * same plan, slot for slot, that the CPU backend's {@link org.symtensor.runtime.link.Schedule} runs)
 * executed by a {@link DeviceSchedule}, with the CPU function's call semantics (arguments bound and
 * converted first, updates committed together after every step succeeded, results never aliasing
 * storage held elsewhere). Values move between host and device only when a step needs them on the
 * other side; constants are uploaded once per function and shared variables stay on the device
 * between calls ({@link SharedValue#setDevice}). Buffers a call made and does not keep are freed
 * when the call ends. The mode's {@link Checks} run here as on the CPU: NAN_GUARD on host copies
 * of each step's float outputs, DEBUG_MODE as a second device schedule of the graph as written
 * whose results are compared ({@link DebugCheck}) before anything is committed.
 *
 * <p>The thread contract is the CPU function's ({@link org.symtensor.function.Function}): each
 * call runs in its own {@link Frame} holding the locks of the function's shared variables
 * ({@link BoundFunction}), so the device copy of a shared value is read and replaced by one call
 * at a time; kernels come from the device's cache and are launched under a per-kernel lock
 * ({@link ClDevice#launch}), as a kernel's arguments are state of the kernel object.
 */
public final class OpenClFunction extends BoundFunction {
    private static final Logger LOG = Logger.getLogger(OpenClFunction.class.getName());

    private final FunctionSpec spec;
    private final ClDevice device;
    private final DeviceSchedule schedule;
    private final DeviceSchedule reference;
    private final int[] resultSlots;
    private final int outputCount;
    private final SharedValue[] updateTargets;
    private final List<Variable> optimizedOutputs;
    private final Mode mode;
    private final List<Optimizer.Pass> passes;

    @Override
    protected org.symtensor.runtime.BoundFunction recompile(FunctionSpec copy) {
        return new OpenClFunction(copy, mode, passes, device);
    }

    /** Compiles under {@code options}; their {@code clCacheSize} becomes the bound of the device's program cache. */
    OpenClFunction(FunctionSpec spec, CompileOptions options, ClDevice device) {
        this(spec, options.mode(), options.mode().passes(), device);
        device.setCacheCapacity(options.clCacheSize());
    }

    /** With an explicit pipeline (tests plant passes this way); {@code mode} still chooses the checks. */
    OpenClFunction(FunctionSpec spec, Mode mode, List<Optimizer.Pass> passes, ClDevice device) {
        super(spec, new ArgumentBinder(spec));
        this.spec = spec;
        this.device = device;
        this.mode = mode;
        this.passes = List.copyOf(passes);
        Checks checks = Checks.forMode(mode);
        // the same pipeline and the same plan as the CPU backend; only the steps differ
        // the device runs a reduction and its elementwise input as two kernels: undo the CPU's reduce tails
        List<Optimizer.Pass> devicePasses = new java.util.ArrayList<>(passes);
        devicePasses.add(Optimizer.Pass.of("split_reduce_tails", org.symtensor.rewrite.Fusion::splitReduceTails));
        Pipeline.Optimized optimized = Pipeline.optimize(spec, devicePasses);
        this.optimizedOutputs = optimized.outputs();
        Plan plan = Plan.of(spec, optimized);
        this.schedule = new DeviceSchedule(plan, device, checks.nanGuard());
        this.reference = checks.compareWithAsWritten() ? new DeviceSchedule(Plan.asWritten(spec), device, false) : null;
        resultSlots = plan.resultSlots();
        outputCount = plan.outputCount();
        updateTargets = spec.updateTargets().toArray(new SharedValue[0]);
        requireLocked(plan);
        if (reference != null) {
            requireLocked(reference.plan());
        }
        List<String> onHost = schedule.hostSteps();
        if (!onHost.isEmpty()) {
            LOG.info((spec.name() == null ? "a function" : "function '" + spec.name() + "'") + " on " + device
                    + " runs " + onHost.size() + " op(s) on the host, with transfers around them: "
                    + String.join(", ", onHost));
        }
    }

    /** The linker's plan this function executes (the same plan the CPU backend makes of the spec). */
    @Override
    public Plan plan() {
        return schedule.plan();
    }

    /** The ops of this function that run on the host (Theano's host fallback), by name. */
    public List<String> hostOps() {
        return schedule.hostOps();
    }

    @Override
    protected NDArray[] execute(NDArray[] arguments) {
        Frame f = schedule.frame();
        Frame ref = reference == null ? null : reference.frame();
        NDArray[] sharedHost = new NDArray[schedule.plan().sharedValues().size()];
        Set<ClBuffer> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            schedule.run(f, arguments, sharedHost);
            if (reference != null) {
                reference.run(ref, arguments, new NDArray[reference.plan().sharedValues().size()]);
                DebugCheck.compare(spec, hostResults(f, resultSlots), hostResults(ref, reference.plan().resultSlots()));
            }
            int n = resultSlots.length;
            NDArray[] results = new NDArray[n];
            DeviceArray[] deviceUpdates = new DeviceArray[n];
            for (int i = 0; i < n; i++) {
                int slot = resultSlots[i];
                if (i >= outputCount && f.dev[slot] != null) {
                    deviceUpdates[i] = f.dev[slot];
                    kept.add(f.dev[slot].buffer());
                } else {
                    results[i] = f.host(slot);
                }
            }
            unalias(results, arguments, sharedHost);
            for (int j = 0; j < updateTargets.length; j++) {
                int i = outputCount + j;
                if (deviceUpdates[i] != null) {
                    updateTargets[j].setDevice(deviceUpdates[i]);
                } else {
                    updateTargets[j].set(results[i]);
                }
            }
            return results;
        } finally {
            for (ClBuffer b : f.created) {
                if (!kept.contains(b)) {
                    b.release();
                }
            }
            if (ref != null) {
                for (ClBuffer b : ref.created) {
                    b.release();
                }
            }
        }
    }

    /** Host copies of the results, for DEBUG_MODE's comparison (a device value stays on the device too). */
    private static NDArray[] hostResults(Frame f, int[] slots) {
        NDArray[] r = new NDArray[slots.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.host(slots[i]);
        }
        return r;
    }

    /** Copies host results that alias an argument, a constant, a shared value that stays, or another result. */
    private void unalias(NDArray[] results, NDArray[] arguments, NDArray[] sharedHost) {
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                continue;
            }
            Object data = results[i].data();
            boolean output = i < outputCount;
            boolean alias = false;
            for (NDArray a : arguments) {
                alias |= a.data() == data;
            }
            for (NDArray c : schedule.constants()) {
                alias |= c.data() == data;
            }
            for (int k = 0; k < sharedHost.length; k++) {
                alias |= sharedHost[k] != null && (output || !schedule.plan().isUpdated(k)) && sharedHost[k].data() == data;
            }
            for (int j = 0; j < results.length; j++) {
                if (j != i && results[j] != null && (j < i || (output && j >= outputCount))) {
                    alias |= results[j].data() == data;
                }
            }
            if (alias) {
                results[i] = results[i].copy();
            }
        }
    }



    @Override
    public String toString() {
        return "OpenClFunction[" + (spec.name() == null ? "" : spec.name() + ", ") + device.name() + ", "
                + schedule.stepCount() + " steps, " + hostOps().size() + " on the host]";
    }

    @Override
    public List<Variable> optimizedOutputs() {
        return optimizedOutputs;
    }
}
