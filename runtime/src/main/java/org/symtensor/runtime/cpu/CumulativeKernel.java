package org.symtensor.runtime.cpu;

import org.symtensor.ir.Apply;
import org.symtensor.ir.Cumulative;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The CPU kernel of {@link Cumulative} ({@code cumsum}, {@code cumprod}). The input is seen as
 * {@code (outer, n, inner)} around the axis. With {@code inner == 1} each line is contiguous and
 * is run through once with a scalar accumulator (a float32 line directly on its array); otherwise
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
        int outer = 1;
        int inner = 1;
        for (int a = 0; a < axis; a++) {
            outer *= shape[a];
        }
        for (int a = axis + 1; a < shape.length; a++) {
            inner *= shape[a];
        }
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
                    for (int i = 0; i < n; i++) {
                        acc += s[p + i];
                        d[base + i] = (float) acc;
                    }
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
