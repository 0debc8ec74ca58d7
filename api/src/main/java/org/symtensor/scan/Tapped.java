package org.symtensor.scan;

import java.util.Arrays;
import org.symtensor.error.InvalidValueException;
import org.symtensor.ir.Variable;

/**
 * A sequence or an initial value with its taps: {@code taps(x, -1, 0, 1)} gives the step
 * {@code x[t-1], x[t], x[t+1]}; {@code taps(init, -2, -1)} gives the two prior outputs. The step
 * receives the taps in the order they are listed here, as in Theano and PyTensor:
 * {@code taps(init, -1, -2)} passes {@code y[t-1]} before {@code y[t-2]}. A null variable in
 * {@code outputsInfo} is Theano's {@code None}: a map output, not fed back.
 */
public final class Tapped {
    private final Variable variable;
    private final int[] taps;

    Tapped(Variable variable, int[] taps) {
        this.variable = variable;
        this.taps = taps.clone();
    }

    /**
     * {@code variable} with {@code taps}, kept in the order given (the order in which the step
     * receives them). A tap listed twice is an {@link InvalidValueException}: the step would get two
     * parameters for one slice.
     */
    public static Tapped of(Variable variable, int... taps) {
        if (taps.length == 0) {
            throw new IllegalArgumentException("taps: give at least one tap");
        }
        for (int i = 0; i < taps.length; i++) {
            for (int k = 0; k < i; k++) {
                if (taps[k] == taps[i]) {
                    throw new InvalidValueException("taps: tap " + taps[i] + " of "
                            + (variable == null ? "a variable" : variable.describe()) + " is listed twice in "
                            + Arrays.toString(taps) + "; list each tap once");
                }
            }
        }
        return new Tapped(variable, taps);
    }

    /** Theano's {@code None} in {@code outputs_info}: an output that is not fed back. */
    public static Tapped none() {
        return new Tapped(null, new int[0]);
    }

    /** The sequence or initial value; null for a map output. */
    public Variable variable() {
        return variable;
    }

    /** The taps, in the order given. */
    public int[] taps() {
        return taps.clone();
    }
}
