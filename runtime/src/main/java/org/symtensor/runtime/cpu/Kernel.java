package org.symtensor.runtime.cpu;

import org.symtensor.value.NDArray;

/**
 * The compiled computation of one apply node on the CPU: takes the input values, returns freshly
 * allocated (or view) output values. A kernel never writes into its inputs and keeps no state
 * between calls, so one kernel may serve many calls.
 */
@FunctionalInterface
public interface Kernel {
    NDArray[] run(NDArray[] inputs);
}
