package org.symtensor.runtime.cpu;

import org.symtensor.ir.ScalarMath;
import org.symtensor.ir.ScalarOp;

/**
 * One tight loop per {@link ScalarOp} over a block of double operands given as (array, offset)
 * pairs: the block executors' hot loops. The switch on the op runs once per block, never per
 * element, so the JIT sees a plain counted loop it can unroll and vectorize; where the JIT alone
 * does not vectorize (transcendentals) or does it poorly, the loop runs on {@link DoubleLanes}
 * instead when the Vector API is on. The arithmetic is {@link ScalarOp#applyDouble}'s, the table
 * every backend agrees with ({@code 1.0 * x} marks the places that compute in double on purpose).
 *
 * <p><b>This file is the source of its float32 twin.</b> The build derives {@code FloatLoops}
 * (and {@code FloatLanes} from {@link DoubleLanes}) by a text substitution: the primitive type
 * {@code double} becomes its 32-bit counterpart and the prefix {@code Double} becomes {@code Float}
 * (runtime/src/build/FloatTwin.java, run in {@code generate-sources}); there is no hand-kept copy.
 * So write it for both element types: every double-valued library call stored into an element is
 * cast, {@code (double) Math.exp(x)}, a no-op here and the rounding to float32 there (hence the
 * suppressed cast warnings); the name of the 32-bit primitive type never appears in this file.
 *
 * <p>{@link #apply} is a switch expression with no default: a new scalar op does not compile until
 * it has a loop here (a lane method in {@link DoubleLanes} is optional).
 */
@SuppressWarnings("cast") // the casts are the float32 twin's roundings
final class DoubleLoops {
    /** Blocks shorter than this run the plain loops: setting up lanes does not pay. */
    static final int MIN_LANES = 16;

    private DoubleLoops() {}

    /** {@code o[oo+i] = op(a[ao+i], b[bo+i], c[co+i])} for {@code i < n}; unused operands may be null. */
    static void apply(ScalarOp op, double[] a, int ao, double[] b, int bo, double[] c, int co, double[] o, int oo,
            int n) {
        apply(op, Simd.ENABLED && n >= MIN_LANES, a, ao, b, bo, c, co, o, oo, n);
    }

