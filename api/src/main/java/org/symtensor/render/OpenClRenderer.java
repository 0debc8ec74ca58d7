package org.symtensor.render;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.ScalarOp;
import org.symtensor.type.DType;

/**
 * Renders scalar programs as OpenCL C text: a graph of {@link Elemwise} nodes between given leaves
 * (one node's inputs, or a composite's rank-0 inner graph — the same code path) becomes one local
 * variable per node, computed in the node's compute type exactly as the CPU kernels compute: in
 * floating point when the output or a value input is a float (the widest float type the operands
 * need), else in {@code long} with wrap-around on store. The expressions are the shared
 * {@link ScalarExpressions} table's, as the Java renderer's are; helpers for what OpenCL C has no
 * built-in for (integer floor division, modulo and power that do not trap, NaN-propagating max) come
 * from {@link #preamble}. Text only: the runtime builds and runs what this returns.
 */
public final class OpenClRenderer {
    private OpenClRenderer() {}

    /** What {@link #statements} produced: the C statements, the result expressions, and the compute types used. */
    public record Rendered(String code, List<String> results, Set<DType> computeTypes) {}

    /** The OpenCL C type that stores a dtype: bool is {@code uchar} (0 or 1). */
    public static String cType(DType d) {
        return switch (d) {
            case BOOL, UINT8 -> "uchar";
            case INT8 -> "char";
            case INT16 -> "short";
            case INT32 -> "int";
            case INT64 -> "long";
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
        };
    }

    /**
     * The type an elementwise op computes in, given its output dtype and its value inputs' dtypes
     * ({@link ScalarOp#isValueInput}: not switch's condition nor second's shape donor): {@code long}
     * for integer programs, else the upcast of the float operands and output ({@code int32} with
     * {@code float32} is double).
     */
    public static DType computeType(ScalarOp op, DType out, List<DType> inputs) {
        DType t = out == DType.BOOL ? null : out;
        boolean anyFloat = out.isFloat();
        for (int i = 0; i < inputs.size(); i++) {
            // switch's condition and second's shape donor are not values: they do not set the type
            if (op.isValueInput(i)) {
                DType d = inputs.get(i);
                anyFloat |= d.isFloat();
                t = t == null ? d : DType.upcast(t, d);
            }
        }
        if (!anyFloat) {
            return DType.INT64;
        }
        return t != null && t.isFloat() ? t : DType.FLOAT64;
    }

    /**
     * Renders the elementwise graph from {@code leaves} (each mapped to a C expression of its own
     * dtype's C type) up to {@code outputs}: one {@code const} local per node, named
     * {@code prefix + k}; each result expression has its output's C type.
     */
    public static Rendered statements(List<Variable> outputs, Map<Variable, String> leaves, String prefix) {
        Map<Variable, String> names = new IdentityHashMap<>(leaves);
        StringBuilder code = new StringBuilder();
        Set<DType> types = new TreeSet<>();
        List<String> results = new ArrayList<>();
        for (Variable out : outputs) {
            results.add(render(out, names, code, types, prefix));
        }
        return new Rendered(code.toString(), results, types);
    }

    private static String render(Variable v, Map<Variable, String> names, StringBuilder code, Set<DType> types,
            String prefix) {
        String known = names.get(v);
        if (known != null) {
            return known;
        }
        if (v instanceof Constant) {
            String lit = literal((Constant) v);
            names.put(v, lit);
            return lit;
        }
        Apply a = v.owner();
        if (a == null || !(a.op() instanceof Elemwise)) {
            throw new IllegalArgumentException("OpenCL renderer: " + v.describe() + " is neither a leaf, a constant nor"
                    + " the output of an elementwise op");
        }
        ScalarOp op = ((Elemwise) a.op()).scalarOp();
        List<DType> inTypes = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (Variable in : a.inputs()) {
            args.add(render(in, names, code, types, prefix));
            inTypes.add(in.type().dtype());
        }
        DType out = v.type().dtype();
        DType ct = computeType(op, out, inTypes);
        types.add(ct);
        String[] converted = new String[args.size()];
        for (int i = 0; i < converted.length; i++) {
            converted[i] = "(" + load(args.get(i), inTypes.get(i), ct) + ")";
        }
        String name = prefix + names.size();
        code.append("    const ").append(cType(out)).append(' ').append(name).append(" = ")
                .append(store(expression(op, ct, converted), ct, out)).append(";\n");
        names.put(v, name);
        return name;
    }

