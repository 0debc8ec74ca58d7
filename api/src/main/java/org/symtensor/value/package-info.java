/**
 * Concrete tensor values: {@link org.symtensor.value.NDArray}, the dense n-d array that compiled
 * functions take and return, that shared variables hold and that constants in a graph carry, and the
 * conversions from what callers pass into it. {@code NDArray} itself imports only
 * {@code org.symtensor.type} and the JDK; nothing here knows graphs, ops or backends.
 */
package org.symtensor.value;