    /**
     * As {@link #apply(ScalarOp, double[], int, double[], int, double[], int, double[], int, int)},
     * on {@link DoubleLanes} where the op has lanes and {@code lanes} is set (only when
     * {@link Simd#ENABLED}), else with plain Java loops. Returns {@code n}.
     */
    static int apply(ScalarOp op, boolean lanes, double[] a, int ao, double[] b, int bo, double[] c, int co,
            double[] o, int oo, int n) {
        return switch (op) {
            case ADD -> lanes ? DoubleLanes.add(a, ao, b, bo, o, oo, n) : add(a, ao, b, bo, o, oo, n);
            case SUB -> lanes ? DoubleLanes.sub(a, ao, b, bo, o, oo, n) : sub(a, ao, b, bo, o, oo, n);
            case MUL -> lanes ? DoubleLanes.mul(a, ao, b, bo, o, oo, n) : mul(a, ao, b, bo, o, oo, n);
            case TRUE_DIV -> lanes ? DoubleLanes.div(a, ao, b, bo, o, oo, n) : div(a, ao, b, bo, o, oo, n);
            case INT_DIV -> intDiv(a, ao, b, bo, o, oo, n);
            case MOD -> mod(a, ao, b, bo, o, oo, n);
            case POW -> pow(a, ao, b, bo, o, oo, n);
            case MAXIMUM -> lanes ? DoubleLanes.max(a, ao, b, bo, o, oo, n) : max(a, ao, b, bo, o, oo, n);
            case MINIMUM -> lanes ? DoubleLanes.min(a, ao, b, bo, o, oo, n) : min(a, ao, b, bo, o, oo, n);
            case NEG -> lanes ? DoubleLanes.neg(a, ao, o, oo, n) : neg(a, ao, o, oo, n);
            case ABS -> lanes ? DoubleLanes.abs(a, ao, o, oo, n) : abs(a, ao, o, oo, n);
            case SQR -> lanes ? DoubleLanes.sqr(a, ao, o, oo, n) : sqr(a, ao, o, oo, n);
            case SQRT -> lanes ? DoubleLanes.sqrt(a, ao, o, oo, n) : sqrt(a, ao, o, oo, n);
            case CBRT -> lanes ? DoubleLanes.cbrt(a, ao, o, oo, n) : cbrt(a, ao, o, oo, n);
            case EXP -> lanes ? DoubleLanes.exp(a, ao, o, oo, n) : exp(a, ao, o, oo, n);
            case LOG -> lanes ? DoubleLanes.log(a, ao, o, oo, n) : log(a, ao, o, oo, n);
            case LOG1P -> lanes ? DoubleLanes.log1p(a, ao, o, oo, n) : log1p(a, ao, o, oo, n);
            case EXPM1 -> lanes ? DoubleLanes.expm1(a, ao, o, oo, n) : expm1(a, ao, o, oo, n);
            case TANH -> lanes ? DoubleLanes.tanh(a, ao, o, oo, n) : tanh(a, ao, o, oo, n);
            // 64-bit lanes take the cheap form, 32-bit ones the stable form (see DoubleLanes.WIDE)
            case SIGMOID -> !lanes ? sigmoid(a, ao, o, oo, n)
                    : DoubleLanes.WIDE ? DoubleLanes.sigmoidCheap(a, ao, o, oo, n)
                    : DoubleLanes.sigmoid(a, ao, o, oo, n);
            case SOFTPLUS -> softplus(a, ao, o, oo, n);
            case RECIPROCAL -> lanes ? DoubleLanes.reciprocal(a, ao, o, oo, n) : reciprocal(a, ao, o, oo, n);
            case SIN -> sin(a, ao, o, oo, n);
            case COS -> cos(a, ao, o, oo, n);
            case TAN -> tan(a, ao, o, oo, n);
            case ARCSIN -> arcsin(a, ao, o, oo, n);
            case ARCCOS -> arccos(a, ao, o, oo, n);
            case ARCTAN -> arctan(a, ao, o, oo, n);
            case SINH -> sinh(a, ao, o, oo, n);
            case COSH -> cosh(a, ao, o, oo, n);
            case ARCSINH -> arcsinh(a, ao, o, oo, n);
            case ARCCOSH -> arccosh(a, ao, o, oo, n);
            case ARCTANH -> arctanh(a, ao, o, oo, n);
            case LOG2 -> log2(a, ao, o, oo, n);
            case LOG10 -> log10(a, ao, o, oo, n);
            case EXP2 -> exp2(a, ao, o, oo, n);
            case CEIL -> ceil(a, ao, o, oo, n);
            case FLOOR -> floor(a, ao, o, oo, n);
            case ROUND -> round(a, ao, o, oo, n);
            case TRUNC -> trunc(a, ao, o, oo, n);
            case ERF -> erf(a, ao, o, oo, n);
            case ERFC -> erfc(a, ao, o, oo, n);
            case ERFINV -> erfinv(a, ao, o, oo, n);
            case GAMMALN -> gammaln(a, ao, o, oo, n);
            case DIGAMMA -> digamma(a, ao, o, oo, n);
            case TRIGAMMA -> trigamma(a, ao, o, oo, n);
            case ARCTAN2 -> arctan2(a, ao, b, bo, o, oo, n);
            case ISNAN -> isnan(a, ao, o, oo, n);
            case ISINF -> isinf(a, ao, o, oo, n);
            case ISFINITE -> isfinite(a, ao, o, oo, n);
            case SIGN -> sign(a, ao, o, oo, n);
            case LT -> lanes ? DoubleLanes.lt(a, ao, b, bo, o, oo, n) : lt(a, ao, b, bo, o, oo, n);
            case LE -> lanes ? DoubleLanes.le(a, ao, b, bo, o, oo, n) : le(a, ao, b, bo, o, oo, n);
            case GT -> lanes ? DoubleLanes.gt(a, ao, b, bo, o, oo, n) : gt(a, ao, b, bo, o, oo, n);
            case GE -> lanes ? DoubleLanes.ge(a, ao, b, bo, o, oo, n) : ge(a, ao, b, bo, o, oo, n);
            case EQ -> lanes ? DoubleLanes.eq(a, ao, b, bo, o, oo, n) : eq(a, ao, b, bo, o, oo, n);
            case NEQ -> lanes ? DoubleLanes.ne(a, ao, b, bo, o, oo, n) : neq(a, ao, b, bo, o, oo, n);
            case AND -> and(a, ao, b, bo, o, oo, n);
            case OR -> or(a, ao, b, bo, o, oo, n);
            case NOT -> not(a, ao, o, oo, n);
            case XOR -> xor(a, ao, b, bo, o, oo, n);
            case SWITCH -> select(a, ao, b, bo, c, co, o, oo, n);
            case SECOND -> copy(b, bo, o, oo, n);
            case CAST, IDENTITY -> copy(a, ao, o, oo, n);
            // integer-only ops (Elemwise refuses float inputs): if ever reached, they act on the values as longs
            case BITWISE_AND, BITWISE_OR, BITWISE_XOR, INVERT, LEFT_SHIFT, RIGHT_SHIFT -> asLongs(op, a, ao, b, bo, o, oo, n);
        };
    }

