package org.symtensor.runtime.opencl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.logging.Logger;
import org.jocl.CLException;
import org.symtensor.function.CompileOptions;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.error.SymtensorException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.spi.Pipeline;
import org.symtensor.runtime.ArgumentBinder;
import org.symtensor.runtime.BoundFunction;
import org.symtensor.function.FunctionSpec;
import org.symtensor.value.NDArray;

/**
 * A function compiled for an OpenCL device, with the CPU function's call semantics (arguments
 * bound and converted first, updates committed together after every step succeeded, results
 * never aliasing storage held elsewhere). Values move between host and device only when a step
 * needs them on the other side; constants are uploaded once per function and shared variables
 * stay on the device between calls ({@link SharedValue#setDevice}). Buffers a call made and does
 * not keep are freed when the call ends.
 */
public final class OpenClFunction extends BoundFunction {
    private static final Logger LOG = Logger.getLogger(OpenClFunction.class.getName());

    private final FunctionSpec spec;
    private final ClDevice device;
    private final int slotCount;
    private final int[] inputSlots;
    private final SharedValue[] shared;
    private final int[] sharedSlots;
    private final boolean[] sharedUpdated;
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
        // the same pipeline as the CPU backend; DEBUG_MODE and NAN_GUARD checks are CPU-only
        List<Variable> results = Pipeline.optimize(spec, options).results();
        this.optimizedOutputs = List.copyOf(results.subList(0, spec.outputs().size()));
        Map<Variable, Integer> slots = new IdentityHashMap<>();
        inputSlots = new int[spec.inputs().size()];
        for (int i = 0; i < inputSlots.length; i++) {
            inputSlots[i] = slotOf(slots, spec.inputs().get(i).variable());
        }
        List<SharedValue> sv = new ArrayList<>();
        List<Constant> cs = new ArrayList<>();
        for (Variable v : Graphs.ancestors(results)) {
            boolean fresh = !slots.containsKey(v);
            slotOf(slots, v);
            if (fresh && v instanceof SharedValue) {
                sv.add((SharedValue) v);
            } else if (fresh && v instanceof Constant) {
                cs.add((Constant) v);
            }
        }
        List<Apply> order = Graphs.toposort(results);
        for (Apply a : order) {
            for (Variable out : a.outputs()) {
                slotOf(slots, out);
            }
        }
        slotCount = slots.size();
        shared = sv.toArray(new SharedValue[0]);
        sharedSlots = new int[shared.length];
        sharedUpdated = new boolean[shared.length];
        sharedOfSlot = new int[slotCount];
        Arrays.fill(sharedOfSlot, -1);
        for (int k = 0; k < shared.length; k++) {
            sharedSlots[k] = slots.get(shared[k]);
            sharedOfSlot[sharedSlots[k]] = k;
            sharedUpdated[k] = spec.updateTargets().contains(shared[k]);
        }
        constants = new NDArray[cs.size()];
        constantSlots = new int[cs.size()];
        constantOfSlot = new int[slotCount];
        Arrays.fill(constantOfSlot, -1);
        for (int k = 0; k < constants.length; k++) {
            constants[k] = cs.get(k).value();
            constantSlots[k] = slots.get(cs.get(k));
            constantOfSlot[constantSlots[k]] = k;
        }
        constantsOnDevice = new AtomicReferenceArray<>(constants.length);
        steps = new Step[order.size()];
        List<String> onHost = new ArrayList<>();
        for (int t = 0; t < steps.length; t++) {
            Apply a = order.get(t);
            steps[t] = DeviceOps.stepFor(a, device, slotsOf(slots, a.inputs()), slotsOf(slots, a.outputs()));
            if (!steps[t].onDevice()) {
                onHost.add(a.op().name() + " (created at " + a.createdAt() + ")");
            }
        }
        resultSlots = slotsOf(slots, results);
        outputCount = spec.outputs().size();
        updateTargets = spec.updateTargets().toArray(new SharedValue[0]);
        if (!onHost.isEmpty()) {
            LOG.info((spec.name() == null ? "a function" : "function '" + spec.name() + "'") + " on " + device
                    + " runs " + onHost.size() + " op(s) on the host, with transfers around them: "
                    + String.join(", ", onHost));
        }
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
                alias |= sharedHost[k] != null && (output || !sharedUpdated[k]) && sharedHost[k].data() == data;
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
