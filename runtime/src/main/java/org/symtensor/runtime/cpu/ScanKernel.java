package org.symtensor.runtime.cpu;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.symtensor.error.InvalidValueException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Scan;
import org.symtensor.ir.Subtensor;
import org.symtensor.ir.Variable;
import org.symtensor.runtime.link.Schedule;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * Runs a {@link Scan}. A scalar loop (every value of the step rank 0, every op elementwise) runs as
 * a {@link ScalarScan} register program: all steps in one loop, no allocation per step. Any other
 * step's inner graph is linked once into a {@link Schedule} and run once per step: sequence slices
 * are views; each recurrent output keeps a window of its last {@code L} values (the step's own
 * result arrays, no copies); an output kept whole is written row by row into one buffer allocated
 * before the loop, so a loop of n steps allocates O(n) only for what it returns whole and O(1) for
 * what it returns last. Both paths give the same values, bit for bit.
 */
public final class ScanKernel implements Kernel {
    private final Apply node;
    private final Scan op;
    private final Schedule step;
    /** The register program of a scalar loop, or null when the step needs the general path. */
    private final ScalarScan scalar;
    private final int[][] seqTaps;
    /** Per sequence: its smallest tap (taps are in the user's order, not sorted). */
    private final int[] seqMin;
    private final int[][] seqSlots;
    private final int[][] outTaps;
    private final int[][] stateSlots;
    /** Diagnostic: rows of the largest buffer the last run allocated (0 when every output kept only its last value). */
    private final AtomicLong lastBufferRows = new AtomicLong();

    ScanKernel(Apply node) {
        this(node, true);
    }

    /** With {@code scalarPath} false the general path runs every loop (tests compare the two paths this way). */
    ScanKernel(Apply node, boolean scalarPath) {
        this.node = node;
        this.op = (Scan) node.op();
        this.step = InnerGraphs.compile(op.innerInputs(), op.innerOutputs(), "scan step");
        this.scalar = scalarPath ? ScalarScan.compile(op) : null;
        seqTaps = new int[op.seqCount()][];
        seqMin = new int[op.seqCount()];
        seqSlots = new int[op.seqCount()][];
        for (int i = 0; i < seqTaps.length; i++) {
            seqTaps[i] = op.seqTaps(i);
            seqMin[i] = op.seqTapMin(i);
            seqSlots[i] = new int[seqTaps[i].length];
            for (int q = 0; q < seqSlots[i].length; q++) {
                seqSlots[i][q] = op.innerSeqSlot(i, q);
            }
        }
        outTaps = new int[op.outputCount()][];
        stateSlots = new int[op.outputCount()][];
        for (int j = 0; j < outTaps.length; j++) {
            outTaps[j] = op.outTaps(j);
            stateSlots[j] = new int[outTaps[j].length];
            for (int q = 0; q < stateSlots[j].length; q++) {
                stateSlots[j][q] = op.innerStateSlot(j, q);
            }
        }
    }

    /** Rows of the largest stacked buffer allocated by the most recent run (a memory diagnostic for tests). */
    public long lastBufferRows() {
        return lastBufferRows.get();
    }

    /** The loop's node (tests run it again on the other path with {@code new ScanKernel(node, false)}). */
    Apply node() {
        return node;
    }

    /** Whether loops of this kernel run as a scalar register program (a diagnostic for tests). */
    boolean usesScalarProgram() {
        return scalar != null;
    }

