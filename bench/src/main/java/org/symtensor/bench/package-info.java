/**
 * JMH benchmarks: each compares Symtensor with a baseline measured in the same run (a hand-written
 * Java loop, EJML, OpenBLAS called directly). Never run as tests; see bench/README.md.
 */
package org.symtensor.bench;
