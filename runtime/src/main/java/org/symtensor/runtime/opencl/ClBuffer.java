package org.symtensor.runtime.opencl;

import java.lang.ref.Cleaner;
import org.jocl.CL;
import org.jocl.cl_mem;

/**
 * One OpenCL memory object. It is released exactly once: explicitly by the executor when a call
 * no longer needs it, or by a {@link Cleaner} once nothing references it (a shared variable's
 * old value, a collected function's constants).
 */
final class ClBuffer {
    private static final Cleaner CLEANER = Cleaner.create();

    private final cl_mem mem;
    private final Cleaner.Cleanable cleanable;

    ClBuffer(cl_mem mem) {
        this.mem = mem;
        this.cleanable = CLEANER.register(this, () -> CL.clReleaseMemObject(mem));
    }

    cl_mem mem() {
        return mem;
    }

    /** Frees the device memory now; idempotent. The buffer must not be used afterwards. */
    void release() {
        cleanable.clean();
    }
}
