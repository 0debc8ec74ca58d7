/**
 * The runtime's entry points: {@link org.symtensor.runtime.CpuBackend}, which
 * {@link org.symtensor.T#function} finds through {@link java.util.ServiceLoader} and which compiles
 * with {@link org.symtensor.runtime.CpuFunctionCompiler}, and
 * {@link org.symtensor.runtime.CompiledFunction}, which binds a call's arguments under Theano's
 * rules, runs the linker's schedule and commits shared-variable updates. It may import the api
 * and the runtime's own {@code link} and backend packages; scheduling and kernels live there.
 */
package org.symtensor.runtime;
