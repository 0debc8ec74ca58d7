package org.symtensor.runtime.opencl;

import org.symtensor.type.DType;

/**
 * The device computation of one apply node: takes device arrays, enqueues its kernels and returns
 * the output array, allocated through the call's {@link Allocator} so the executor can free
 * temporaries when the call ends. Stateless between calls apart from caches of generated source.
 */
@FunctionalInterface
interface DeviceKernel {
    /** Where a kernel gets the memory of its outputs. */
    @FunctionalInterface
    interface Allocator {
        DeviceArray allocate(DType dtype, int[] shape);
    }

    DeviceArray run(DeviceArray[] inputs, Allocator alloc);
}
