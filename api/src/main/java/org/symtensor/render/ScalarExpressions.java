package org.symtensor.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.symtensor.ir.ScalarOp;

/**
 * The one table of scalar expressions that both renderers read: every {@link ScalarOp} as a
 * template over its operands {@code a}, {@code b}, {@code c}, in the syntax Java and OpenCL C share
 * (infix arithmetic, comparisons, {@code ?:}, calls). What the two languages spell differently is a
 * call to one of the functions of {@link Fn}, which each renderer spells through its {@link Dialect};
 * a call to any other name is a function that {@code java.lang.Math} and OpenCL C both have under
 * that name ({@code exp(a)} is {@code Math.exp(a)} in Java and {@code exp(a)} in OpenCL). Functions
 * that are defined from others ({@link Fn#MOD}, {@link Fn#SIGMOID}, {@link Fn#SOFTPLUS}) are defined
 * here, once; a dialect expands that definition unless it has a native spelling for the compute type.
 *
 * <p>{@link #template} is a switch expression with no default, so a new scalar op does not compile
 * until it has an expression here, and both renderers then have it.
 */
public final class ScalarExpressions {
    private ScalarExpressions() {}

    /**
     * The template of {@code op}: operands {@code a}, {@code b}, {@code c} (each substituted by an
     * operand text that is an atom: a name, a literal or a parenthesized expression); the result is
     * a number in the compute type, comparisons and logic a 0 or 1 ({@code truth(...)}).
     */
    public static String template(ScalarOp op) {
        return switch (op) {
            case ADD -> "a + b";
            case SUB -> "a - b";
            case MUL -> "a * b";
            case TRUE_DIV -> "a / b";
            case INT_DIV -> "floor_div(a, b)";
            case MOD -> "mod(a, b)";
            case POW -> "pow(a, b)";
            case MAXIMUM -> "max(a, b)";
            case MINIMUM -> "min(a, b)";
            case NEG -> "-a";
            case ABS -> "abs(a)";
            case SQR -> "a * a";
            case SQRT -> "sqrt(a)";
            case CBRT -> "cbrt(a)";
            case EXP -> "exp(a)";
            case LOG -> "log(a)";
            case LOG1P -> "log1p(a)";
            case EXPM1 -> "expm1(a)";
            case TANH -> "tanh(a)";
            case SIGMOID -> "sigmoid(a)";
            case SOFTPLUS -> "softplus(a)";
            case RECIPROCAL -> "1 / a";
            case SIN -> "sin(a)";
            case COS -> "cos(a)";
            case TAN -> "tan(a)";
            case ARCSIN -> "asin(a)";
            case ARCCOS -> "acos(a)";
            case ARCTAN -> "atan(a)";
            case SINH -> "sinh(a)";
            case COSH -> "cosh(a)";
            case ARCSINH -> "asinh(a)";
            case ARCCOSH -> "acosh(a)";
            case ARCTANH -> "atanh(a)";
            case ARCTAN2 -> "atan2(a, b)";
            case LOG2 -> "log2(a)";
            case LOG10 -> "log10(a)";
            case EXP2 -> "exp2(a)";
            case CEIL -> "ceil(a)";
            case FLOOR -> "floor(a)";
            case ROUND -> "rint(a)";
            case TRUNC -> "trunc(a)";
            case ERF -> "erf(a)";
            case ERFC -> "erfc(a)";
            case ERFINV -> "erfinv(a)";
            case GAMMALN -> "lgamma(a)";
            case DIGAMMA -> "digamma(a)";
            case TRIGAMMA -> "trigamma(a)";
            case ISNAN -> "truth(isnan(a))";
            case ISINF -> "truth(isinf(a))";
            case ISFINITE -> "truth(isfinite(a))";
            case SIGN -> "sign(a)";
            case LT -> "truth(a < b)";
            case LE -> "truth(a <= b)";
            case GT -> "truth(a > b)";
            case GE -> "truth(a >= b)";
            case EQ -> "truth(a == b)";
            case NEQ -> "truth(a != b)";
            case AND -> "truth(a != 0 && b != 0)";
            case OR -> "truth(a != 0 || b != 0)";
            case NOT -> "truth(a == 0)";
            case XOR -> "truth((a != 0) != (b != 0))";
            case SWITCH -> "(a != 0 ? b : c)";
            case SECOND -> "b";
            case CAST, IDENTITY -> "a";
            // integer programs compute in long (both languages): the operators are the same, and the
            // shifts are guarded because both mask (Java) or leave undefined (C) counts past 63
            case BITWISE_AND -> "(a & b)";
            case BITWISE_OR -> "(a | b)";
            case BITWISE_XOR -> "(a ^ b)";
            case INVERT -> "(~a)";
            case LEFT_SHIFT -> "(b < 0 || b > 63 ? 0 : a << b)";
            case RIGHT_SHIFT -> "(b < 0 || b > 63 ? (a < 0 ? -1 : 0) : a >> b)";
        };
    }

