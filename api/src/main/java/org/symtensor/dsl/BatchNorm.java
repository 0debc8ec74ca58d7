package org.symtensor.dsl;

/**
 * The three results of training-mode batch normalization ({@link NNetFunctions#batchNormTrain}),
 * each of the input's handle type: the normalized output, and the batch mean and biased variance
 * with the normalized axes kept as length 1.
 */
public record BatchNorm<S>(S output, S mean, S variance) {}
