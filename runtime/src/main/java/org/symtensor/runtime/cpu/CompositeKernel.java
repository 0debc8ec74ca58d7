package org.symtensor.runtime.cpu;

import java.util.Arrays;
import java.util.List;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Composite;
import org.symtensor.ir.ScalarOp;
import org.symtensor.type.DType;
import org.symtensor.value.Conversions;
import org.symtensor.value.NDArray;

/**
 * The CPU kernel of a {@link Composite} node, numexpr-style: the output is produced in blocks of
 * {@value #BLOCK} elements; for each block the inputs are gathered (any layout, any
 * dtype, broadcasting) into scratch registers, then the program runs step by step, each step one
 * tight loop over the block (vectorized where {@link DoubleLoops} can), and the last step's block
 * is stored. Memory is touched once and no full-size temporary exists. Each step rounds or wraps
 * its block to its dtype exactly as the unfused {@link ElemwiseKernel} would store it, so fused and
 * unfused graphs compute the same values.
 */
final class CompositeKernel implements Kernel {
    /**
     * Elements per program block, here and in {@link FloatBlocks}. Small on purpose: every step of
     * a block streams its operands (inputs read in place, earlier steps' scratch) and writes its
     * result, so one block touches about {@code (inputs + steps) * BLOCK} elements, and the
     * steps after the first read their operands at L1 speed only if all of that stays in L1. With
     * 1024 float32 elements, {@code ((a*b+c)*d)} touches 7 × 4 KB per block, nearly all of a 32 KB
     * L1, and at 10^7 elements the fused program (20–21 ms) was slower than its three ops as
     * separate kernels (13–15 ms); with 256 it takes 12.7–13.3 ms, and its summed form 11.2–11.7 ms
     * instead of 14.7–19.2 ms (one thread, same-moment runs; bench/README.md, issue 15). 128 was
     * another 5–15% faster there, but in cache (10^6 elements, the JMH benchmarks) the extra
     * per-block calls made it slower than 256, which is why 256 was kept. A multiple of the widest
     * vector and a divisor of {@link Parallel#CHUNK}, so chunk boundaries are block boundaries.
     */
    static final int BLOCK = 256;

    private final Apply node;
    private final DType outDtype;
    private final int rank;
    private final int nIn;
    private final List<Composite.Step> steps;
    /** Per value (inputs, constants, steps): whether it lives in a double register (else a long one). */
    private final boolean[] isDouble;
    private final DType[] dtypes;
    /** Per step: whether it computes in double (a float result or a float value operand). */
    private final boolean[] stepInDouble;
    private final List<NDArray> constants;
    /** The float32 lanes when every value is float32 and the Vector API is on, else null. */
    private final FloatBlocks floatLanes;
    /** When and how the output is split over the pool: lower for programs with a costly step. */
    private final int threshold;
    private final int chunk;

    /**
     * Ops that cost tens of cycles per element (in lanes or not): a program with one of them is
     * split from {@link #COSTLY_THRESHOLD} elements on, in chunks of {@link #COSTLY_CHUNK}, instead
     * of {@link Parallel#THRESHOLD}. The MLP's hidden layer {@code tanh(x·W + b)} over 128×256
     * float64 (2^15 elements) took 90–150 µs on one thread in profiles at load 4–8, many times the
     * hand-off, and since the calling thread takes chunks itself a pool thread that starts late costs
     * little more than the submit.
     */
    private static final java.util.Set<ScalarOp> COSTLY = java.util.EnumSet.of(ScalarOp.EXP, ScalarOp.EXPM1,
            ScalarOp.LOG, ScalarOp.LOG1P, ScalarOp.TANH, ScalarOp.SIGMOID, ScalarOp.SOFTPLUS, ScalarOp.SIN,
            ScalarOp.COS, ScalarOp.TAN, ScalarOp.ARCSIN, ScalarOp.ARCCOS, ScalarOp.ARCTAN, ScalarOp.SINH,
            ScalarOp.COSH, ScalarOp.ARCSINH, ScalarOp.ARCCOSH, ScalarOp.ARCTANH, ScalarOp.ERF, ScalarOp.ERFC,
            ScalarOp.ERFINV, ScalarOp.GAMMALN, ScalarOp.DIGAMMA, ScalarOp.TRIGAMMA, ScalarOp.POW, ScalarOp.CBRT);
    static final int COSTLY_THRESHOLD = 1 << 14;
    /** A multiple of {@link #BLOCK}, so chunk boundaries are block boundaries and the bits do not move. */
    static final int COSTLY_CHUNK = 1 << 13;

