package org.symtensor.runtime.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Scan;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;
import org.symtensor.value.Conversions;
import org.symtensor.value.NDArray;

/**
 * The fast path of {@link ScanKernel} for scalar loops: a step whose inner graph is only rank-0
 * elementwise ops and composites over rank-0 states, rank-0 non-sequences, rank-0 constants and
 * entries of vector sequences is compiled once into a register program (one {@code double} and one
 * {@code long} register per value), and all steps run in one loop that allocates nothing per step.
 *
 * <p>The arithmetic is that of the general path, value for value: an op computes in double when its
 * result or a value operand is a float, else in long (as {@link ElemwiseKernel} and
 * {@link CompositeKernel} decide), through the same {@link ScalarOp} table, and each result is
 * converted to its dtype as storing it into an {@link NDArray} would (float32 rounds, ints wrap,
 * bool is {@code v != 0}). An integer value also keeps its double in its double register, so an op
 * computing in double reads it converted exactly as {@code getDouble} would. The inner graph is run
 * as written, not re-optimized, so both paths run the same ops.
 */
final class ScalarScan {
    /**
     * Instruction kinds: {@code + - * /} with a float64 result, the same with a float32 result, then
     * any op of the table computing in double (its result converted to its dtype) and in long.
     */
    private static final int ADD64 = 0;
    private static final int SUB64 = 1;
    private static final int MUL64 = 2;
    private static final int DIV64 = 3;
    private static final int ADD32 = 4;
    private static final int SUB32 = 5;
    private static final int MUL32 = 6;
    private static final int DIV32 = 7;
    private static final int DOUBLE = 8;
    private static final int LONG = 9;

    private final Scan op;
    private final boolean[] isDouble;
    private final double[] constD;
    private final long[] constL;
    private final int[] kind;
    private final ScalarOp[] ops;
    private final int[] xs;
    private final int[] ys;
    private final int[] zs;
    private final int[] dst;
    private final DType[] dtypes;
    private final int[] outReg;
    private final int untilReg;
    /**
     * Per output: whether its state is carried register to register (a state of one tap {@code -1}
     * kept last, computed by the step): the step's result is copied into the state's register (or
     * written there directly, see {@link #writeInPlace}), with no window. The other outputs are
     * {@link #stored} into their histories.
     */
    private final boolean[] carried;
    private final int[] stored;
    private final int[] carryFrom;
    private final int[] carryTo;

    private ScalarScan(Scan op, ScalarScanBuilder b, int[] outReg, int untilReg) {
        this.op = op;
        int n = b.dtypes.size();
        this.isDouble = new boolean[n];
        this.dtypes = b.dtypes.toArray(new DType[0]);
        for (int v = 0; v < n; v++) {
            isDouble[v] = dtypes[v].isFloat();
        }
        this.constD = new double[n];
        this.constL = new long[n];
        for (Map.Entry<Integer, NDArray> c : b.constants.entrySet()) {
            load(constD, constL, isDouble, c.getKey(), c.getValue(), 0);
        }
        int m = b.ops.size();
        this.kind = new int[m];
        this.ops = b.ops.toArray(new ScalarOp[0]);
        this.xs = new int[m];
        this.ys = new int[m];
        this.zs = new int[m];
        this.dst = new int[m];
        for (int i = 0; i < m; i++) {
            int[] a = b.args.get(i);
            xs[i] = a[0];
            ys[i] = a.length > 1 ? a[1] : a[0];
            zs[i] = a.length > 2 ? a[2] : a[0];
            dst[i] = b.dst.get(i);
            boolean inDouble = isDouble[dst[i]];
            for (int k = ops[i] == ScalarOp.SECOND ? 1 : 0; k < a.length; k++) {
                inDouble |= isDouble[a[k]];
            }
            kind[i] = kindOf(ops[i], inDouble, dtypes[dst[i]]);
        }
        this.outReg = outReg;
        this.untilReg = untilReg;
        int nOut = op.outputCount();
        int nInputs = op.innerInputs().size();
        carried = new boolean[nOut];
        List<Integer> from = new ArrayList<>();
        List<Integer> to = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int j = 0; j < nOut; j++) {
            // a result that is itself an inner input could be a register another carry overwrites
            carried[j] = op.isRecurrent(j) && op.keep(j) == Scan.Keep.LAST && op.lookBack(j) == 1 && outReg[j] >= nInputs;
            if (carried[j] && !writeInPlace(j, op.innerStateSlot(j, 0))) {
                from.add(outReg[j]);
                to.add(op.innerStateSlot(j, 0));
            } else if (!carried[j]) {
                rest.add(j);
            }
        }
        carryFrom = from.stream().mapToInt(Integer::intValue).toArray();
        carryTo = to.stream().mapToInt(Integer::intValue).toArray();
        stored = rest.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Makes the instruction that computes output {@code j} write straight into its state register
     * {@code state}, saving the copy, when nothing else reads the result and nothing after that
     * instruction (no later instruction, no other output, no until condition) reads the prior state.
     */
    private boolean writeInPlace(int j, int state) {
        int o = outReg[j];
        int writer = -1;
        for (int i = 0; i < dst.length; i++) {
            writer = dst[i] == o ? i : writer;
        }
        if (writer < 0 || untilReg == o || untilReg == state) {
            return false;
        }
        for (int i = 0; i < dst.length; i++) {
            boolean readsResult = xs[i] == o || ys[i] == o || zs[i] == o;
            boolean readsState = xs[i] == state || ys[i] == state || zs[i] == state;
            if (readsResult || (i > writer && readsState)) {
                return false;
            }
        }
        for (int k = 0; k < outReg.length; k++) {
            if (k != j && (outReg[k] == o || outReg[k] == state)) {
                return false;
            }
        }
        dst[writer] = state;
        return true;
    }

