/**
 * The IR: {@link org.symtensor.graph.Variable}s connected by {@link org.symtensor.graph.Apply}
 * nodes of {@link org.symtensor.op.Op}s, with traversal and cloning. Knows nothing of rewrites,
 * backends or the DSL.
 */
package org.symtensor.graph;
