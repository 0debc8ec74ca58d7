package org.symtensor.runtime.cpu;

import java.util.Arrays;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Reduce;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The CPU kernel of a {@link Reduce} node. It walks the input in memory order (axes sorted by
 * stride, adjacent axes merged), so a full sum of a contiguous array is one tight loop and a sum
 * over either axis of a matrix streams its rows. Accumulators are double when the output is a
 * float (float sums, means, float max/min) and long otherwise (integer sums and products in int64,
 * integer max/min), then stored with the output dtype's conversion.
 */
final class ReduceKernel implements Kernel {
    private static final int CHUNK = 1024;

    private final String name;
    private final Object where;
    private final Reduce.Kind kind;
    private final boolean[] reduced;
    private final DType outDtype;
    private final boolean inDouble;

    ReduceKernel(Apply node) {
        this((Reduce) node.op(), node.inputs().get(0).type().rank(), node.outputs().get(0).type().dtype(), node.createdAt());
    }

    /** The kernel without a node: {@code where} goes into error messages. */
    ReduceKernel(Reduce op, int inRank, DType outDtype, Object where) {
        this.name = op.name();
        this.where = where;
        this.kind = op.reduceKind();
        this.reduced = op.reducedAxes(inRank);
        this.outDtype = outDtype;
        this.inDouble = outDtype.isFloat();
    }

    @Override
    public NDArray[] run(NDArray[] inputs) {
        return run(inputs, null, null);
    }

    @Override
    public NDArray[] run(NDArray[] inputs, int[] donors, NDArray[] recycled) {
        NDArray x = inputs[0];
        Geometry g = geometry(x);
        int[] outShape = g.layout.outShape();
        long count = g.layout.count();
        NDArray out = Recycled.orZeros(recycled, 0, outDtype, outShape);
        int outSize = out.size();
        if (outSize == 0) {
            return Recycled.result(recycled, out);
        }
        Walk walk = g.walk;
        // above the threshold the walk's outer axis is cut into fixed ranges (ReduceSplit): the same
        // cut for any thread count, partials of a reduced outer axis combined in range order
        ReduceSplit split = x.size() > Parallel.THRESHOLD
                ? ReduceSplit.of(walk.shape[0], x.size() / walk.shape[0], walk.outStrides[0] == 0, outSize) : null;
        ReduceScratch scratch = ReduceScratch.get();
        if (inDouble) {
            double[] acc = scratch.acc(outSize, identityDouble());
            if (split != null && split.ranges() > 1) {
                double[][] parts = split.privateAccumulators() ? new double[split.ranges()][] : null;
                Parallel.tasks(split.ranges(), split.parallel(), r -> {
                    double[] a = acc;
                    if (parts != null) {
                        a = new double[outSize];
                        Arrays.fill(a, identityDouble());
                        parts[r] = a;
                    }
                    accumulate(x, walk.rows(split.firstRow(r), split.rowCount(r)), a,
                            x.offset() + split.firstRow(r) * walk.inStrides[0], split.firstRow(r) * walk.outStrides[0]);
                });
                if (parts != null) {
                    for (double[] part : parts) {
                        ReduceSplit.combineAll(kind, acc, part);
                    }
                }
            } else if (x.size() > 0) {
                accumulate(x, walk, acc, x.offset(), 0);
            }
            if (kind == Reduce.Kind.MEAN) {
                for (int i = 0; i < outSize; i++) {
                    acc[i] /= count;
                }
            }
            ArrayIo.store(acc, 0, out.data(), outDtype, 0, outSize);
        } else {
            long[] acc = scratch.longAcc(outSize, identityLong());
            if (split != null && split.ranges() > 1) {
                long[][] parts = split.privateAccumulators() ? new long[split.ranges()][] : null;
                Parallel.tasks(split.ranges(), split.parallel(), r -> {
                    long[] a = acc;
                    if (parts != null) {
                        a = new long[outSize];
                        Arrays.fill(a, identityLong());
                        parts[r] = a;
                    }
                    accumulate(x, walk.rows(split.firstRow(r), split.rowCount(r)), a,
                            x.offset() + split.firstRow(r) * walk.inStrides[0], split.firstRow(r) * walk.outStrides[0]);
                });
                if (parts != null) {
                    for (long[] part : parts) {
                        for (int i = 0; i < outSize; i++) {
                            acc[i] = combineLong(acc[i], part[i]);
                        }
                    }
                }
            } else if (x.size() > 0) {
                accumulate(x, walk, acc, x.offset(), 0);
            }
            ArrayIo.store(acc, 0, out.data(), outDtype, 0, outSize);
        }
        return Recycled.result(recycled, out);
    }

