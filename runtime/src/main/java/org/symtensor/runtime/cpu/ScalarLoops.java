package org.symtensor.runtime.cpu;

import org.symtensor.ir.ScalarOp;

/**
 * One tight loop per {@link ScalarOp}, over a block of operands given as (array, offset) pairs.
 * The switch on the op runs once per block, never per element, so the JIT sees a plain counted
 * loop it can unroll and vectorize. The arithmetic is exactly {@link ScalarOp#applyDouble} and
 * {@link ScalarOp#applyLong}, the table every backend agrees with.
 */
final class ScalarLoops {
    private ScalarLoops() {}

    /** {@code o[oo+i] = op(a[ao+i], b[bo+i], c[co+i])} for {@code i < n}; unused operands may be null. */
    static void applyDouble(ScalarOp op, double[] a, int ao, double[] b, int bo, double[] c, int co,
            double[] o, int oo, int n) {
        if (Simd.ENABLED && n >= 16 && (op.arity() == 1 ? VectorLoops.unary(op, a, ao, o, oo, n)
                : op.arity() == 2 && VectorLoops.binary(op, a, ao, b, bo, o, oo, n))) {
            return;
        }
        applyDoubleScalar(op, a, ao, b, bo, c, co, o, oo, n);
    }

    /** As {@link #applyDouble}, always with the plain Java loops (the reference the vector path is tested against). */
    static void applyDoubleScalar(ScalarOp op, double[] a, int ao, double[] b, int bo, double[] c, int co,
            double[] o, int oo, int n) {
        if (op.arity() == 1) {
            unaryDouble(op, a, ao, o, oo, n);
        } else if (op.arity() == 2) {
            binaryDouble(op, a, ao, b, bo, o, oo, n);
        } else {
            for (int i = 0; i < n; i++) {
                o[oo + i] = op.applyDouble(a[ao + i], b[bo + i], c[co + i]);
            }
        }
    }

