package org.symtensor.runtime.cpu;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Composite;
import org.symtensor.ir.Constant;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Scan;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;
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
    /** Instruction kinds: the commonest double ops spelled out, then the table in double and in long. */
    private static final int ADD = 0;
    private static final int SUB = 1;
    private static final int MUL = 2;
    private static final int DIV = 3;
    private static final int DOUBLE = 4;
    private static final int LONG = 5;

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

    private ScalarScan(Scan op, Builder b, int[] outReg, int untilReg) {
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
            kind[i] = !inDouble ? LONG : switch (ops[i]) {
                case ADD -> ADD;
                case SUB -> SUB;
                case MUL -> MUL;
                case TRUE_DIV -> DIV;
                default -> DOUBLE;
            };
        }
        this.outReg = outReg;
        this.untilReg = untilReg;
    }

    /** The program of {@code op}'s step, or null when the step holds anything but rank-0 elementwise work. */
    static ScalarScan compile(Scan op) {
        Builder b = new Builder();
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

    /** Numbers values and collects instructions while the inner graph is walked in topological order. */
    private static final class Builder {
        final Map<Variable, Integer> number = new IdentityHashMap<>();
        final List<DType> dtypes = new ArrayList<>();
        final Map<Integer, NDArray> constants = new java.util.LinkedHashMap<>();
        final List<ScalarOp> ops = new ArrayList<>();
        final List<int[]> args = new ArrayList<>();
        final List<Integer> dst = new ArrayList<>();

        int register(Variable v) {
            number.put(v, dtypes.size());
            dtypes.add(v.type().dtype());
            return dtypes.size() - 1;
        }

        int constant(NDArray value) {
            dtypes.add(value.dtype());
            constants.put(dtypes.size() - 1, value);
            return dtypes.size() - 1;
        }

        /** The register of an operand: numbered already, or a rank-0 constant; -1 for anything else. */
        int operand(Variable v) {
            Integer r = number.get(v);
            if (r != null) {
                return r;
            }
            if (v instanceof Constant c && v.type().rank() == 0) {
                int k = constant(c.value());
                number.put(v, k);
                return k;
            }
            return -1;
        }

        boolean add(Apply a) {
            if (a.outputs().size() != 1 || a.output().type().rank() != 0) {
                return false;
            }
            int[] in = new int[a.inputs().size()];
            for (int k = 0; k < in.length; k++) {
                in[k] = operand(a.inputs().get(k));
                if (in[k] < 0 || a.inputs().get(k).type().rank() != 0) {
                    return false;
                }
            }
            switch (a.op().kind()) {
                case ELEMWISE -> emit(((Elemwise) a.op()).scalarOp(), in, register(a.output()));
                case COMPOSITE -> {
                    Composite c = (Composite) a.op();
                    List<Integer> values = new ArrayList<>();
                    for (int r : in) {
                        values.add(r);
                    }
                    for (NDArray k : c.constants()) {
                        values.add(constant(k));
                    }
                    List<Composite.Step> steps = c.steps();
                    for (int s = 0; s < steps.size(); s++) {
                        Composite.Step st = steps.get(s);
                        int[] operands = new int[st.args().length];
                        for (int k = 0; k < operands.length; k++) {
                            operands[k] = values.get(st.arg(k));
                        }
                        int out;
                        if (s == steps.size() - 1) {
                            out = register(a.output());
                        } else {
                            dtypes.add(st.dtype());
                            out = dtypes.size() - 1;
                        }
                        emit(st.op().scalarOp(), operands, out);
                        values.add(out);
                    }
                }
                // rank 0 to rank 0: the value itself
                case DIMSHUFFLE, GRAD_MARK -> {
                    if (in.length != 1 || (a.op() instanceof DimShuffle d && d.pattern().length != 0)) {
                        return false;
                    }
                    number.put(a.output(), in[0]);
                }
                case REDUCE, DOT, SHAPE, EYE, RANDOM, SCAN, INDEX, INC_INDEX, IFELSE -> {
                    return false;
                }
            }
            return true;
        }

        void emit(ScalarOp op, int[] operands, int out) {
            ops.add(op);
            args.add(operands);
            dst.add(out);
        }
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
            double r;
            switch (kind[i]) {
                case ADD -> r = d[xs[i]] + d[ys[i]];
                case SUB -> r = d[xs[i]] - d[ys[i]];
                case MUL -> r = d[xs[i]] * d[ys[i]];
                case DIV -> r = d[xs[i]] / d[ys[i]];
                case DOUBLE -> r = ops[i].applyDouble(d[xs[i]], d[ys[i]], d[zs[i]]);
                default -> {
                    int o = dst[i];
                    long v = narrow(ops[i].applyLong(l[xs[i]], l[ys[i]], l[zs[i]]), dtypes[o]);
                    l[o] = v;
                    d[o] = v;
                    continue;
                }
            }
            int o = dst[i];
            switch (dtypes[o]) {
                case FLOAT64 -> d[o] = r;
                case FLOAT32 -> d[o] = (float) r;
                case BOOL -> {
                    long v = r != 0 ? 1 : 0;
                    l[o] = v;
                    d[o] = v;
                }
                default -> {
                    long v = narrow((long) r, dtypes[o]);
                    l[o] = v;
                    d[o] = v;
                }
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
        int nSeqSlots = 0;
        for (int i = 0; i < op.seqCount(); i++) {
            nSeqSlots += op.seqTaps(i).length;
        }
        double[][] seqD = new double[nSeqSlots][];
        long[][] seqL = new long[nSeqSlots][];
        int[] seqOff = new int[nSeqSlots];
        int[] seqReg = new int[nSeqSlots];
        for (int i = 0, s = 0; i < op.seqCount(); i++) {
            int[] k = op.seqTaps(i);
            NDArray x = in[op.seqInput(i)];
            int n = (int) Math.min(x.shape(0), (long) steps + k[k.length - 1] - k[0]);
            int r0 = op.innerSeqSlot(i, 0);
            double[] vd = isDouble[r0] ? new double[n] : null;
            long[] vl = isDouble[r0] ? null : new long[n];
            if (vd != null) {
                ArrayIo.read(x.data(), x.dtype(), x.offset(), x.strides()[0], vd, 0, n);
            } else {
                ArrayIo.read(x.data(), x.dtype(), x.offset(), x.strides()[0], vl, 0, n);
            }
            for (int q = 0; q < k.length; q++, s++) {
                seqD[s] = vd;
                seqL[s] = vl;
                seqOff[s] = k[q] - k[0];
                seqReg[s] = op.innerSeqSlot(i, q);
            }
        }
        int nOut = op.outputCount();
        ScalarScanStates st = new ScalarScanStates(op, in, steps, isDouble, outReg);
        int[] stReg = st.slotReg;
        int[] stOut = st.slotOut;
        int[] stPos = st.slotPos;
        double[][] histD = st.histD;
        long[][] histL = st.histL;
        boolean[] keepAll = st.keepAll;
        int[] lookBack = st.lookBack;
        boolean[] recurrent = st.recurrent;
        double[] lastD = new double[nOut];
        long[] lastL = new long[nOut];
        int done = steps;
        for (int t = 0; t < steps; t++) {
            for (int s = 0; s < nSeqSlots; s++) {
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
            for (int j = 0; j < nOut; j++) {
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
            if (untilReg >= 0 && d[untilReg] != 0) {
                done = t + 1;
                break;
            }
        }
        return new Result(st.outputs(done, lastD, lastL), st.rows(done));
    }
}
