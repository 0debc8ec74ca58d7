package org.symtensor.ir;

/**
 * The scalar functions that {@code java.lang.Math} lacks and the op table needs, in double
 * precision: the reference arithmetic of {@link ScalarOp#applyDouble}, and what the CPU loops and
 * the Java code that the processor writes call. OpenCL C has each of them as a built-in.
 *
 * <p>The inverse hyperbolic functions follow the argument reductions of fdlibm ({@code s_asinh.c},
 * {@code e_acosh.c}, {@code e_atanh.c}): {@code log1p} near the origin so small arguments keep
 * their relative precision, {@code log(2|x|)} for large ones so {@code x*x} never overflows.
 */
public final class ScalarMath {
    private static final double LN2 = 0.6931471805599453;
    private static final double INV_LN2 = 1.4426950408889634;
    private static final double SQRT2 = 1.4142135623730951;
    /** 2^28: beyond it {@code sqrt(x^2 + 1)} is |x| to double precision. */
    private static final double LARGE = 268435456.0;

    private ScalarMath() {}

    /** Inverse hyperbolic sine. */
    public static double asinh(double x) {
        double ax = Math.abs(x);
        if (Double.isNaN(x) || Double.isInfinite(x) || ax < 0x1p-28) {
            return x;
        }
        double r;
        if (ax > LARGE) {
            r = Math.log(ax) + LN2;
        } else if (ax > 2) {
            r = Math.log(2 * ax + 1 / (Math.sqrt(x * x + 1) + ax));
        } else {
            double t = x * x;
            r = Math.log1p(ax + t / (1 + Math.sqrt(1 + t)));
        }
        return x < 0 ? -r : r;
    }

    /** Inverse hyperbolic cosine; NaN below 1. */
    public static double acosh(double x) {
        if (Double.isNaN(x) || x < 1) {
            return Double.NaN;
        }
        if (x > LARGE) {
            return Double.isInfinite(x) ? x : Math.log(x) + LN2;
        }
        if (x > 2) {
            return Math.log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
        }
        double t = x - 1;
        return Math.log1p(t + Math.sqrt(2 * t + t * t));
    }

    /** Inverse hyperbolic tangent; ±inf at ±1, NaN beyond. */
    public static double atanh(double x) {
        double ax = Math.abs(x);
        if (Double.isNaN(x) || ax > 1) {
            return Double.NaN;
        }
        if (ax == 1) {
            return x > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        double r;
        if (ax < 0.5) {
            double t = ax + ax;
            r = 0.5 * Math.log1p(t + t * ax / (1 - ax));
        } else {
            r = 0.5 * Math.log1p((ax + ax) / (1 - ax));
        }
        return x < 0 ? -r : r;
    }

    /**
     * Base-2 logarithm: exact at powers of two. The exponent is split off and the mantissa taken
     * into [sqrt(1/2), sqrt(2)), so {@code log} of it keeps its relative precision near 1.
     */
    public static double log2(double x) {
        if (Double.isNaN(x) || x < 0) {
            return Double.NaN;
        }
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (Double.isInfinite(x)) {
            return x;
        }
        int shift = 0;
        if (x < Double.MIN_NORMAL) {
            x *= 0x1p54;
            shift = 54;
        }
        int e = Math.getExponent(x);
        double m = Math.scalb(x, -e);
        if (m > SQRT2) {
            m /= 2;
            e++;
        }
        e -= shift;
        return m == 1 ? e : e + Math.log(m) * INV_LN2;
    }

    /** 2 to the power x (exact at integers). */
    public static double exp2(double x) {
        return Math.pow(2, x);
    }

    /** x rounded toward zero. */
    public static double trunc(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }
}
