package org.symtensor.ir;

import org.symtensor.type.DType;

/**
 * The table of scalar operations that elementwise ops apply: arity, printed form, output dtype
 * rule and reference arithmetic. Fusion, code generation and every backend read this one table.
 */
public enum ScalarOp {
    ADD(2, "+", "add"),
    SUB(2, "-", "sub"),
    MUL(2, "*", "mul"),
    TRUE_DIV(2, "/", "true_div"),
    INT_DIV(2, "//", "int_div"),
    MOD(2, "%", "mod"),
    POW(2, "**", "pow"),
    MAXIMUM(2, null, "maximum"),
    MINIMUM(2, null, "minimum"),
    NEG(1, "-", "neg"),
    ABS(1, null, "abs"),
    SQR(1, null, "sqr"),
    SQRT(1, null, "sqrt"),
    EXP(1, null, "exp"),
    LOG(1, null, "log"),
    LOG1P(1, null, "log1p"),
    EXPM1(1, null, "expm1"),
    TANH(1, null, "tanh"),
    SIGMOID(1, null, "sigmoid"),
    SOFTPLUS(1, null, "softplus"),
    RECIPROCAL(1, null, "reciprocal"),
    SIGN(1, null, "sgn"),
    LT(2, "<", "lt"),
    LE(2, "<=", "le"),
    GT(2, ">", "gt"),
    GE(2, ">=", "ge"),
    EQ(2, "==", "eq"),
    NEQ(2, "!=", "neq"),
    /** Logical and: bool result. */
    AND(2, "&", "and"),
    OR(2, "|", "or"),
    NOT(1, "~", "not"),
    /** {@code switch(c, a, b)}: a where c is non-zero, else b. */
    SWITCH(3, null, "switch"),
    /** {@code second(a, b)}: b broadcast to the shape of a (Theano's fill). */
    SECOND(2, null, "second"),
    /** Conversion to the dtype the {@link Elemwise} names. */
    CAST(1, null, "cast"),
    IDENTITY(1, null, "identity");

    private final int arity;
    private final String infix;
    private final String theanoName;

    ScalarOp(int arity, String infix, String theanoName) {
        this.arity = arity;
        this.infix = infix;
        this.theanoName = theanoName;
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

    public boolean isComparison() {
        switch (this) {
            case LT: case LE: case GT: case GE: case EQ: case NEQ:
                return true;
            default:
                return false;
        }
    }

    /**
     * The output dtype for these input dtypes (cast excluded: its target is a parameter).
     * Arithmetic upcasts; true division and transcendental functions upgrade integers to float;
     * comparisons and logic give bool.
     */
    public DType outputDtype(DType... in) {
        switch (this) {
            case ADD: case SUB: case MUL: case INT_DIV: case MOD: case POW: case MAXIMUM: case MINIMUM:
                return DType.upcast(in[0], in[1]);
            case TRUE_DIV:
                return DType.upcast(in[0], in[1]).upgradeToFloat();
            case NEG: case ABS: case SQR: case SIGN: case IDENTITY:
                return in[0];
            case SQRT: case EXP: case LOG: case LOG1P: case EXPM1: case TANH: case SIGMOID: case SOFTPLUS:
            case RECIPROCAL:
                return in[0].upgradeToFloat();
            case LT: case LE: case GT: case GE: case EQ: case NEQ:
                return DType.BOOL;
            case AND: case OR: case NOT:
                return DType.BOOL;
            case SWITCH:
                return DType.upcast(in[1], in[2]);
            case SECOND:
                return in[1];
            case CAST:
                throw new IllegalStateException("cast's dtype is a parameter of its Elemwise");
        }
        throw new AssertionError(this);
    }

    /** Reference arithmetic in double precision (floats and the float path of mixed inputs). */
    public double applyDouble(double a, double b, double c) {
        switch (this) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case TRUE_DIV: return a / b;
            case INT_DIV: return Math.floor(a / b);
            case MOD: {
                double r = a % b;
                return r != 0 && (r < 0) != (b < 0) ? r + b : r;
            }
            case POW: return Math.pow(a, b);
            case MAXIMUM: return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
            case MINIMUM: return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b);
            case NEG: return -a;
            case ABS: return Math.abs(a);
            case SQR: return a * a;
            case SQRT: return Math.sqrt(a);
            case EXP: return Math.exp(a);
            case LOG: return Math.log(a);
            case LOG1P: return Math.log1p(a);
            case EXPM1: return Math.expm1(a);
            case TANH: return Math.tanh(a);
            case SIGMOID: return a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
            case SOFTPLUS: return a > 30 ? a : Math.log1p(Math.exp(a));
            case RECIPROCAL: return 1 / a;
            case SIGN: return Math.signum(a);
            case LT: return a < b ? 1 : 0;
            case LE: return a <= b ? 1 : 0;
            case GT: return a > b ? 1 : 0;
            case GE: return a >= b ? 1 : 0;
            case EQ: return a == b ? 1 : 0;
            case NEQ: return a != b ? 1 : 0;
            case AND: return (a != 0 && b != 0) ? 1 : 0;
            case OR: return (a != 0 || b != 0) ? 1 : 0;
            case NOT: return a == 0 ? 1 : 0;
            case SWITCH: return a != 0 ? b : c;
            case SECOND: return b;
            case CAST: case IDENTITY: return a;
        }
        throw new AssertionError(this);
    }

    /**
     * Reference arithmetic on integers (used when every input and the output are integer or
     * bool). Division by zero gives 0, as NumPy does for integers, instead of throwing.
     */
    public long applyLong(long a, long b, long c) {
        switch (this) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case INT_DIV: return b == 0 ? 0 : Math.floorDiv(a, b);
            case MOD: return b == 0 ? 0 : Math.floorMod(a, b);
            case POW: {
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
            case MAXIMUM: return Math.max(a, b);
            case MINIMUM: return Math.min(a, b);
            case NEG: return -a;
            case ABS: return Math.abs(a);
            case SQR: return a * a;
            case SIGN: return Long.signum(a);
            case LT: return a < b ? 1 : 0;
            case LE: return a <= b ? 1 : 0;
            case GT: return a > b ? 1 : 0;
            case GE: return a >= b ? 1 : 0;
            case EQ: return a == b ? 1 : 0;
            case NEQ: return a != b ? 1 : 0;
            case AND: return (a != 0 && b != 0) ? 1 : 0;
            case OR: return (a != 0 || b != 0) ? 1 : 0;
            case NOT: return a == 0 ? 1 : 0;
            case SWITCH: return a != 0 ? b : c;
            case SECOND: return b;
            case CAST: case IDENTITY: return a;
            case TRUE_DIV: case SQRT: case EXP: case LOG: case LOG1P: case EXPM1: case TANH: case SIGMOID:
            case SOFTPLUS: case RECIPROCAL:
                throw new IllegalStateException(this + " has a float result; evaluate it with applyDouble");
        }
        throw new AssertionError(this);
    }
}
