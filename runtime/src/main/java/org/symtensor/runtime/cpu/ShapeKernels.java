package org.symtensor.runtime.cpu;

import org.symtensor.ir.Apply;
import org.symtensor.ir.Reshape;
import org.symtensor.value.NDArray;

/**
 * Kernels of the shape and construction ops. A reshape is a view of a C-contiguous input and a copy
 * otherwise ({@link NDArray#reshape}); its target lengths are read from the scalar inputs on every
 * call, so they may change between calls.
 */
final class ShapeKernels {
    private ShapeKernels() {}

    static Kernel reshape(Apply node) {
        int ndim = ((Reshape) node.op()).ndim();
        String what = "reshape of " + node.inputs().get(0).describe();
        return in -> {
            long[] requested = new long[ndim];
            for (int k = 0; k < ndim; k++) {
                requested[k] = in[1 + k].getLong(0);
            }
            int[] shape = Reshape.resolve(requested, in[0].shape(), what);
            return new NDArray[] {in[0].reshape(shape)};
        };
    }
}
