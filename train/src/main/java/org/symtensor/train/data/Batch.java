package org.symtensor.train.data;

import org.symtensor.value.NDArray;

/** One minibatch: rows of x and y, and its position in the epoch. */
public record Batch(NDArray x, NDArray y, int index) {
    /** The number of examples. */
    public int size() {
        return x.shape(0);
    }
}
