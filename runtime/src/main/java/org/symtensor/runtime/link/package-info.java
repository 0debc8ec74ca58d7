/**
 * The linking layer, shared by every backend. {@link org.symtensor.runtime.link.Plan#of} turns a
 * checked {@link org.symtensor.function.FunctionSpec} and its optimized outputs and updates into a
 * {@link org.symtensor.runtime.link.Plan}: numbered value slots, the apply order, result slots,
 * release points and donors, computed once per compiled function. Executors run a plan: {@link
 * org.symtensor.runtime.link.Schedule} here, with host {@link org.symtensor.runtime.link.Kernel}s
 * as {@link org.symtensor.runtime.link.Thunk}s (the CPU backend and generated code), and the
 * OpenCL backend's device steps. It also owns the run-time checks, chosen from the mode in one
 * place ({@link org.symtensor.runtime.link.Checks#forMode}): NAN_GUARD ({@link
 * org.symtensor.runtime.link.NanGuard}) and DEBUG_MODE's comparison with the graph as written
 * ({@link org.symtensor.runtime.link.DebugCheck}), the per-node timer of the {@code profile()} option
 * ({@link org.symtensor.runtime.link.KernelTimer}), and the rule that no returned output or stored
 * update aliases storage someone else holds. It may import the api's graph, function, rewrite, spi
 * and value packages and nothing else of the runtime: backends depend on it, never the reverse.
 */
package org.symtensor.runtime.link;
