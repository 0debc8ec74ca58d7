/**
 * The OpenCL backend (device {@code opencl0}, {@code opencl1}, ...) on JOCL: device discovery,
 * one context and in-order queue per device, programs built once per process and cached by
 * source, device-resident arrays, the generated kernels (elementwise from the api's
 * {@link org.symtensor.render.OpenClRenderer}, tree reductions, tiled GEMM, matrix-vector,
 * transposes), and {@link org.symtensor.runtime.opencl.DeviceSchedule}, the executor that runs the
 * steps of the linker's {@code link.Plan} on the device with the CPU kernels as host fallback and
 * the linking layer's checks (NAN_GUARD, DEBUG_MODE) around them. It may import the api, JOCL, the runtime's {@code link}
 * layer and {@code cpu} kernels, and the root package's argument binding; nothing imports it.
 */
package org.symtensor.runtime.opencl;