    /**
     * What a call works out from its input's shape and strides alone: the output's layout and the
     * walk. Kept from the previous call (immutable, so threads may share it) and reused while the
     * input's geometry is the same, so a steady call computes and allocates none of it.
     */
    private record Geometry(int[] shape, int[] strides, ReduceSplit.Layout layout, Walk walk) {
        boolean fits(NDArray x) {
            if (x.rank() != shape.length) {
                return false;
            }
            for (int d = 0; d < shape.length; d++) {
                if (x.shape(d) != shape[d] || x.stride(d) != strides[d]) {
                    return false;
                }
            }
            return true;
        }
    }

    private volatile Geometry lastGeometry;

    private Geometry geometry(NDArray x) {
        Geometry g = lastGeometry;
        if (g != null && g.fits(x)) {
            return g;
        }
        int[] shape = x.shape();
        int[] strides = x.strides();
        ReduceSplit.Layout layout = ReduceSplit.Layout.of(kind, shape, reduced, name, "input shape", where);
        g = new Geometry(shape, strides, layout, Walk.of(shape, strides, layout.outStrides()));
        lastGeometry = g;
        return g;
    }

    private double identityDouble() {
        return switch (kind) {
            case SUM, MEAN -> 0;
            case PROD -> 1;
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
            case ARGMAX, ARGMIN, ALL, ANY -> throw notHere();
        };
    }

    private long combineLong(long a, long b) {
        return switch (kind) {
            case SUM, MEAN -> a + b;
            case PROD -> a * b;
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
            case ARGMAX, ARGMIN, ALL, ANY -> throw notHere();
        };
    }

    private long identityLong() {
        return switch (kind) {
            case SUM, MEAN -> 0;
            case PROD -> 1;
            case MAX -> Long.MIN_VALUE;
            case MIN -> Long.MAX_VALUE;
            case ARGMAX, ARGMIN, ALL, ANY -> throw notHere();
        };
    }

    /** The index and truth reductions run in {@link IndexReduceKernel}, which CpuKernels picks for them. */
    private AssertionError notHere() {
        return new AssertionError(kind + " runs in IndexReduceKernel");
    }

    /**
     * The input's axes in memory order with their output strides (0 on reduced axes), merged where
     * two neighbours step through both arrays as one axis would.
     */
    private record Walk(int[] shape, int[] inStrides, int[] outStrides) {
        static Walk of(int[] shape, int[] in, int[] out) {
            Integer[] order = new Integer[shape.length];
            for (int d = 0; d < order.length; d++) {
                order[d] = d;
            }
            // Stable sort: ties (length-1 axes, broadcast axes) keep their logical order.
            Arrays.sort(order, (p, q) -> Integer.compare(Math.abs(in[q]), Math.abs(in[p])));
            int[] s = new int[shape.length];
            int[] si = new int[shape.length];
            int[] so = new int[shape.length];
            int r = 0;
            for (int d : order) {
                if (shape[d] == 1) {
                    continue;
                }
                if (r > 0 && si[r - 1] == in[d] * shape[d] && so[r - 1] == out[d] * shape[d]) {
                    s[r - 1] *= shape[d];
                    si[r - 1] = in[d];
                    so[r - 1] = out[d];
                    continue;
                }
                s[r] = shape[d];
                si[r] = in[d];
                so[r] = out[d];
                r++;
            }
            if (r == 0) {
                return new Walk(new int[] {1}, new int[] {0}, new int[] {0});
            }
            return new Walk(Arrays.copyOf(s, r), Arrays.copyOf(si, r), Arrays.copyOf(so, r));
        }

