package org.symtensor.ir;

import org.symtensor.type.DType;

/**
 * The table of scalar operations that elementwise ops apply: arity, printed form, output dtype
 * rule and reference arithmetic. Fusion, code generation and every backend read this one table.
 *
 * <p>Everything that differs per op is either an argument of its constant (arity, printing,
 * {@link DTypeRule}) or an arm of a switch expression with no {@code default} ({@link #applyDouble},
 * {@link #applyLong}, and in the other layers the gradient rule, the rendered expression and the
 * CPU loops), so a new constant does not compile until every layer says what it does with it.
 * docs/contributing.md lists the places.
 */
public enum ScalarOp {
    ADD(2, "+", "add", DTypeRule.UPCAST),
    SUB(2, "-", "sub", DTypeRule.UPCAST),
    MUL(2, "*", "mul", DTypeRule.UPCAST),
    TRUE_DIV(2, "/", "true_div", DTypeRule.FLOAT),
    INT_DIV(2, "//", "int_div", DTypeRule.UPCAST),
    MOD(2, "%", "mod", DTypeRule.UPCAST),
    POW(2, "**", "pow", DTypeRule.UPCAST),
    MAXIMUM(2, null, "maximum", DTypeRule.UPCAST),
    MINIMUM(2, null, "minimum", DTypeRule.UPCAST),
    NEG(1, "-", "neg", DTypeRule.UPCAST),
    ABS(1, null, "abs", DTypeRule.UPCAST),
    SQR(1, null, "sqr", DTypeRule.UPCAST),
    SQRT(1, null, "sqrt", DTypeRule.FLOAT),
    /** Cube root. */
    CBRT(1, null, "cbrt", DTypeRule.FLOAT),
    EXP(1, null, "exp", DTypeRule.FLOAT),
    LOG(1, null, "log", DTypeRule.FLOAT),
    LOG1P(1, null, "log1p", DTypeRule.FLOAT),
    EXPM1(1, null, "expm1", DTypeRule.FLOAT),
    TANH(1, null, "tanh", DTypeRule.FLOAT),
    SIGMOID(1, null, "sigmoid", DTypeRule.FLOAT),
    SOFTPLUS(1, null, "softplus", DTypeRule.FLOAT),
    RECIPROCAL(1, null, "reciprocal", DTypeRule.FLOAT),
    // trigonometric and hyperbolic functions, logarithms and powers of 2 and 10, rounding (issue 13)
    SIN(1, null, "sin", DTypeRule.FLOAT),
    COS(1, null, "cos", DTypeRule.FLOAT),
    TAN(1, null, "tan", DTypeRule.FLOAT),
    ARCSIN(1, null, "arcsin", DTypeRule.FLOAT),
    ARCCOS(1, null, "arccos", DTypeRule.FLOAT),
    ARCTAN(1, null, "arctan", DTypeRule.FLOAT),
    SINH(1, null, "sinh", DTypeRule.FLOAT),
    COSH(1, null, "cosh", DTypeRule.FLOAT),
    ARCSINH(1, null, "arcsinh", DTypeRule.FLOAT),
    ARCCOSH(1, null, "arccosh", DTypeRule.FLOAT),
    ARCTANH(1, null, "arctanh", DTypeRule.FLOAT),
    /** {@code arctan2(y, x)}: the angle of the point (x, y), in (-pi, pi]. */
    ARCTAN2(2, null, "arctan2", DTypeRule.FLOAT),
    LOG2(1, null, "log2", DTypeRule.FLOAT),
    LOG10(1, null, "log10", DTypeRule.FLOAT),
    EXP2(1, null, "exp2", DTypeRule.FLOAT),
    CEIL(1, null, "ceil", DTypeRule.FLOAT),
    FLOOR(1, null, "floor", DTypeRule.FLOAT),
    /** Rounding to the nearest integer, halves to even (NumPy's {@code round}, Theano's {@code round_half_to_even}). */
    ROUND(1, null, "round_half_to_even", DTypeRule.FLOAT),
    TRUNC(1, null, "trunc", DTypeRule.FLOAT),
    // special functions (issue 13)
    ERF(1, null, "erf", DTypeRule.FLOAT),
    ERFC(1, null, "erfc", DTypeRule.FLOAT),
    /** The inverse of erf on (-1, 1). */
    ERFINV(1, null, "erfinv", DTypeRule.FLOAT),
    /** {@code log |Gamma(x)|}. */
    GAMMALN(1, null, "gammaln", DTypeRule.FLOAT),
    /** {@code psi(x)}, the derivative of gammaln. */
    DIGAMMA(1, null, "psi", DTypeRule.FLOAT),
    /** {@code psi'(x)}, the derivative of digamma. */
    TRIGAMMA(1, null, "tri_gamma", DTypeRule.FLOAT),
    SIGN(1, null, "sgn", DTypeRule.UPCAST),
    LT(2, "<", "lt", DTypeRule.COMPARISON),
    LE(2, "<=", "le", DTypeRule.COMPARISON),
    GT(2, ">", "gt", DTypeRule.COMPARISON),
    GE(2, ">=", "ge", DTypeRule.COMPARISON),
    EQ(2, "==", "eq", DTypeRule.COMPARISON),
    NEQ(2, "!=", "neq", DTypeRule.COMPARISON),
    /** Whether a value is NaN: bool result (false for integers). */
    ISNAN(1, null, "isnan", DTypeRule.COMPARISON),
    /** Whether a value is infinite: bool result (false for integers). */
    ISINF(1, null, "isinf", DTypeRule.COMPARISON),
    /** Whether a value is neither NaN nor infinite: bool result (true for integers). */
    ISFINITE(1, null, "isfinite", DTypeRule.COMPARISON),
    /** Logical and: bool result. */
    AND(2, "&", "and", DTypeRule.LOGIC),
    OR(2, "|", "or", DTypeRule.LOGIC),
    NOT(1, "~", "not", DTypeRule.LOGIC),
    /** Logical exclusive or: bool result. */
    XOR(2, "^", "xor", DTypeRule.LOGIC),
    /** {@code switch(c, a, b)}: a where c is non-zero, else b. */
    SWITCH(3, null, "switch", DTypeRule.SELECT),
    /** {@code second(a, b)}: b broadcast to the shape of a (Theano's fill). */
    SECOND(2, null, "second", DTypeRule.FILL),
    /** Conversion to the dtype the {@link Elemwise} names. */
    CAST(1, null, "cast", DTypeRule.PARAMETER),
    IDENTITY(1, null, "identity", DTypeRule.UPCAST),
    /** Bitwise and of integers (on bool, logical and): NumPy's {@code bitwise_and}. */
    BITWISE_AND(2, null, "bitwise_and", DTypeRule.BITWISE),
    /** Bitwise or of integers (on bool, logical or). */
    BITWISE_OR(2, null, "bitwise_or", DTypeRule.BITWISE),
    /** Bitwise exclusive or of integers (on bool, logical xor). */
    BITWISE_XOR(2, null, "bitwise_xor", DTypeRule.BITWISE),
    /** Bitwise not of integers, {@code ~a} (the DSL's {@code invert} of bool builds {@link #NOT}). */
    INVERT(1, null, "invert", DTypeRule.INTEGER),
    /** {@code a << b}, wrapping to the dtype's width; a count outside [0, 63] gives 0. */
    LEFT_SHIFT(2, null, "left_shift", DTypeRule.INTEGER),
    /** {@code a >> b}, arithmetic (sign-filling); a count outside [0, 63] gives 0, or -1 for a negative a. */
    RIGHT_SHIFT(2, null, "right_shift", DTypeRule.INTEGER);

