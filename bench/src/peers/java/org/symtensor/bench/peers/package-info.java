/**
 * The training step of {@code TrainStepBench} written in peer libraries (TensorFlow Java, DL4J
 * SameDiff), compiled only under the {@code -Ppeers} profile so that ordinary builds and CI never
 * download them. Imports JMH and the peers' own APIs, nothing of Symtensor.
 */
package org.symtensor.bench.peers;
