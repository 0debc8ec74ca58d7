package org.symtensor.runtime.cpu;

import org.symtensor.ir.Apply;
import org.symtensor.ir.Cumulative;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The CPU kernel of {@link Cumulative} ({@code cumsum}, {@code cumprod}). The input is seen as
 * {@code (outer, n, inner)} around the axis. With {@code inner == 1} each line is contiguous and
 * is run through once with a scalar accumulator (a float32 line directly on its array, its running
 * sum eight elements at a time and over groups on the pool: {@link #prefixSum}); otherwise
 * the kernel keeps one accumulator per inner position and adds whole rows, so it streams memory
 * in order either way. Floats accumulate in double and each output is rounded to the output dtype
 * once (float32 results can be closer to exact than NumPy's float32 accumulation); integers and
 * bool accumulate in int64, wrapping as NumPy's int64 does.
 */
final class CumulativeKernel implements Kernel {
    private static final int CHUNK = 1024;

    private final Cumulative op;
    private final DType outDtype;

    CumulativeKernel(Apply node) {
        this.op = (Cumulative) node.op();
        this.outDtype = node.output().type().dtype();
    }

    @Override
    public NDArray[] run(NDArray[] inputs) {
        NDArray x = inputs[0].isContiguous() ? inputs[0] : inputs[0].copy();
        int[] shape = x.shape();
        int axis = op.axis();
        int n = shape[axis];
        int[] around = AxisKernels.around(shape, axis);
        int outer = around[0];
        int inner = around[1];
        NDArray out = NDArray.zeros(outDtype, shape);
        if (out.size() == 0) {
            return new NDArray[] {out};
        }
        boolean sum = op.cumulativeKind() == Cumulative.Kind.SUM;
        boolean rev = op.reverse();
        for (int o = 0; o < outer; o++) {
            int base = o * n * inner;
            if (inner == 1 && !rev && x.dtype() == DType.FLOAT32 && outDtype == DType.FLOAT32) {
                float[] s = (float[]) x.data();
                float[] d = (float[]) out.data();
                int p = x.offset() + base;
                double acc = sum ? 0 : 1;
                if (sum) {
                    prefixSum(s, p, d, base, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        acc *= s[p + i];
                        d[base + i] = (float) acc;
                    }
                }
            } else if (outDtype.isFloat()) {
                lineDouble(x, out, base, n, inner, sum, rev);
            } else {
                lineLong(x, out, base, n, inner, sum, rev);
            }
        }
        return new NDArray[] {out};
    }

    /** Elements per group of a long float32 running sum, fixed so that the cut depends on the length only. */
    static final int GROUP = Parallel.CHUNK;

    /**
     * A float32 running sum in double, each output rounded once. A line of up to {@link #GROUP}
     * elements is one pass; a longer one is cut into groups of {@link #GROUP} elements: a first
     * pass sums every group, a serial pass turns the sums into each group's starting value, and a
     * second pass runs each group's running sum from its start. Both passes go over the groups on
     * the project pool ({@link Parallel}); each group's work is the same serial code whatever
     * thread computes it, and the cut depends on the length only, so the result is bit-identical
     * for any thread count. With the Vector API the passes run eight elements at a time
     * ({@link CumLanes}); only the association of the double additions differs from the sequential
     * loop.
     */
    private static void prefixSum(float[] s, int p, float[] d, int q, int n) {
        boolean lanes = Simd.ENABLED && CumLanes.USABLE;
        if (n <= GROUP) {
            runningSum(lanes, s, p, d, q, n, 0);
            return;
        }
        int groups = (n + GROUP - 1) / GROUP;
        double[] start = new double[groups];
        // each group is computed by the pool chunk that holds its first element
        Parallel.run(n, (from, to) -> {
            for (int g = (int) (((long) from + GROUP - 1) / GROUP); (long) g * GROUP < to; g++) {
                int g0 = g * GROUP;
                int len = Math.min(GROUP, n - g0);
                start[g] = lanes ? CumLanes.sum(s, p + g0, len) : blockSum(s, p + g0, len);
            }
        });
        double before = 0;
        for (int g = 0; g < groups; g++) {
            double t = start[g];
            start[g] = before;
            before += t;
        }
        Parallel.run(n, (from, to) -> {
            for (int g = (int) (((long) from + GROUP - 1) / GROUP); (long) g * GROUP < to; g++) {
                int g0 = g * GROUP;
                runningSum(lanes, s, p + g0, d, q + g0, Math.min(GROUP, n - g0), start[g]);
            }
        });
    }

    private static void runningSum(boolean lanes, float[] s, int p, float[] d, int q, int n, double start) {
        if (lanes) {
            CumLanes.runningSum(s, p, d, q, n, start);
            return;
        }
        double acc = start;
        for (int i = 0; i < n; i++) {
            acc += s[p + i];
            d[q + i] = (float) acc;
        }
    }

    /** The sum of {@code s[o .. o+n)} in double with four independent accumulators. */
    private static double blockSum(float[] s, int o, int n) {
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            t0 += s[o + i];
            t1 += s[o + i + 1];
            t2 += s[o + i + 2];
            t3 += s[o + i + 3];
        }
        for (; i < n; i++) {
            t0 += s[o + i];
        }
        return (t0 + t1) + (t2 + t3);
    }

    /** One {@code (n, inner)} block in double: rows of {@code inner} elements, in order or from the end. */
    private static void lineDouble(NDArray x, NDArray out, int base, int n, int inner, boolean sum, boolean rev) {
        if (inner == 1) {
            double acc = sum ? 0 : 1;
            double[] buf = new double[Math.min(CHUNK, n)];
            for (int c0 = 0; c0 < n; c0 += CHUNK) {
                int c = Math.min(CHUNK, n - c0);
                int start = rev ? n - c0 - c : c0;
                ArrayIo.read(x.data(), x.dtype(), x.offset() + base + start, 1, buf, 0, c);
                for (int k = 0; k < c; k++) {
                    int i = rev ? c - 1 - k : k;
                    acc = sum ? acc + buf[i] : acc * buf[i];
                    buf[i] = acc;
                }
                ArrayIo.store(buf, 0, out.data(), out.dtype(), base + start, c);
            }
            return;
        }
        double[] acc = new double[inner];
        java.util.Arrays.fill(acc, sum ? 0 : 1);
        double[] row = new double[inner];
        for (int k = 0; k < n; k++) {
            int j = rev ? n - 1 - k : k;
            int p = base + j * inner;
            ArrayIo.read(x.data(), x.dtype(), x.offset() + p, 1, row, 0, inner);
            for (int i = 0; i < inner; i++) {
                acc[i] = sum ? acc[i] + row[i] : acc[i] * row[i];
            }
            ArrayIo.store(acc, 0, out.data(), out.dtype(), p, inner);
        }
    }

    /** As {@link #lineDouble} in int64. */
    private static void lineLong(NDArray x, NDArray out, int base, int n, int inner, boolean sum, boolean rev) {
        long[] acc = new long[inner];
        java.util.Arrays.fill(acc, sum ? 0 : 1);
        long[] row = new long[inner];
        for (int k = 0; k < n; k++) {
            int j = rev ? n - 1 - k : k;
            int p = base + j * inner;
            ArrayIo.read(x.data(), x.dtype(), x.offset() + p, 1, row, 0, inner);
            for (int i = 0; i < inner; i++) {
                acc[i] = sum ? acc[i] + row[i] : acc[i] * row[i];
            }
            ArrayIo.store(acc, 0, out.data(), out.dtype(), p, inner);
        }
    }
}
