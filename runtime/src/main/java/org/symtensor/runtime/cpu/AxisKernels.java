package org.symtensor.runtime.cpu;

import java.util.Arrays;
import java.util.Comparator;
import org.symtensor.error.IndexOutOfRangeException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.ArgSort;
import org.symtensor.ir.TakeAlongAxis;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/** The CPU kernels of {@link ArgSort} and {@link TakeAlongAxis}. */
final class AxisKernels {
    private AxisKernels() {}

    /** The lengths around {@code axis}: {@code {outer, inner}} (also the softmax and cumulative kernels' view of a shape). */
    static int[] around(int[] shape, int axis) {
        int outer = 1;
        int inner = 1;
        for (int a = 0; a < axis; a++) {
            outer *= shape[a];
        }
        for (int a = axis + 1; a < shape.length; a++) {
            inner *= shape[a];
        }
        return new int[] {outer, inner};
    }

    /**
     * Sorts each line along the axis by a stable sort of its positions (TimSort on boxed positions:
     * equal keys keep their order, so argsort is stable and topk takes the lower position first).
     * Floats compare as numbers with NaN above everything and -0.0 equal to 0.0, as NumPy's sort;
     * integers compare as longs, exactly.
     */
    static final class ArgSortKernel implements Kernel {
        private final ArgSort op;
        private final Object where;

        ArgSortKernel(Apply node) {
            this.op = (ArgSort) node.op();
            this.where = node.createdAt();
        }

        @Override
        public NDArray[] run(NDArray[] inputs) {
            NDArray x = inputs[0].isContiguous() ? inputs[0] : inputs[0].copy();
            int[] shape = x.shape();
            int axis = op.axis();
            int n = shape[axis];
            int k = op.k() == ArgSort.ALL ? n : op.k();
            if (k > n) {
                throw new IndexOutOfRangeException("topk: k = " + k + " is more than the length " + n + " of axis " + axis
                        + " of the input of shape " + NDArray.shapeToString(shape) + " (node created at " + where + ")");
            }
            int[] outShape = shape.clone();
            outShape[axis] = k;
            NDArray out = NDArray.zeros(DType.INT64, outShape);
            if (out.size() == 0) {
                return new NDArray[] {out};
            }
            long[] o = (long[]) out.data();
            int[] oi = around(shape, axis);
            int outer = oi[0];
            int inner = oi[1];
            boolean floats = x.dtype().isFloat();
            double[] dv = new double[n];
            long[] lv = new long[n];
            Integer[] pos = new Integer[n];
            Comparator<Integer> cmp = floats ? (p, q) -> compare(dv[p], dv[q]) : (p, q) -> Long.compare(lv[p], lv[q]);
            if (op.descending()) {
                cmp = cmp.reversed(); // reversed keys; ties still compare equal, so the sort stays stable
            }
            for (int a = 0; a < outer; a++) {
                for (int i = 0; i < inner; i++) {
                    int p0 = x.offset() + a * n * inner + i;
                    if (floats) {
                        ArrayIo.read(x.data(), x.dtype(), p0, inner, dv, 0, n);
                    } else {
                        ArrayIo.read(x.data(), x.dtype(), p0, inner, lv, 0, n);
                    }
                    for (int j = 0; j < n; j++) {
                        pos[j] = j;
                    }
                    Arrays.sort(pos, cmp);
                    int q0 = a * k * inner + i;
                    for (int j = 0; j < k; j++) {
                        o[q0 + j * inner] = pos[j];
                    }
                }
            }
            return new NDArray[] {out};
        }

        /** NumPy's order: numbers as numbers (so -0.0 equals 0.0), NaN after all of them. */
        private static int compare(double a, double b) {
            if (a < b) {
                return -1;
            }
            if (a > b) {
                return 1;
            }
            boolean na = a != a;
            boolean nb = b != b;
            return na == nb ? 0 : na ? 1 : -1;
        }
    }

    /** take_along_axis and its scatter-add, element by element over broadcast views. */
    static final class TakeAlongKernel implements Kernel {
        private final TakeAlongAxis op;
        private final Object where;
        private final DType outDtype;

