package org.symtensor.runtime.cpu;

import java.math.BigInteger;
import org.symtensor.ir.ScalarOp;

/**
 * An oracle for the elementwise kernels written apart from {@link ScalarOp}'s own arithmetic
 * (which the kernels run, so it cannot be their reference): the definitions of NumPy's ufuncs
 * restated with {@code java.lang.Math} and, for integers, {@link BigInteger} arithmetic reduced
 * modulo 2^64 (NumPy's wrap-around). Integer division and modulo by zero give 0, as NumPy does.
 * An op added to the table fails the tests that use this class until it gets a reference here.
 */
final class ScalarReference {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /**
     * Ops whose independent oracle is NumPy/SciPy itself: their values are checked against the
     * committed data file of {@code ElementwiseNumpyTest} (written by a script with NumPy and SciPy),
     * so here the reference is the table's own value and the tests that use this class check only
     * that every kernel path agrees with the table. {@code numpyOracleCoversEachOfThem} checks the file.
     */
    static final java.util.Set<ScalarOp> CHECKED_AGAINST_NUMPY_DATA = java.util.EnumSet.of(ScalarOp.ARCSINH,
            ScalarOp.ARCCOSH, ScalarOp.ARCTANH, ScalarOp.LOG2, ScalarOp.EXP2, ScalarOp.ERF, ScalarOp.ERFC,
            ScalarOp.ERFINV, ScalarOp.GAMMALN, ScalarOp.DIGAMMA, ScalarOp.TRIGAMMA);

    private ScalarReference() {}

