/**
 * What {@code function(...)} takes and returns: the compiled {@link org.symtensor.function.Function},
 * its inputs, outputs, updates and givens, shared variables, and the options and flags of
 * compilation. Imports the IR, types, values and errors; never the facade {@code T}.
 */
package org.symtensor.function;
