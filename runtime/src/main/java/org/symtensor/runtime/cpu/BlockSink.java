package org.symtensor.runtime.cpu;

/**
 * Receives the blocks of an elementwise program's result in order, instead of a full-size output:
 * {@link FusedReduceKernel} folds each one into its accumulators while it is still in cache.
 * {@code v[0 .. n)} are the result's C-order elements {@code start .. start + n}; the array is
 * scratch that the next block overwrites.
 */
interface BlockSink {
    /** A block computed in float lanes (a float32 program). */
    void floats(float[] v, int start, int n);

    /** A block computed in double registers, already rounded to the program's dtype. */
    void doubles(double[] v, int start, int n);
}
