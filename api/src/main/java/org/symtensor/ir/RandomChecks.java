package org.symtensor.ir;

import org.symtensor.error.RandomArgumentException;
import org.symtensor.value.NDArray;

/**
 * The argument rules of {@link RandomOp}, in one place for both stages: while building the graph
 * with what is constant (unknown arguments are null and skipped), and in the kernel with every
 * argument known. Each failure is a {@link RandomArgumentException} naming the argument.
 */
public final class RandomChecks {
    /** How far probabilities may sum from 1. */
    public static final double SUM_TOLERANCE = 1e-6;

    private RandomChecks() {}

    /** Checks sizes and parameters; a null entry is not known yet and is skipped. */
    public static void check(RandomOp op, Long[] dims, NDArray[] params, SourceLocation where) {
        String dist = op.distribution().theanoName();
        long count = 1;
        boolean countKnown = true;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == null) {
                countKnown = false;
                continue;
            }
            if (dims[i] < 0 || dims[i] > Integer.MAX_VALUE) {
                throw fail(op, "size[" + i + "]", "must be a length in [0, 2^31), got " + dims[i], where);
            }
            count = Math.multiplyExact(count, dims[i]);
        }
        if (countKnown && count > Integer.MAX_VALUE) {
            throw fail(op, "size", "has " + count + " elements, more than an array holds", where);
        }
        switch (op.distribution()) {
            case UNIFORM:
            case INTEGERS: {
                Double low = scalar(params[0]);
                Double high = scalar(params[1]);
                if (low != null && high != null && low > high) {
                    throw fail(op, "low", "must not exceed high, got low=" + fmt(low) + " > high=" + fmt(high), where);
                }
                return;
            }
            case NORMAL: {
                Double std = scalar(params[1]);
                if (std != null && !(std >= 0)) {
                    throw fail(op, "std", "must be >= 0, got " + fmt(std), where);
                }
                return;
            }
            case BINOMIAL:
                nonNegative(op, "n", params[0], where);
                probability(op, "p", params[1], where);
                return;
            case CHOICE: {
                Double a = scalar(params[0]);
                if (a != null && a < 0) {
                    throw fail(op, "a", "must be a count of items >= 0, got " + fmt(a), where);
                }
                if (a != null && a == 0 && countKnown && count > 0) {
                    throw fail(op, "a", "is 0: there are no items to choose " + count + " from", where);
                }
                if (op.weighted() && params[1] != null) {
                    if (a != null && params[1].size() != a) {
                        throw fail(op, "p", "must have one probability per item (a=" + fmt(a) + "), got "
                                + params[1].size(), where);
                    }
                    distribution(op, "p", params[1], where);
                }
                if (!op.replace() && a != null && countKnown && count > a) {
                    throw fail(op, "a", "has too few items: cannot choose " + count + " of " + fmt(a)
                            + " without replacement", where);
                }
                if (!op.replace() && op.weighted() && params[1] != null && countKnown) {
                    int nonZero = 0;
                    for (int i = 0; i < params[1].size(); i++) {
                        nonZero += params[1].getDouble(i) > 0 ? 1 : 0;
                    }
                    if (count > nonZero) {
                        throw fail(op, "p", "gives only " + nonZero + " items a non-zero probability: cannot choose "
                                + count + " without replacement", where);
                    }
                }
                return;
            }
            case PERMUTATION:
                nonNegative(op, "n", params[0], where);
                return;
            case MULTINOMIAL:
                nonNegative(op, "n", params[0], where);
                if (params[1] != null) {
                    distribution(op, "pvals", params[1], where);
                }
                return;
            case SHUFFLE_ROWS:
                return;
        }
        throw new AssertionError(dist);
    }

    /** Checks a generator state value: three int64 words {@code [key, stream, counter]}. */
    public static void checkState(RandomOp op, NDArray state, SourceLocation where) {
        if (state.rank() != 1 || state.size() != RandomOp.STATE_LENGTH) {
            throw fail(op, "rng", "the generator state must be " + RandomOp.STATE_LENGTH
                    + " int64 words [key, stream, counter], got shape " + NDArray.shapeToString(state.shape()), where);
        }
    }

    private static void nonNegative(RandomOp op, String name, NDArray v, SourceLocation where) {
        Double n = scalar(v);
        if (n != null && n < 0) {
            throw fail(op, name, "must be >= 0, got " + fmt(n), where);
        }
    }

    private static void probability(RandomOp op, String name, NDArray v, SourceLocation where) {
        Double p = scalar(v);
        if (p != null && !(p >= 0 && p <= 1)) {
            throw fail(op, name, "must be a probability in [0, 1], got " + fmt(p), where);
        }
    }

    private static void distribution(RandomOp op, String name, NDArray p, SourceLocation where) {
        double sum = 0;
        for (int i = 0; i < p.size(); i++) {
            double v = p.getDouble(i);
            if (!(v >= 0 && v <= 1)) {
                throw fail(op, name, "must hold probabilities in [0, 1], got " + fmt(v) + " at index " + i, where);
            }
            sum += v;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw fail(op, name, "must sum to 1 (within " + SUM_TOLERANCE + "), got a sum of " + sum, where);
        }
    }

    private static Double scalar(NDArray v) {
        return v == null ? null : v.getDouble(0);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static RandomArgumentException fail(RandomOp op, String argument, String what, SourceLocation where) {
        return new RandomArgumentException(argument, op.distribution().theanoName() + ": " + argument + " " + what
                + " (random variable created at " + where + ")");
    }
}