        /** The same walk over {@code count} of the outer axis' entries (the caller offsets by the first). */
        Walk rows(int first, int count) {
            int[] s = shape.clone();
            s[0] = count;
            return new Walk(s, inStrides, outStrides);
        }
    }

    /** Folds the walk {@code w} starting at element {@code base} of {@code x}'s data into {@code acc} from {@code qBase}. */
    private void accumulate(NDArray x, Walk w, double[] acc, int base, int qBase) {
        int r = w.shape.length;
        int last = r - 1;
        int len = w.shape[last];
        int si = w.inStrides[last];
        int so = w.outStrides[last];
        ReduceScratch scratch = ReduceScratch.get();
        int[] idx = scratch.idx(r);
        double[] buf = scratch.buf(Math.min(CHUNK, len));
        Object data = x.data();
        DType dt = x.dtype();
        // contiguous float runs folded whole go through the Vector API (full reductions, last-axis reductions)
        boolean lanes = Simd.ENABLED && (dt == DType.FLOAT32 || dt == DType.FLOAT64) && VectorReduce.supports(kind);
        while (true) {
            int p = base;
            int q = qBase;
            for (int d = 0; d < last; d++) {
                p += idx[d] * w.inStrides[d];
                q += idx[d] * w.outStrides[d];
            }
            for (int j = 0; j < len; j += CHUNK) {
                int n = Math.min(CHUNK, len - j);
                if (lanes && si == 1 && so == 0) {
                    double f = dt == DType.FLOAT32 ? VectorReduce.fold(kind, (float[]) data, p + j, n)
                            : VectorReduce.fold(kind, (double[]) data, p + j, n);
                    acc[q] = combine(acc[q], f);
                    continue;
                }
                if (dt == DType.FLOAT32 && si == 1 && so == 1 && (kind == Reduce.Kind.SUM || kind == Reduce.Kind.MEAN)) {
                    addFloats(acc, q + j, (float[]) data, p + j, n); // a column sum's row, without the copy to doubles
                    continue;
                }
                double[] src;
                int s0;
                int step;
                if (dt == DType.FLOAT64) {
                    src = (double[]) data;
                    s0 = p + j * si;
                    step = si;
                } else {
                    ArrayIo.read(data, dt, p + j * si, si, buf, 0, n);
                    src = buf;
                    s0 = 0;
                    step = 1;
                }
                if (so == 0) {
                    acc[q] = combine(acc[q], fold(src, s0, step, n));
                } else {
                    combineInto(acc, q + j * so, so, src, s0, step, n);
                }
            }
            int d = last - 1;
            while (d >= 0 && ++idx[d] == w.shape[d]) {
                idx[d--] = 0;
            }
            if (d < 0) {
                return;
            }
        }
    }

    private double combine(double a, double b) {
        return switch (kind) {
            case SUM, MEAN -> a + b;
            case PROD -> a * b;
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
            case ARGMAX, ARGMIN, ALL, ANY -> throw notHere();
        };
    }

