package org.symtensor.runtime.cpu;

import java.util.Locale;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Reduce;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The CPU kernel of the reductions that give an index or a truth value ({@code argmax},
 * {@code argmin}, {@code all}, {@code any}). These do not accumulate a value as {@link ReduceKernel}
 * does: an argmax has to remember where its best element was and stop at the first NaN, and a
 * truth test can stop at the first element that decides it. So the input is viewed with the kept
 * axes first and the reduced ones last (a copy when that view is not contiguous), which makes each
 * output element one contiguous run of the input, scanned by a tight loop per dtype. A full
 * argmax of a contiguous array is then one pass over it with no copy.
 */
final class IndexReduceKernel implements Kernel {
    private static final int CHUNK = 1024;
    /** Runs at least this long take the Vector API path for argmax/argmin (shorter ones: the scalar loop). */
    static final int LANES_FROM = 64;

    private final String name;
    private final Object where;
    private final Reduce.Kind kind;
    private final boolean[] reduced;

    IndexReduceKernel(Apply node) {
        Reduce op = (Reduce) node.op();
        this.name = op.name();
        this.where = node.createdAt();
        this.kind = op.reduceKind();
        this.reduced = op.reducedAxes(node.inputs().get(0).type().rank());
    }

    @Override
    public NDArray[] run(NDArray[] inputs) {
        NDArray x = inputs[0];
        int rank = x.rank();
        int[] shape = x.shape();
        int[] perm = new int[rank];
        int outRank = 0;
        for (int d = 0; d < rank; d++) {
            if (!reduced[d]) {
                perm[outRank++] = d;
            }
        }
        int[] outShape = new int[outRank];
        long run = 1;
        for (int d = 0, j = outRank; d < rank; d++) {
            if (reduced[d]) {
                perm[j++] = d;
                run *= shape[d];
                if (shape[d] == 0 && (kind == Reduce.Kind.ARGMAX || kind == Reduce.Kind.ARGMIN)) {
                    String k = kind.name().toLowerCase(Locale.ROOT);
                    throw new ShapeMismatchException(name + ": cannot take the " + k + " over axis " + d
                            + " of input shape " + NDArray.shapeToString(shape) + ", which has length 0; an empty run"
                            + " has no position of an extreme (node created at " + where + ")");
                }
            }
        }
        for (int j = 0; j < outRank; j++) {
            outShape[j] = shape[perm[j]];
        }
        DType outType = kind == Reduce.Kind.ARGMAX || kind == Reduce.Kind.ARGMIN ? DType.INT64 : DType.BOOL;
        NDArray out = NDArray.zeros(outType, outShape);
        int outSize = out.size();
        if (outSize == 0) {
            return new NDArray[] {out};
        }
        NDArray v = x.dimshuffle(perm);
        if (!v.isContiguous()) {
            v = v.copy();
        }
        int m = (int) run;
        Object data = v.data();
        int base = v.offset();
        for (int o = 0; o < outSize; o++) {
            int p = base + o * m;
            boolean arg = kind == Reduce.Kind.ARGMAX || kind == Reduce.Kind.ARGMIN;
            if (arg && Simd.ENABLED && m >= LANES_FROM && (v.dtype() == DType.FLOAT32 || v.dtype() == DType.FLOAT64)) {
                boolean max = kind == Reduce.Kind.ARGMAX;
                out.setLong(o, v.dtype() == DType.FLOAT32 ? ArgLanes.arg(max, (float[]) data, p, m)
                        : ArgLanes.arg(max, (double[]) data, p, m));
                continue;
            }
            long r = switch (v.dtype()) {
                case FLOAT32 -> scan((float[]) data, p, m);
                case FLOAT64 -> scan((double[]) data, p, m);
                case BOOL, INT8, UINT8, INT16, INT32, INT64 -> scanLongs(data, v.dtype(), p, m);
            };
            out.setLong(o, r);
        }
        return new NDArray[] {out};
    }