    /** How an op's output dtype follows from its inputs' dtypes. */
    public enum DTypeRule {
        /** The upcast of the inputs ({@code int32 + float32} is {@code float64}; one input keeps its dtype). */
        UPCAST,
        /** The upcast of the inputs upgraded to float: true division and the transcendental functions. */
        FLOAT,
        /** bool; a comparison of two values, or a test of one ({@code isnan}). */
        COMPARISON,
        /** bool; logic on truth values (non-zero is true). */
        LOGIC,
        /** The upcast of inputs 1 and 2; input 0 is the condition that selects between them. */
        SELECT,
        /** The dtype of input 1; input 0 lends only its shape. */
        FILL,
        /** A parameter of the {@link Elemwise} (the target of a cast), not a function of the inputs. */
        PARAMETER,
        /** The upcast of the inputs, which must be integers or bool (bitwise logic); a float is refused. */
        BITWISE,
        /** The upcast of the inputs, which must be integers (bitwise not, shifts); floats and bool are refused. */
        INTEGER
    }

    /** Whether an input of dtype {@code d} is allowed: everything but floats for {@code BITWISE}, integers only for {@code INTEGER}. */
    public boolean accepts(DType d) {
        return switch (dtypeRule) {
            case UPCAST, FLOAT, COMPARISON, LOGIC, SELECT, FILL, PARAMETER -> true;
            case BITWISE -> !d.isFloat();
            case INTEGER -> d.isInteger();
        };
    }

