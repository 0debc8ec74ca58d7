/**
 * Pictures of graphs: {@link org.symtensor.train.viz.Dot} writes a graph or a compiled function as
 * Graphviz DOT (ops, dtypes, shapes, fused nodes opened up) and {@link org.symtensor.train.viz.GraphPage}
 * a self-contained interactive HTML page that renders it offline with a WebAssembly Graphviz, in the
 * spirit of Theano's d3viz. Reads the IR and the runtime's schedules; changes nothing.
 */
package org.symtensor.train.viz;
