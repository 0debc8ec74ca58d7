package org.symtensor.type;

/**
 * What a dtype's sums and products accumulate in, as a type: {@code F32 implements SumsTo<F32>},
 * every integer and bool marker {@code SumsTo<I64>} (Theano's rule: integer sums never wrap). The
 * static reductions {@code sum(x)}, {@code prod(x)} let {@code javac} infer the result's dtype from
 * it, so {@code sum(Vector<I8>)} is a {@code Scalar<I64>}.
 */
public interface SumsTo<A extends DTypeMarker> extends DTypeMarker {}
