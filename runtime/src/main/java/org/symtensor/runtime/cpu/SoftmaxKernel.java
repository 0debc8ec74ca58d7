package org.symtensor.runtime.cpu;

import org.symtensor.ir.Apply;
import org.symtensor.ir.Softmax;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The CPU kernel of {@link Softmax}, the node the {@code softmax_rows} rewrite makes of
 * {@code exp(x - max(x)) / sum(exp(x - max(x)))}. Along the last axis of a contiguous float input,
 * with the Vector API, rows go through {@link DoubleSoftmaxRows} (or its float32 twin) in fixed groups
 * of about {@link Parallel#CHUNK} elements on the pool: one read of the input and one write of the
 * output. Any other axis, layout or a JVM without the Vector API takes a plain loop per line in
 * double, each exponential rounded to the dtype before it is summed, as the primitive graph stores it.
 */
final class SoftmaxKernel implements Kernel {
    private final int axis;
    private final DType dtype;

    SoftmaxKernel(Apply node) {
        this.axis = ((Softmax) node.op()).axis();
        this.dtype = node.output().type().dtype();
    }

    @Override
    public NDArray[] run(NDArray[] in) {
        return run(in, null, null);
    }

    @Override
    public NDArray[] run(NDArray[] in, int[] donors, NDArray[] recycled) {
        NDArray x = in[0]; // a Softmax node's output has its input's type
        int[] shape = x.shape();
        NDArray out = Recycled.orZeros(recycled, 0, dtype, shape);
        if (out.size() == 0) {
            return Recycled.result(recycled, out);
        }
        int n = shape[axis];
        int[] around = AxisKernels.around(shape, axis);
        int outer = around[0];
        int inner = around[1];
        if (!x.isContiguous()) {
            x = x.copy();
        }
        if (inner == 1 && Simd.ENABLED) {
            rowsInLanes(x, out, outer, n);
        } else {
            lines(x, out, outer, n, inner);
        }
        return Recycled.result(recycled, out);
    }

    /** Contiguous rows of length n in lanes, split over the pool in groups fixed by the shape alone. */
    private void rowsInLanes(NDArray x, NDArray out, int rows, int n) {
        int group = Math.max(1, Parallel.CHUNK / n);
        int tasks = (rows + group - 1) / group;
        boolean split = (long) rows * n > Parallel.THRESHOLD;
        int xo = x.offset();
        int oo = out.offset();
        if (dtype == DType.FLOAT32) {
            float[] xs = (float[]) x.data();
            float[] os = (float[]) out.data();
            Parallel.tasks(tasks, split, t -> FloatSoftmaxRows.rows(xs, xo, os, oo, n, t * group, Math.min(rows, (t + 1) * group)));
        } else {
            double[] xs = (double[]) x.data();
            double[] os = (double[]) out.data();
            Parallel.tasks(tasks, split, t -> DoubleSoftmaxRows.rows(xs, xo, os, oo, n, t * group, Math.min(rows, (t + 1) * group)));
        }
    }

    /** Every line along the axis of the contiguous x, in double; {@code out} is contiguous of x's shape. */
    private void lines(NDArray x, NDArray out, int outer, int n, int inner) {
        boolean single = dtype == DType.FLOAT32;
        double[] e = new double[n];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                int base = o * n * inner + j;
                double m = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < n; k++) {
                    m = Math.max(m, x.getDouble(base + k * inner));
                }
                double s = 0;
                for (int k = 0; k < n; k++) {
                    double v = Math.exp(x.getDouble(base + k * inner) - m);
                    e[k] = single ? (float) v : v;
                    s += e[k];
                }
                for (int k = 0; k < n; k++) {
                    out.setDouble(base + k * inner, e[k] / s);
                }
            }
        }
    }
}