    private final int arity;
    private final String infix;
    private final String theanoName;
    private final DTypeRule dtypeRule;

    ScalarOp(int arity, String infix, String theanoName, DTypeRule dtypeRule) {
        this.arity = arity;
        this.infix = infix;
        this.theanoName = theanoName;
        this.dtypeRule = dtypeRule;
    }

    public int arity() {
        return arity;
    }

    /** The operator {@code pp} prints between (or before) operands, or null for a function-call form. */
    public String infix() {
        return infix;
    }

    public String theanoName() {
        return theanoName;
    }

    public DTypeRule dtypeRule() {
        return dtypeRule;
    }

    public boolean isComparison() {
        return dtypeRule == DTypeRule.COMPARISON;
    }

    /**
     * Whether the result is a float whatever the inputs: such an op never runs on integers
     * ({@link #applyLong} refuses it).
     */
    public boolean hasFloatResult() {
        return dtypeRule == DTypeRule.FLOAT;
    }

    /**
     * Whether input {@code i} is a value that reaches the result, as opposed to the condition of
     * {@code switch} or the shape donor of {@code second}: value inputs decide the compute type.
     */
    public boolean isValueInput(int i) {
        return switch (dtypeRule) {
            case SELECT, FILL -> i > 0;
            case UPCAST, FLOAT, COMPARISON, LOGIC, PARAMETER -> true;
            case BITWISE, INTEGER -> true;
        };
    }

    /**
     * The output dtype for these input dtypes (cast excluded: its target is a parameter).
     * Arithmetic upcasts; true division and transcendental functions upgrade integers to float;
     * comparisons and logic give bool.
     */
    public DType outputDtype(DType... in) {
        return switch (dtypeRule) {
            case UPCAST -> DType.upcast(in[0], java.util.Arrays.copyOfRange(in, 1, in.length));
            case FLOAT -> DType.upcast(in[0], java.util.Arrays.copyOfRange(in, 1, in.length)).upgradeToFloat();
            case COMPARISON, LOGIC -> DType.BOOL;
            case SELECT -> DType.upcast(in[1], in[2]);
            case FILL -> in[1];
            case PARAMETER -> throw new IllegalStateException(this + "'s dtype is a parameter of its Elemwise");
            case BITWISE, INTEGER -> DType.upcast(in[0], java.util.Arrays.copyOfRange(in, 1, in.length));
        };
    }

