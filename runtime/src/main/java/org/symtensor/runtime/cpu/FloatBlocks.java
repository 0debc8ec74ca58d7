package org.symtensor.runtime.cpu;

import java.util.Arrays;
import java.util.List;
import org.symtensor.ir.ScalarOp;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The float32 block executor shared by {@link CompositeKernel} and {@link ElemwiseKernel}: when every
 * input, constant and step of a program is float32 (and the Vector API is on), blocks of the
 * caller's size ({@link CompositeKernel#BLOCK} for a program, {@link ElemwiseKernel#BLOCK} for one
 * op) are computed in {@code float[]} scratch with
 * {@code FloatLoops} (the float32 twin of {@link DoubleLoops}, on its lanes), never widened to double. Contiguous same-shape inputs are read straight
 * from their backing arrays, the last step writes straight into the output, and broadcast inputs
 * are gathered a row at a time (a fill for a column broadcast along the last axis, an array copy for
 * a row repeated along the first). Ops that have no float lanes run a plain float loop that rounds
 * each result to float exactly as the double path's store would.
 */
final class FloatBlocks {
    private final int nIn;
    private final float[] constants;
    private final ScalarOp[] ops;
    private final int[][] args;
    private final int block;

    /**
     * A program of {@code ops}, each reading operands numbered inputs, then constants, then earlier
     * steps, run {@code block} elements at a time. A program of several steps wants blocks small
     * enough that its scratch stays in L1 ({@link CompositeKernel#BLOCK}); a single op reads and
     * writes in place and scratch holds only broadcast inputs, so larger blocks there just save
     * per-block calls.
     */
    FloatBlocks(int nIn, float[] constants, ScalarOp[] ops, int[][] args, int block) {
        this.nIn = nIn;
        this.block = block;
        this.constants = constants;
        this.ops = ops;
        this.args = args;
        int values = nIn + constants.length + ops.length;
        this.scratch = ThreadLocal.withInitial(() -> new Frame(values, nIn, block));
    }

    /**
     * Each thread's block registers and per-run bookkeeping, kept between calls so a steady loop
     * does not allocate them (chunks of one call run on several threads at once, each with its own;
     * one thread runs one chunk at a time, so one frame per thread and program is enough). Inputs
     * read in place are never stored in {@link #own}.
     */
    private static final class Frame {
        final float[][] own;
        final float[][] reg;
        final int[] off;
        final boolean[] direct;
        final boolean[] strided;
        /** Per input: its strides in the output's frame, grown to the rank on demand. */
        final int[][] strides;
        int[] idx = new int[0];

        Frame(int values, int nIn, int block) {
            own = new float[values][];
            for (int v = 0; v < values; v++) {
                own[v] = new float[block];
            }
            reg = new float[values][];
            off = new int[values];
            direct = new boolean[nIn];
            strided = new boolean[nIn];
            strides = new int[nIn][0];
        }
    }

    private final ThreadLocal<Frame> scratch;

    /** Whether the float lanes apply: the Vector API is on and every value of the program is float32. */
    static boolean eligible(List<DType> dtypes) {
        if (!Simd.ENABLED) {
            return false;
        }
        for (DType d : dtypes) {
            if (d != DType.FLOAT32) {
                return false;
            }
        }
        return true;
    }

    /** Computes the program over {@code in} broadcast to {@code shape} into the contiguous float32 {@code out}. */
    void run(NDArray[] in, int[] shape, NDArray out) {
        run(in, shape, out, Parallel.THRESHOLD, Parallel.CHUNK);
    }

    /** As {@link #run(NDArray[], int[], NDArray)}, split over the pool above {@code threshold} in chunks of {@code chunk}. */
    void run(NDArray[] in, int[] shape, NDArray out, int threshold, int chunk) {
        int size = out.size();
        if (Parallel.splits(size, threshold)) {
            Parallel.run(size, threshold, chunk, (from, to) -> run(in, shape, out, from, to, null));
        } else {
            run(in, shape, out, 0, size, null); // no lambda for a call that stays on this thread
        }
    }

    /**
     * The elements {@code [from, to)} of the result, each block handed to {@code sink} (in order) as
     * soon as it is computed instead of being stored: what a composite with a reduce tail folds.
     */
    void blocks(NDArray[] in, int[] shape, int from, int to, BlockSink sink) {
        run(in, shape, null, from, to, sink);
    }

