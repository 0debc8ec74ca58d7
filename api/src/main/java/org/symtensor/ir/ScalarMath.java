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

    // ---- special functions --------------------------------------------------------------------

    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double INV_SQRT_PI = 0.5641895835477563;
    /** log(2 pi) / 2. */
    private static final double HALF_LOG_2PI = 0.9189385332046728;

    /** {@code e^(-x^2)} with x^2 split into its rounded value and the exact rounding error (by fma). */
    private static double expMinusSquare(double x) {
        double p = x * x;
        double err = Math.fma(x, x, -p);
        return Math.exp(-p) * (1 - err);
    }

    /**
     * The error function. Below 2.5 the series {@code erf x = 2/sqrt(pi) e^(-x^2) sum (2x^2)^n x / (2n+1)!!}
     * (Abramowitz and Stegun 7.1.6), whose terms are all positive, so nothing cancels; beyond, 1 - erfc.
     */
    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax >= 2.5) {
            double r = 1 - erfcPositive(ax);
            return x < 0 ? -r : r;
        }
        double x2 = 2 * x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++) {
            term *= x2 / (2 * n + 1);
            sum += term;
            if (Math.abs(term) <= 0x1p-56 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * expMinusSquare(x) * sum;
    }

    /** The complementary error function {@code 1 - erf x}, without cancellation for large x. */
    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x < 0.5) {
            return x < -0.5 ? 2 - erfcPositive(-x) : 1 - erf(x);
        }
        return erfcPositive(x);
    }

    /**
     * erfc for x >= 0.5 by Laplace's continued fraction {@code erfc x = e^(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))}
     * (Abramowitz and Stegun 7.1.14), evaluated by the modified Lentz method; it converges in a few dozen terms beyond 2
     * and in a few hundred at 0.5.
     */
    private static double erfcPositive(double x) {
        if (x > 27.3) {
            return 0; // below the smallest subnormal
        }
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 5000; n++) {
            double an = 0.5 * n;
            d = x + an * d;
            d = d == 0 ? tiny : d;
            c = x + an / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) <= 0x1p-54) {
                break;
            }
        }
        return INV_SQRT_PI * expMinusSquare(x) / f;
    }

    /** Lanczos's coefficients for g = 7, n = 9 (as in Numerical Recipes and Godfrey's table). */
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};

    /** {@code sin(pi x)} with the argument reduced exactly first, so large x keep their phase. */
    private static double sinPi(double x) {
        double r = x - 2 * Math.floor(x / 2); // exact, in [0, 2)
        return Math.sin(Math.PI * r);
    }

    /**
     * {@code log |Gamma(x)|} (SciPy's {@code gammaln}): the Lanczos approximation (g = 7, n = 9) on
     * [0.5, 10), Stirling's series beyond, and the reflection formula below 0.5; +inf at the poles
     * 0, -1, -2, ... The absolute error is about 1e-15, so near the zeros at 1 and 2 the relative
     * error grows (both are exact).
     */
    public static double lgamma(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Double.isInfinite(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (x <= 0 && x == Math.floor(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (x == 1 || x == 2) {
            return 0;
        }
        if (x < 0.5) {
            // Gamma(x) Gamma(1 - x) = pi / sin(pi x)
            return Math.log(Math.PI / Math.abs(sinPi(x))) - lgamma(1 - x);
        }
        if (x >= 10) {
            double f = 1 / (x * x);
            double series = (1 / 12.0 - f * (1 / 360.0 - f * (1 / 1260.0 - f * (1 / 1680.0 - f * (1 / 1188.0
                    - f * (691 / 360360.0 - f / 156.0)))))) / x;
            return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series;
        }
        double z = x - 1;
        double a = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            a += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /**
     * The digamma function {@code psi(x) = d/dx log Gamma(x)}: the recurrence {@code psi(x) = psi(x+1) - 1/x}
     * up to x >= 10, then the asymptotic series {@code log x - 1/(2x) - sum B_2k / (2k x^2k)}
     * (Abramowitz and Stegun 6.3.18) to x^-14; the reflection {@code psi(x) = psi(1 - x) - pi cot(pi x)} below 0.
     * NaN at the poles 0, -1, -2, ... (as SciPy's {@code digamma} at the negative ones).
     */
    public static double digamma(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x <= 0 && x == Math.floor(x)) {
            return Double.NaN;
        }
        double r = 0;
        if (x < 0) {
            double frac = x - Math.floor(x); // cot has period 1
            r = -Math.PI / Math.tan(Math.PI * frac);
            x = 1 - x;
        }
        while (x < 10) {
            r -= 1 / x;
            x += 1;
        }
        double f = 1 / (x * x);
        double series = f * (-1 / 12.0 + f * (1 / 120.0 + f * (-1 / 252.0 + f * (1 / 240.0 + f * (-1 / 132.0
                + f * (691 / 32760.0 + f * (-1 / 12.0)))))));
        return r + Math.log(x) - 0.5 / x + series;
    }

    /**
     * The trigamma function {@code psi'(x)}: the recurrence {@code psi'(x) = psi'(x+1) + 1/x^2} up to
     * x >= 10, then {@code 1/x + 1/(2x^2) + sum B_2k / x^(2k+1)} (Abramowitz and Stegun 6.4.12) to x^-15; the
     * reflection {@code psi'(x) = pi^2 / sin^2(pi x) - psi'(1 - x)} below 0; +inf at the poles.
     */
    public static double trigamma(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0;
        }
        if (x <= 0 && x == Math.floor(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < 0) {
            double s = sinPi(x);
            return Math.PI * Math.PI / (s * s) - trigamma(1 - x);
        }
        double r = 0;
        while (x < 10) {
            r += 1 / (x * x);
            x += 1;
        }
        double f = 1 / (x * x);
        double series = (1 / 6.0 - f * (1 / 30.0 - f * (1 / 42.0 - f * (1 / 30.0 - f * (5 / 66.0
                - f * (691 / 2730.0 - f * (7 / 6.0))))))) * f / x;
        return r + 1 / x + 0.5 * f + series;
    }

    /**
     * The inverse error function on (-1, 1); ±inf at ±1, NaN beyond. M. Giles' single-precision
     * approximation ("Approximating the erfinv function", GPU Computing Gems, 2011) as the start,
     * then Newton steps on {@code erf} (on {@code erfc} beyond 0.5, where 1 - |x| is exact and
     * erf's closeness to 1 would lose the digits) until the step is below an ulp (three or four:
     * the start is good to 1e-7 in the middle and to about 1e-4 in the far tail).
     */
    public static double erfinv(double x) {
        double ax = Math.abs(x);
        if (Double.isNaN(x) || ax > 1) {
            return Double.NaN;
        }
        if (ax == 1) {
            return x > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        if (x == 0) {
            return x;
        }
        double w = -Math.log((1 - ax) * (1 + ax));
        double p;
        if (w < 5) {
            w -= 2.5;
            p = 2.81022636e-08;
            p = 3.43273939e-07 + p * w;
            p = -3.5233877e-06 + p * w;
            p = -4.39150654e-06 + p * w;
            p = 0.00021858087 + p * w;
            p = -0.00125372503 + p * w;
            p = -0.00417768164 + p * w;
            p = 0.246640727 + p * w;
            p = 1.50140941 + p * w;
        } else {
            w = Math.sqrt(w) - 3;
            p = -0.000200214257;
            p = 0.000100950558 + p * w;
            p = 0.00134934322 + p * w;
            p = -0.00367342844 + p * w;
            p = 0.00573950773 + p * w;
            p = -0.0076224613 + p * w;
            p = 0.00943887047 + p * w;
            p = 1.00167406 + p * w;
            p = 2.83297682 + p * w;
        }
        double y = p * ax;
        for (int i = 0; i < 6; i++) {
            double slope = TWO_OVER_SQRT_PI * expMinusSquare(y);
            double err = ax <= 0.5 ? erf(y) - ax : (1 - ax) - erfc(y);
            double step = err / slope;
            y -= step;
            if (Math.abs(step) <= 0x1p-53 * y) {
                break;
            }
        }
        return x < 0 ? -y : y;
    }
}
