package org.symtensor.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * One draw from a distribution, Theano's {@code RandomFunction}. Inputs:
 * {@code [state, size_0, ..., size_{rank-1}, params...]} where {@code state} is the generator
 * state (an int64 vector {@code [key, stream, counter]}, see the runtime's {@code Philox}), each
 * {@code size_i} an integer scalar, and the parameters those of {@link Distribution}. Outputs:
 * {@code (next state, sample)}, so a random variable is one node drawn once per call, and the
 * next state becomes the state's default update. The sample's shape is the size, plus a last
 * axis of {@code len(pvals)} for {@code multinomial}; {@code permutation(n)} is {@code (n)} and
 * {@code shuffleRows(x)} has x's shape. No gradient flows through a draw.
 */
public final class RandomOp implements Op {
    /** The length of a generator state: key, stream index, counter. */
    public static final int STATE_LENGTH = 3;

    /** The distributions, with their parameters in input order. */
    public enum Distribution {
        /** Uniform on {@code [low, high)}. */
        UNIFORM("low", "high"),
        /** Gaussian with mean and standard deviation (Box–Muller). */
        NORMAL("mean", "std"),
        /** Number of successes in {@code n} Bernoulli trials of probability {@code p}. */
        BINOMIAL("n", "p"),
        /** Uniform integers on {@code [low, high]}, both inclusive (Theano's random_integers). */
        INTEGERS("low", "high"),
        /** Indices from {@code range(a)}, with or without replacement, optionally weighted by {@code p}. */
        CHOICE("a", "p"),
        /** A random ordering of {@code range(n)}. */
        PERMUTATION("n"),
        /** Counts of {@code n} draws over {@code len(pvals)} categories, per size element. */
        MULTINOMIAL("n", "pvals"),
        /** The rows of a matrix in random order. */
        SHUFFLE_ROWS("x");

        private final List<String> params;

        Distribution(String... params) {
            this.params = List.of(params);
        }

        /** The parameter names, in input order after the size. */
        public List<String> params() {
            return params;
        }

        public String theanoName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Distribution distribution;
    private final DType dtype;
    private final int rank;
    private final boolean replace;
    private final int paramCount;

    private RandomOp(Distribution distribution, DType dtype, int rank, boolean replace, int paramCount) {
        this.distribution = distribution;
        this.dtype = dtype;
        this.rank = rank;
        this.replace = replace;
        this.paramCount = paramCount;
    }

    /**
     * A draw of {@code distribution} with a size of {@code rank} axes and samples of {@code dtype}
     * ({@code replace} matters to {@link Distribution#CHOICE} only; {@code paramCount} is the number of
     * parameter inputs, which is 1 for an unweighted choice and the distribution's count otherwise).
     */
    public static RandomOp of(Distribution distribution, DType dtype, int rank, boolean replace, int paramCount) {
        return new RandomOp(distribution, dtype, rank, replace, paramCount);
    }

    public Distribution distribution() {
        return distribution;
    }

    public DType dtype() {
        return dtype;
    }

    /** The number of size inputs. */
    public int rank() {
        return rank;
    }

    public boolean replace() {
        return replace;
    }

    /** The number of parameter inputs, after the state and the size. */
    public int paramCount() {
        return paramCount;
    }

    /** Whether {@code choice} is weighted by a probability vector. */
    public boolean weighted() {
        return distribution == Distribution.CHOICE && paramCount == 2;
    }

    @Override
    public OpKind kind() {
        return OpKind.RANDOM;
    }

    @Override
    public String name() {
        String extra = distribution == Distribution.CHOICE ? ", replace=" + replace : "";
        return "RandomFunction{" + distribution.theanoName() + ", " + dtype + extra + "}";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        int expected = 1 + rank + paramCount;
        if (inputs.size() != expected) {
            throw new IllegalArgumentException(name() + " takes " + expected + " inputs, got " + inputs.size());
        }
        Variable state = inputs.get(0);
        if (state.type().dtype() != DType.INT64 || state.type().rank() != 1) {
            throw new DTypeMismatchException(distribution.theanoName() + ": the generator state " + state.describe()
                    + " must be an int64 vector, got " + state.type());
        }
        checkDtype();
        Long[] dims = new Long[rank];
        int[] shape = new int[rank];
        for (int i = 0; i < rank; i++) {
            Variable d = inputs.get(1 + i);
            if (d.type().rank() != 0 || !d.type().dtype().isInteger()) {
                throw new DTypeMismatchException(distribution.theanoName() + ": size[" + i + "] " + d.describe()
                        + " must be an integer scalar, got " + d.type());
            }
            dims[i] = d instanceof Constant ? ((Constant) d).value().getLong(0) : null;
        }
        NDArray[] params = new NDArray[paramCount];
        for (int k = 0; k < paramCount; k++) {
            Variable p = inputs.get(1 + rank + k);
            checkParamType(k, p);
            params[k] = p instanceof Constant ? ((Constant) p).value() : null;
        }
        RandomChecks.check(this, dims, params, org.symtensor.ir.SourceLocation.capture());
        for (int i = 0; i < rank; i++) {
            shape[i] = dims[i] == null ? TensorType.UNKNOWN : (int) (long) dims[i];
        }
        List<TensorType> out = new ArrayList<>(2);
        out.add(TensorType.of(DType.INT64, STATE_LENGTH));
        out.add(sampleType(shape, inputs));
        return out;
    }

    private TensorType sampleType(int[] shape, List<Variable> inputs) {
        Variable first = inputs.size() > 1 + rank ? inputs.get(1 + rank) : null;
        return switch (distribution) {
            case MULTINOMIAL -> {
                int[] s = java.util.Arrays.copyOf(shape, rank + 1);
                s[rank] = inputs.get(2 + rank).type().dim(0);
                yield TensorType.of(dtype, s);
            }
            case PERMUTATION -> TensorType.of(dtype,
                    first instanceof Constant ? (int) ((Constant) first).value().getLong(0) : TensorType.UNKNOWN);
            case SHUFFLE_ROWS -> first.type();
            case UNIFORM, NORMAL, BINOMIAL, INTEGERS, CHOICE -> TensorType.of(dtype, shape);
        };
    }

    private void checkDtype() {
        boolean ok = switch (distribution) {
            case UNIFORM, NORMAL -> dtype.isFloat();
            case SHUFFLE_ROWS -> true;
            case BINOMIAL, INTEGERS, CHOICE, PERMUTATION, MULTINOMIAL -> dtype == DType.INT64;
        };
        if (!ok) {
            throw new DTypeMismatchException(distribution.theanoName() + ": cannot draw " + dtype + " samples; "
                    + (dtype.isFloat() ? "this distribution draws int64" : "this distribution draws float32 or float64"));
        }
    }

    private void checkParamType(int k, Variable p) {
        String name = distribution.params().get(k);
        boolean vector = name.equals("pvals") || distribution == Distribution.CHOICE && k == 1;
        boolean integer = name.equals("n") || name.equals("a") || distribution == Distribution.INTEGERS;
        if (distribution == Distribution.SHUFFLE_ROWS) {
            if (p.type().rank() != 2) {
                throw new DTypeMismatchException("shuffleRows: x " + p.describe() + " must be a matrix, got " + p.type());
            }
            return;
        }
        TensorType t = p.type();
        boolean ok = t.rank() == (vector ? 1 : 0) && (integer ? t.dtype().isInteger() : !t.dtype().isBool());
        if (!ok) {
            throw new DTypeMismatchException(distribution.theanoName() + ": " + name + " " + p.describe() + " must be "
                    + (vector ? "a float vector" : integer ? "an integer scalar" : "a numeric scalar") + ", got " + t);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RandomOp)) {
            return false;
        }
        RandomOp r = (RandomOp) o;
        return r.distribution == distribution && r.dtype == dtype && r.rank == rank && r.replace == replace
                && r.paramCount == paramCount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(distribution, dtype, rank, replace, paramCount);
    }

    @Override
    public String toString() {
        return name();
    }
}
