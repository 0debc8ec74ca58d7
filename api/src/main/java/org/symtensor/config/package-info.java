/**
 * The process flags ({@code SYMTENSOR_FLAGS}, {@code -Dsymtensor.flags}) as one immutable value,
 * {@link org.symtensor.config.Config}. The lowest api package: it imports nothing of Symtensor, so
 * any layer may read it (the dtype layer for floatX, the facade for compile options).
 */
package org.symtensor.config;
