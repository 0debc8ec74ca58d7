package org.symtensor.runtime.link;

import org.symtensor.value.NDArray;

/**
 * The linker's contract with a host kernel, the computation of one apply node on host arrays:
 * takes the input values, returns freshly allocated (or view) output values. A kernel never writes
 * into its inputs, except the donors the linker offers, and keeps no state between calls, so one
 * kernel may serve many calls. The CPU kernels implement it (as {@link
 * org.symtensor.runtime.cpu.Kernel}); so the linker depends on no backend.
 */
@FunctionalInterface
public interface Kernel {
    NDArray[] run(NDArray[] inputs);

    /**
     * As {@link #run(NDArray[])}, but the inputs numbered in {@code donors} are dead after this node
     * and exclusively owned, so the kernel may write its result into one of them when its shape,
     * dtype and layout fit exactly (in-place execution). Kernels that cannot use that ignore it.
     */
    default NDArray[] run(NDArray[] inputs, int[] donors) {
        return run(inputs);
    }

    /**
     * As {@link #run(NDArray[], int[])} ({@code donors} may be null), and {@code recycled} (null, or
     * one entry per output, each possibly null) offers, per output, an array that this node's kernel
     * made in an earlier call and that nobody holds any more ({@link Arena}), or the caller's
     * destination of a {@code callInto}: a kernel that allocates its outputs fresh may write an
     * output into its entry instead when its dtype and shape fit exactly and it is contiguous and
     * whole, overwriting every element. Kernels that cannot use that ignore it. A kernel may also
     * return {@code recycled} itself as its result array, with entry k replaced by output k (the
     * array is the linker's, read again only after the kernel returned), so that a steady call
     * allocates no result array; a view kernel may find its own earlier view there and return it
     * when the new view would be identical.
     */
    default NDArray[] run(NDArray[] inputs, int[] donors, NDArray[] recycled) {
        return donors == null ? run(inputs) : run(inputs, donors);
    }
}
