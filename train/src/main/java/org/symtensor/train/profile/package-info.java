/**
 * Theano's {@code profile=True}: {@link org.symtensor.train.profile.Profiler} links a function's optimized
 * graph with a timer around every kernel and reports per-node time, calls and share of the total as a
 * table sorted by time, fused nodes named by their expression. It links through the runtime's public
 * {@code Schedule} and {@code CpuKernels}, so profiling changes no shared code path.
 */
package org.symtensor.train.profile;