    /**
     * The functions that Java and OpenCL spell differently, or that need care per compute type.
     * The first group is primitive: each {@link Dialect} spells it. The second is defined here
     * from the first (a template over {@code a}, {@code b}), with the op table's semantics.
     */
    public enum Fn {
        /** {@code floor(a / b)}; on integers, floor division with a zero divisor giving 0. */
        FLOOR_DIV(null),
        /** The remainder with the dividend's sign (Java's {@code %}, C's {@code fmod}). */
        REM(null),
        /** {@code a} to the power {@code b}. */
        POW(null),
        /** The larger of two values, NaN if either is NaN ({@code Math.max}). */
        MAX(null),
        /** The smaller of two values, NaN if either is NaN ({@code Math.min}). */
        MIN(null),
        /** The absolute value. */
        ABS(null),
        /** -1, 0 or 1 by sign; NaN stays NaN. */
        SIGN(null),
        /** A condition as the number 1 or 0. */
        TRUTH(null),
        /** Inverse hyperbolic sine (OpenCL C's built-in; {@code ScalarMath} in Java). */
        ASINH(null),
        /** Inverse hyperbolic cosine. */
        ACOSH(null),
        /** Inverse hyperbolic tangent. */
        ATANH(null),
        /** Base-2 logarithm. */
        LOG2(null),
        /** 2 to a power. */
        EXP2(null),
        /** Rounding toward zero. */
        TRUNC(null),
        /** The error function (OpenCL C's built-in; {@code ScalarMath} in Java). */
        ERF(null),
        /** The complementary error function. */
        ERFC(null),
        /** The inverse error function (a helper of the OpenCL preamble). */
        ERFINV(null),
        /** {@code log |Gamma(a)|}. */
        LGAMMA(null),
        /** The digamma function (a helper of the OpenCL preamble). */
        DIGAMMA(null),
        /** The trigamma function (a helper of the OpenCL preamble). */
        TRIGAMMA(null),
        /** Whether a value is NaN (a truth value; false for integers). */
        ISNAN(null),
        /** Whether a value is infinite (false for integers). */
        ISINF(null),
        /** Whether a value is finite (true for integers). */
        ISFINITE(null),
        /** Python's modulo: the remainder with the divisor's sign. */
        MOD("(rem(a, b) != 0 && (rem(a, b) < 0) != (b < 0) ? rem(a, b) + b : rem(a, b))"),
        /** The logistic function, in the form that neither overflows nor loses the tail. */
        SIGMOID("a >= 0 ? 1 / (1 + exp(-a)) : exp(a) / (1 + exp(a))"),
        /** {@code log(1 + e^a)}, which is {@code a} to double precision beyond 30. */
        SOFTPLUS("a > 30 ? a : log1p(exp(a))");

        private final String definition;

        Fn(String definition) {
            this.definition = definition;
        }

        /** The template this function stands for, or null for a primitive one. */
        public String definition() {
            return definition;
        }

        /** The name a template calls it by: {@code floor_div}, {@code sigmoid}. */
        public String templateName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Fn byTemplateName(String name) {
            for (Fn fn : values()) {
                if (fn.templateName().equals(name)) {
                    return fn;
                }
            }
            return null;
        }
    }

