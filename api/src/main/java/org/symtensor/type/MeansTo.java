package org.symtensor.type;

/**
 * What a dtype's mean has, as a type: a float dtype keeps itself, an integer or bool dtype gives
 * float64 (Theano's rule). The static {@code mean(x)} lets {@code javac} infer it.
 */
public interface MeansTo<M extends DTypeMarker> extends DTypeMarker {}
