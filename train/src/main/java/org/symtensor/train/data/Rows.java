package org.symtensor.train.data;

import org.symtensor.value.NDArray;

/** Row gathering along the leading axis, the one bulk copy minibatches need. */
final class Rows {
    private Rows() {}

    /** A new C-contiguous array of {@code a}'s rows {@code index[0], index[1], ...}. */
    static NDArray take(NDArray a, int[] index, int from, int to) {
        NDArray src = a.contiguous();
        int[] shape = src.shape();
        int n = shape[0];
        int rowSize = n == 0 ? 0 : src.size() / n;
        shape[0] = to - from;
        NDArray out = NDArray.zeros(src.dtype(), shape);
        Object s = src.data();
        Object d = out.data();
        for (int k = from; k < to; k++) {
            int i = index[k];
            if (i < 0 || i >= n) {
                throw new IndexOutOfBoundsException("row " + i + " of " + n);
            }
            System.arraycopy(s, i * rowSize, d, (k - from) * rowSize, rowSize);
        }
        return out;
    }
}
