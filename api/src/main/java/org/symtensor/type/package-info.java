/**
 * Dtypes, dtype markers for typed handles, and {@link org.symtensor.type.TensorType}: the static
 * type of a symbolic tensor. Imports only {@code org.symtensor.config} (floatX is resolved from the flags
 * when a marker is mapped) and {@code org.symtensor.error}.
 */
package org.symtensor.type;
