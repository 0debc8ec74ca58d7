/**
 * What {@code function(...)} takes and returns: the compiled {@link org.symtensor.function.Function},
 * its inputs ({@link org.symtensor.function.In}, over IR variables), outputs, updates and givens, the
 * checked {@link org.symtensor.function.FunctionSpec}, and the options of compilation
 * ({@link org.symtensor.function.CompileOptions}, {@link org.symtensor.function.Mode}). Imports the IR,
 * rewrites, printing, types, values, errors and the flags; never the typed handles or the facade.
 */
package org.symtensor.function;