    /** The elements {@code [from, to)} of the output, stored into {@code out} or handed to {@code sink}. */
    private void run(NDArray[] in, int[] shape, NDArray out, int from, int to, BlockSink sink) {
        int block = Math.min(this.block, to - from);
        Frame frame = scratch.get();
        float[][] own = frame.own;
        float[][] reg = frame.reg;
        int[] off = frame.off;
        boolean[] direct = frame.direct;
        boolean[] strided = frame.strided;
        int[][] strides = frame.strides;
        Arrays.fill(off, 0);
        for (int v = 0; v < nIn; v++) {
            NDArray x = in[v];
            direct[v] = false;
            strided[v] = false;
            if (x.size() == 1) {
                reg[v] = own[v];
                Arrays.fill(reg[v], 0, block, ((float[]) x.data())[x.offset()]);
            } else if (x.isContiguous() && Recycled.hasShape(x, shape)) {
                direct[v] = true;
                reg[v] = (float[]) x.data();
            } else {
                reg[v] = own[v];
                strided[v] = true;
                if (strides[v].length < x.rank()) {
                    strides[v] = new int[x.rank()];
                }
                broadcastStrides(x, strides[v]);
            }
        }
        for (int j = 0; j < constants.length; j++) {
            reg[nIn + j] = own[nIn + j];
            Arrays.fill(reg[nIn + j], 0, block, constants[j]);
        }
        int first = nIn + constants.length;
        int last = ops.length - 1;
        for (int s = 0; s < (sink == null ? last : last + 1); s++) {
            reg[first + s] = own[first + s];
        }
        float[] o = sink == null ? (float[]) out.data() : reg[first + last];
        int outOffset = sink == null ? out.offset() : 0;
        if (frame.idx.length < shape.length) {
            frame.idx = new int[shape.length];
        }
        int[] idx = frame.idx;
        for (int start = from; start < to; start += block) {
            int n = Math.min(block, to - start);
            for (int v = 0; v < nIn; v++) {
                if (direct[v]) {
                    off[v] = in[v].offset() + start;
                } else if (strided[v]) {
                    gather((float[]) in[v].data(), in[v].offset(), shape, strides[v], start, idx, reg[v], n);
                }
            }
            for (int s = 0; s <= last; s++) {
                int[] a = args[s];
                float[] dst = s == last ? o : reg[first + s];
                int dOff = s == last && sink == null ? outOffset + start : 0;
                int a0 = a[0];
                int a1 = a.length > 1 ? a[1] : a0;
                int a2 = a.length > 2 ? a[2] : a0;
                FloatLoops.apply(ops[s], reg[a0], off[a0], reg[a1], off[a1], reg[a2], off[a2], dst, dOff, n);
            }
            if (sink != null) {
                sink.floats(o, start, n);
            }
        }
        for (int v = 0; v < nIn; v++) {
            if (direct[v]) {
                reg[v] = null; // the frame outlives the call: it must not keep the caller's arrays alive
            }
        }
    }

    /** {@link #broadcastStrides(NDArray)} written into {@code st} (at least x's rank long), without copies. */
    static void broadcastStrides(NDArray x, int[] st) {
        for (int d = 0; d < x.rank(); d++) {
            st[d] = x.shape(d) == 1 ? 0 : x.stride(d);
        }
    }

    /** Strides in the output's frame: 0 on axes the input broadcasts along. */
    static int[] broadcastStrides(NDArray x) {
        int[] st = x.strides();
        for (int d = 0; d < st.length; d++) {
            if (x.shape(d) == 1) {
                st[d] = 0;
            }
        }
        return st;
    }

    /**
     * C-order elements {@code start .. start+n} of a strided float view into {@code dst}, one run per
     * row of the last axis: a fill when that axis is broadcast (stride 0), an array copy when it is
     * contiguous, a strided loop otherwise. {@code idx} is scratch of the shape's rank.
     */
    static void gather(float[] s, int offset, int[] shape, int[] strides, int start, int[] idx, float[] dst, int n) {
        int r = shape.length;
        int rem = start;
        for (int d = r - 1; d >= 0; d--) {
            idx[d] = rem % shape[d];
            rem /= shape[d];
        }
        int last = r - 1;
        int step = strides[last];
        int done = 0;
        while (done < n) {
            int p = offset;
            for (int d = 0; d < r; d++) {
                p += idx[d] * strides[d];
            }
            int run = Math.min(shape[last] - idx[last], n - done);
            if (step == 0) {
                Arrays.fill(dst, done, done + run, s[p]);
            } else if (step == 1) {
                System.arraycopy(s, p, dst, done, run);
            } else {
                for (int i = 0; i < run; i++, p += step) {
                    dst[done + i] = s[p];
                }
            }
            done += run;
            idx[last] = 0;
            for (int d = last - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
    }
}
