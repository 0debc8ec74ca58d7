/**
 * What user code imports: the DSL entry point {@link org.symtensor.T} (static-import it) and the
 * annotations of the processor ({@link org.symtensor.SymbolicFunction}, {@link org.symtensor.Default}).
 * {@code T} is one flat facade of one-line delegators to {@code org.symtensor.dsl}; no other api
 * package imports this one.
 */
package org.symtensor;
