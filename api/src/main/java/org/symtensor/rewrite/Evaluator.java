package org.symtensor.rewrite;

import java.util.Arrays;
import org.symtensor.ir.Apply;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.Eye;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.ShapeOf;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * A small, slow reference evaluator of one apply node on known values, for constant folding. It
 * follows the op table's arithmetic ({@link ScalarOp#applyDouble}/{@link ScalarOp#applyLong}) and
 * the runtime's dtype rules, element by element, and knows nothing of backends.
 */
final class Evaluator {
    private Evaluator() {}

    /**
     * Whether {@link #evaluate} folds nodes of this kind: the pure ops whose value follows from
     * their inputs' values alone. Random draws, loops, branches, indexing and fused nodes are left to
     * run (a fused node is never built over constants: folding runs before fusion).
     */
    static boolean folds(OpKind kind) {
        return switch (kind) {
            case ELEMWISE, DIMSHUFFLE, REDUCE, DOT, SHAPE, EYE -> true;
            case GRAD_MARK, RANDOM, SCAN, INDEX, INC_INDEX, IFELSE, COMPOSITE -> false;
            case CONV2D, POOL2D -> false; // runs in its kernel (runtime), which the api cannot reach
            case LINALG -> false; // decompositions run in the runtime (EJML), which the api does not depend on
            // left to run: a folded alloc or arange would put a possibly large constant in the graph
            // (Theano does not fold Alloc either), and their static shapes are already known
            case RESHAPE, JOIN, ALLOC, ARANGE, SPECIFY_SHAPE, ADVANCED_INDEX, ADVANCED_INC -> false;
            // left to their kernels: folding them would only save work on constant inputs
            case CUMULATIVE, SORT, TAKE_ALONG -> false;
            // only the CPU's softmax_rows rewrite builds it, after folding has run
            case SOFTMAX -> false;
        };
    }

    /** The value of {@code node}'s only output from its inputs' values, or null for ops it does not fold. */
    static NDArray evaluate(Apply node, NDArray[] in) {
        DType out = node.output().type().dtype();
        return switch (node.op().kind()) {
            case ELEMWISE -> elemwise(((Elemwise) node.op()).scalarOp(), in, out);
            case DIMSHUFFLE -> in[0].dimshuffle(((DimShuffle) node.op()).pattern()).copy();
            case REDUCE -> reduce((Reduce) node.op(), in[0], out);
            case DOT -> dot(in[0], in[1], out);
            case SHAPE -> NDArray.of((long) in[0].shape(((ShapeOf) node.op()).axis()));
            case EYE -> eye(((Eye) node.op()).dtype(), (int) in[0].getLong(0));
            case GRAD_MARK, RANDOM, SCAN, INDEX, INC_INDEX, IFELSE, COMPOSITE -> null;
            case CONV2D, POOL2D -> null;
            case LINALG -> null;
            case RESHAPE, JOIN, ALLOC, ARANGE, SPECIFY_SHAPE, ADVANCED_INDEX, ADVANCED_INC -> null;
            case CUMULATIVE, SORT, TAKE_ALONG -> null;
            case SOFTMAX -> null;
        };
    }

    private static NDArray eye(DType dtype, int n) {
        NDArray r = NDArray.zeros(dtype, n, n);
        for (int i = 0; i < n; i++) {
            r.setDouble(i * n + i, 1);
        }
        return r;
    }

    private static NDArray elemwise(ScalarOp op, NDArray[] in, DType out) {
        int rank = in[0].rank();
        int[] shape = new int[rank];
        for (int axis = 0; axis < rank; axis++) {
            shape[axis] = 1;
            for (NDArray a : in) {
                if (a.shape(axis) != 1) {
                    shape[axis] = a.shape(axis);
                }
            }
        }
        NDArray[] b = new NDArray[in.length];
        boolean inDouble = out.isFloat();
        for (int k = 0; k < in.length; k++) {
            b[k] = in[k].broadcastTo(shape);
            inDouble |= in[k].dtype().isFloat() && op.isValueInput(k);
        }
        NDArray r = NDArray.zeros(out, shape);
        int n = r.size();
        for (int i = 0; i < n; i++) {
            if (inDouble) {
                r.setDouble(i, op.applyDouble(b[0].getDouble(i), b.length > 1 ? b[1].getDouble(i) : 0,
                        b.length > 2 ? b[2].getDouble(i) : 0));
            } else {
                r.setLong(i, op.applyLong(b[0].getLong(i), b.length > 1 ? b[1].getLong(i) : 0,
                        b.length > 2 ? b[2].getLong(i) : 0));
            }
        }
        return r;
    }