    private static int kindOf(ScalarOp op, boolean inDouble, DType out) {
        if (!inDouble) {
            return LONG;
        }
        if (out != DType.FLOAT64 && out != DType.FLOAT32) {
            return DOUBLE;
        }
        int base = out == DType.FLOAT64 ? ADD64 : ADD32;
        return switch (op) {
            case ADD -> base;
            case SUB -> base + 1;
            case MUL -> base + 2;
            case TRUE_DIV -> base + 3;
            default -> DOUBLE;
        };
    }

    /** The program of {@code op}'s step, or null when the step holds anything but rank-0 elementwise work. */
    static ScalarScan compile(Scan op) {
        ScalarScanBuilder b = new ScalarScanBuilder();
        for (Variable v : op.innerInputs()) {
            if (v.type().rank() != 0) {
                return null;
            }
            b.register(v);
        }
        for (Apply a : Graphs.toposort(op.innerOutputs())) {
            if (!b.add(a)) {
                return null;
            }
        }
        int nOut = op.outputCount();
        int[] outReg = new int[nOut];
        for (int j = 0; j < nOut; j++) {
            outReg[j] = b.operand(op.innerOutputs().get(j));
            if (outReg[j] < 0 || op.innerOutputs().get(j).type().rank() != 0) {
                return null;
            }
        }
        int until = op.hasUntil() ? b.operand(op.innerOutputs().get(nOut)) : -1;
        if (op.hasUntil() && until < 0) {
            return null;
        }
        return new ScalarScan(op, b, outReg, until);
    }

    /** Reads element {@code i} of {@code x} into register {@code r}, the double of an integer too. */
    private static void load(double[] d, long[] l, boolean[] isDouble, int r, NDArray x, int i) {
        if (isDouble[r]) {
            d[r] = x.getDouble(i);
        } else {
            long v = x.getLong(i);
            l[r] = v;
            d[r] = v;
        }
    }

    /**
     * Whether the run-time values fit the program: sequences of rank 1, rank-0 states and
     * non-sequences (or stacked initial states of rank 1), each of the dtype its inner input has.
     */
    boolean accepts(NDArray[] in) {
        for (int i = 0; i < op.seqCount(); i++) {
            if (!fits(in[op.seqInput(i)], op.innerSeqSlot(i, 0), 1)) {
                return false;
            }
        }
        for (int j = 0; j < op.outputCount(); j++) {
            if (op.isRecurrent(j) && !fits(in[op.initInput(j)], op.innerStateSlot(j, 0), op.initHasAxis(j) ? 1 : 0)) {
                return false;
            }
        }
        for (int k = 0; k < op.nonSeqCount(); k++) {
            if (!fits(in[op.nonSeqInput(k)], op.innerNonSeqSlot(k), 0)) {
                return false;
            }
        }
        return true;
    }

    private boolean fits(NDArray x, int register, int rank) {
        return x.rank() == rank && x.dtype() == dtypes[register];
    }

    /** The registers after one step: runs the program over {@code d} and {@code l}. */
    private void execute(double[] d, long[] l) {
        int[] kind = this.kind;
        int[] xs = this.xs;
        int[] ys = this.ys;
        int[] dst = this.dst;
        for (int i = 0; i < kind.length; i++) {
            int o = dst[i];
            switch (kind[i]) {
                case ADD64 -> d[o] = d[xs[i]] + d[ys[i]];
                case SUB64 -> d[o] = d[xs[i]] - d[ys[i]];
                case MUL64 -> d[o] = d[xs[i]] * d[ys[i]];
                case DIV64 -> d[o] = d[xs[i]] / d[ys[i]];
                case ADD32 -> d[o] = (float) (d[xs[i]] + d[ys[i]]);
                case SUB32 -> d[o] = (float) (d[xs[i]] - d[ys[i]]);
                case MUL32 -> d[o] = (float) (d[xs[i]] * d[ys[i]]);
                case DIV32 -> d[o] = (float) (d[xs[i]] / d[ys[i]]);
                case DOUBLE -> store(d, l, o, ops[i].applyDouble(d[xs[i]], d[ys[i]], d[zs[i]]));
                default -> {
                    long v = narrow(ops[i].applyLong(l[xs[i]], l[ys[i]], l[zs[i]]), dtypes[o]);
                    l[o] = v;
                    d[o] = v;
                }
            }
        }
    }

