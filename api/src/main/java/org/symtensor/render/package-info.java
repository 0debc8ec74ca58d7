/**
 * Renderers: turn IR into source text for a backend and do nothing else (no compiling, no running).
 * {@link org.symtensor.render.JavaRenderer} writes an elementwise graph as one straight Java loop;
 * the annotation processor puts that text into the kernel classes it generates. Imports the graph,
 * op and type packages only.
 */
package org.symtensor.render;
