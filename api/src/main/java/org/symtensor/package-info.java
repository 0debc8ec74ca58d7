/**
 * What user code imports: the DSL entry point {@link org.symtensor.T} (static-import it), the
 * compiled {@link org.symtensor.function.Function}, shared variables, the options of {@code function}, the
 * annotations of the processor and the exceptions users can cause. Builds on every other api package.
 */
package org.symtensor;
