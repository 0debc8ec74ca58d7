package org.symtensor.dsl;

import org.symtensor.ir.NNet;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Vector;
import org.symtensor.type.FloatingMarker;

/**
 * The DSL's neural-network composites (Theano's {@code nnet}): softmax, log-softmax and the
 * categorical cross-entropy, built as numerically stable graphs by {@link NNet}. Reached through
 * {@link org.symtensor.T}'s static imports (T delegates here).
 */
public final class NNetFunctions {
    private NNetFunctions() {}

    /**
     * Row-wise softmax, {@code (m×n) → (m×n)}: {@code exp(x - max(x, axis 1) as a column)} divided by
     * its row sums, so large inputs do not overflow. Rows sum to 1.
     */
    public static <D extends FloatingMarker> Matrix<D> softmax(Matrix<D> x) {
        return new Matrix<>(NNet.softmax(x.variable()));
    }

    /** Row-wise {@code log(softmax(x))}, {@code (m×n) → (m×n)}, as {@code (x - m) - log Σ exp(x - m)} with m the row max. */
    public static <D extends FloatingMarker> Matrix<D> logSoftmax(Matrix<D> x) {
        return new Matrix<>(NNet.logSoftmax(x.variable()));
    }

    /**
     * Theano's {@code categorical_crossentropy} with one-hot (or any distribution) targets:
     * {@code -Σ_j t[i, j] log p[i, j]} per row, {@code (m×n), (m×n) → (m)}.
     */
    public static <D extends FloatingMarker> Vector<D> categoricalCrossentropy(Matrix<D> probabilities,
            Matrix<D> oneHotTargets) {
        return new Vector<>(NNet.categoricalCrossentropy(probabilities.variable(), oneHotTargets.variable()));
    }
}
