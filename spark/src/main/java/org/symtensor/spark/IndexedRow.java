package org.symtensor.spark;

import java.io.Serializable;

/** One training row with its index in the input's order (which fixes the minibatch it falls in). */
record IndexedRow(long index, double[] values) implements Serializable {}
