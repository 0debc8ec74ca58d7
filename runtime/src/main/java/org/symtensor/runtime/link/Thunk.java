package org.symtensor.runtime.link;

import org.symtensor.error.SymtensorException;
import org.symtensor.ir.Apply;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * One step of a {@link Schedule}: a {@link Plan.Step} with its host {@link Kernel}. It reads its
 * inputs from value slots, runs the kernel, writes the results into its output slots, checks them
 * when the function's {@link Checks} ask for NAN_GUARD, and then clears the slots whose last reader
 * it was so their memory can be reclaimed. Immutable; built by the schedule, run once per call.
 */
public final class Thunk {
    private final Apply node;
    private final Kernel kernel;
    private final int[] inputSlots;
    private final int[] outputSlots;
    private final int[] releaseSlots;
    private final int[] donors;
    private final DType[] outputDtypes;
    private final int[] outputRanks;
    private final boolean nanGuard;
    /** Kernels that allocate their outputs fresh and take recycled buffers: elementwise, composite, reduce, dot, softmax. */
    private final boolean recyclable;
    /** Whether an {@link Arena} keeps this step's outputs: recyclable kernels of any rank, and shape reads. */
    private final boolean keepsOutputs;
    /** A dimshuffle: its output is a view of its input, kept by an {@link Arena} only to be handed out again. */
    private final boolean viewStep;

    Thunk(Plan.Step step, Kernel kernel, boolean nanGuard) {
        this.nanGuard = nanGuard;
        org.symtensor.ir.OpKind kind = step.node().op().kind();
        boolean arrays = true; // 0-d results alone are not worth an arena: a 2-scalar call stays as cheap as before
        for (org.symtensor.ir.Variable o : step.node().outputs()) {
            arrays &= o.type().rank() > 0;
        }
        boolean writes = kind == org.symtensor.ir.OpKind.ELEMWISE || kind == org.symtensor.ir.OpKind.COMPOSITE
                || kind == org.symtensor.ir.OpKind.REDUCE || kind == org.symtensor.ir.OpKind.DOT
                || kind == org.symtensor.ir.OpKind.SOFTMAX;
        this.recyclable = arrays && writes;
        // once a function has an arena, its 0-d intermediates and shape reads are kept too
        this.keepsOutputs = writes || kind == org.symtensor.ir.OpKind.SHAPE || kind == org.symtensor.ir.OpKind.DIMSHUFFLE;
        this.viewStep = kind == org.symtensor.ir.OpKind.DIMSHUFFLE;
        this.node = step.node();
        this.donors = step.donors.length == 0 ? null : step.donors;
        this.kernel = kernel;
        this.inputSlots = step.inputs;
        this.outputSlots = step.outputs;
        this.releaseSlots = step.release;
        this.outputDtypes = new DType[outputSlots.length];
        this.outputRanks = new int[outputSlots.length];
        for (int k = 0; k < outputSlots.length; k++) {
            outputDtypes[k] = node.outputs().get(k).type().dtype();
            outputRanks[k] = node.outputs().get(k).type().rank();
        }
    }

    /** Runs the kernel on {@code values} in place: the slots of its outputs are filled, dead slots cleared. */
    void run(NDArray[] values) {
        run(values, null, null, null);
    }

    /**
     * As {@link #run(NDArray[])}, offering the kernel {@code recycled} buffers for its outputs; when
     * {@code fresh} is not null (one entry per output), fills it with the outputs the kernel made
     * fresh (null for the others: a donor, an input, a view of one), for the {@link Arena}; a view
     * step records its view there whatever it is. {@code args}, when not null, is the kernel's
     * argument array to fill (an arena's), cleared again after the kernel ran.
     */
    void run(NDArray[] values, NDArray[] recycled, NDArray[] fresh, NDArray[] args) {
        int[] ins = inputSlots;
        if (args == null) {
            args = new NDArray[ins.length];
        }
        for (int k = 0; k < ins.length; k++) {
            args[k] = values[ins[k]];
        }
        NDArray[] results = recycled == null ? (donors == null ? kernel.run(args) : kernel.run(args, donors))
                : kernel.run(args, donors, recycled);
        int[] outs = outputSlots;
        if (results == null || results.length != outs.length) {
            throw kernelContract("returned " + (results == null ? "null" : results.length + " values")
                    + " but the node has " + outs.length + " outputs");
        }
        for (int k = 0; k < outs.length; k++) {
            NDArray r = results[k];
            // A cheap guard on the kernel contract: a wrong dtype or rank would surface far away otherwise.
            if (r == null || r.dtype() != outputDtypes[k] || r.rank() != outputRanks[k]) {
                throw kernelContract("returned " + (r == null ? "null" : r.dtype() + " of shape "
                        + NDArray.shapeToString(r.shape())) + " for output " + k + ", expected "
                        + node.outputs().get(k).type());
            }
            values[outs[k]] = r;
        }
        if (nanGuard) {
            NDArray[] a = args;
            NanGuard.check(node, results, k -> a[k] == null ? null : a[k].shape());
        }
        int[] dead = releaseSlots;
        for (int k = 0; k < dead.length; k++) {
            values[dead[k]] = null;
        }
        if (fresh != null) {
            for (int k = 0; k < results.length; k++) {
                Object data = results[k].data();
                boolean mine = true;
                for (NDArray a : args) {
                    mine &= a.data() != data;
                }
                // results may be the recycled array itself: entry k is read before fresh[k] is written
                fresh[k] = mine || viewStep ? results[k] : null;
            }
        }
        java.util.Arrays.fill(args, null);
    }

    /** Whether the kernel's outputs are fresh arrays of rank above 0 it may take back from an {@link Arena}. */
    boolean recyclable() {
        return recyclable;
    }

    /** Whether an {@link Arena} keeps an entry per output of this step for the next call. */
    boolean keepsOutputs() {
        return keepsOutputs;
    }

    /** Whether this is a view step ({@link #keepsOutputs} then records its view, not a buffer). */
    boolean viewStep() {
        return viewStep;
    }

    private SymtensorException kernelContract(String what) {
        return new SymtensorException("internal error: the kernel of " + node + " (created at " + node.createdAt()
                + ") " + what + "; please report this");
    }

    /** The apply node this thunk computes. */
    public Apply node() {
        return node;
    }

    /** The kernel this thunk runs (for inspection, e.g. a loop's memory diagnostics). */
    public Kernel kernel() {
        return kernel;
    }

    /** The slots this thunk reads, one per input of the node. */
    public int[] inputSlots() {
        return inputSlots.clone();
    }

    /** The slots this thunk writes, one per output of the node. */
    public int[] outputSlots() {
        return outputSlots.clone();
    }

    /**
     * The inputs (by position) whose storage the kernel may reuse for its result: values made fresh
     * by an elementwise kernel, read by nobody else and returned by nobody (decided when linking;
     * the kernel still checks shape, dtype and layout on each call).
     */
    public int[] donors() {
        return donors == null ? new int[0] : donors.clone();
    }

    /** The slots cleared after this thunk ran: values that no later thunk reads and nobody returns. */
    public int[] releaseSlots() {
        return releaseSlots.clone();
    }
}