    CompositeKernel(Apply node) {
        this(node, (Composite) node.op());
    }

    /** The kernel of {@code c}'s elementwise program over {@code node}'s inputs (a reduce tail is the caller's). */
    CompositeKernel(Apply node, Composite c) {
        this.node = node;
        this.outDtype = c.programDtype();
        this.rank = node.inputs().get(0).type().rank();
        this.nIn = c.inputDtypes().size();
        this.steps = c.steps();
        this.constants = c.constants();
        int nValues = nIn + constants.size() + steps.size();
        this.isDouble = new boolean[nValues];
        this.dtypes = new DType[nValues];
        for (int i = 0; i < nValues; i++) {
            dtypes[i] = i < nIn ? c.inputDtypes().get(i)
                    : i < nIn + constants.size() ? constants.get(i - nIn).dtype() : steps.get(i - nIn - constants.size()).dtype();
            isDouble[i] = dtypes[i].isFloat();
        }
        this.stepInDouble = new boolean[steps.size()];
        for (int s = 0; s < steps.size(); s++) {
            Composite.Step st = steps.get(s);
            boolean d = st.dtype().isFloat();
            int[] args = st.args();
            for (int k = 0; k < args.length; k++) {
                d |= st.op().scalarOp().isValueInput(k) && isDouble[args[k]];
            }
            stepInDouble[s] = d;
        }
        this.floatLanes = inFloatLanes(c) ? floatProgram() : null;
        boolean costly = false;
        for (Composite.Step st : steps) {
            costly |= COSTLY.contains(st.op().scalarOp());
        }
        this.threshold = costly ? COSTLY_THRESHOLD : Parallel.THRESHOLD;
        this.chunk = costly ? COSTLY_CHUNK : Parallel.CHUNK;
        boolean[] kinds = isDouble;
        int inputs = nIn;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(kinds, inputs));
    }

    /**
     * Whether the program runs in float lanes ({@link FloatBlocks}): the Vector API is on and every
     * value is float32, except that a bool made by comparing two float32 values may stand between
     * them when nothing but a cast to float32 reads it. In lanes such a comparison writes 1f or 0f,
     * which is exactly what the cast of the bool gives, so the result does not change; without
     * this, ReLU's gradient {@code g * cast(x == relu(x), float32)} (and its {@code >} forms) ran
     * the general path, widening every value to double with per-step rounding passes, about 20 times
     * slower than lanes (bench/README.md, issue 15).
     */
    private boolean inFloatLanes(Composite c) {
        if (!Simd.ENABLED || c.programDtype() != DType.FLOAT32) {
            return false;
        }
        int first = nIn + constants.size();
        for (int v = 0; v < dtypes.length; v++) {
            if (dtypes[v] == DType.FLOAT32) {
                continue;
            }
            if (dtypes[v] != DType.BOOL || v < first || v == dtypes.length - 1) {
                return false;
            }
            Composite.Step st = steps.get(v - first);
            switch (st.op().scalarOp()) {
                case LT, LE, GT, GE, EQ, NEQ -> { }
                default -> {
                    return false;
                }
            }
            for (int arg : st.args()) {
                if (dtypes[arg] != DType.FLOAT32) {
                    return false;
                }
            }
            for (int r = v - first + 1; r < steps.size(); r++) {
                Composite.Step reader = steps.get(r);
                for (int arg : reader.args()) {
                    if (arg == v && (reader.op().scalarOp() != ScalarOp.CAST || reader.dtype() != DType.FLOAT32)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private FloatBlocks floatProgram() {
        float[] cs = new float[constants.size()];
        for (int j = 0; j < cs.length; j++) {
            cs[j] = (float) constants.get(j).getDouble(0);
        }
        ScalarOp[] ops = new ScalarOp[steps.size()];
        int[][] args = new int[steps.size()][];
        for (int s = 0; s < ops.length; s++) {
            ops[s] = steps.get(s).op().scalarOp();
            args[s] = steps.get(s).args();
        }
        return new FloatBlocks(nIn, cs, ops, args, BLOCK);
    }

    @Override
    public NDArray[] run(NDArray[] in) {
        return run(in, null);
    }

    @Override
    public NDArray[] run(NDArray[] in, int[] donors) {
        return run(in, donors, null);
    }

    @Override
    public NDArray[] run(NDArray[] in, int[] donors, NDArray[] recycled) {
        int[] shape = rank == 0 ? Recycled.SCALAR : outputShape(in);
        NDArray out = ElemwiseKernel.donor(in, donors, outDtype, shape);
        if (out == null) {
            out = Recycled.orZeros(recycled, 0, outDtype, shape);
        }
        int size = out.size();
        if (size > 0 && floatLanes != null) {
            floatLanes.run(in, shape, out, threshold, chunk);
        } else if (size > 0 && !Parallel.splits(size, threshold)) {
            execute(in, shape, out, 0, size, null);
        } else if (size > 0) {
            NDArray target = out;
            Parallel.run(size, threshold, chunk, (from, to) -> execute(in, shape, target, from, to, null));
        }
        return Recycled.result(recycled, out);
    }

    /** The output shape of the previous call, handed out again while unchanged (never written). */
    private volatile int[] lastShape;

    /** The broadcast shape of {@code in} (rank above 0), the previous call's array when it is the same. */
    int[] outputShape(NDArray[] in) {
        int[] last = lastShape;
        int[] shape = Broadcasting.outputShape(node, in, last);
        if (shape != last) {
            lastShape = shape;
        }
        return shape;
    }

    /** Whether blocks come in float lanes ({@link BlockSink#floats}) rather than as doubles. */
    boolean inFloatLanes() {
        return floatLanes != null;
    }

    /**
     * The elements {@code [from, to)} of the program's result over {@code in} broadcast to
     * {@code shape}, each block handed to {@code sink} in order instead of being stored. The
     * program's result must be a float.
     */
    void blocks(NDArray[] in, int[] shape, int from, int to, BlockSink sink) {
        if (floatLanes != null) {
            floatLanes.blocks(in, shape, from, to, sink);
        } else {
            execute(in, shape, null, from, to, sink);
        }
    }

    /** The elements {@code [from, to)} of the output, stored into {@code out} or handed to {@code sink}. */
    private void execute(NDArray[] in, int[] shape, NDArray out, int from, int to, BlockSink sink) {
        int block = Math.min(BLOCK, to - from);
        int nValues = isDouble.length;
        Scratch own = scratch.get();
        double[][] dreg = own.dreg;
        long[][] lreg = own.lreg;
        int[] offs = own.offs;
        Arrays.fill(offs, 0);
        int[][] strides = own.strides;
        boolean[] inPlace = own.inPlace;
        for (int v = 0; v < nValues; v++) {
            dreg[v] = null;
            lreg[v] = null;
            if (v < nIn) {
                NDArray x = in[v];
                boolean exact = x.isContiguous() && Recycled.hasShape(x, shape) && x.size() > 1;
                inPlace[v] = exact && (x.dtype() == DType.FLOAT64 || x.dtype() == DType.INT64);
                strides[v] = null;
                if (!exact) {
                    strides[v] = own.strides(v, x.rank());
                    FloatBlocks.broadcastStrides(x, strides[v]);
                }
            }
            if (v < nIn && inPlace[v]) {
                if (isDouble[v]) {
                    dreg[v] = (double[]) in[v].data();
                } else {
                    lreg[v] = (long[]) in[v].data();
                }
            } else if (isDouble[v]) {
                dreg[v] = own.d[v];
            } else {
                lreg[v] = own.l[v];
            }
        }
        for (int j = 0; j < constants.size(); j++) {
            int v = nIn + j;
            if (isDouble[v]) {
                Arrays.fill(dreg[v], constants.get(j).getDouble(0));
            } else {
                Arrays.fill(lreg[v], constants.get(j).getLong(0));
            }
        }
        double[][] dtmp = own.tmp;
        double[] dzero = own.dzero;
        long[] lzero = own.lzero;
        double[][] a = own.a;
        int[] ao = own.ao;
        int first = nIn + constants.size();
        int last = nValues - 1;
        // a float64 result is computed straight into the output (no scratch store and copy back);
        // every other dtype goes through its register, where it is rounded or wrapped first
        boolean direct = sink == null && isDouble[last] && dtypes[last] == DType.FLOAT64 && outDtype == DType.FLOAT64;
        double[] outData = direct ? (double[]) out.data() : null;
        for (int start = from; start < to; start += block) {
            int n = Math.min(block, to - start);
            for (int v = 0; v < nIn; v++) {
                NDArray x = in[v];
                if (inPlace[v]) {
                    offs[v] = x.offset() + start;
                } else if (strides[v] == null) {
                    if (isDouble[v]) {
                        ArrayIo.read(x.data(), x.dtype(), x.offset() + start, 1, dreg[v], 0, n);
                    } else {
                        ArrayIo.read(x.data(), x.dtype(), x.offset() + start, 1, lreg[v], 0, n);
                    }
                } else if (isDouble[v]) {
                    ArrayIo.gather(x.data(), x.dtype(), x.offset(), shape, strides[v], start, dreg[v], n, own.idx(shape.length));
                } else {
                    ArrayIo.gather(x.data(), x.dtype(), x.offset(), shape, strides[v], start, lreg[v], n, own.idx(shape.length));
                }
            }
            for (int s = 0; s < steps.size(); s++) {
                Composite.Step st = steps.get(s);
                int o = first + s;
                ScalarOp op = st.op().scalarOp();
                int arity = op.arity();
                if (stepInDouble[s]) {
                    for (int k = 0; k < 3; k++) {
                        ao[k] = 0;
                        if (k >= arity) {
                            a[k] = dzero;
                            continue;
                        }
                        int v = st.arg(k);
                        if (isDouble[v]) {
                            a[k] = dreg[v];
                            ao[k] = offs[v];
                        } else {
                            a[k] = dtmp[k];
                            long[] src = lreg[v];
                            int so = offs[v];
                            for (int i = 0; i < n; i++) {
                                a[k][i] = src[so + i];
                            }
                        }
                    }
                    if (direct && o == last) {
                        DoubleLoops.apply(op, a[0], ao[0], a[1], ao[1], a[2], ao[2], outData, out.offset() + start, n);
                        continue;
                    }
                    double[] dst = isDouble[o] ? dreg[o] : dtmp[3];
                    DoubleLoops.apply(op, a[0], ao[0], a[1], ao[1], a[2], ao[2], dst, 0, n);
                    if (isDouble[o]) {
                        if (st.dtype() == DType.FLOAT32) {
                            for (int i = 0; i < n; i++) {
                                dst[i] = (float) dst[i];
                            }
                        }
                    } else {
                        toLong(dst, lreg[o], n, st.dtype());
                    }
                } else {
                    long[] la = arity > 0 ? lreg[st.arg(0)] : lzero;
                    long[] lb = arity > 1 ? lreg[st.arg(1)] : lzero;
                    long[] lc = arity > 2 ? lreg[st.arg(2)] : lzero;
                    LongLoops.apply(op, la, arity > 0 ? offs[st.arg(0)] : 0, lb, arity > 1 ? offs[st.arg(1)] : 0,
                            lc, arity > 2 ? offs[st.arg(2)] : 0, lreg[o], 0, n);
                    narrow(lreg[o], n, st.dtype());
                }
            }
            if (sink != null) {
                sink.doubles(dreg[last], start, n);
            } else if (direct) {
                continue;
            } else if (isDouble[last]) {
                ArrayIo.store(dreg[last], 0, out.data(), outDtype, start, n);
            } else {
                ArrayIo.store(lreg[last], 0, out.data(), outDtype, start, n);
            }
        }
        // the frame outlives the call: it must not keep the caller's arrays alive
        Arrays.fill(dreg, null);
        Arrays.fill(lreg, null);
        Arrays.fill(a, null);
    }

    /**
     * The block registers of one thread, kept between calls so that a steady loop does not allocate
     * them per call (each thread has its own: chunks of one call run on several threads at once).
     * Only the executor's own buffers live here; inputs read in place are never stored in it.
     */
    private final ThreadLocal<Scratch> scratch;

    private static final class Scratch {
        final double[][] d;
        final long[][] l;
        final double[][] tmp = new double[4][BLOCK];
        /** Zero operands of absent arguments: never written. */
        final double[] dzero = new double[BLOCK];
        final long[] lzero = new long[BLOCK];
        /** Per-run bookkeeping (one run at a time per thread): registers in use, offsets, layouts. */
        final double[][] dreg;
        final long[][] lreg;
        final int[] offs;
        final int[][] strides;
        /** Per input: its kept strides array, grown to the rank on demand ({@link #strides} points at it or is null). */
        final int[][] ownStrides;
        final boolean[] inPlace;
        final double[][] a = new double[3][];
        final int[] ao = new int[3];

        private int[] idx = new int[0];

        int[] idx(int rank) {
            if (idx.length < rank) {
                idx = new int[rank];
            }
            return idx;
        }

        int[] strides(int v, int rank) {
            if (ownStrides[v] == null || ownStrides[v].length < rank) {
                ownStrides[v] = new int[rank];
            }
            return ownStrides[v];
        }

        Scratch(boolean[] isDouble, int nIn) {
            dreg = new double[isDouble.length][];
            lreg = new long[isDouble.length][];
            offs = new int[isDouble.length];
            strides = new int[nIn][];
            ownStrides = new int[nIn][];
            inPlace = new boolean[nIn];
            d = new double[isDouble.length][];
            l = new long[isDouble.length][];
            for (int v = 0; v < isDouble.length; v++) {
                if (isDouble[v]) {
                    d[v] = new double[BLOCK];
                } else {
                    l[v] = new long[BLOCK];
                }
            }
        }
    }

    /** A double result stored into an integer or bool value, as ArrayIo.store converts it (saturating, NaN is 0). */
    private static void toLong(double[] src, long[] dst, int n, DType dt) {
        if (dt == DType.BOOL) {
            for (int i = 0; i < n; i++) {
                dst[i] = src[i] != 0 ? 1 : 0;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            dst[i] = Conversions.floatToInt(src[i], dt);
        }
    }

    /** Wraps longs to the width of {@code dt}, as storing into that dtype and reading back would. */
    private static void narrow(long[] x, int n, DType dt) {
        switch (dt) {
            case INT32 -> { for (int i = 0; i < n; i++) { x[i] = (int) x[i]; } }
            case INT16 -> { for (int i = 0; i < n; i++) { x[i] = (short) x[i]; } }
            case INT8 -> { for (int i = 0; i < n; i++) { x[i] = (byte) x[i]; } }
            case UINT8 -> { for (int i = 0; i < n; i++) { x[i] = x[i] & 0xFF; } }
            case BOOL -> { for (int i = 0; i < n; i++) { x[i] = x[i] != 0 ? 1 : 0; } }
            case INT64, FLOAT32, FLOAT64 -> { }
        }
    }

}