    @Override
    public NDArray[] run(NDArray[] in) {
        int steps = countSteps(in);
        checkBufferSizes(in, steps);
        if (scalar != null && scalar.accepts(in)) {
            checkInitialRows(in);
            ScalarScan.Result r = scalar.run(in, steps);
            lastBufferRows.set(r.bufferRows());
            return r.outputs();
        }
        int nOut = op.outputCount();
        NDArray[][] window = new NDArray[nOut][];
        NDArray[] buffer = new NDArray[nOut];
        NDArray[] last = new NDArray[nOut];
        int[][] stateShape = new int[nOut][];
        long rows = 0;
        for (int j = 0; j < nOut; j++) {
            if (!op.isRecurrent(j)) {
                continue;
            }
            int l = op.lookBack(j);
            NDArray init = in[op.initInput(j)];
            window[j] = new NDArray[l];
            if (op.initHasAxis(j)) {
                checkInitialRows(j, init);
                for (int r = 0; r < l; r++) {
                    window[j][r] = init.row(r);
                }
            } else {
                window[j][0] = init;
            }
            stateShape[j] = window[j][0].shape();
            if (op.keep(j) == Scan.Keep.ALL) {
                buffer[j] = NDArray.zeros(init.dtype(), prepend(l + steps, stateShape[j]));
                for (int r = 0; r < l; r++) {
                    buffer[j].row(r).assign(window[j][r]);
                }
                rows = Math.max(rows, l + (long) steps);
            }
        }
        NDArray[] args = new NDArray[op.innerInputs().size()];
        for (int k = 0; k < op.nonSeqCount(); k++) {
            args[op.innerNonSeqSlot(k)] = in[op.nonSeqInput(k)];
        }
        int seqs = op.seqCount();
        NDArray[] seqValues = new NDArray[seqs];
        for (int i = 0; i < seqs; i++) {
            seqValues[i] = in[op.seqInput(i)];
        }
        int done = steps;
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < seqs; i++) {
                NDArray s = seqValues[i];
                int[] k = seqTaps[i];
                int[] slots = seqSlots[i];
                for (int q = 0; q < k.length; q++) {
                    args[slots[q]] = s.row(t - seqMin[i] + k[q]);
                }
            }
            for (int j = 0; j < nOut; j++) {
                if (window[j] != null) {
                    int[] taps = outTaps[j];
                    int[] slots = stateSlots[j];
                    int l = window[j].length;
                    for (int q = 0; q < taps.length; q++) {
                        args[slots[q]] = window[j][l + taps[q]];
                    }
                }
            }
            NDArray[] r = step.run(args);
            for (int j = 0; j < nOut; j++) {
                NDArray y = r[j];
                if (window[j] != null) {
                    if (!Arrays.equals(y.shape(), stateShape[j])) {
                        throw new ShapeMismatchException("scan: step " + t + " gives output " + j + " of shape "
                                + NDArray.shapeToString(y.shape()) + " but its initial value has shape "
                                + NDArray.shapeToString(stateShape[j]) + "; a recurrent output must keep its shape");
                    }
                    NDArray[] w = window[j];
                    System.arraycopy(w, 1, w, 0, w.length - 1);
                    w[w.length - 1] = y;
                }
                if (op.keep(j) == Scan.Keep.LAST) {
                    last[j] = y;
                    continue;
                }
                int row = op.lookBack(j) + t;
                if (buffer[j] == null) {
                    buffer[j] = NDArray.zeros(y.dtype(), prepend(steps, y.shape()));
                    rows = Math.max(rows, steps);
                } else if (!Arrays.equals(buffer[j].row(row).shape(), y.shape())) {
                    throw new ShapeMismatchException("scan: step " + t + " gives output " + j + " of shape "
                            + NDArray.shapeToString(y.shape()) + " but earlier steps gave "
                            + NDArray.shapeToString(buffer[j].row(row).shape()));
                }
                buffer[j].row(row).assign(y);
            }
            if (op.hasUntil() && r[nOut].toBoolean()) {
                done = t + 1;
                break;
            }
        }
        lastBufferRows.set(rows);
        NDArray[] out = new NDArray[nOut];
        for (int j = 0; j < nOut; j++) {
            if (op.keep(j) == Scan.Keep.LAST) {
                out[j] = window[j] != null ? window[j][window[j].length - 1] : last[j];
                if (out[j] == null) {
                    throw new ShapeMismatchException("scan: the last value of output " + j + " was asked for, but the loop ran no step");
                }
                continue;
            }
            if (buffer[j] == null) {
                buffer[j] = NDArray.zeros(node.outputs().get(j).type().dtype(), emptyShape(j));
            }
            int l = op.lookBack(j);
            out[j] = done < steps ? buffer[j].rows(0, l + done) : buffer[j];
        }
        return out;
    }

    private void checkInitialRows(NDArray[] in) {
        for (int j = 0; j < op.outputCount(); j++) {
            if (op.initHasAxis(j)) {
                checkInitialRows(j, in[op.initInput(j)]);
            }
        }
    }

    private void checkInitialRows(int j, NDArray init) {
        int l = op.lookBack(j);
        if (init.shape(0) != l) {
            throw new ShapeMismatchException("scan: output " + j + " with taps " + Arrays.toString(op.outTaps(j))
                    + " needs an initial value with " + l + " rows, got shape " + NDArray.shapeToString(init.shape()));
        }
    }

    /**
     * The number of steps: {@code nSteps} when given (Theano's rule: every sequence must then be long
     * enough for it, and a negative count is an error), else what the shortest sequence allows.
     */
    private int countSteps(NDArray[] in) {
        long requested = in[0].getLong(0);
        boolean given = requested != Scan.STEPS_FROM_SEQUENCES;
        if (given && requested < 0) {
            throw new InvalidValueException("scan: nSteps is " + requested + "; the number of steps must be at least 0"
                    + " (to run backwards, use goBackwards())");
        }
        long n = given ? requested : Long.MAX_VALUE;
        for (int i = 0; i < op.seqCount(); i++) {
            NDArray s = in[op.seqInput(i)];
            int[] k = op.seqTaps(i);
            int span = op.seqTapSpan(i);
            long avail = (long) s.shape(0) - span;
            if (avail < 0) {
                throw new ShapeMismatchException("scan: sequence " + i + " " + sequenceName(i) + " has length " + s.shape(0)
                        + " but its taps " + Arrays.toString(k) + " need at least " + (span + 1) + " elements");
            }
            if (given && requested > avail) {
                throw new ShapeMismatchException("scan: nSteps is " + requested + " but sequence " + i + " "
                        + sequenceName(i) + " has length " + s.shape(0)
                        + (span == 0 ? "" : " and its taps " + Arrays.toString(k) + " span " + span)
                        + ", enough for " + avail + " steps; pass a shorter nSteps or a longer sequence");
            }
            n = Math.min(n, avail);
        }
        if (!given && op.seqCount() == 0) {
            throw new InvalidValueException("scan: neither nSteps nor a sequence fixes the number of steps");
        }
        if (n > Integer.MAX_VALUE) {
            throw new InvalidValueException("scan: nSteps is " + requested + ", more than the " + Integer.MAX_VALUE
                    + " steps a loop can run");
        }
        return (int) n;
    }

    /** The user's name of sequence i: the outer variable (the reversed one's source under goBackwards). */
    private String sequenceName(int i) {
        Variable v = node.inputs().get(op.seqInput(i));
        if (v.name() == null && v.owner() != null && v.owner().op() instanceof Subtensor) {
            v = v.owner().inputs().get(0);
        }
        return v.describe();
    }

    /**
     * Checks, before anything is allocated, that every stacked output's buffer of {@code L + steps}
     * rows fits in a Java array ({@link NDArray#elementCount}), so a huge {@code nSteps} is a shape
     * error, not an {@code OutOfMemoryError}. A map output's row shape is known after its first
     * step; its rows alone are checked here and the whole buffer when it is made.
     */
    private void checkBufferSizes(NDArray[] in, int steps) {
        for (int j = 0; j < op.outputCount(); j++) {
            if (op.keep(j) != Scan.Keep.ALL) {
                continue;
            }
            long rows = (op.isRecurrent(j) ? op.lookBack(j) : 0) + (long) steps;
            int[] row = new int[0];
            if (op.isRecurrent(j)) {
                int[] init = in[op.initInput(j)].shape();
                row = op.initHasAxis(j) ? Arrays.copyOfRange(init, 1, init.length) : init;
            }
            if (rows > Integer.MAX_VALUE) {
                throw new ShapeMismatchException("scan: output " + j + " keeps every step: " + rows + " rows (nSteps "
                        + steps + " plus " + op.lookBack(j) + " initial), more than the " + Integer.MAX_VALUE
                        + " a Java array can hold; keep only the last step (last(), or outputs().get(-1)) or run fewer steps");
            }
            try {
                NDArray.elementCount(prepend((int) rows, row));
            } catch (ShapeMismatchException e) {
                throw new ShapeMismatchException("scan: output " + j + " keeps every step (nSteps " + steps + "): "
                        + e.getMessage() + "; keep only the last step (last(), or outputs().get(-1)) or run fewer steps");
            }
        }
    }

    private int[] emptyShape(int j) {
        int[] s = node.outputs().get(j).type().shape();
        s[0] = 0;
        for (int i = 1; i < s.length; i++) {
            s[i] = s[i] == TensorType.UNKNOWN ? 0 : s[i];
        }
        return s;
    }

    private static int[] prepend(int n, int[] shape) {
        int[] s = new int[shape.length + 1];
        s[0] = n;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }
}
