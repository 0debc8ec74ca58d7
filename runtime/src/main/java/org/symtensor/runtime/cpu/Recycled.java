package org.symtensor.runtime.cpu;

import java.util.Arrays;
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

    /** The offered buffer for output {@code k} when it fits, else null. */
    static NDArray fit(NDArray[] recycled, int k, DType dtype, int[] shape) {
        if (recycled == null || k >= recycled.length) {
            return null;
        }
        NDArray x = recycled[k];
        if (x != null && x.dtype() == dtype && Arrays.equals(x.shape(), shape) && x.isContiguous() && x.offset() == 0
                && java.lang.reflect.Array.getLength(x.data()) == x.size()) {
            return x;
        }
        return null;
    }

    /** The offered buffer when it fits, else a fresh zeroed array. */
    static NDArray orZeros(NDArray[] recycled, int k, DType dtype, int[] shape) {
        NDArray x = fit(recycled, k, dtype, shape);
        return x != null ? x : NDArray.zeros(dtype, shape);
    }
}
