package org.symtensor.runtime.cpu;

import java.util.Arrays;
import java.util.List;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.ScalarOp;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The CPU kernel of an {@link Elemwise} node, numexpr-style: the output is produced in blocks of
 * {@value #BLOCK} elements; each input's block is gathered into a scratch buffer (or read in
 * place when it already is a contiguous array of the compute type), one tight loop applies the
 * scalar op, and the block is stored with the output dtype's conversion. Arithmetic runs in
 * double when the output or a value input is a float, else in long with wrap-around on store.
 */
final class ElemwiseKernel implements Kernel {
    /** Small enough that a few scratch buffers stay in L1/L2, large enough to amortize per-block work. */
    static final int BLOCK = 1024;

    private final Apply node;
    private final ScalarOp op;
    private final DType outDtype;
    private final int arity;
    private final int rank;
    private final boolean inDouble;
    /** The float32 lanes when the output and every input are float32 and the Vector API is on, else null. */
    private final FloatBlocks floatLanes;

    ElemwiseKernel(Apply node) {
        this.node = node;
        this.op = ((Elemwise) node.op()).scalarOp();
        this.outDtype = node.outputs().get(0).type().dtype();
        this.arity = node.inputs().size();
        this.rank = node.outputs().get(0).type().rank();
        this.inDouble = outDtype.isFloat() || anyValueInputIsFloat(op, node.inputs());
        List<DType> dtypes = new java.util.ArrayList<>();
        dtypes.add(outDtype);
        int[] args = new int[arity];
        for (int k = 0; k < arity; k++) {
            dtypes.add(node.inputs().get(k).type().dtype());
            args[k] = k;
        }
        this.floatLanes = FloatBlocks.eligible(dtypes)
                ? new FloatBlocks(arity, new float[0], new ScalarOp[] {op}, new int[][] {args}, BLOCK) : null;
    }

    /** SECOND's first input only lends its shape, so its dtype must not force int64 values through double. */
    private static boolean anyValueInputIsFloat(ScalarOp op, List<Variable> inputs) {
        for (int i = 0; i < inputs.size(); i++) {
            if (op.isValueInput(i) && inputs.get(i).type().dtype().isFloat()) {
                return true;
            }
        }
        return false;
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
        if (rank == 0) {
            return Recycled.result(recycled, scalar(in, recycled));
        }
        int[] last = lastShape;
        int[] shape = Broadcasting.outputShape(node, in, last);
        if (shape != last) {
            lastShape = shape;
        }
        NDArray out = donor(in, donors, outDtype, shape);
        if (out == null) {
            out = Recycled.orZeros(recycled, 0, outDtype, shape);
        }
        int size = out.size();
        if (size > 0) {
            NDArray target = out;
            if (floatLanes != null) {
                floatLanes.run(in, shape, out);
            } else if (!Parallel.splits(size)) {
                if (inDouble) {
                    runDouble(in, shape, target, 0, size);
                } else {
                    runLong(in, shape, target, 0, size);
                }
            } else if (inDouble) {
                Parallel.run(size, (from, to) -> runDouble(in, shape, target, from, to));
            } else {
                Parallel.run(size, (from, to) -> runLong(in, shape, target, from, to));
            }
        }
        return Recycled.result(recycled, out);
    }

    /**
     * The output shape of the previous call, handed out again while it is unchanged (never written:
     * several threads may read it at once; a racing write just stores an equal shape).
     */
    private volatile int[] lastShape;

    /** 0-d inputs: no blocks, no scratch, one call into the op table (into the offered 0-d buffer when there is one). */
    private NDArray scalar(NDArray[] in, NDArray[] recycled) {
        NDArray out = Recycled.fit(recycled, 0, outDtype, Recycled.SCALAR);
        if (out == null) {
            out = NDArray.zeros(outDtype);
        }
        if (inDouble) {
            double a = in[0].getDouble(0);
            double b = arity > 1 ? in[1].getDouble(0) : 0;
            double c = arity > 2 ? in[2].getDouble(0) : 0;
            out.setDouble(0, op.applyDouble(a, b, c));
        } else {
            long a = in[0].getLong(0);
            long b = arity > 1 ? in[1].getLong(0) : 0;
            long c = arity > 2 ? in[2].getLong(0) : 0;
            out.setLong(0, op.applyLong(a, b, c));
        }
        return out;
    }

    /**
     * The first input among {@code donors} (inputs the linker says are dead after this node) whose
     * storage can hold the result exactly: same dtype and shape, contiguous, the whole backing array.
     * Null when none fits (or none was offered), so the kernel allocates.
     */
    static NDArray donor(NDArray[] in, int[] donors, DType dtype, int[] shape) {
        if (donors == null) {
            return null;
        }
        for (int k : donors) {
            NDArray x = in[k];
            if (x.dtype() == dtype && Recycled.hasShape(x, shape) && x.isContiguous() && x.offset() == 0
                    && java.lang.reflect.Array.getLength(x.data()) == x.size()) {
                return x;
            }
        }
        return null;
    }

    /** How one input feeds a block: read in place, a constant, a contiguous run, or a strided gather. */
    private enum Feed { IN_PLACE, CONSTANT, CONTIGUOUS, STRIDED }

    private static Feed feedOf(NDArray x, int[] shape, DType computeIn) {
        if (x.size() == 1) {
            return Feed.CONSTANT;
        }
        if (x.isContiguous() && Recycled.hasShape(x, shape)) {
            return x.dtype() == computeIn ? Feed.IN_PLACE : Feed.CONTIGUOUS;
        }
        return Feed.STRIDED;
    }

