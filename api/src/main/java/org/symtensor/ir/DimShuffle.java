package org.symtensor.ir;

import java.util.Arrays;
import java.util.List;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.TensorType;

/**
 * Theano's DimShuffle: output axis {@code i} is input axis {@code pattern[i]}, or a new
 * broadcastable axis where {@code pattern[i] == -1} (Theano's {@code 'x'}). Input axes left out
 * must be broadcastable. {@code (1, 0)} transposes a matrix; {@code (-1, 0)} makes a row.
 */
public final class DimShuffle implements Op {
    /** Stands for Theano's {@code 'x'} in a pattern. */
    public static final int NEW_AXIS = -1;

    private final int[] pattern;

    private DimShuffle(int[] pattern) {
        this.pattern = pattern;
    }

    public static DimShuffle of(int... pattern) {
        return new DimShuffle(pattern.clone());
    }

    public int[] pattern() {
        return pattern.clone();
    }

    @Override
    public OpKind kind() {
        return OpKind.DIMSHUFFLE;
    }

    @Override
    public String name() {
        StringBuilder sb = new StringBuilder("DimShuffle{");
        for (int i = 0; i < pattern.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(pattern[i] == NEW_AXIS ? "x" : Integer.toString(pattern[i]));
        }
        return sb.append('}').toString();
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        Variable x = inputs.get(0);
        int rank = x.type().rank();
        boolean[] used = new boolean[rank];
        int[] out = new int[pattern.length];
        for (int i = 0; i < pattern.length; i++) {
            int p = pattern[i];
            if (p == NEW_AXIS) {
                out[i] = 1;
                continue;
            }
            if (p < 0 || p >= rank || used[p]) {
                throw new ShapeMismatchException("dimshuffle" + Arrays.toString(pattern) + " of " + x.describe()
                        + ": axis " + p + " is out of range or repeated for rank " + rank);
            }
            used[p] = true;
            out[i] = x.type().dim(p);
        }
        for (int a = 0; a < rank; a++) {
            if (!used[a] && !x.type().isBroadcastable(a)) {
                throw new ShapeMismatchException("dimshuffle" + Arrays.toString(pattern) + " of " + x.describe()
                        + " drops axis " + a + ", which is not broadcastable (static shape "
                        + TensorType.shapeString(x.type().shape()) + ")");
            }
        }
        return List.of(TensorType.of(x.type().dtype(), out));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DimShuffle && Arrays.equals(((DimShuffle) o).pattern, pattern);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pattern);
    }

    @Override
    public String toString() {
        return name();
    }
}
