package org.symtensor.type;

/**
 * The dtype marker of Theano's floatX factories ({@code scalar}, {@code matrix}, ...): float64
 * unless the flag {@code floatX=float32} is set. A type of its own, so that javac keeps floatX
 * tensors apart from explicitly float64 ones.
 */
public final class FloatX implements FloatingMarker, SumsTo<FloatX>, MeansTo<FloatX> {
    private FloatX() {}
}