    /** Reduces a run to one value; the switch sits outside the loops so each loop stays tight. */
    private double fold(double[] s, int p, int step, int n) {
        return switch (kind) {
            case SUM, MEAN -> {
                double t = 0;
                if (step == 1) {
                    // Four partial sums break the add-latency chain; the order change is within rounding.
                    double t1 = 0;
                    double t2 = 0;
                    double t3 = 0;
                    int i = 0;
                    for (; i + 3 < n; i += 4) {
                        t += s[p + i];
                        t1 += s[p + i + 1];
                        t2 += s[p + i + 2];
                        t3 += s[p + i + 3];
                    }
                    for (; i < n; i++) {
                        t += s[p + i];
                    }
                    t += t1 + t2 + t3;
                } else {
                    for (int i = 0; i < n; i++, p += step) {
                        t += s[p];
                    }
                }
                yield t;
            }
            case PROD -> {
                double t = 1;
                for (int i = 0; i < n; i++, p += step) {
                    t *= s[p];
                }
                yield t;
            }
            case MAX -> {
                double t = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++, p += step) {
                    t = Math.max(t, s[p]);
                }
                yield t;
            }
            case MIN -> {
                double t = Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++, p += step) {
                    t = Math.min(t, s[p]);
                }
                yield t;
            }
            case ARGMAX, ARGMIN, ALL, ANY -> throw notHere();
        };
    }

    /**
     * Adds a row of float32 values into a row of double accumulators, each element one exact
     * widening and one add, in the order the strided loop adds them: the same bits, in lanes.
     */
    private static void addFloats(double[] acc, int q, float[] s, int p, int n) {
        for (int i = 0; i < n; i++) {
            acc[q + i] += s[p + i];
        }
    }

    /**
     * Combines {@code n} elements of a strided run into {@code acc} at stride {@code so}; returns {@code n}.
     * Unit strides on both sides (a row folded into a row of accumulators: a sum over the first axis)
     * get their own loop, which the JIT vectorizes; each accumulator still sees the same adds in the same order.
     */
    private int combineInto(double[] acc, int q, int so, double[] s, int p, int step, int n) {
        return switch (kind) {
            case SUM, MEAN -> {
                if (so == 1 && step == 1) {
                    for (int i = 0; i < n; i++) {
                        acc[q + i] += s[p + i];
                    }
                    yield n;
                }
                for (int i = 0; i < n; i++, q += so, p += step) {
                    acc[q] += s[p];
                }
                yield n;
            }
            case PROD -> {
                for (int i = 0; i < n; i++, q += so, p += step) {
                    acc[q] *= s[p];
                }
                yield n;
            }
            case MAX -> {
                for (int i = 0; i < n; i++, q += so, p += step) {
                    acc[q] = Math.max(acc[q], s[p]);
                }
                yield n;
            }
            case MIN -> {
                for (int i = 0; i < n; i++, q += so, p += step) {
                    acc[q] = Math.min(acc[q], s[p]);
                }
                yield n;
            }
            case ARGMAX, ARGMIN, ALL, ANY -> throw notHere();
        };
    }

    /** As the double accumulate, in int64. */
    private void accumulate(NDArray x, Walk w, long[] acc, int base, int qBase) {
        int r = w.shape.length;
        int last = r - 1;
        int len = w.shape[last];
        int si = w.inStrides[last];
        int so = w.outStrides[last];
        ReduceScratch scratch = ReduceScratch.get();
        int[] idx = scratch.idx(r);
        long[] buf = scratch.longBuf(Math.min(CHUNK, len));
        while (true) {
            int p = base;
            int q = qBase;
            for (int d = 0; d < last; d++) {
                p += idx[d] * w.inStrides[d];
                q += idx[d] * w.outStrides[d];
            }
            for (int j = 0; j < len; j += CHUNK) {
                int n = Math.min(CHUNK, len - j);
                ArrayIo.read(x.data(), x.dtype(), p + j * si, si, buf, 0, n);
                combineInto(acc, q + j * so, so, buf, n);
            }
            int d = last - 1;
            while (d >= 0 && ++idx[d] == w.shape[d]) {
                idx[d--] = 0;
            }
            if (d < 0) {
                return;
            }
        }
    }

    /** {@code so == 0} folds the whole run into {@code acc[q]}; returns {@code n}. */
    private int combineInto(long[] acc, int q, int so, long[] s, int n) {
        return switch (kind) {
            case SUM, MEAN -> {
                for (int i = 0; i < n; i++, q += so) {
                    acc[q] += s[i];
                }
                yield n;
            }
            case PROD -> {
                for (int i = 0; i < n; i++, q += so) {
                    acc[q] *= s[i];
                }
                yield n;
            }
            case MAX -> {
                for (int i = 0; i < n; i++, q += so) {
                    acc[q] = Math.max(acc[q], s[i]);
                }
                yield n;
            }
            case MIN -> {
                for (int i = 0; i < n; i++, q += so) {
                    acc[q] = Math.min(acc[q], s[i]);
                }
                yield n;
            }
            case ARGMAX, ARGMIN, ALL, ANY -> throw notHere();
        };
    }
}