    private static void unaryDouble(ScalarOp op, double[] a, int ao, double[] o, int oo, int n) {
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++) { o[oo + i] = -a[ao + i]; } }
            case ABS -> { for (int i = 0; i < n; i++) { o[oo + i] = Math.abs(a[ao + i]); } }
            case SQR -> { for (int i = 0; i < n; i++) { double x = a[ao + i]; o[oo + i] = x * x; } }
            case SQRT -> { for (int i = 0; i < n; i++) { o[oo + i] = Math.sqrt(a[ao + i]); } }
            case EXP -> { for (int i = 0; i < n; i++) { o[oo + i] = Math.exp(a[ao + i]); } }
            case LOG -> { for (int i = 0; i < n; i++) { o[oo + i] = Math.log(a[ao + i]); } }
            case LOG1P -> { for (int i = 0; i < n; i++) { o[oo + i] = Math.log1p(a[ao + i]); } }
            case EXPM1 -> { for (int i = 0; i < n; i++) { o[oo + i] = Math.expm1(a[ao + i]); } }
            case TANH -> { for (int i = 0; i < n; i++) { o[oo + i] = Math.tanh(a[ao + i]); } }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    double x = a[ao + i];
                    o[oo + i] = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
                }
            }
            case SOFTPLUS -> {
                for (int i = 0; i < n; i++) {
                    double x = a[ao + i];
                    o[oo + i] = x > 30 ? x : Math.log1p(Math.exp(x));
                }
            }
            case RECIPROCAL -> { for (int i = 0; i < n; i++) { o[oo + i] = 1 / a[ao + i]; } }
            case SIGN -> { for (int i = 0; i < n; i++) { o[oo + i] = Math.signum(a[ao + i]); } }
            case NOT -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] == 0 ? 1 : 0; } }
            case CAST, IDENTITY -> System.arraycopy(a, ao, o, oo, n);
            case ADD, SUB, MUL, TRUE_DIV, INT_DIV, MOD, POW, MAXIMUM, MINIMUM, LT, LE, GT, GE, EQ, NEQ, AND, OR,
                    SWITCH, SECOND -> throw new AssertionError(op + " is not unary");
        }
    }

    private static void binaryDouble(ScalarOp op, double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] + b[bo + i]; } }
            case SUB -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] - b[bo + i]; } }
            case MUL -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] * b[bo + i]; } }
            case TRUE_DIV -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] / b[bo + i]; } }
            case INT_DIV -> { for (int i = 0; i < n; i++) { o[oo + i] = Math.floor(a[ao + i] / b[bo + i]); } }
            case MOD -> {
                for (int i = 0; i < n; i++) {
                    double y = b[bo + i];
                    double r = a[ao + i] % y;
                    o[oo + i] = r != 0 && (r < 0) != (y < 0) ? r + y : r;
                }
            }
            case POW -> { for (int i = 0; i < n; i++) { o[oo + i] = Math.pow(a[ao + i], b[bo + i]); } }
            // Math.max/min already propagate NaN, as the table requires.
            case MAXIMUM -> { for (int i = 0; i < n; i++) { o[oo + i] = Math.max(a[ao + i], b[bo + i]); } }
            case MINIMUM -> { for (int i = 0; i < n; i++) { o[oo + i] = Math.min(a[ao + i], b[bo + i]); } }
            case LT -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] < b[bo + i] ? 1 : 0; } }
            case LE -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] <= b[bo + i] ? 1 : 0; } }
            case GT -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] > b[bo + i] ? 1 : 0; } }
            case GE -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] >= b[bo + i] ? 1 : 0; } }
            case EQ -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] == b[bo + i] ? 1 : 0; } }
            case NEQ -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] != b[bo + i] ? 1 : 0; } }
            case AND -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] != 0 && b[bo + i] != 0 ? 1 : 0; } }
            case OR -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] != 0 || b[bo + i] != 0 ? 1 : 0; } }
            case SECOND -> System.arraycopy(b, bo, o, oo, n);
            case NEG, ABS, SQR, SQRT, EXP, LOG, LOG1P, EXPM1, TANH, SIGMOID, SOFTPLUS, RECIPROCAL, SIGN, NOT, CAST,
                    IDENTITY, SWITCH -> throw new AssertionError(op + " is not binary");
        }
    }

    /** The integer counterpart of {@link #applyDouble}: only for ops whose result is not a float. */
    static void applyLong(ScalarOp op, long[] a, int ao, long[] b, int bo, long[] c, int co, long[] o, int oo, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] + b[bo + i]; } }
            case SUB -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] - b[bo + i]; } }
            case MUL -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] * b[bo + i]; } }
            case INT_DIV -> {
                for (int i = 0; i < n; i++) {
                    long y = b[bo + i];
                    o[oo + i] = y == 0 ? 0 : Math.floorDiv(a[ao + i], y);
                }
            }
            case MOD -> {
                for (int i = 0; i < n; i++) {
                    long y = b[bo + i];
                    o[oo + i] = y == 0 ? 0 : Math.floorMod(a[ao + i], y);
                }
            }
            case POW -> { for (int i = 0; i < n; i++) { o[oo + i] = ScalarOp.POW.applyLong(a[ao + i], b[bo + i], 0); } }
            case MAXIMUM -> { for (int i = 0; i < n; i++) { o[oo + i] = Math.max(a[ao + i], b[bo + i]); } }
            case MINIMUM -> { for (int i = 0; i < n; i++) { o[oo + i] = Math.min(a[ao + i], b[bo + i]); } }
            case NEG -> { for (int i = 0; i < n; i++) { o[oo + i] = -a[ao + i]; } }
            case ABS -> { for (int i = 0; i < n; i++) { o[oo + i] = Math.abs(a[ao + i]); } }
            case SQR -> { for (int i = 0; i < n; i++) { long x = a[ao + i]; o[oo + i] = x * x; } }
            case SIGN -> { for (int i = 0; i < n; i++) { o[oo + i] = Long.signum(a[ao + i]); } }
            case LT -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] < b[bo + i] ? 1 : 0; } }
            case LE -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] <= b[bo + i] ? 1 : 0; } }
            case GT -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] > b[bo + i] ? 1 : 0; } }
            case GE -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] >= b[bo + i] ? 1 : 0; } }
            case EQ -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] == b[bo + i] ? 1 : 0; } }
            case NEQ -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] != b[bo + i] ? 1 : 0; } }
            case AND -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] != 0 && b[bo + i] != 0 ? 1 : 0; } }
            case OR -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] != 0 || b[bo + i] != 0 ? 1 : 0; } }
            case NOT -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] == 0 ? 1 : 0; } }
            case SWITCH -> { for (int i = 0; i < n; i++) { o[oo + i] = a[ao + i] != 0 ? b[bo + i] : c[co + i]; } }
            case SECOND -> System.arraycopy(b, bo, o, oo, n);
            case CAST, IDENTITY -> System.arraycopy(a, ao, o, oo, n);
            case TRUE_DIV, SQRT, EXP, LOG, LOG1P, EXPM1, TANH, SIGMOID, SOFTPLUS, RECIPROCAL ->
                    throw new AssertionError(op + " has a float result and never runs on longs");
        }
    }
}