    private static int asLongs(ScalarOp op, double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) op.applyLong((long) a[ao + i], b == null ? 0 : (long) b[bo + i], 0);
        }
        return n;
    }

    private static int copy(double[] a, int ao, double[] o, int oo, int n) {
        System.arraycopy(a, ao, o, oo, n);
        return n;
    }

    private static int add(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = a[ao + i] + b[bo + i];
        }
        return n;
    }

    private static int sub(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = a[ao + i] - b[bo + i];
        }
        return n;
    }

    private static int mul(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = a[ao + i] * b[bo + i];
        }
        return n;
    }

    private static int div(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = a[ao + i] / b[bo + i];
        }
        return n;
    }

    /** The quotient in double, as the op table computes it (a float32 quotient can round up to the next integer). */
    private static int intDiv(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.floor(1.0 * a[ao + i] / b[bo + i]);
        }
        return n;
    }

    private static int mod(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            double y = b[bo + i];
            double r = a[ao + i] % y;
            o[oo + i] = r != 0 && (r < 0) != (y < 0) ? r + y : r;
        }
        return n;
    }

    private static int pow(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.pow(a[ao + i], b[bo + i]);
        }
        return n;
    }

    // Math.max/min already propagate NaN, as the table requires.
    private static int max(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = Math.max(a[ao + i], b[bo + i]);
        }
        return n;
    }

    private static int min(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = Math.min(a[ao + i], b[bo + i]);
        }
        return n;
    }

    private static int neg(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = -a[ao + i];
        }
        return n;
    }

    private static int abs(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = Math.abs(a[ao + i]);
        }
        return n;
    }

    private static int sqr(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[ao + i];
            o[oo + i] = x * x;
        }
        return n;
    }

    private static int sqrt(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.sqrt(a[ao + i]);
        }
        return n;
    }

    private static int cbrt(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.cbrt(a[ao + i]);
        }
        return n;
    }

    private static int exp(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.exp(a[ao + i]);
        }
        return n;
    }

    private static int log(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.log(a[ao + i]);
        }
        return n;
    }

    private static int log1p(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.log1p(a[ao + i]);
        }
        return n;
    }

    private static int expm1(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.expm1(a[ao + i]);
        }
        return n;
    }

    private static int tanh(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.tanh(a[ao + i]);
        }
        return n;
    }

    private static int sigmoid(double[] a, int ao, double[] o, int oo, int n) {
        return sigmoidFrom(a, ao, o, oo, 0, n);
    }

    /** The plain sigmoid loop from element {@code i} on; also the tail of the lanes. */
    static int sigmoidFrom(double[] a, int ao, double[] o, int oo, int i, int n) {
        for (; i < n; i++) {
            double x = a[ao + i];
            o[oo + i] = (double) (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
        }
        return n;
    }

    private static int softplus(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[ao + i];
            o[oo + i] = (double) (x > 30 ? x : Math.log1p(Math.exp(x)));
        }
        return n;
    }

    private static int reciprocal(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = 1 / a[ao + i];
        }
        return n;
    }

    private static int sign(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = Math.signum(a[ao + i]);
        }
        return n;
    }

    private static int lt(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = a[ao + i] < b[bo + i] ? 1 : 0;
        }
        return n;
    }

    private static int le(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = a[ao + i] <= b[bo + i] ? 1 : 0;
        }
        return n;
    }

    private static int gt(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = a[ao + i] > b[bo + i] ? 1 : 0;
        }
        return n;
    }

    private static int ge(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = a[ao + i] >= b[bo + i] ? 1 : 0;
        }
        return n;
    }

    private static int eq(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = a[ao + i] == b[bo + i] ? 1 : 0;
        }
        return n;
    }

    private static int neq(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = a[ao + i] != b[bo + i] ? 1 : 0;
        }
        return n;
    }

    private static int and(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = a[ao + i] != 0 && b[bo + i] != 0 ? 1 : 0;
        }
        return n;
    }

    private static int or(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = a[ao + i] != 0 || b[bo + i] != 0 ? 1 : 0;
        }
        return n;
    }

    private static int not(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = a[ao + i] == 0 ? 1 : 0;
        }
        return n;
    }

    private static int select(double[] a, int ao, double[] b, int bo, double[] c, int co, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = a[ao + i] != 0 ? b[bo + i] : c[co + i];
        }
        return n;
    }

    // ---- issue 13: trigonometric, hyperbolic, log2/log10/exp2, rounding, tests, xor ----

    private static int sin(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.sin(a[ao + i]);
        }
        return n;
    }

    private static int cos(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.cos(a[ao + i]);
        }
        return n;
    }

    private static int tan(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.tan(a[ao + i]);
        }
        return n;
    }

    private static int arcsin(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.asin(a[ao + i]);
        }
        return n;
    }

    private static int arccos(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.acos(a[ao + i]);
        }
        return n;
    }

    private static int arctan(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.atan(a[ao + i]);
        }
        return n;
    }

    private static int sinh(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.sinh(a[ao + i]);
        }
        return n;
    }

    private static int cosh(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.cosh(a[ao + i]);
        }
        return n;
    }

    private static int arcsinh(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) ScalarMath.asinh(a[ao + i]);
        }
        return n;
    }

    private static int arccosh(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) ScalarMath.acosh(a[ao + i]);
        }
        return n;
    }

    private static int arctanh(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) ScalarMath.atanh(a[ao + i]);
        }
        return n;
    }

    private static int log2(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) ScalarMath.log2(a[ao + i]);
        }
        return n;
    }

    private static int log10(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.log10(a[ao + i]);
        }
        return n;
    }

    private static int exp2(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) ScalarMath.exp2(a[ao + i]);
        }
        return n;
    }

    private static int ceil(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.ceil(a[ao + i]);
        }
        return n;
    }

    private static int floor(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.floor(a[ao + i]);
        }
        return n;
    }

    private static int round(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.rint(a[ao + i]);
        }
        return n;
    }

    private static int trunc(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) ScalarMath.trunc(a[ao + i]);
        }
        return n;
    }

    private static int arctan2(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) Math.atan2(a[ao + i], b[bo + i]);
        }
        return n;
    }

    private static int isnan(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = Double.isNaN(a[ao + i]) ? 1 : 0;
        }
        return n;
    }

    private static int isinf(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = Double.isInfinite(a[ao + i]) ? 1 : 0;
        }
        return n;
    }

    private static int isfinite(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = Double.isFinite(a[ao + i]) ? 1 : 0;
        }
        return n;
    }

    private static int xor(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (a[ao + i] != 0) != (b[bo + i] != 0) ? 1 : 0;
        }
        return n;
    }

    private static int erf(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) ScalarMath.erf(a[ao + i]);
        }
        return n;
    }

    private static int erfc(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) ScalarMath.erfc(a[ao + i]);
        }
        return n;
    }

    private static int erfinv(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) ScalarMath.erfinv(a[ao + i]);
        }
        return n;
    }

    private static int gammaln(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) ScalarMath.lgamma(a[ao + i]);
        }
        return n;
    }

    private static int digamma(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) ScalarMath.digamma(a[ao + i]);
        }
        return n;
    }

    private static int trigamma(double[] a, int ao, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) ScalarMath.trigamma(a[ao + i]);
        }
        return n;
    }
}
