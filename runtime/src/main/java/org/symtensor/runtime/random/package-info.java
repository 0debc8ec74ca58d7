/**
 * Counter-based random numbers: {@link org.symtensor.runtime.random.Philox} (Philox-4x32-10, the
 * block function and the word stream of one draw) and {@link org.symtensor.runtime.random.Draws}
 * (how each distribution turns words into samples). Both are specified exactly, so every backend
 * reproduces the CPU's numbers. Imports nothing but the JDK.
 */
package org.symtensor.runtime.random;
