/**
 * The CPU kernels: one {@link org.symtensor.runtime.cpu.Kernel} per apply node, built once by
 * {@link org.symtensor.runtime.cpu.CpuKernels#forApply} and called many times by the linker.
 * Elementwise ops run block by block through small scratch buffers, numexpr-style, so each
 * element is touched once per op with no per-element dispatch: one loop per scalar op in
 * {@link org.symtensor.runtime.cpu.DoubleLoops} (Vector API lanes in
 * {@link org.symtensor.runtime.cpu.DoubleLanes}) and {@link org.symtensor.runtime.cpu.LongLoops};
 * float32 programs run in float lanes ({@link org.symtensor.runtime.cpu.FloatBlocks}) on
 * {@code FloatLoops} and {@code FloatLanes}, which the build writes from the double files
 * (runtime/src/build/FloatTwin.java). Reductions walk their input in memory order,
 * folding contiguous float runs with the Vector API; float matrix products go to OpenBLAS or EJML. This package imports the api's IR and values,
 * EJML, and {@code link}: its kernels implement link's {@link org.symtensor.runtime.link.Kernel}
 * contract, and scan and ifelse run their inner graphs as link {@code Schedule}s. It makes no
 * plan of its own and knows nothing of other backends; {@code link} never imports it.
 */
package org.symtensor.runtime.cpu;