    /** {@code expr} of dtype {@code from} as a value of the compute type {@code to}. */
    public static String load(String expr, DType from, DType to) {
        return from == to ? expr : "(" + cType(to) + ")(" + expr + ")";
    }

    /**
     * {@code expr} computed in {@code from} stored as {@code to}, with NumPy's {@code astype}: bool
     * is {@code v != 0}, float to int truncates and saturates to the target's range with
     * {@code convert_<type>_sat_rtz} (NaN is 0: Java's cast rule, see {@code Conversions.floatToInt}), ints wrap.
     */
    public static String store(String expr, DType from, DType to) {
        if (to == DType.BOOL) {
            return "(uchar)((" + expr + ") != 0)";
        }
        if (from.isFloat() && !to.isFloat()) {
            return "convert_" + cType(to) + "_sat_rtz(" + expr + ")";
        }
        return from == to ? expr : "(" + cType(to) + ")(" + expr + ")";
    }

    /** A rank-0 constant as a C literal of its dtype. */
    public static String literal(Constant c) {
        DType d = c.type().dtype();
        if (d.isFloat()) {
            double x = c.value().getDouble(0);
            if (Double.isNaN(x)) {
                return "(" + cType(d) + ")NAN";
            }
            if (Double.isInfinite(x)) {
                return "(" + (x > 0 ? "" : "-") + "(" + cType(d) + ")INFINITY)";
            }
            return d == DType.FLOAT32 ? "(" + Float.toString((float) x) + "f)" : "(" + Double.toString(x) + ")";
        }
        long x = c.value().getLong(0);
        String v = x == Long.MIN_VALUE ? "(-9223372036854775807L - 1)" : "(" + x + "L)";
        return "((" + cType(d) + ")" + v + ")";
    }

    /**
     * One scalar op as a C expression over operands already in the compute type {@code ct}
     * ({@code long}, {@code float} or {@code double}); comparisons and logic give an {@code int} 0 or 1.
     * The expression comes from the shared {@link ScalarExpressions} table, spelled by {@link #dialect}.
     */
    public static String expression(ScalarOp op, DType ct, String... x) {
        // parenthesized, so that a definition expanded at the top (sigmoid's ?:) cannot bind to what the caller
        // writes around it
        return ScalarExpressions.atom(ScalarExpressions.render(op, dialect(ct), x));
    }

