package org.symtensor.scan;

import java.util.Arrays;
import org.symtensor.ir.Variable;

/**
 * A sequence or an initial value with its taps: {@code taps(x, -1, 0, 1)} gives the step
 * {@code x[t-1], x[t], x[t+1]}; {@code taps(init, -2, -1)} gives the two prior outputs. A null
 * variable in {@code outputsInfo} is Theano's {@code None}: a map output, not fed back.
 */
public final class Tapped {
    private final Variable variable;
    private final int[] taps;

    Tapped(Variable variable, int[] taps) {
        this.variable = variable;
        this.taps = taps.clone();
    }

    /** {@code variable} with {@code taps} (sorted, without repeats). */
    public static Tapped of(Variable variable, int... taps) {
        if (taps.length == 0) {
            throw new IllegalArgumentException("taps: give at least one tap");
        }
        int[] t = Arrays.stream(taps).distinct().sorted().toArray();
        return new Tapped(variable, t);
    }

    /** Theano's {@code None} in {@code outputs_info}: an output that is not fed back. */
    public static Tapped none() {
        return new Tapped(null, new int[0]);
    }

    /** The sequence or initial value; null for a map output. */
    public Variable variable() {
        return variable;
    }

    public int[] taps() {
        return taps.clone();
    }
}
