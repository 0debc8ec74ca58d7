/**
 * Renderers: IR to source text, nothing else. {@link org.symtensor.render.OpenClRenderer} turns
 * elementwise scalar programs (one {@code Elemwise} node, or a graph of rank-0 ones) into OpenCL
 * C statements for the runtime's OpenCL backend. Imports only the IR (graph, op, type, value).
 */
package org.symtensor.render;
