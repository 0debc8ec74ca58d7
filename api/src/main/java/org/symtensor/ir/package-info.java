/**
 * The IR: {@link org.symtensor.ir.Variable}s connected by {@link org.symtensor.ir.Apply} nodes of
 * {@link org.symtensor.ir.Op}s, the closed set of ops ({@link org.symtensor.ir.OpKind}) with their
 * type and shape rules, the scalar-op table that elementwise ops share, traversal and cloning.
 * Knows nothing of rewrites, backends or the DSL; imports the type, value and error packages only.
 */
package org.symtensor.ir;
