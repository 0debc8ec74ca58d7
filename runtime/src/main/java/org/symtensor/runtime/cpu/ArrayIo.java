package org.symtensor.runtime.cpu;

import org.symtensor.type.DType;
import org.symtensor.value.Conversions;
import org.symtensor.value.NDArray;

/**
 * Moves runs of elements between NDArray backing arrays and the {@code double[]} / {@code long[]}
 * scratch buffers that kernels compute in, converting as NumPy's {@code astype} does. Every method
 * switches on the dtype once per run, never per element, so the inner loops stay tight.
 */
final class ArrayIo {
    private ArrayIo() {}

    /** Reads {@code n} elements starting at backing position {@code p}, {@code stride} apart (0 repeats one). */
    static void read(Object data, DType dt, int p, int stride, double[] dst, int d0, int n) {
        if (stride == 0 && n > 1) { // a broadcast run: one conversion, then a fill
            read(data, dt, p, 1, dst, d0, 1);
            java.util.Arrays.fill(dst, d0 + 1, d0 + n, dst[d0]);
            return;
        }
        switch (dt) {
            case FLOAT64 -> {
                double[] s = (double[]) data;
                if (stride == 1) {
                    System.arraycopy(s, p, dst, d0, n);
                } else {
                    for (int i = 0; i < n; i++, p += stride) {
                        dst[d0 + i] = s[p];
                    }
                }
            }
            case FLOAT32 -> {
                float[] s = (float[]) data;
                for (int i = 0; i < n; i++, p += stride) {
                    dst[d0 + i] = s[p];
                }
            }
            case INT64 -> {
                long[] s = (long[]) data;
                for (int i = 0; i < n; i++, p += stride) {
                    dst[d0 + i] = s[p];
                }
            }
            case INT32 -> {
                int[] s = (int[]) data;
                for (int i = 0; i < n; i++, p += stride) {
                    dst[d0 + i] = s[p];
                }
            }
            case INT16 -> {
                short[] s = (short[]) data;
                for (int i = 0; i < n; i++, p += stride) {
                    dst[d0 + i] = s[p];
                }
            }
            case BOOL, INT8 -> {
                byte[] s = (byte[]) data;
                for (int i = 0; i < n; i++, p += stride) {
                    dst[d0 + i] = s[p];
                }
            }
            case UINT8 -> {
                byte[] s = (byte[]) data;
                for (int i = 0; i < n; i++, p += stride) {
                    dst[d0 + i] = s[p] & 0xFF;
                }
            }
        }
    }

    /** As {@link #read(Object, DType, int, int, double[], int, int)}, into longs (floats truncate toward zero). */
    static void read(Object data, DType dt, int p, int stride, long[] dst, int d0, int n) {
        if (stride == 0 && n > 1) {
            read(data, dt, p, 1, dst, d0, 1);
            java.util.Arrays.fill(dst, d0 + 1, d0 + n, dst[d0]);
            return;
        }
        switch (dt) {
            case FLOAT64 -> {
                double[] s = (double[]) data;
                for (int i = 0; i < n; i++, p += stride) {
                    dst[d0 + i] = (long) s[p];
                }
            }
            case FLOAT32 -> {
                float[] s = (float[]) data;
                for (int i = 0; i < n; i++, p += stride) {
                    dst[d0 + i] = (long) s[p];
                }
            }
            case INT64 -> {
                long[] s = (long[]) data;
                if (stride == 1) {
                    System.arraycopy(s, p, dst, d0, n);
                } else {
                    for (int i = 0; i < n; i++, p += stride) {
                        dst[d0 + i] = s[p];
                    }
                }
            }
            case INT32 -> {
                int[] s = (int[]) data;
                for (int i = 0; i < n; i++, p += stride) {
                    dst[d0 + i] = s[p];
                }
            }
            case INT16 -> {
                short[] s = (short[]) data;
                for (int i = 0; i < n; i++, p += stride) {
                    dst[d0 + i] = s[p];
                }
            }
            case BOOL, INT8 -> {
                byte[] s = (byte[]) data;
                for (int i = 0; i < n; i++, p += stride) {
                    dst[d0 + i] = s[p];
                }
            }
            case UINT8 -> {
                byte[] s = (byte[]) data;
                for (int i = 0; i < n; i++, p += stride) {
                    dst[d0 + i] = s[p] & 0xFF;
                }
            }
        }
    }

    /**
     * Gathers C-order elements {@code start .. start+n} of a strided view into {@code dst}. The
     * strides may be 0 on broadcast axes; rows are read as runs so the per-element cost is one load.
     */
    static void gather(Object data, DType dt, int offset, int[] shape, int[] strides, int start, double[] dst, int n) {
        gather(data, dt, offset, shape, strides, start, dst, n, new int[shape.length]);
    }

    /** As above with {@code idx}, scratch of at least the shape's rank, for the multi-index (a caller's kept array). */
    static void gather(Object data, DType dt, int offset, int[] shape, int[] strides, int start, double[] dst, int n, int[] idx) {
        int r = shape.length;
        if (r == 0) {
            read(data, dt, offset, 0, dst, 0, n);
            return;
        }
        startIndex(shape, start, idx);
        int last = r - 1;
        int done = 0;
        while (done < n) {
            int run = Math.min(shape[last] - idx[last], n - done);
            read(data, dt, position(offset, idx, strides, r), strides[last], dst, done, run);
            done += run;
            advance(shape, idx, run);
        }
    }

    /** As {@link #gather(Object, DType, int, int[], int[], int, double[], int)}, into longs. */
    static void gather(Object data, DType dt, int offset, int[] shape, int[] strides, int start, long[] dst, int n) {
        gather(data, dt, offset, shape, strides, start, dst, n, new int[shape.length]);
    }

