package org.symtensor.runtime.cpu;

import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The buffer a kernel may write output {@code k} into instead of allocating one: the entry the
 * linker offers ({@link org.symtensor.runtime.link.Kernel#run(NDArray[], int[], NDArray[])}: this
 * node's buffer from an earlier call, or a {@code callInto} destination) when its dtype and shape
 * are exactly the output's and it is a whole contiguous array, else a fresh zeroed array.
 */
final class Recycled {
    private Recycled() {}

    /** The shape of a 0-d array (never written). */
    static final int[] SCALAR = new int[0];

    /** The offered buffer for output {@code k} when it fits, else null. */
    static NDArray fit(NDArray[] recycled, int k, DType dtype, int[] shape) {
        if (recycled == null || k >= recycled.length) {
            return null;
        }
        NDArray x = recycled[k];
        if (x != null && x.dtype() == dtype && hasShape(x, shape) && x.isContiguous() && x.offset() == 0
                && java.lang.reflect.Array.getLength(x.data()) == x.size()) {
            return x;
        }
        return null;
    }

    /** Whether {@code x} has exactly {@code shape}, compared without copying x's shape (this runs per step per call). */
    static boolean hasShape(NDArray x, int[] shape) {
        if (x.rank() != shape.length) {
            return false;
        }
        for (int d = 0; d < shape.length; d++) {
            if (x.shape(d) != shape[d]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The kernel's result array holding {@code out}: {@code recycled} itself when the linker offered
     * one entry (the linker's array, which the kernel may return with its outputs in it: no array
     * per call), else a new one.
     */
    static NDArray[] result(NDArray[] recycled, NDArray out) {
        if (recycled != null && recycled.length == 1) {
            recycled[0] = out;
            return recycled;
        }
        return new NDArray[] {out};
    }

    /** The offered buffer when it fits, else a fresh zeroed array. */
    static NDArray orZeros(NDArray[] recycled, int k, DType dtype, int[] shape) {
        NDArray x = fit(recycled, k, dtype, shape);
        return x != null ? x : NDArray.zeros(dtype, shape);
    }
}
