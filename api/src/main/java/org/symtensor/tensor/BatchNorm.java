package org.symtensor.tensor;

/**
 * The three results of training-mode batch normalization ({@code T.batchNormTrain}),
 * each of the input's handle type: the normalized output, and the batch mean and biased variance
 * with the normalized axes kept as length 1.
 */
public record BatchNorm<S>(S output, S mean, S variance) {}