    /** As above with {@code idx}, scratch of at least the shape's rank, for the multi-index (a caller's kept array). */
    static void gather(Object data, DType dt, int offset, int[] shape, int[] strides, int start, long[] dst, int n, int[] idx) {
        int r = shape.length;
        if (r == 0) {
            read(data, dt, offset, 0, dst, 0, n);
            return;
        }
        startIndex(shape, start, idx);
        int last = r - 1;
        int done = 0;
        while (done < n) {
            int run = Math.min(shape[last] - idx[last], n - done);
            read(data, dt, position(offset, idx, strides, r), strides[last], dst, done, run);
            done += run;
            advance(shape, idx, run);
        }
    }

    private static void startIndex(int[] shape, int start, int[] idx) {
        for (int d = shape.length - 1; d >= 0; d--) {
            // no division once start is 0: an empty axis (length 0) must not divide
            idx[d] = start > 0 ? start % shape[d] : 0;
            start = start > 0 ? start / shape[d] : 0;
        }
    }

    private static int position(int offset, int[] idx, int[] strides, int rank) {
        int p = offset;
        for (int d = 0; d < rank; d++) {
            p += idx[d] * strides[d];
        }
        return p;
    }

    /** Moves the multi-index {@code run} steps along the last axis, carrying into the outer axes at a row's end. */
    private static void advance(int[] shape, int[] idx, int run) {
        int last = shape.length - 1;
        idx[last] += run;
        if (idx[last] < shape[last]) {
            return;
        }
        idx[last] = 0;
        for (int d = last - 1; d >= 0; d--) {
            if (++idx[d] < shape[d]) {
                return;
            }
            idx[d] = 0;
        }
    }

    /**
     * Stores {@code n} doubles at backing positions {@code p..} of a contiguous array, converting to
     * {@code dt}: an integer dtype saturates with NaN as 0 ({@link Conversions#floatToInt}).
     */
    static void store(double[] src, int s0, Object data, DType dt, int p, int n) {
        switch (dt) {
            case FLOAT64 -> System.arraycopy(src, s0, data, p, n);
            case FLOAT32 -> {
                float[] d = (float[]) data;
                for (int i = 0; i < n; i++) {
                    d[p + i] = (float) src[s0 + i];
                }
            }
            case INT64 -> {
                long[] d = (long[]) data;
                for (int i = 0; i < n; i++) {
                    d[p + i] = (long) src[s0 + i];
                }
            }
            case INT32 -> {
                int[] d = (int[]) data;
                for (int i = 0; i < n; i++) {
                    d[p + i] = (int) src[s0 + i];
                }
            }
            case INT16 -> {
                short[] d = (short[]) data;
                for (int i = 0; i < n; i++) {
                    d[p + i] = Conversions.toInt16(src[s0 + i]);
                }
            }
            case INT8 -> {
                byte[] d = (byte[]) data;
                for (int i = 0; i < n; i++) {
                    d[p + i] = Conversions.toInt8(src[s0 + i]);
                }
            }
            case UINT8 -> {
                byte[] d = (byte[]) data;
                for (int i = 0; i < n; i++) {
                    d[p + i] = (byte) Conversions.toUint8(src[s0 + i]);
                }
            }
            case BOOL -> {
                byte[] d = (byte[]) data;
                for (int i = 0; i < n; i++) {
                    d[p + i] = (byte) (src[s0 + i] != 0 ? 1 : 0);
                }
            }
        }
    }

    /** Stores {@code n} longs, wrapping to the width of {@code dt}. */
    static void store(long[] src, int s0, Object data, DType dt, int p, int n) {
        switch (dt) {
            case FLOAT64 -> {
                double[] d = (double[]) data;
                for (int i = 0; i < n; i++) {
                    d[p + i] = src[s0 + i];
                }
            }
            case FLOAT32 -> {
                float[] d = (float[]) data;
                for (int i = 0; i < n; i++) {
                    d[p + i] = src[s0 + i];
                }
            }
            case INT64 -> System.arraycopy(src, s0, data, p, n);
            case INT32 -> {
                int[] d = (int[]) data;
                for (int i = 0; i < n; i++) {
                    d[p + i] = (int) src[s0 + i];
                }
            }
            case INT16 -> {
                short[] d = (short[]) data;
                for (int i = 0; i < n; i++) {
                    d[p + i] = (short) src[s0 + i];
                }
            }
            case INT8, UINT8 -> {
                byte[] d = (byte[]) data;
                for (int i = 0; i < n; i++) {
                    d[p + i] = (byte) src[s0 + i];
                }
            }
            case BOOL -> {
                byte[] d = (byte[]) data;
                for (int i = 0; i < n; i++) {
                    d[p + i] = (byte) (src[s0 + i] != 0 ? 1 : 0);
                }
            }
        }
    }

    /** All elements in C order as doubles; the backing array itself when it already is exactly that. */
    static double[] toDoubles(NDArray a) {
        if (a.dtype() == DType.FLOAT64 && a.isContiguous() && a.offset() == 0 && ((double[]) a.data()).length == a.size()) {
            return (double[]) a.data();
        }
        double[] out = new double[a.size()];
        gather(a.data(), a.dtype(), a.offset(), a.shape(), a.strides(), 0, out, out.length);
        return out;
    }

    /** All elements in C order as longs; the backing array itself when it already is exactly that. */
    static long[] toLongs(NDArray a) {
        if (a.dtype() == DType.INT64 && a.isContiguous() && a.offset() == 0 && ((long[]) a.data()).length == a.size()) {
            return (long[]) a.data();
        }
        long[] out = new long[a.size()];
        gather(a.data(), a.dtype(), a.offset(), a.shape(), a.strides(), 0, out, out.length);
        return out;
    }
}
