/**
 * Random streams, Theano's {@code RandomStreams}: {@link org.symtensor.random.RandomStreams} makes
 * random variables (one {@link org.symtensor.ir.RandomOp} node each, with its own generator state
 * held in a shared variable whose default update is the next state), and the typed handles
 * {@link org.symtensor.random.RandomVector} and {@link org.symtensor.random.RandomMatrix} that expose
 * that state as {@code rng()}. Imports the DSL, graph, op and type packages; never the runtime.
 */
package org.symtensor.random;