    /**
     * OpenCL C's spelling of the table's functions in compute type {@code ct}: the built-ins where
     * they have the table's semantics, else the helpers of {@link #preamble} (integer division and
     * powers that do not trap, NaN-propagating max and min).
     */
    static ScalarExpressions.Dialect dialect(DType ct) {
        boolean fl = ct.isFloat();
        String t = cType(ct);
        String sfx = suffix(ct);
        return new ScalarExpressions.Dialect() {
            @Override
            public String spell(ScalarExpressions.Fn fn, List<String> x) {
                String a = x.get(0);
                return switch (fn) {
                    case FLOOR_DIV -> fl ? "floor(" + a + " / " + x.get(1) + ")" : call("st_floordiv_l", x);
                    case REM -> fl ? call("fmod", x) : "(" + a + " % " + x.get(1) + ")";
                    case POW -> call(fl ? "pow" : "st_pow_l", x);
                    case MAX -> call(fl ? "st_max_" + sfx : "max", x);
                    case MIN -> call(fl ? "st_min_" + sfx : "min", x);
                    case ABS -> fl ? call("fabs", x) : "(" + a + " < 0 ? -" + a + " : " + a + ")";
                    case SIGN -> fl ? "(isnan(" + a + ") ? " + a + " : sign(" + a + "))"
                            : "(" + t + ")((" + a + " > 0) - (" + a + " < 0))";
                    case TRUTH -> "(" + a + ")";
                    case ASINH, ACOSH, ATANH, LOG2, EXP2, TRUNC, ERF, ERFC, LGAMMA -> call(fn.templateName(), x);
                    // no built-in: the preamble's helpers, the same algorithms as ScalarMath
                    case ERFINV, DIGAMMA, TRIGAMMA -> call("st_" + fn.templateName() + "_" + sfx, x);
                    // OpenCL's isnan and friends take floats only: an integer is never NaN or infinite
                    case ISNAN, ISINF -> fl ? call(fn.templateName(), x) : "0";
                    case ISFINITE -> fl ? call(fn.templateName(), x) : "1";
                    // integers: a zero divisor gives 0 instead of trapping
                    case MOD -> fl ? null : call("st_mod_l", x);
                    case SIGMOID, SOFTPLUS -> null;
                };
            }

            @Override
            public String standard(String name, List<String> x) {
                return call(name, x);
            }
        };
    }

    private static String call(String name, List<String> args) {
        return name + "(" + String.join(", ", args) + ")";
    }

    private static String suffix(DType ct) {
        return ct == DType.FLOAT32 ? "f" : ct == DType.FLOAT64 ? "d" : "l";
    }

