package org.symtensor.value;

import org.symtensor.type.DType;

/**
 * The one place that knows which primitive array each dtype is stored in, and how values convert
 * on the way in and out (NumPy's {@code astype}: float to int truncates toward zero and saturates
 * to the dtype's range with NaN as 0 ({@link Conversions#floatToInt}), ints wrap to their width, bool stores {@code v != 0}, uint8 reads as {@code b & 0xFF}).
 */
final class Storage {
    private Storage() {
    }

    static Object allocate(DType dtype, int n) {
        return switch (dtype) {
            case BOOL, INT8, UINT8 -> new byte[n];
            case INT16 -> new short[n];
            case INT32 -> new int[n];
            case INT64 -> new long[n];
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
        };
    }

    static double readDouble(DType dtype, Object data, int p) {
        return switch (dtype) {
            case BOOL, INT8 -> ((byte[]) data)[p];
            case UINT8 -> ((byte[]) data)[p] & 0xFF;
            case INT16 -> ((short[]) data)[p];
            case INT32 -> ((int[]) data)[p];
            case INT64 -> ((long[]) data)[p];
            case FLOAT32 -> ((float[]) data)[p];
            case FLOAT64 -> ((double[]) data)[p];
        };
    }

    static long readLong(DType dtype, Object data, int p) {
        return switch (dtype) {
            case BOOL, INT8 -> ((byte[]) data)[p];
            case UINT8 -> ((byte[]) data)[p] & 0xFF;
            case INT16 -> ((short[]) data)[p];
            case INT32 -> ((int[]) data)[p];
            case INT64 -> ((long[]) data)[p];
            case FLOAT32 -> (long) ((float[]) data)[p];
            case FLOAT64 -> (long) ((double[]) data)[p];
        };
    }

    static void writeDouble(DType dtype, Object data, int p, double v) {
        switch (dtype) {
            case BOOL -> ((byte[]) data)[p] = (byte) (v != 0 ? 1 : 0);
            case INT8 -> ((byte[]) data)[p] = Conversions.toInt8(v);
            case UINT8 -> ((byte[]) data)[p] = (byte) Conversions.toUint8(v);
            case INT16 -> ((short[]) data)[p] = Conversions.toInt16(v);
            case INT32 -> ((int[]) data)[p] = (int) v;
            case INT64 -> ((long[]) data)[p] = (long) v;
            case FLOAT32 -> ((float[]) data)[p] = (float) v;
            case FLOAT64 -> ((double[]) data)[p] = v;
        }
    }

    static void writeLong(DType dtype, Object data, int p, long v) {
        switch (dtype) {
            case BOOL -> ((byte[]) data)[p] = (byte) (v != 0 ? 1 : 0);
            case INT8, UINT8 -> ((byte[]) data)[p] = (byte) v;
            case INT16 -> ((short[]) data)[p] = (short) v;
            case INT32 -> ((int[]) data)[p] = (int) v;
            case INT64 -> ((long[]) data)[p] = v;
            case FLOAT32 -> ((float[]) data)[p] = (float) v;
            case FLOAT64 -> ((double[]) data)[p] = (double) v;
        }
    }
}