    /** A double result into register {@code o}, converted to its dtype as an NDArray store converts it. */
    private void store(double[] d, long[] l, int o, double r) {
        switch (dtypes[o]) {
            case FLOAT64 -> d[o] = r;
            case FLOAT32 -> d[o] = (float) r;
            case BOOL -> {
                long v = r != 0 ? 1 : 0;
                l[o] = v;
                d[o] = v;
            }
            case INT64, INT32, INT16, INT8, UINT8 -> {
                long v = Conversions.floatToInt(r, dtypes[o]);
                l[o] = v;
                d[o] = v;
            }
        }
    }

    /** Wraps a long to the width of {@code dt}, as storing it into that dtype and reading it back would. */
    static long narrow(long v, DType dt) {
        return switch (dt) {
            case INT32 -> (int) v;
            case INT16 -> (short) v;
            case INT8 -> (byte) v;
            case UINT8 -> v & 0xFF;
            case BOOL -> v != 0 ? 1 : 0;
            case INT64, FLOAT32, FLOAT64 -> v;
        };
    }

    /** What a run computed: the outer outputs and the rows of its largest stacked buffer. */
    record Result(NDArray[] outputs, long bufferRows) {}

    /**
     * Runs {@code steps} steps (fewer when the until condition holds) over inputs {@link #accepts}
     * took, whose stacked initial states have the rows their taps need. Outputs are laid out as
     * {@link ScanKernel}'s general path lays them out.
     */
    Result run(NDArray[] in, int steps) {
        double[] d = constD.clone();
        long[] l = constL.clone();
        for (int k = 0; k < op.nonSeqCount(); k++) {
            load(d, l, isDouble, op.innerNonSeqSlot(k), in[op.nonSeqInput(k)], 0);
        }
        ScalarScanRun run = new ScalarScanRun(op, in, steps, isDouble, outReg, carried);
        for (int j = 0; j < carried.length; j++) {
            if (carried[j]) {
                load(d, l, isDouble, op.innerStateSlot(j, 0), in[op.initInput(j)], 0);
            }
        }
        double[][] seqD = run.seqD;
        long[][] seqL = run.seqL;
        int[] seqOff = run.seqOff;
        int[] seqReg = run.seqReg;
        int[] stReg = run.slotReg;
        int[] stOut = run.slotOut;
        int[] stPos = run.slotPos;
        double[][] histD = run.histD;
        long[][] histL = run.histL;
        boolean[] keepAll = run.keepAll;
        int[] lookBack = run.lookBack;
        boolean[] recurrent = run.recurrent;
        double[] lastD = run.lastD;
        long[] lastL = run.lastL;
        int[] stored = this.stored;
        int[] carryFrom = this.carryFrom;
        int[] carryTo = this.carryTo;
        int done = steps;
        for (int t = 0; t < steps; t++) {
            for (int s = 0; s < seqReg.length; s++) {
                int r = seqReg[s];
                if (seqD[s] != null) {
                    d[r] = seqD[s][t + seqOff[s]];
                } else {
                    long v = seqL[s][t + seqOff[s]];
                    l[r] = v;
                    d[r] = v;
                }
            }
            for (int s = 0; s < stReg.length; s++) {
                int j = stOut[s];
                int r = stReg[s];
                int p = (keepAll[j] ? t : 0) + stPos[s];
                if (histD[j] != null) {
                    d[r] = histD[j][p];
                } else {
                    long v = histL[j][p];
                    l[r] = v;
                    d[r] = v;
                }
            }
            execute(d, l);
            for (int j : stored) {
                int r = outReg[j];
                int p;
                if (!keepAll[j]) {
                    if (!recurrent[j]) {
                        lastD[j] = d[r];
                        lastL[j] = l[r];
                        continue;
                    }
                    p = lookBack[j] - 1;
                    if (p > 0) {
                        if (histD[j] != null) {
                            System.arraycopy(histD[j], 1, histD[j], 0, p);
                        } else {
                            System.arraycopy(histL[j], 1, histL[j], 0, p);
                        }
                    }
                } else {
                    p = lookBack[j] + t;
                }
                if (histD[j] != null) {
                    histD[j][p] = d[r];
                } else {
                    histL[j][p] = l[r];
                }
            }
            // read before the carries below, which may overwrite a state register the condition is
            boolean stop = untilReg >= 0 && d[untilReg] != 0;
            for (int c = 0; c < carryFrom.length; c++) {
                d[carryTo[c]] = d[carryFrom[c]];
                l[carryTo[c]] = l[carryFrom[c]];
            }
            if (stop) {
                done = t + 1;
                break;
            }
        }
        if (done > 0) {
            for (int j = 0; j < carried.length; j++) {
                int r = op.innerStateSlot(j, 0);
                if (carried[j] && histD[j] != null) {
                    histD[j][0] = d[r];
                } else if (carried[j]) {
                    histL[j][0] = l[r];
                }
            }
        }
        return new Result(run.outputs(done), run.rows());
    }
}