    /**
     * The helpers {@link #expression} calls, for the compute types a program uses; enables
     * {@code cl_khr_fp64} when double is among them. Goes once at the top of a program.
     */
    /**
     * digamma, trigamma and erfinv for OpenCL C, which has no built-in for them: the algorithms of
     * {@code org.symtensor.ir.ScalarMath} (recurrence and asymptotic series; Giles' approximation
     * and four Newton steps), over the type {@code TT}, with names ending in {@code _SS}.
     */
    private static final String SPECIAL = """
            inline TT st_sinpi_SS(TT x) { TT r = x - 2 * floor(x / 2); return sin((TT)3.14159265358979323846 * r); }
            inline TT st_digamma_SS(TT x) {
                if (isnan(x) || isinf(x)) return x > 0 ? x : (TT)NAN;
                if (x <= 0 && x == floor(x)) return (TT)NAN;
                TT r = 0;
                if (x < 0) { TT fr = x - floor(x); r = -(TT)3.14159265358979323846 / tan((TT)3.14159265358979323846 * fr); x = 1 - x; }
                while (x < 10) { r -= 1 / x; x += 1; }
                TT f = 1 / (x * x);
                TT s = f * ((TT)(-1.0 / 12) + f * ((TT)(1.0 / 120) + f * ((TT)(-1.0 / 252) + f * ((TT)(1.0 / 240)
                        + f * ((TT)(-1.0 / 132) + f * ((TT)(691.0 / 32760) + f * (TT)(-1.0 / 12)))))));
                return r + log(x) - (TT)0.5 / x + s;
            }
            inline TT st_trigamma_SS(TT x) {
                if (isnan(x)) return x;
                if (isinf(x)) return x > 0 ? (TT)0 : (TT)NAN;
                if (x <= 0 && x == floor(x)) return (TT)INFINITY;
                TT r = 0;
                if (x < 0) { TT s = st_sinpi_SS(x); r = (TT)9.86960440108935861883 / (s * s); x = 1 - x; TT q = 0;
                    while (x < 10) { q += 1 / (x * x); x += 1; }
                    TT f = 1 / (x * x);
                    TT ser = ((TT)(1.0 / 6) - f * ((TT)(1.0 / 30) - f * ((TT)(1.0 / 42) - f * ((TT)(1.0 / 30) - f * ((TT)(5.0 / 66)
                            - f * ((TT)(691.0 / 2730) - f * (TT)(7.0 / 6))))))) * f / x;
                    return r - (q + 1 / x + (TT)0.5 * f + ser); }
                while (x < 10) { r += 1 / (x * x); x += 1; }
                TT f = 1 / (x * x);
                TT ser = ((TT)(1.0 / 6) - f * ((TT)(1.0 / 30) - f * ((TT)(1.0 / 42) - f * ((TT)(1.0 / 30) - f * ((TT)(5.0 / 66)
                        - f * ((TT)(691.0 / 2730) - f * (TT)(7.0 / 6))))))) * f / x;
                return r + 1 / x + (TT)0.5 * f + ser;
            }
            inline TT st_erfinv_SS(TT x) {
                TT ax = fabs(x);
                if (isnan(x) || ax > 1) return (TT)NAN;
                if (ax == 1) return x > 0 ? (TT)INFINITY : -(TT)INFINITY;
                if (x == 0) return x;
                TT w = -log((1 - ax) * (1 + ax));
                TT p;
                if (w < 5) {
                    w -= (TT)2.5;
                    p = (TT)2.81022636e-08; p = (TT)3.43273939e-07 + p * w; p = (TT)-3.5233877e-06 + p * w;
                    p = (TT)-4.39150654e-06 + p * w; p = (TT)0.00021858087 + p * w; p = (TT)-0.00125372503 + p * w;
                    p = (TT)-0.00417768164 + p * w; p = (TT)0.246640727 + p * w; p = (TT)1.50140941 + p * w;
                } else {
                    w = sqrt(w) - 3;
                    p = (TT)-0.000200214257; p = (TT)0.000100950558 + p * w; p = (TT)0.00134934322 + p * w;
                    p = (TT)-0.00367342844 + p * w; p = (TT)0.00573950773 + p * w; p = (TT)-0.0076224613 + p * w;
                    p = (TT)0.00943887047 + p * w; p = (TT)1.00167406 + p * w; p = (TT)2.83297682 + p * w;
                }
                TT y = p * ax;
                for (int i = 0; i < 4; i++) {
                    TT slope = (TT)1.12837916709551257390 * exp(-y * y);
                    TT err = ax <= (TT)0.5 ? erf(y) - ax : (1 - ax) - erfc(y);
                    y -= err / slope;
                }
                return x < 0 ? -y : y;
            }
            """;

    public static String preamble(Set<DType> computeTypes) {
        StringBuilder sb = new StringBuilder();
        if (computeTypes.contains(DType.FLOAT64)) {
            sb.append("#pragma OPENCL EXTENSION cl_khr_fp64 : enable\n");
        }
        sb.append("""
                inline long st_floordiv_l(long a, long b) {
                    if (b == 0) return 0;
                    long q = a / b;
                    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
                }
                inline long st_mod_l(long a, long b) {
                    if (b == 0) return 0;
                    long r = a % b;
                    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
                }
                inline long st_pow_l(long a, long b) {
                    if (b < 0) return a == 1 ? 1 : (a == -1 ? ((b & 1) == 0 ? 1 : -1) : 0);
                    long r = 1;
                    while (b > 0) { if (b & 1) r *= a; a *= a; b >>= 1; }
                    return r;
                }
                """);
        for (DType ct : computeTypes) {
            if (ct.isFloat()) {
                String t = cType(ct);
                String s = suffix(ct);
                sb.append(("""
                        inline T st_max_S(T a, T b) { return (isnan(a) || isnan(b)) ? (T)NAN : fmax(a, b); }
                        inline T st_min_S(T a, T b) { return (isnan(a) || isnan(b)) ? (T)NAN : fmin(a, b); }
                        """).replace("T", t).replace("_S", "_" + s));
                sb.append(SPECIAL.replace("TT", t).replace("_SS", "_" + s));
            }
        }
        return sb.toString();
    }
}
