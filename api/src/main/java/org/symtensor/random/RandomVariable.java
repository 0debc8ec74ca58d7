package org.symtensor.random;

import org.symtensor.tensor.SharedVector;
import org.symtensor.type.I64;

/**
 * A tensor drawn by a {@link RandomStreams}: it is drawn once per function call however often the
 * graph reads it, and its generator state is a shared variable, {@link #rng()}, that can be saved
 * with {@code getValue()} and restored with {@code setValue(...)} to replay the same draws exactly.
 */
public interface RandomVariable {
    /** The generator state: three int64 words {@code [key, stream, counter]}, Theano's {@code rv.rng}. */
    SharedVector<I64> rng();
}
