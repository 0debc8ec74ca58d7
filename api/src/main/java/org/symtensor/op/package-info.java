/**
 * The closed set of ops ({@link org.symtensor.op.OpKind}) with their type and shape rules, and the
 * scalar-op table that elementwise ops share. Imports the graph and type packages only.
 */
package org.symtensor.op;