    /** The result for one run: a position for argmax/argmin, 1 or 0 for all/any. */
    private long scan(float[] s, int p, int n) {
        return switch (kind) {
            case ARGMAX, ARGMIN -> position(s, p, n, kind == Reduce.Kind.ARGMAX);
            case ALL, ANY -> truth(s, p, n, kind == Reduce.Kind.ALL);
            case SUM, PROD, MAX, MIN, MEAN -> throw new AssertionError(kind + " is ReduceKernel's");
        };
    }

    private long scan(double[] s, int p, int n) {
        return switch (kind) {
            case ARGMAX, ARGMIN -> position(s, p, n, kind == Reduce.Kind.ARGMAX);
            case ALL, ANY -> truth(s, p, n, kind == Reduce.Kind.ALL);
            case SUM, PROD, MAX, MIN, MEAN -> throw new AssertionError(kind + " is ReduceKernel's");
        };
    }

    // The float and double versions below are the same loop: Java has no generics over primitive
    // arrays, and boxing or widening every element would cost more than the loop itself.

    /** Where the largest ({@code max}) or smallest element of the run is; NumPy's rule: the first NaN wins. */
    private static int position(float[] s, int p, int n, boolean max) {
        float best = s[p];
        if (best != best) {
            return 0;
        }
        int at = 0;
        for (int i = 1; i < n; i++) {
            float e = s[p + i];
            if (max ? e > best : e < best) {
                best = e;
                at = i;
            } else if (e != e) {
                return i;
            }
        }
        return at;
    }

    private static int position(double[] s, int p, int n, boolean max) {
        double best = s[p];
        if (best != best) {
            return 0;
        }
        int at = 0;
        for (int i = 1; i < n; i++) {
            double e = s[p + i];
            if (max ? e > best : e < best) {
                best = e;
                at = i;
            } else if (e != e) {
                return i;
            }
        }
        return at;
    }

    /**
     * 1 or 0 for {@code all} (or any) of the run: all stops at the first zero, any at the first
     * non-zero, and the element that stops the scan decides it. NaN != 0, so NaN is true, as in NumPy.
     */
    private static long truth(float[] s, int p, int n, boolean all) {
        for (int i = 0; i < n; i++) {
            if ((s[p + i] != 0) != all) {
                return all ? 0 : 1;
            }
        }
        return all ? 1 : 0;
    }

    private static long truth(double[] s, int p, int n, boolean all) {
        for (int i = 0; i < n; i++) {
            if ((s[p + i] != 0) != all) {
                return all ? 0 : 1;
            }
        }
        return all ? 1 : 0;
    }

    /** Integer and bool runs, read a chunk at a time as longs (exact for every integer dtype). */
    private long scanLongs(Object data, DType dt, int p, int n) {
        long[] buf = new long[Math.min(CHUNK, n)];
        long best = 0;
        int at = 0;
        for (int j = 0; j < n; j += CHUNK) {
            int c = Math.min(CHUNK, n - j);
            ArrayIo.read(data, dt, p + j, 1, buf, 0, c);
            for (int i = 0; i < c; i++) {
                long e = buf[i];
                switch (kind) {
                    case ARGMAX -> {
                        if (j + i == 0 || e > best) {
                            best = e;
                            at = j + i;
                        }
                    }
                    case ARGMIN -> {
                        if (j + i == 0 || e < best) {
                            best = e;
                            at = j + i;
                        }
                    }
                    case ALL -> {
                        if (e == 0) {
                            return 0;
                        }
                    }
                    case ANY -> {
                        if (e != 0) {
                            return 1;
                        }
                    }
                    case SUM, PROD, MAX, MIN, MEAN -> throw new AssertionError(kind + " is ReduceKernel's");
                }
            }
        }
        return switch (kind) {
            case ALL -> 1;
            case ANY -> 0;
            default -> at;
        };
    }
}
