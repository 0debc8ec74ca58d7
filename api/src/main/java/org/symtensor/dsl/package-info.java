/**
 * The implementation of the facade {@link org.symtensor.T}: small final classes of static DSL
 * functions (variable factories, constants, shared variables, math, products, gradients, scan,
 * {@code function} and its options, printing), none extending another. Each unwraps typed handles
 * into IR variables and calls the package that does the work. Users reach them through {@code T};
 * {@code api/tools/GenerateFacade.java} writes T's delegators from these classes. May import every
 * api package but the root one.
 */
package org.symtensor.dsl;
