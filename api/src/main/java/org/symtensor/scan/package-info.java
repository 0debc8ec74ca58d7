/**
 * Symbolic loops, Theano's {@code scan}: the options a scan takes, the result it returns (stacked
 * outputs and shared-variable updates), the typed builder {@link org.symtensor.scan.Scan} and
 * {@link org.symtensor.scan.ScanCall}, which turns a step function into one
 * {@link org.symtensor.ir.Scan} node over a closed inner graph. May import the graph, op,
 * tensor and type packages; knows nothing of the runtime.
 */
package org.symtensor.scan;
