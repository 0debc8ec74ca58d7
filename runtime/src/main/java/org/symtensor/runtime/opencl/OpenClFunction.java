package org.symtensor.runtime.opencl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.logging.Logger;
import org.jocl.CLException;
import org.symtensor.function.CompileOptions;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.error.SymtensorException;
import org.symtensor.ir.Constant;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.spi.Pipeline;
import org.symtensor.runtime.ArgumentBinder;
import org.symtensor.runtime.BoundFunction;
import org.symtensor.runtime.link.Checks;
import org.symtensor.runtime.link.NanGuard;
import org.symtensor.runtime.link.Plan;
import org.symtensor.function.FunctionSpec;
import org.symtensor.value.NDArray;

/**
 * A function compiled for an OpenCL device: the device executor of the linker's {@link Plan} (the
 * same plan, slot for slot, that the CPU backend's {@link org.symtensor.runtime.link.Schedule} runs),
 * with the CPU function's call semantics (arguments bound and converted first, updates committed
 * together after every step succeeded, results never aliasing storage held elsewhere). Each plan
 * step becomes a device {@link Step} or a host fallback. Values move between host and device only
 * when a step needs them on the other side; constants are uploaded once per function and shared
 * variables stay on the device between calls ({@link SharedValue#setDevice}). Buffers a call made
 * and does not keep are freed when the call ends. Of the mode's {@link Checks}, NAN_GUARD runs on
 * host copies of each step's float outputs; DEBUG_MODE is CPU-only and refused when compiling.
 */
public final class OpenClFunction extends BoundFunction {
    private static final Logger LOG = Logger.getLogger(OpenClFunction.class.getName());

    private final FunctionSpec spec;
    private final ClDevice device;
    private final Plan plan;
    private final boolean nanGuard;
    private final int slotCount;
    private final int[] inputSlots;
    private final SharedValue[] shared;
    private final int[] sharedSlots;
    private final int[] sharedOfSlot;
    private final int[] constantSlots;
    private final NDArray[] constants;
    private final int[] constantOfSlot;
    private final AtomicReferenceArray<DeviceArray> constantsOnDevice;
    private final Step[] steps;
    private final int[] resultSlots;
    private final int outputCount;
    private final SharedValue[] updateTargets;
    private final List<Variable> optimizedOutputs;

    OpenClFunction(FunctionSpec spec, CompileOptions options, ClDevice device) {
        super(spec, new ArgumentBinder(spec));
        this.spec = spec;
        this.device = device;
        Checks checks = Checks.forMode(options.mode());
        if (checks.compareWithAsWritten()) {
            throw new SymtensorException("mode " + options.mode() + " is CPU-only: it compares every result with the"
                    + " graph as written run by the CPU kernels, and " + device + " computes floats differently"
                    + " enough to fail its tolerances; compile " + describe(spec) + " with device=cpu to check the"
                    + " optimizer, or use NAN_GUARD on the device");
        }
        this.nanGuard = checks.nanGuard();
        // the same pipeline and the same plan as the CPU backend; only the steps differ
        Pipeline.Optimized optimized = Pipeline.optimize(spec, options);
        this.optimizedOutputs = optimized.outputs();
        this.plan = Plan.of(spec, optimized);
        slotCount = plan.slotCount();
        inputSlots = plan.inputSlots();
        shared = plan.sharedValues().toArray(new SharedValue[0]);
        sharedSlots = plan.sharedSlots();
        sharedOfSlot = new int[slotCount];
        Arrays.fill(sharedOfSlot, -1);
        for (int k = 0; k < shared.length; k++) {
            sharedOfSlot[sharedSlots[k]] = k;
        }
        List<Constant> cs = plan.constants();
        constants = new NDArray[cs.size()];
        constantSlots = plan.constantSlots();
        constantOfSlot = new int[slotCount];
        Arrays.fill(constantOfSlot, -1);
        for (int k = 0; k < constants.length; k++) {
            constants[k] = cs.get(k).value();
            constantOfSlot[constantSlots[k]] = k;
        }
        constantsOnDevice = new AtomicReferenceArray<>(constants.length);
        List<Plan.Step> planned = plan.steps();
        steps = new Step[planned.size()];
        List<String> onHost = new ArrayList<>();
        for (int t = 0; t < steps.length; t++) {
            Plan.Step p = planned.get(t);
            steps[t] = DeviceOps.stepFor(p.node(), device, p.inputs(), p.outputs());
            if (!steps[t].onDevice()) {
                onHost.add(p.node().op().name() + " (created at " + p.node().createdAt() + ")");
            }
        }
        resultSlots = plan.resultSlots();
        outputCount = plan.outputCount();
        updateTargets = spec.updateTargets().toArray(new SharedValue[0]);
        if (!onHost.isEmpty()) {
            LOG.info(describe(spec) + " on " + device + " runs " + onHost.size()
                    + " op(s) on the host, with transfers around them: " + String.join(", ", onHost));
        }
    }

