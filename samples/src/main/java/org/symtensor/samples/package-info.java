/**
 * Runnable programs a new user reads first: Theano's tutorial line for line in the dynamic API and
 * as {@code @SymbolicFunction} methods, logistic regression, random numbers, loops and an RNN.
 * {@link org.symtensor.samples.Samples} runs them all.
 */
package org.symtensor.samples;