    private static NDArray reduce(Reduce op, NDArray x, DType out) {
        if (Reduce.isIndexOrLogic(op.reduceKind())) {
            return indexReduce(op, x);
        }
        int rank = x.rank();
        boolean[] reduced = op.reducedAxes(rank);
        int[] outShape = new int[rank];
        int kept = 0;
        for (int a = 0; a < rank; a++) {
            outShape[a] = reduced[a] ? 1 : x.shape(a);
            kept += reduced[a] ? 0 : 1;
        }
        NDArray acc = NDArray.zeros(DType.FLOAT64, outShape);
        long[] accLong = new long[acc.size()];
        boolean[] started = new boolean[acc.size()];
        boolean asLong = !out.isFloat();
        int n = x.size();
        int count = n == 0 ? 0 : n / Math.max(1, acc.size());
        int[] idx = new int[rank];
        for (int i = 0; i < n; i++) {
            int o = 0;
            for (int a = 0; a < rank; a++) {
                o = o * outShape[a] + (reduced[a] ? 0 : idx[a]);
            }
            double v = x.getDouble(i);
            long lv = x.getLong(i);
            double cur = acc.getDouble(o);
            double next = switch (op.reduceKind()) {
                case SUM, MEAN -> cur + v;
                case PROD -> started[o] ? cur * v : v;
                case MAX -> started[o] ? (Double.isNaN(cur) || Double.isNaN(v) ? Double.NaN : Math.max(cur, v)) : v;
                case MIN -> started[o] ? (Double.isNaN(cur) || Double.isNaN(v) ? Double.NaN : Math.min(cur, v)) : v;
                case ARGMAX, ARGMIN, ALL, ANY -> throw new AssertionError("indexReduce");
            };
            accLong[o] = switch (op.reduceKind()) {
                case SUM, MEAN -> accLong[o] + lv;
                case PROD -> started[o] ? accLong[o] * lv : lv;
                case MAX -> started[o] ? Math.max(accLong[o], lv) : lv;
                case MIN -> started[o] ? Math.min(accLong[o], lv) : lv;
                case ARGMAX, ARGMIN, ALL, ANY -> throw new AssertionError("indexReduce");
            };
            acc.setDouble(o, next);
            started[o] = true;
            for (int a = rank - 1; a >= 0; a--) {
                if (++idx[a] < x.shape(a)) {
                    break;
                }
                idx[a] = 0;
            }
        }
        int[] finalShape = new int[kept];
        for (int a = 0, j = 0; a < rank; a++) {
            if (!reduced[a]) {
                finalShape[j++] = x.shape(a);
            }
        }
        NDArray r = NDArray.zeros(out, finalShape);
        for (int o = 0; o < r.size(); o++) {
            if (op.reduceKind() == Reduce.Kind.MEAN) {
                r.setDouble(o, x.dtype().isFloat() ? acc.getDouble(o) / count : (double) accLong[o] / count);
            } else if (asLong) {
                r.setLong(o, accLong[o]);
            } else {
                r.setDouble(o, acc.getDouble(o));
            }
        }
        return r;
    }

    /**
     * argmax, argmin, all, any, element by element: the kept axes first, the reduced ones last, so
     * each output element is a run of consecutive C-order positions of the view. An empty argmax is
     * not folded (null): the kernel reports it at run time.
     */
    private static NDArray indexReduce(Reduce op, NDArray x) {
        int rank = x.rank();
        boolean[] reduced = op.reducedAxes(rank);
        int[] perm = new int[rank];
        int k = 0;
        for (int a = 0; a < rank; a++) {
            if (!reduced[a]) {
                perm[k++] = a;
            }
        }
        int[] outShape = new int[k];
        for (int j = 0; j < k; j++) {
            outShape[j] = x.shape(perm[j]);
        }
        int m = 1;
        for (int a = 0; a < rank; a++) {
            if (reduced[a]) {
                perm[k++] = a;
                m *= x.shape(a);
            }
        }
        Reduce.Kind kind = op.reduceKind();
        boolean arg = kind == Reduce.Kind.ARGMAX || kind == Reduce.Kind.ARGMIN;
        NDArray v = x.dimshuffle(perm);
        NDArray r = NDArray.zeros(arg ? DType.INT64 : DType.BOOL, outShape);
        if (arg && m == 0 && r.size() > 0) {
            return null;
        }
        for (int o = 0; o < r.size(); o++) {
            long res = kind == Reduce.Kind.ALL ? 1 : 0;
            for (int i = 0; i < m; i++) {
                double e = v.getDouble(o * m + i);
                if (kind == Reduce.Kind.ALL && e == 0) {
                    res = 0;
                } else if (kind == Reduce.Kind.ANY && e != 0) {
                    res = 1;
                } else if (arg && !Double.isNaN(v.getDouble(o * m + (int) res))) {
                    boolean better = Double.isNaN(e) || (x.dtype().isFloat()
                            ? (kind == Reduce.Kind.ARGMAX ? e > v.getDouble(o * m + (int) res) : e < v.getDouble(o * m + (int) res))
                            : (kind == Reduce.Kind.ARGMAX ? v.getLong(o * m + i) > v.getLong(o * m + (int) res)
                                    : v.getLong(o * m + i) < v.getLong(o * m + (int) res)));
                    if (better) {
                        res = i;
                    }
                }
            }
            r.setLong(o, res);
        }
        return r;
    }

    private static NDArray dot(NDArray a, NDArray b, DType out) {
        int k = a.shape(a.rank() - 1);
        int m = k == 0 ? 0 : a.size() / k;
        if (k == 0) {
            m = 1;
            for (int i = 0; i < a.rank() - 1; i++) {
                m *= a.shape(i);
            }
        }
        int n = b.rank() == 2 ? b.shape(1) : 1;
        int[] shape = Arrays.copyOf(a.shape(), a.rank() - 1 + (b.rank() - 1));
        if (b.rank() == 2) {
            shape[shape.length - 1] = n;
        }
        NDArray r = NDArray.zeros(out, shape);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (out.isFloat()) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s += a.getDouble(i * k + p) * b.getDouble(p * n + j);
                    }
                    r.setDouble(i * n + j, s);
                } else {
                    long s = 0;
                    for (int p = 0; p < k; p++) {
                        s += a.getLong(i * k + p) * b.getLong(p * n + j);
                    }
                    r.setLong(i * n + j, s);
                }
            }
        }
        return r;
    }
}
