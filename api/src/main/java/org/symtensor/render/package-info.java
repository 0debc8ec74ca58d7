/**
 * Renderers: IR to source text for a backend, nothing else (no compiling, no running).
 * {@link org.symtensor.render.JavaRenderer} writes an elementwise graph as one straight Java loop
 * for the kernel classes the annotation processor generates; {@link org.symtensor.render.OpenClRenderer}
 * turns elementwise scalar programs into OpenCL C statements for the runtime's OpenCL backend.
 * Imports only the IR (graph, op, type, value).
 */
package org.symtensor.render;
