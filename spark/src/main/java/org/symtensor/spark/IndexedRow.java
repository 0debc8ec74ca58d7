package org.symtensor.spark;

import java.io.Serializable;

/**
 * One training row with its index in the input's order (which fixes the minibatch it falls in). A plain
 * class rather than a record: Kryo's field serializer cannot set a record's fields.
 */
final class IndexedRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long index;
    private final double[] values;

    IndexedRow(long index, double[] values) {
        this.index = index;
        this.values = values;
    }

    long index() {
        return index;
    }

    double[] values() {
        return values;
    }
}
