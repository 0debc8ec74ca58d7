package org.symtensor.runtime.cpu;

/**
 * A CPU kernel: the compiled computation of one apply node, under the linker's contract
 * ({@link org.symtensor.runtime.link.Kernel}: fresh or view outputs, inputs untouched except
 * offered donors, no state between calls). The contract itself lives in {@code link}, so the
 * linker does not depend on this package; this name is what the CPU kernels implement.
 */
@FunctionalInterface
public interface Kernel extends org.symtensor.runtime.link.Kernel {}
