package org.symtensor.runtime.cpu;

import org.symtensor.ir.ScalarOp;

/**
 * One tight loop per {@link ScalarOp} over a block of integer (or bool) operands held as longs,
 * the counterpart of {@link DoubleLoops} for programs whose values are all integers: the switch runs
 * once per block, the arithmetic is {@link ScalarOp#applyLong}'s (division by zero gives 0, as
 * NumPy's integers do), and the kernels wrap the results to the stored width afterwards.
 *
 * <p>{@link #apply} is a switch expression with no default, so a new scalar op does not compile until
 * it is placed here, if only among the ops with a float result that never run on longs.
 */
final class LongLoops {
    private LongLoops() {}

    /** {@code o[oo+i] = op(a[ao+i], b[bo+i], c[co+i])} for {@code i < n}; unused operands may be null. Returns {@code n}. */
    static int apply(ScalarOp op, long[] a, int ao, long[] b, int bo, long[] c, int co, long[] o, int oo, int n) {
        return switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = a[ao + i] + b[bo + i];
                }
                yield n;
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = a[ao + i] - b[bo + i];
                }
                yield n;
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = a[ao + i] * b[bo + i];
                }
                yield n;
            }
            case INT_DIV -> {
                for (int i = 0; i < n; i++) {
                    long y = b[bo + i];
                    o[oo + i] = y == 0 ? 0 : Math.floorDiv(a[ao + i], y);
                }
                yield n;
            }
            case MOD -> {
                for (int i = 0; i < n; i++) {
                    long y = b[bo + i];
                    o[oo + i] = y == 0 ? 0 : Math.floorMod(a[ao + i], y);
                }
                yield n;
            }
            case POW -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = ScalarOp.POW.applyLong(a[ao + i], b[bo + i], 0);
                }
                yield n;
            }
            case MAXIMUM -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = Math.max(a[ao + i], b[bo + i]);
                }
                yield n;
            }
            case MINIMUM -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = Math.min(a[ao + i], b[bo + i]);
                }
                yield n;
            }
            case NEG -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = -a[ao + i];
                }
                yield n;
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = Math.abs(a[ao + i]);
                }
                yield n;
            }
            case SQR -> {
                for (int i = 0; i < n; i++) {
                    long x = a[ao + i];
                    o[oo + i] = x * x;
                }
                yield n;
            }
            case SIGN -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = Long.signum(a[ao + i]);
                }
                yield n;
            }
            case LT -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = a[ao + i] < b[bo + i] ? 1 : 0;
                }
                yield n;
            }
            case LE -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = a[ao + i] <= b[bo + i] ? 1 : 0;
                }
                yield n;
            }
            case GT -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = a[ao + i] > b[bo + i] ? 1 : 0;
                }
                yield n;
            }
            case GE -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = a[ao + i] >= b[bo + i] ? 1 : 0;
                }
                yield n;
            }
            case EQ -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = a[ao + i] == b[bo + i] ? 1 : 0;
                }
                yield n;
            }
            case NEQ -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = a[ao + i] != b[bo + i] ? 1 : 0;
                }
                yield n;
            }
            case AND -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = a[ao + i] != 0 && b[bo + i] != 0 ? 1 : 0;
                }
                yield n;
            }
            case OR -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = a[ao + i] != 0 || b[bo + i] != 0 ? 1 : 0;
                }
                yield n;
            }
            case NOT -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = a[ao + i] == 0 ? 1 : 0;
                }
                yield n;
            }
            case XOR -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = (a[ao + i] != 0) != (b[bo + i] != 0) ? 1 : 0;
                }
                yield n;
            }
            // an integer is never NaN or infinite
            case ISNAN, ISINF -> {
                java.util.Arrays.fill(o, oo, oo + n, 0L);
                yield n;
            }
            case ISFINITE -> {
                java.util.Arrays.fill(o, oo, oo + n, 1L);
                yield n;
            }
            case SWITCH -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = a[ao + i] != 0 ? b[bo + i] : c[co + i];
                }
                yield n;
            }
            case SECOND -> {
                System.arraycopy(b, bo, o, oo, n);
                yield n;
            }
            case CAST, IDENTITY -> {
                System.arraycopy(a, ao, o, oo, n);
                yield n;
            }
            case BITWISE_AND -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = a[ao + i] & b[bo + i];
                }
                yield n;
            }
            case BITWISE_OR -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = a[ao + i] | b[bo + i];
                }
                yield n;
            }
            case BITWISE_XOR -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = a[ao + i] ^ b[bo + i];
                }
                yield n;
            }
            case INVERT -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = ~a[ao + i];
                }
                yield n;
            }
            // the table's guarded shifts: Java would mask the count to its low 6 bits
            case LEFT_SHIFT, RIGHT_SHIFT -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = op.applyLong(a[ao + i], b[bo + i], 0);
                }
                yield n;
            }
            case TRUE_DIV, SQRT, CBRT, EXP, LOG, LOG1P, EXPM1, TANH, SIGMOID, SOFTPLUS, RECIPROCAL, SIN, COS, TAN,
                    ARCSIN, ARCCOS, ARCTAN, SINH, COSH, ARCSINH, ARCCOSH, ARCTANH, ARCTAN2, LOG2, LOG10, EXP2, CEIL,
                    FLOOR, ROUND, TRUNC, ERF, ERFC, ERFINV, GAMMALN, DIGAMMA, TRIGAMMA ->
                    throw new AssertionError(op + " has a float result and never runs on longs");
        };
    }
}
