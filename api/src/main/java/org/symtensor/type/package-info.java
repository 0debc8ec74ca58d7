/**
 * Dtypes, dtype markers for typed handles, and {@link org.symtensor.type.TensorType}: the static
 * type of a symbolic tensor. Imports nothing from the rest of Symtensor.
 */
package org.symtensor.type;
