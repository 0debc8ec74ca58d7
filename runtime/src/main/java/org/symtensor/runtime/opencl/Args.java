package org.symtensor.runtime.opencl;

import static org.jocl.CL.clSetKernelArg;

import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;

/** Sets a kernel's arguments in order: buffers, ints, longs, doubles and local scratch. {@link ClDevice#launch} holds the kernel's lock meanwhile. */
final class Args {
    private final cl_kernel kernel;
    private int index;

    Args(cl_kernel kernel) {
        this.kernel = kernel;
    }

    Args buffer(DeviceArray a) {
        clSetKernelArg(kernel, index++, Sizeof.cl_mem, Pointer.to(a.buffer().mem()));
        return this;
    }

    Args i32(int v) {
        clSetKernelArg(kernel, index++, Sizeof.cl_int, Pointer.to(new int[] {v}));
        return this;
    }

    Args i64(long v) {
        clSetKernelArg(kernel, index++, Sizeof.cl_long, Pointer.to(new long[] {v}));
        return this;
    }

    Args f64(double v) {
        clSetKernelArg(kernel, index++, Sizeof.cl_double, Pointer.to(new double[] {v}));
        return this;
    }

    Args local(long bytes) {
        clSetKernelArg(kernel, index++, bytes, null);
        return this;
    }
}
