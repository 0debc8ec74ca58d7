package org.symtensor.runtime.cpu;

import org.symtensor.ir.Reduce;

/**
 * How a reduction's work is cut into tasks, by a rule that depends on the shapes only (never on the
 * thread count), and the scalar folds the reduction kernels share. The outermost axis of the walk
 * ({@code rows} of {@code rowSize} elements each) is cut into ranges of about {@link Parallel#CHUNK}
 * elements. When that axis is kept in the output, ranges update disjoint accumulators and need no
 * combining; when it is reduced, each range gets private accumulators, combined afterwards in range
 * order. The split is used only above {@link Parallel#THRESHOLD} elements, and a reduced outer axis
 * is split only while the private accumulators stay small next to the input (else one range), so a
 * {@code (2, 10^7)} sum over axis 0 does not allocate two 10^7 partials.
 */
record ReduceSplit(int rows, int rowsPerRange, int rowSize, int ranges, boolean privateAccumulators, boolean parallel) {

    static ReduceSplit of(int rows, int rowSize, boolean outerReduced, int outSize) {
        long size = (long) rows * rowSize;
        boolean big = size > Parallel.THRESHOLD;
        int per = big ? Math.max(1, Parallel.CHUNK / Math.max(1, rowSize)) : rows;
        int ranges = (rows + per - 1) / per;
        if (outerReduced && (long) ranges * outSize > size / 4) {
            per = rows;
            ranges = 1;
        }
        return new ReduceSplit(rows, per, rowSize, ranges, outerReduced, big && ranges > 1);
    }

    /** First flat element of range {@code r}. */
    int from(int r) {
        return r * rowsPerRange * rowSize;
    }

    /** End (exclusive) of range {@code r}. */
    int to(int r) {
        return Math.min(rows, (r + 1) * rowsPerRange) * rowSize;
    }

    /** First row of range {@code r}. */
    int firstRow(int r) {
        return r * rowsPerRange;
    }

    /** Rows in range {@code r}. */
    int rowCount(int r) {
        return Math.min(rows, (r + 1) * rowsPerRange) - r * rowsPerRange;
    }

    /**
     * The output of reducing a tensor of {@code shape} over the {@code reduced} axes: its shape, the
     * output stride of each input axis (0 for a reduced one) and how many elements fold into each
     * output element. A max or min over an axis of length 0 has no identity: a ShapeMismatchException
     * naming the node ({@code what}, the shape's {@code description} and {@code where} it was created).
     */
    record Layout(int[] outShape, int[] outStrides, long count) {
        static Layout of(Reduce.Kind kind, int[] shape, boolean[] reduced, String what, String description, Object where) {
            int rank = shape.length;
            int outRank = 0;
            long count = 1;
            for (int d = 0; d < rank; d++) {
                if (reduced[d]) {
                    count *= shape[d];
                    if (shape[d] == 0 && (kind == Reduce.Kind.MAX || kind == Reduce.Kind.MIN)) {
                        String k = kind.name().toLowerCase(java.util.Locale.ROOT);
                        throw new org.symtensor.error.ShapeMismatchException(what + ": cannot take the " + k + " over axis "
                                + d + " of " + description + " " + org.symtensor.value.NDArray.shapeToString(shape)
                                + ", which has length 0; " + k + " has no identity (node created at " + where + ")");
                    }
                } else {
                    outRank++;
                }
            }
            int[] outShape = new int[outRank];
            int[] outStrides = new int[rank];
            int stride = 1;
            for (int d = rank - 1, j = outRank - 1; d >= 0; d--) {
                if (!reduced[d]) {
                    outShape[j--] = shape[d];
                    outStrides[d] = stride;
                    stride *= shape[d];
                }
            }
            return new Layout(outShape, outStrides, count);
        }
    }

    static double identity(Reduce.Kind kind) {
        return switch (kind) {
            case SUM, MEAN -> 0;
            case PROD -> 1;
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
            case ARGMAX, ARGMIN, ALL, ANY -> throw new AssertionError(kind + " runs in IndexReduceKernel, not split");
        };
    }

    static double combine(Reduce.Kind kind, double a, double b) {
        return switch (kind) {
            case SUM, MEAN -> a + b;
            case PROD -> a * b;
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
            case ARGMAX, ARGMIN, ALL, ANY -> throw new AssertionError(kind + " runs in IndexReduceKernel, not split");
        };
    }

    /** {@code acc[i] = combine(acc[i], part[i])} for every element of {@code part}, in index order ({@code acc} may be longer). */
    static void combineAll(Reduce.Kind kind, double[] acc, double[] part) {
        for (int i = 0; i < part.length; i++) {
            acc[i] = combine(kind, acc[i], part[i]);
        }
    }

    static double fold(Reduce.Kind kind, float[] s, int p, int n) {
        double t = identity(kind);
        for (int i = 0; i < n; i++) {
            t = combine(kind, t, s[p + i]);
        }
        return t;
    }

    static double fold(Reduce.Kind kind, double[] s, int p, int n) {
        double t = identity(kind);
        for (int i = 0; i < n; i++) {
            t = combine(kind, t, s[p + i]);
        }
        return t;
    }

    /** Combines {@code s[p .. p+n)} into {@code acc} at {@code q, q + so, ...}. */
    static void combineInto(Reduce.Kind kind, double[] acc, int q, int so, float[] s, int p, int n) {
        for (int i = 0; i < n; i++, q += so) {
            acc[q] = combine(kind, acc[q], s[p + i]);
        }
    }

    /** Combines {@code s[p .. p+n)} into {@code acc} at {@code q, q + so, ...}. */
    static void combineInto(Reduce.Kind kind, double[] acc, int q, int so, double[] s, int p, int n) {
        for (int i = 0; i < n; i++, q += so) {
            acc[q] = combine(kind, acc[q], s[p + i]);
        }
    }
}