    /** Reference arithmetic in double precision (floats and the float path of mixed inputs). */
    public double applyDouble(double a, double b, double c) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case TRUE_DIV -> a / b;
            case INT_DIV -> Math.floor(a / b);
            case MOD -> {
                double r = a % b;
                yield r != 0 && (r < 0) != (b < 0) ? r + b : r;
            }
            case POW -> Math.pow(a, b);
            case MAXIMUM -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
            case MINIMUM -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b);
            case NEG -> -a;
            case ABS -> Math.abs(a);
            case SQR -> a * a;
            case SQRT -> Math.sqrt(a);
            case CBRT -> Math.cbrt(a);
            case EXP -> Math.exp(a);
            case LOG -> Math.log(a);
            case LOG1P -> Math.log1p(a);
            case EXPM1 -> Math.expm1(a);
            case TANH -> Math.tanh(a);
            case SIGMOID -> a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
            case SOFTPLUS -> a > 30 ? a : Math.log1p(Math.exp(a));
            case RECIPROCAL -> 1 / a;
            case SIN -> Math.sin(a);
            case COS -> Math.cos(a);
            case TAN -> Math.tan(a);
            case ARCSIN -> Math.asin(a);
            case ARCCOS -> Math.acos(a);
            case ARCTAN -> Math.atan(a);
            case SINH -> Math.sinh(a);
            case COSH -> Math.cosh(a);
            case ARCSINH -> ScalarMath.asinh(a);
            case ARCCOSH -> ScalarMath.acosh(a);
            case ARCTANH -> ScalarMath.atanh(a);
            case ARCTAN2 -> Math.atan2(a, b);
            case LOG2 -> ScalarMath.log2(a);
            case LOG10 -> Math.log10(a);
            case EXP2 -> ScalarMath.exp2(a);
            case CEIL -> Math.ceil(a);
            case FLOOR -> Math.floor(a);
            case ROUND -> Math.rint(a);
            case TRUNC -> ScalarMath.trunc(a);
            case ERF -> ScalarMath.erf(a);
            case ERFC -> ScalarMath.erfc(a);
            case ERFINV -> ScalarMath.erfinv(a);
            case GAMMALN -> ScalarMath.lgamma(a);
            case DIGAMMA -> ScalarMath.digamma(a);
            case TRIGAMMA -> ScalarMath.trigamma(a);
            case ISNAN -> Double.isNaN(a) ? 1 : 0;
            case ISINF -> Double.isInfinite(a) ? 1 : 0;
            case ISFINITE -> Double.isFinite(a) ? 1 : 0;
            case SIGN -> Math.signum(a);
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case EQ -> a == b ? 1 : 0;
            case NEQ -> a != b ? 1 : 0;
            case AND -> (a != 0 && b != 0) ? 1 : 0;
            case OR -> (a != 0 || b != 0) ? 1 : 0;
            case NOT -> a == 0 ? 1 : 0;
            case XOR -> (a != 0) != (b != 0) ? 1 : 0;
            case SWITCH -> a != 0 ? b : c;
            case SECOND -> b;
            case CAST, IDENTITY -> a;
            // integer-only: never reached with float inputs (Elemwise refuses them); on integral doubles, as on longs
            case BITWISE_AND, BITWISE_OR, BITWISE_XOR, INVERT, LEFT_SHIFT, RIGHT_SHIFT -> applyLong((long) a, (long) b, (long) c);
        };
    }

    /**
     * Reference arithmetic on integers (used when every input and the output are integer or
     * bool). Division by zero gives 0, as NumPy does for integers, instead of throwing.
     */
    public long applyLong(long a, long b, long c) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case INT_DIV -> b == 0 ? 0 : Math.floorDiv(a, b);
            case MOD -> b == 0 ? 0 : Math.floorMod(a, b);
            case POW -> powLong(a, b);
            case MAXIMUM -> Math.max(a, b);
            case MINIMUM -> Math.min(a, b);
            case NEG -> -a;
            case ABS -> Math.abs(a);
            case SQR -> a * a;
            case SIGN -> Long.signum(a);
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case EQ -> a == b ? 1 : 0;
            case NEQ -> a != b ? 1 : 0;
            case AND -> (a != 0 && b != 0) ? 1 : 0;
            case OR -> (a != 0 || b != 0) ? 1 : 0;
            case NOT -> a == 0 ? 1 : 0;
            case XOR -> (a != 0) != (b != 0) ? 1 : 0;
            case ISNAN, ISINF -> 0;
            case ISFINITE -> 1;
            case SWITCH -> a != 0 ? b : c;
            case SECOND -> b;
            case CAST, IDENTITY -> a;
            case BITWISE_AND -> a & b;
            case BITWISE_OR -> a | b;
            case BITWISE_XOR -> a ^ b;
            case INVERT -> ~a;
            // Java masks the count to 6 bits; NumPy's defined shifts give 0 (or the sign) past the width
            case LEFT_SHIFT -> b < 0 || b > 63 ? 0 : a << b;
            case RIGHT_SHIFT -> b < 0 || b > 63 ? (a < 0 ? -1 : 0) : a >> b;
            case TRUE_DIV, SQRT, CBRT, EXP, LOG, LOG1P, EXPM1, TANH, SIGMOID, SOFTPLUS, RECIPROCAL, SIN, COS, TAN,
                    ARCSIN, ARCCOS, ARCTAN, SINH, COSH, ARCSINH, ARCCOSH, ARCTANH, ARCTAN2, LOG2, LOG10, EXP2, CEIL,
                    FLOOR, ROUND, TRUNC, ERF, ERFC, ERFINV, GAMMALN, DIGAMMA, TRIGAMMA ->
                    throw new IllegalStateException(this + " has a float result; evaluate it with applyDouble");
        };
    }

    /** a to the power b by squaring, wrapping like long multiplication; a negative b gives 0 unless |a| is 1. */
    private static long powLong(long a, long b) {
        if (b < 0) {
            return a == 1 ? 1 : (a == -1 ? ((b & 1) == 0 ? 1 : -1) : 0);
        }
        long r = 1;
        long base = a;
        long e = b;
        while (e > 0) {
            if ((e & 1) == 1) {
                r *= base;
            }
            base *= base;
            e >>= 1;
        }
        return r;
    }
}
