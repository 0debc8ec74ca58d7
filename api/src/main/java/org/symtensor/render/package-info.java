/**
 * Renderers: IR to source text for a backend, nothing else (no compiling, no running).
 * {@link org.symtensor.render.JavaRenderer} writes an elementwise graph as one straight Java loop
 * for the kernel classes the annotation processor generates; {@link org.symtensor.render.OpenClRenderer}
 * turns elementwise scalar programs into OpenCL C statements for the runtime's OpenCL backend.
 * Both read one table of scalar expressions, {@link org.symtensor.render.ScalarExpressions}, and
 * differ only in how they spell its functions. Imports only the IR (graph, op, type, value).
 */
package org.symtensor.render;