    static double ofDouble(ScalarOp op, double a, double b, double c) {
        switch (op) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case TRUE_DIV: return a / b;
            case INT_DIV: return Math.floor(a / b); // numpy.floor_divide
            case MOD: { // npy_divmod: fmod, moved into the divisor's sign; a zero takes the divisor's sign
                double r = a % b;
                if (b == 0 || r != r) {
                    return r;
                }
                if (r == 0) {
                    return Math.copySign(0.0, b);
                }
                return (b < 0) != (r < 0) ? r + b : r;
            }
            case POW: return Math.pow(a, b);
            case MAXIMUM: return a != a || b != b ? Double.NaN : Math.max(a, b); // numpy.maximum propagates NaN
            case MINIMUM: return a != a || b != b ? Double.NaN : Math.min(a, b);
            case NEG: return -a;
            case ABS: return Math.abs(a);
            case SQR: return a * a;
            case SQRT: return Math.sqrt(a);
            case CBRT: return Math.cbrt(a);
            case EXP: return Math.exp(a);
            case LOG: return Math.log(a);
            case LOG1P: return Math.log1p(a);
            case EXPM1: return Math.expm1(a);
            case TANH: return Math.tanh(a);
            case SIGMOID: return 1 / (1 + Math.exp(-a));
            case SOFTPLUS: return Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a)));
            case RECIPROCAL: return 1 / a;
            case SIGN: return Math.signum(a);
            case LT: return a < b ? 1 : 0;
            case LE: return a <= b ? 1 : 0;
            case GT: return a > b ? 1 : 0;
            case GE: return a >= b ? 1 : 0;
            case EQ: return a == b ? 1 : 0;
            case NEQ: return a == b ? 0 : 1;
            case AND: return a == 0 || b == 0 ? 0 : 1;
            case OR: return a == 0 && b == 0 ? 0 : 1;
            case NOT: return a == 0 ? 1 : 0;
            case SWITCH: return a == 0 ? c : b;
            case SECOND: return b;
            case CAST:
            case IDENTITY: return a;
            case SIN: return Math.sin(a);
            case COS: return Math.cos(a);
            case TAN: return Math.tan(a);
            case ARCSIN: return Math.asin(a);
            case ARCCOS: return Math.acos(a);
            case ARCTAN: return Math.atan(a);
            case SINH: return Math.sinh(a);
            case COSH: return Math.cosh(a);
            case ARCTAN2: return Math.atan2(a, b);
            case LOG10: return Math.log10(a);
            case CEIL: return Math.ceil(a);
            case FLOOR: return Math.floor(a);
            case ROUND: return Math.rint(a); // numpy.round: halves to even
            case TRUNC: return a < 0 ? Math.ceil(a) : Math.floor(a); // toward zero, -0.0 kept
            case ISNAN: return a != a ? 1 : 0;
            case ISINF: return a == Double.POSITIVE_INFINITY || a == Double.NEGATIVE_INFINITY ? 1 : 0;
            case ISFINITE: return a - a == 0 ? 1 : 0; // NaN and infinities give NaN
            case XOR: return (a == 0) == (b == 0) ? 0 : 1;
            // integer-only ops (never built over floats): the double loops act on the values as longs
            case BITWISE_AND:
            case BITWISE_OR:
            case BITWISE_XOR:
            case INVERT:
            case LEFT_SHIFT:
            case RIGHT_SHIFT: return ofLong(op, (long) a, (long) b, (long) c);
            default:
                if (CHECKED_AGAINST_NUMPY_DATA.contains(op)) {
                    return op.applyDouble(a, b, c);
                }
                throw new AssertionError("no independent reference for " + op + ": add one to ScalarReference");
        }
    }

    /** Integer (and bool) arithmetic of NumPy: exact, then wrapped to 64 bits. */
    static long ofLong(ScalarOp op, long a, long b, long c) {
        BigInteger x = BigInteger.valueOf(a);
        BigInteger y = BigInteger.valueOf(b);
        switch (op) {
            case ADD: return wrap(x.add(y));
            case SUB: return wrap(x.subtract(y));
            case MUL: return wrap(x.multiply(y));
            case INT_DIV: return b == 0 ? 0 : wrap(floorDiv(x, y));
            case MOD: return b == 0 ? 0 : wrap(x.subtract(floorDiv(x, y).multiply(y)));
            case POW: {
                if (b < 0) { // 1/a^|b| truncated toward zero
                    return a == 1 ? 1 : a == -1 ? (b % 2 == 0 ? 1 : -1) : 0;
                }
                return wrap(x.modPow(y, TWO_64));
            }
            case MAXIMUM: return x.max(y).longValueExact();
            case MINIMUM: return x.min(y).longValueExact();
            case NEG: return wrap(x.negate());
            case ABS: return wrap(x.abs());
            case SQR: return wrap(x.multiply(x));
            case SIGN: return x.signum();
            case LT: return x.compareTo(y) < 0 ? 1 : 0;
            case LE: return x.compareTo(y) <= 0 ? 1 : 0;
            case GT: return x.compareTo(y) > 0 ? 1 : 0;
            case GE: return x.compareTo(y) >= 0 ? 1 : 0;
            case EQ: return x.equals(y) ? 1 : 0;
            case NEQ: return x.equals(y) ? 0 : 1;
            case AND: return a == 0 || b == 0 ? 0 : 1;
            case OR: return a == 0 && b == 0 ? 0 : 1;
            case NOT: return a == 0 ? 1 : 0;
            case SWITCH: return a == 0 ? c : b;
            case SECOND: return b;
            case CAST:
            case IDENTITY: return a;
            case XOR: return (a == 0) == (b == 0) ? 0 : 1;
            case ISNAN:
            case ISINF: return 0; // an integer is never NaN or infinite
            case ISFINITE: return 1;
            case BITWISE_AND: return x.and(y).longValue();
            case BITWISE_OR: return x.or(y).longValue();
            case BITWISE_XOR: return x.xor(y).longValue();
            case INVERT: return x.not().longValue();
            // NumPy's defined shifts: past the width everything is shifted out (sign fill for >>)
            case LEFT_SHIFT: return b < 0 || b >= 64 ? 0 : wrap(x.shiftLeft((int) b));
            case RIGHT_SHIFT: return b < 0 || b >= 64 ? (a < 0 ? -1 : 0) : x.shiftRight((int) b).longValueExact();
            default: throw new AssertionError(op + " has no integer form, or no independent reference in ScalarReference");
        }
    }

    private static BigInteger floorDiv(BigInteger x, BigInteger y) {
        BigInteger[] qr = x.divideAndRemainder(y);
        return qr[1].signum() != 0 && qr[1].signum() != y.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    private static long wrap(BigInteger v) {
        return v.mod(TWO_64).longValue();
    }
}