    /**
     * Each thread's block buffers (three operands and a result, in double and in long), kept
     * between calls so a steady loop does not allocate them; inputs read in place never go here.
     */
    private static final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        final double[][] doubles = new double[4][BLOCK];
        final long[][] longs = new long[4][BLOCK];
        /** Per-run bookkeeping (one run at a time per thread), so a steady call allocates none of it. */
        final Feed[] feeds = new Feed[3];
        final double[][] dbufs = new double[3][];
        final long[][] lbufs = new long[3][];
        final int[] offs = new int[3];
        final int[][] strides = {new int[0], new int[0], new int[0]};
        int[] idx = new int[0];

        /** Input k's strides array, at least {@code rank} long. */
        int[] strides(int k, int rank) {
            if (strides[k].length < rank) {
                strides[k] = new int[rank];
            }
            return strides[k];
        }

        int[] idx(int rank) {
            if (idx.length < rank) {
                idx = new int[rank];
            }
            return idx;
        }
    }

    /** The elements {@code [from, to)} of the output; {@code from} is a multiple of the block. */
    private void runDouble(NDArray[] in, int[] shape, NDArray out, int from, int to) {
        int block = Math.min(BLOCK, to - from);
        Scratch own = scratch.get();
        Feed[] feeds = own.feeds;
        double[][] bufs = own.dbufs;
        Arrays.fill(bufs, null);
        int[][] strides = own.strides;
        for (int k = 0; k < arity; k++) {
            feeds[k] = feedOf(in[k], shape, DType.FLOAT64);
            switch (feeds[k]) {
                case IN_PLACE -> bufs[k] = (double[]) in[k].data();
                case CONSTANT -> {
                    bufs[k] = own.doubles[k];
                    Arrays.fill(bufs[k], in[k].getDouble(0));
                }
                case CONTIGUOUS -> bufs[k] = own.doubles[k];
                case STRIDED -> {
                    bufs[k] = own.doubles[k];
                    FloatBlocks.broadcastStrides(in[k], own.strides(k, in[k].rank()));
                }
            }
        }
        boolean outInPlace = outDtype == DType.FLOAT64;
        double[] o = outInPlace ? (double[]) out.data() : own.doubles[3];
        int[] offs = own.offs;
        Arrays.fill(offs, 0);
        int[] idx = own.idx(shape.length);
        for (int start = from; start < to; start += block) {
            int n = Math.min(block, to - start);
            for (int k = 0; k < arity; k++) {
                NDArray x = in[k];
                switch (feeds[k]) {
                    case IN_PLACE -> offs[k] = x.offset() + start;
                    case CONSTANT -> offs[k] = 0;
                    case CONTIGUOUS -> ArrayIo.read(x.data(), x.dtype(), x.offset() + start, 1, bufs[k], 0, n);
                    case STRIDED -> ArrayIo.gather(x.data(), x.dtype(), x.offset(), shape, strides[k], start, bufs[k], n, idx);
                }
            }
            int oo = outInPlace ? start : 0;
            DoubleLoops.apply(op, bufs[0], offs[0], bufs[1], offs[1], bufs[2], offs[2], o, oo, n);
            if (!outInPlace) {
                ArrayIo.store(o, 0, out.data(), outDtype, start, n);
            }
        }
        Arrays.fill(bufs, null); // the scratch outlives the call: it must not keep the caller's arrays alive
    }

    /** The elements {@code [from, to)} of the output; {@code from} is a multiple of the block. */
    private void runLong(NDArray[] in, int[] shape, NDArray out, int from, int to) {
        int block = Math.min(BLOCK, to - from);
        Scratch own = scratch.get();
        Feed[] feeds = own.feeds;
        long[][] bufs = own.lbufs;
        Arrays.fill(bufs, null);
        int[][] strides = own.strides;
        for (int k = 0; k < arity; k++) {
            feeds[k] = feedOf(in[k], shape, DType.INT64);
            switch (feeds[k]) {
                case IN_PLACE -> bufs[k] = (long[]) in[k].data();
                case CONSTANT -> {
                    bufs[k] = own.longs[k];
                    Arrays.fill(bufs[k], in[k].getLong(0));
                }
                case CONTIGUOUS -> bufs[k] = own.longs[k];
                case STRIDED -> {
                    bufs[k] = own.longs[k];
                    FloatBlocks.broadcastStrides(in[k], own.strides(k, in[k].rank()));
                }
            }
        }
        boolean outInPlace = outDtype == DType.INT64;
        long[] o = outInPlace ? (long[]) out.data() : own.longs[3];
        int[] offs = own.offs;
        Arrays.fill(offs, 0);
        int[] idx = own.idx(shape.length);
        for (int start = from; start < to; start += block) {
            int n = Math.min(block, to - start);
            for (int k = 0; k < arity; k++) {
                NDArray x = in[k];
                switch (feeds[k]) {
                    case IN_PLACE -> offs[k] = x.offset() + start;
                    case CONSTANT -> offs[k] = 0;
                    case CONTIGUOUS -> ArrayIo.read(x.data(), x.dtype(), x.offset() + start, 1, bufs[k], 0, n);
                    case STRIDED -> ArrayIo.gather(x.data(), x.dtype(), x.offset(), shape, strides[k], start, bufs[k], n, idx);
                }
            }
            int oo = outInPlace ? start : 0;
            LongLoops.apply(op, bufs[0], offs[0], bufs[1], offs[1], bufs[2], offs[2], o, oo, n);
            if (!outInPlace) {
                ArrayIo.store(o, 0, out.data(), outDtype, start, n);
            }
        }
        Arrays.fill(bufs, null);
    }
}