    /** How one language (and compute type) spells calls. */
    public interface Dialect {
        /**
         * The text of {@code fn} over the rendered {@code args}, or null to expand its
         * {@linkplain Fn#definition() definition} (null is allowed only for defined functions).
         */
        String spell(Fn fn, List<String> args);

        /** A call to a function that {@code java.lang.Math} and OpenCL C share, such as {@code exp}. */
        String standard(String name, List<String> args);
    }

    /** The text of {@code op} over {@code operands} (atoms) in {@code dialect}. */
    public static String render(ScalarOp op, Dialect dialect, String... operands) {
        return render(template(op), dialect, operands);
    }

    /** The text of a template over {@code operands} ({@code a}, {@code b}, {@code c} in order) in {@code dialect}. */
    public static String render(String template, Dialect dialect, String... operands) {
        Parser p = new Parser(template, dialect, operands);
        String out = p.until(false);
        if (p.pos != template.length()) {
            throw new IllegalArgumentException("unbalanced template: " + template);
        }
        return out;
    }

/** {@code x} itself when it is a name, a number, an indexed name or parenthesized; else {@code (x)}. */
static String atom(String x) {
        if (x.matches("[\\w.\\[\\]]+")) {
            return x;
        }
        if (x.startsWith("(") && x.endsWith(")")) {
            int depth = 0;
            for (int i = 0; i < x.length(); i++) {
                depth += x.charAt(i) == '(' ? 1 : x.charAt(i) == ')' ? -1 : 0;
                if (depth == 0 && i < x.length() - 1) {
                    return "(" + x + ")";
                }
            }
            return x;
        }
        return "(" + x + ")";
    }

    /** A single pass over a template: operands substituted, calls spelled, everything else copied. */
    private static final class Parser {
        private final String t;
        private final Dialect dialect;
        private final String[] operands;
        private int pos;

        Parser(String t, Dialect dialect, String[] operands) {
            this.t = t;
            this.dialect = dialect;
            this.operands = operands;
        }

        /** Text up to the end, or inside a call's argument list up to a top-level {@code ,} or {@code )}. */
        String until(boolean inCall) {
            StringBuilder sb = new StringBuilder();
            int depth = 0;
            while (pos < t.length()) {
                char ch = t.charAt(pos);
                if (inCall && depth == 0 && (ch == ',' || ch == ')')) {
                    break;
                }
                if (Character.isLetter(ch) || ch == '_') {
                    int start = pos;
                    while (pos < t.length() && (Character.isLetterOrDigit(t.charAt(pos)) || t.charAt(pos) == '_')) {
                        pos++;
                    }
                    String name = t.substring(start, pos);
                    sb.append(pos < t.length() && t.charAt(pos) == '(' ? call(name) : operand(name));
                    continue;
                }
                depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
                sb.append(ch);
                pos++;
            }
            return sb.toString();
        }

        private String call(String name) {
            pos++; // '('
            List<String> args = new ArrayList<>();
            while (true) {
                args.add(until(true).strip());
                if (pos >= t.length()) {
                    throw new IllegalArgumentException("unclosed call to " + name + " in " + t);
                }
                if (t.charAt(pos++) == ')') {
                    break;
                }
            }
            Fn fn = Fn.byTemplateName(name);
            if (fn == null) {
                return dialect.standard(name, args);
            }
            String spelled = dialect.spell(fn, args);
            if (spelled != null) {
                return spelled;
            }
            if (fn.definition() == null) {
                throw new IllegalStateException("the dialect must spell the primitive function " + name);
            }
            String[] atoms = new String[args.size()];
            for (int i = 0; i < atoms.length; i++) {
                atoms[i] = atom(args.get(i));
            }
            return render(fn.definition(), dialect, atoms);
        }

        private String operand(String name) {
            int k = name.length() == 1 ? name.charAt(0) - 'a' : -1;
            if (k < 0 || k >= operands.length || operands[k] == null) {
                throw new IllegalArgumentException("template " + t + " names " + name + " but has " + operands.length
                        + " operands");
            }
            return operands[k];
        }
    }
}
