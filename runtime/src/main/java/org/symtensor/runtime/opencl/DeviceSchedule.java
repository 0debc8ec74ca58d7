package org.symtensor.runtime.opencl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jocl.CLException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.error.SymtensorException;
import org.symtensor.ir.Constant;
import org.symtensor.ir.SharedValue;
import org.symtensor.runtime.link.NanGuard;
import org.symtensor.runtime.link.Plan;
import org.symtensor.value.NDArray;

/**
 * The OpenCL executor of one {@link Plan}, as {@link org.symtensor.runtime.link.Schedule} is the CPU's:
 * each plan step becomes a device {@link Step} or a host fallback ({@link DeviceOps#stepFor}), over
 * the plan's slots. A run fills a {@link Frame}: arguments, constants (uploaded once per schedule,
 * then reused) and shared values (their device copy when they have one on this device) are bound,
 * then every step runs, with NAN_GUARD on host copies of the float outputs when asked. What to return,
 * commit or free is the caller's ({@link OpenClFunction}); a schedule holds no per-call state.
 */
final class DeviceSchedule {
    private final Plan plan;
    private final ClDevice device;
    private final boolean nanGuard;
    private final int[] inputSlots;
    private final SharedValue[] shared;
    private final int[] sharedSlots;
    private final int[] sharedOfSlot;
    private final int[] constantSlots;
    private final NDArray[] constants;
    private final int[] constantOfSlot;
    private final AtomicReferenceArray<DeviceArray> constantsOnDevice;
    private final Step[] steps;

    DeviceSchedule(Plan plan, ClDevice device, boolean nanGuard) {
        this.plan = plan;
        this.device = device;
        this.nanGuard = nanGuard;
        int slotCount = plan.slotCount();
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
        for (int t = 0; t < steps.length; t++) {
            Plan.Step p = planned.get(t);
            steps[t] = DeviceOps.stepFor(p.node(), device, p.inputs(), p.outputs());
        }
    }

    Plan plan() {
        return plan;
    }

    /** The steps that run on the host (Theano's host fallback), as "op (created at ...)". */
    List<String> hostSteps() {
        List<String> r = new ArrayList<>();
        for (Step s : steps) {
            if (!s.onDevice()) {
                r.add(s.node.op().name() + " (created at " + s.node.createdAt() + ")");
            }
        }
        return r;
    }

    /** The ops of the steps that run on the host, by name. */
    List<String> hostOps() {
        List<String> r = new ArrayList<>();
        for (Step s : steps) {
            if (!s.onDevice()) {
                r.add(s.node.op().name());
            }
        }
        return r;
    }

    int stepCount() {
        return steps.length;
    }

    /** The values a call reads: the plan's constants, for the alias check. */
    NDArray[] constants() {
        return constants;
    }

    /** A fresh frame for one call; the caller frees what it records as created and does not keep. */
    Frame frame() {
        return new Frame(device, plan.slotCount(), this::adopt);
    }

    /**
     * Binds the arguments, constants and shared values into {@code f} and runs every step. {@code sharedHost[k]}
     * receives the host value of the plan's {@code k}-th shared value when that one was bound (null when its
     * device copy was), so the caller can check aliases against what the call read.
     */
    void run(Frame f, NDArray[] arguments, NDArray[] sharedHost) {
        for (int i = 0; i < inputSlots.length; i++) {
            f.host[inputSlots[i]] = arguments[i];
        }
        for (int k = 0; k < constants.length; k++) {
            f.host[constantSlots[k]] = constants[k];
            f.dev[constantSlots[k]] = constantsOnDevice.get(k);
        }
        for (int k = 0; k < shared.length; k++) {
            SharedValue.DeviceCopy d = shared[k].deviceCopy();
            if (d instanceof DeviceArray && d.owner() == device) {
                f.dev[sharedSlots[k]] = (DeviceArray) d;
            } else {
                sharedHost[k] = shared[k].get();
                f.host[sharedSlots[k]] = sharedHost[k];
            }
        }
        for (Step s : steps) {
            runStep(s, f);
        }
    }

    private boolean adopt(int slot, NDArray host, DeviceArray uploaded) {
        int c = constantOfSlot[slot];
        if (c >= 0) {
            return constantsOnDevice.compareAndSet(c, null, uploaded);
        }
        int s = sharedOfSlot[slot];
        return s >= 0 && shared[s].cacheDevice(host, uploaded);
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
}