        TakeAlongKernel(Apply node) {
            this.op = (TakeAlongAxis) node.op();
            this.where = node.createdAt();
            this.outDtype = node.output().type().dtype();
        }

        /** The broadcast length on a non-indexed axis, or a ShapeMismatchException with both shapes. */
        private int join(int a, NDArray[] in, int from) {
            int d = 1;
            for (int k = from; k < in.length; k++) {
                int e = in[k].shape(a);
                if (e != 1) {
                    if (d != 1 && d != e) {
                        throw new ShapeMismatchException(op.name() + ": axis " + a + " has length " + d + " in one input and "
                                + e + " in another (shapes " + shapes(in) + "); expected equal lengths or 1 (node created at "
                                + where + ")");
                    }
                    d = e;
                }
            }
            return d;
        }

        private static String shapes(NDArray[] in) {
            StringBuilder sb = new StringBuilder();
            for (NDArray x : in) {
                sb.append(sb.length() > 0 ? ", " : "").append(NDArray.shapeToString(x.shape()));
            }
            return sb.toString();
        }

        @Override
        public NDArray[] run(NDArray[] in) {
            int axis = op.axis();
            int rank = in[0].rank();
            boolean gather = op.mode() == TakeAlongAxis.Mode.GATHER;
            NDArray data = gather ? in[0] : in[1];
            NDArray idx = in[in.length - 1];
            int n = in[0].shape(axis); // x's length for a gather, the template's for a scatter
            int[] walk = new int[rank]; // the shape walked: the output's for a gather, g's for a scatter
            int[] outShape = new int[rank];
            for (int a = 0; a < rank; a++) {
                if (a == axis) {
                    int m = idx.shape(a);
                    if (!gather && data.shape(a) != m && data.shape(a) != 1 && m != 1) {
                        throw new ShapeMismatchException(op.name() + ": the values have length " + data.shape(a)
                                + " on axis " + a + " and the indices " + m + " (node created at " + where + ")");
                    }
                    walk[a] = gather ? m : Math.max(m, data.shape(a));
                    outShape[a] = gather ? m : n;
                } else {
                    walk[a] = join(a, in, 0);
                    outShape[a] = walk[a];
                }
            }
            NDArray out = NDArray.zeros(outDtype, outShape);
            int[] dataShape = walk.clone();
            dataShape[axis] = data.shape(axis);
            NDArray db = gather ? data.broadcastTo(dataShape) : data.broadcastTo(walk);
            NDArray ib = idx.broadcastTo(walk);
            int total = NDArray.elementCount(walk);
            int[] at = new int[rank];
            boolean floats = outDtype.isFloat();
            for (int f = 0; f < total; f++) {
                long j = ib.getLong(f);
                if (j < -n || j >= n) {
                    throw new IndexOutOfRangeException(op.name() + ": index " + j + " is out of range for axis " + axis
                            + " of length " + n + "; expected an index in [" + -n + ", " + n + ") (node created at " + where + ")");
                }
                int jj = (int) (j < 0 ? j + n : j);
                int w = at[axis];
                at[axis] = jj;
                if (gather) {
                    if (floats) {
                        out.setDouble(f, db.getDoubleAt(at));
                    } else {
                        out.setLong(f, db.getLongAt(at));
                    }
                } else {
                    int q = flat(at, outShape);
                    if (floats) {
                        out.setDouble(q, out.getDouble(q) + db.getDouble(f));
                    } else {
                        out.setLong(q, out.getLong(q) + db.getLong(f));
                    }
                }
                at[axis] = w;
                for (int a = rank - 1; a >= 0; a--) {
                    if (++at[a] < walk[a]) {
                        break;
                    }
                    at[a] = 0;
                }
            }
            return new NDArray[] {out};
        }

        private static int flat(int[] at, int[] shape) {
            int q = 0;
            for (int a = 0; a < shape.length; a++) {
                q = q * shape[a] + at[a];
            }
            return q;
        }
    }
}
