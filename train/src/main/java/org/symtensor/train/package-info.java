/**
 * The training kit: {@link org.symtensor.train.Params} (ordered, named shared variables) and their
 * typed gradients, optimizers that build {@link org.symtensor.function.Updates} graphs, learning-rate
 * schedules held in shared scalars, seeded initializers, a training history with PNG plots and a
 * progress bar. Built on the api's DSL and the runtime; nothing in the api depends on it.
 */
package org.symtensor.train;
