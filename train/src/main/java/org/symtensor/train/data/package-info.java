/**
 * Data for training: CSV files (Apache Commons CSV, gzip read transparently) into
 * {@link org.symtensor.value.NDArray}s, a {@link org.symtensor.train.data.Dataset} of features and
 * labels with seeded splits, minibatches ({@link org.symtensor.train.data.Batches}), standardization,
 * one-hot labels and accuracy. Plain Java over NDArrays; graphs are built elsewhere.
 */
package org.symtensor.train.data;