    private static String describe(FunctionSpec spec) {
        return spec.name() == null ? "a function" : "function '" + spec.name() + "'";
    }

    /** The linker's plan this function executes (the same plan the CPU backend makes of the spec). */
    public Plan plan() {
        return plan;
    }

    /** The ops of this function that run on the host (Theano's host fallback), by name. */
    public List<String> hostOps() {
        List<String> r = new ArrayList<>();
        for (Step s : steps) {
            if (!s.onDevice()) {
                r.add(s.node.op().name());
            }
        }
        return r;
    }

    private boolean adopt(int slot, NDArray host, DeviceArray uploaded) {
        int c = constantOfSlot[slot];
        if (c >= 0) {
            return constantsOnDevice.compareAndSet(c, null, uploaded);
        }
        int s = sharedOfSlot[slot];
        return s >= 0 && shared[s].cacheDevice(host, uploaded);
    }

    @Override
    protected NDArray[] execute(NDArray[] arguments) {
        Frame f = new Frame(device, slotCount, this::adopt);
        for (int i = 0; i < inputSlots.length; i++) {
            f.host[inputSlots[i]] = arguments[i];
        }
        for (int k = 0; k < constants.length; k++) {
            f.host[constantSlots[k]] = constants[k];
            f.dev[constantSlots[k]] = constantsOnDevice.get(k);
        }
        NDArray[] sharedHost = new NDArray[shared.length];
        for (int k = 0; k < shared.length; k++) {
            SharedValue.DeviceCopy d = shared[k].deviceCopy();
            if (d instanceof DeviceArray && d.owner() == device) {
                f.dev[sharedSlots[k]] = (DeviceArray) d;
            } else {
                sharedHost[k] = shared[k].get();
                f.host[sharedSlots[k]] = sharedHost[k];
            }
        }
        Set<ClBuffer> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            for (Step s : steps) {
                runStep(s, f);
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
        }
    }

    private void runStep(Step s, Frame f) {
        try {
            s.run(f);
            if (nanGuard) {
                guard(s, f);
            }
        } catch (ShapeMismatchException e) {
            String where = s.node.createdAt().toString();
            if (e.getMessage() != null && e.getMessage().contains(where)) {
                throw e;
            }
            ShapeMismatchException r = new ShapeMismatchException(e.getMessage() + " (in " + s.node.op().name()
                    + " created at " + where + ")");
            r.initCause(e);
            throw r;
        } catch (CLException e) {
            throw new SymtensorException("OpenCL error on " + device + " in " + s.node.op().name() + " (created at "
                    + s.node.createdAt() + "): " + e.getMessage(), e);
        }
    }

    /** NAN_GUARD on the device: the step's float outputs are checked on host copies (downloaded, the device copy stays). */
    private static void guard(Step s, Frame f) {
        NDArray[] outputs = new NDArray[s.outs.length];
        for (int k = 0; k < outputs.length; k++) {
            if (s.node.outputs().get(k).type().dtype().isFloat()) {
                outputs[k] = f.host(s.outs[k]);
            }
        }
        NanGuard.check(s.node, outputs, k -> f.shape(s.ins[k]));
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
            for (NDArray c : constants) {
                alias |= c.data() == data;
            }
            for (int k = 0; k < shared.length; k++) {
                alias |= sharedHost[k] != null && (output || !plan.isUpdated(k)) && sharedHost[k].data() == data;
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
                + steps.length + " steps, " + hostOps().size() + " on the host]";
    }

    @Override
    public List<Variable> optimizedOutputs() {
        return optimizedOutputs;
    }
}
