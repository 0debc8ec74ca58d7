package org.symtensor.value;

import java.lang.reflect.Array;
import org.symtensor.type.DType;

/**
 * Converts between NDArrays and nested primitive Java arrays (up to 4-d), checking that the Java
 * arrays are rectangular and naming the first ragged row when they are not.
 */
final class JavaArrays {
    static final int MAX_RANK = 4;

    private JavaArrays() {
    }

    /** A C-contiguous copy of a nested primitive array; the dtype follows the Java element type. */
    static NDArray fromArray(Object value) {
        Class<?> leaf = value.getClass();
        int rank = 0;
        while (leaf.isArray()) {
            leaf = leaf.getComponentType();
            rank++;
        }
        DType dtype = leaf.isPrimitive() ? dtypeOfPrimitive(leaf) : null;
        if (dtype == null || rank == 0 || rank > MAX_RANK) {
            throw new IllegalArgumentException("cannot convert " + value.getClass().getTypeName()
                    + " to an NDArray; expected a Number, Boolean, NDArray or primitive array of rank 1 to "
                    + MAX_RANK);
        }
        int[] shape = new int[rank];
        Object probe = value;
        for (int d = 0; d < rank && probe != null; d++) {
            int n = Array.getLength(probe);
            shape[d] = n;
            // An empty or null first row leaves deeper lengths 0; a null row is reported by read().
            probe = d + 1 < rank && n > 0 ? Array.get(probe, 0) : null;
        }
        NDArray out = NDArray.zeros(dtype, shape);
        read(value, 0, new int[rank], out, 0);
        return out;
    }

    /** Nested primitive arrays of the dtype's storage type, {@code boolean[]} for bool; rank at least 1. */
    static Object toArray(NDArray a) {
        Class<?> leaf = a.dtype() == DType.BOOL ? boolean.class : a.data().getClass().getComponentType();
        Object out = Array.newInstance(leaf, a.shape());
        write(a, out, 0, 0);
        return out;
    }

    private static void write(NDArray a, Object arr, int dim, int flat) {
        int n = a.shape(dim);
        if (dim < a.rank() - 1) {
            int stride = 1;
            for (int d = dim + 1; d < a.rank(); d++) {
                stride *= a.shape(d);
            }
            for (int i = 0; i < n; i++) {
                write(a, Array.get(arr, i), dim + 1, flat + i * stride);
            }
            return;
        }
        Object data = a.data();
        for (int i = 0; i < n; i++) {
            int p = a.physical(flat + i);
            switch (a.dtype()) {
                case BOOL -> ((boolean[]) arr)[i] = ((byte[]) data)[p] != 0;
                case INT8, UINT8 -> ((byte[]) arr)[i] = ((byte[]) data)[p];
                case INT16 -> ((short[]) arr)[i] = ((short[]) data)[p];
                case INT32 -> ((int[]) arr)[i] = ((int[]) data)[p];
                case INT64 -> ((long[]) arr)[i] = ((long[]) data)[p];
                case FLOAT32 -> ((float[]) arr)[i] = ((float[]) data)[p];
                case FLOAT64 -> ((double[]) arr)[i] = ((double[]) data)[p];
            }
        }
    }

    /** Copies a nested Java array into {@code out} (C-contiguous) from {@code flat}; returns the next flat index. */
    private static int read(Object arr, int dim, int[] position, NDArray out, int flat) {
        if (arr == null) {
            throw new IllegalArgumentException("ragged nested array: " + rowName(position, dim) + " is null");
        }
        int n = Array.getLength(arr);
        if (n != out.shape(dim)) {
            throw new IllegalArgumentException("ragged nested array: " + rowName(position, dim)
                    + " has length " + n + ", expected " + out.shape(dim));
        }
        if (dim < out.rank() - 1) {
            for (int i = 0; i < n; i++) {
                position[dim] = i;
                flat = read(Array.get(arr, i), dim + 1, position, out, flat);
            }
            return flat;
        }
        if (out.dtype() == DType.BOOL) {
            boolean[] b = (boolean[]) arr;
            byte[] target = (byte[]) out.data();
            for (int i = 0; i < n; i++) {
                target[flat + i] = (byte) (b[i] ? 1 : 0);
            }
        } else {
            System.arraycopy(arr, 0, out.data(), flat, n);
        }
        return flat + n;
    }

    private static String rowName(int[] position, int dim) {
        if (dim == 0) {
            return "the outer array";
        }
        if (dim == 1) {
            return "row " + position[0];
        }
        StringBuilder sb = new StringBuilder("row [");
        for (int i = 0; i < dim; i++) {
            sb.append(i == 0 ? "" : ", ").append(position[i]);
        }
        return sb.append(']').toString();
    }

    private static DType dtypeOfPrimitive(Class<?> c) {
        if (c == double.class) {
            return DType.FLOAT64;
        } else if (c == float.class) {
            return DType.FLOAT32;
        } else if (c == long.class) {
            return DType.INT64;
        } else if (c == int.class) {
            return DType.INT32;
        } else if (c == short.class) {
            return DType.INT16;
        } else if (c == byte.class) {
            return DType.INT8;
        } else if (c == boolean.class) {
            return DType.BOOL;
        }
        return null; // char has no dtype
    }
}
