/**
 * The OpenCL backend (device {@code opencl0}, {@code opencl1}, ...) on JOCL: device discovery,
 * one context and in-order queue per device, programs built once per process and cached by
 * source, device-resident arrays, the generated kernels (elementwise from the api's
 * {@link org.symtensor.render.OpenClRenderer}, tree reductions, tiled GEMM, matrix-vector,
 * transposes), and the executor that runs a function's nodes on the device with the CPU kernels
 * as host fallback. It may import the api, JOCL and the runtime's {@code cpu} kernels.
 */
package org.symtensor.runtime.opencl;
