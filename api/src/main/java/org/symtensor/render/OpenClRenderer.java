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
 * need), else in {@code long} with wrap-around on store. Helper functions that several ops share
 * (floor division, Python's modulo, NaN-propagating max) come from {@link #preamble}. Text only:
 * the runtime builds and runs what this returns.
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
     * (for {@code second}, only the second input is a value): {@code long} for integer programs,
     * else the upcast of the float operands and output ({@code int32} with {@code float32} is double).
     */
    public static DType computeType(ScalarOp op, DType out, List<DType> inputs) {
        DType t = out == DType.BOOL ? null : out;
        boolean anyFloat = out.isFloat();
        for (int i = op == ScalarOp.SECOND ? 1 : 0; i < inputs.size(); i++) {
            DType d = inputs.get(i);
            anyFloat |= d.isFloat();
            if (!(op == ScalarOp.SWITCH && i == 0)) {
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
     * is {@code v != 0}, float to int saturates through {@code long} (NaN is 0, as Java's cast), ints wrap.
     */
    public static String store(String expr, DType from, DType to) {
        if (to == DType.BOOL) {
            return "(uchar)((" + expr + ") != 0)";
        }
        if (from.isFloat() && !to.isFloat()) {
            return "(" + cType(to) + ")convert_long_sat(" + expr + ")";
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
     */
    public static String expression(ScalarOp op, DType ct, String... x) {
        boolean fl = ct.isFloat();
        String t = cType(ct);
        String sfx = suffix(ct);
        String a = x[0];
        String b = x.length > 1 ? x[1] : null;
        String c = x.length > 2 ? x[2] : null;
        switch (op) {
            case ADD: return a + " + " + b;
            case SUB: return a + " - " + b;
            case MUL: return a + " * " + b;
            case TRUE_DIV: return a + " / " + b;
            case INT_DIV: return fl ? "floor(" + a + " / " + b + ")" : "st_floordiv_l(" + a + ", " + b + ")";
            case MOD: return "st_mod_" + sfx + "(" + a + ", " + b + ")";
            case POW: return fl ? "pow(" + a + ", " + b + ")" : "st_pow_l(" + a + ", " + b + ")";
            case MAXIMUM: return fl ? "st_max_" + sfx + "(" + a + ", " + b + ")" : "max(" + a + ", " + b + ")";
            case MINIMUM: return fl ? "st_min_" + sfx + "(" + a + ", " + b + ")" : "min(" + a + ", " + b + ")";
            case NEG: return "-" + a;
            case ABS: return fl ? "fabs(" + a + ")" : "(" + a + " < 0 ? -" + a + " : " + a + ")";
            case SQR: return a + " * " + a;
            case SQRT: return "sqrt(" + a + ")";
            case EXP: return "exp(" + a + ")";
            case LOG: return "log(" + a + ")";
            case LOG1P: return "log1p(" + a + ")";
            case EXPM1: return "expm1(" + a + ")";
            case TANH: return "tanh(" + a + ")";
            case SIGMOID: return "st_sigmoid_" + sfx + "(" + a + ")";
            case SOFTPLUS: return "st_softplus_" + sfx + "(" + a + ")";
            case RECIPROCAL: return "(" + t + ")1 / " + a;
            case SIGN: return fl ? "(isnan(" + a + ") ? " + a + " : sign(" + a + "))"
                    : "(" + t + ")((" + a + " > 0) - (" + a + " < 0))";
            case LT: return "(" + a + " < " + b + ")";
            case LE: return "(" + a + " <= " + b + ")";
            case GT: return "(" + a + " > " + b + ")";
            case GE: return "(" + a + " >= " + b + ")";
            case EQ: return "(" + a + " == " + b + ")";
            case NEQ: return "(" + a + " != " + b + ")";
            case AND: return "(" + a + " != 0 && " + b + " != 0)";
            case OR: return "(" + a + " != 0 || " + b + " != 0)";
            case NOT: return "(" + a + " == 0)";
            case SWITCH: return "(" + a + " != 0 ? " + b + " : " + c + ")";
            case SECOND: return b;
            case CAST: return a;
            case IDENTITY: return a;
        }
        throw new AssertionError(op);
    }

    private static String suffix(DType ct) {
        return ct == DType.FLOAT32 ? "f" : ct == DType.FLOAT64 ? "d" : "l";
    }

    /**
     * The helpers {@link #expression} calls, for the compute types a program uses; enables
     * {@code cl_khr_fp64} when double is among them. Goes once at the top of a program.
     */
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
                        inline T st_mod_S(T a, T b) {
                            T r = fmod(a, b);
                            return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
                        }
                        inline T st_max_S(T a, T b) { return (isnan(a) || isnan(b)) ? (T)NAN : fmax(a, b); }
                        inline T st_min_S(T a, T b) { return (isnan(a) || isnan(b)) ? (T)NAN : fmin(a, b); }
                        inline T st_sigmoid_S(T a) { return a >= 0 ? (T)1 / ((T)1 + exp(-a)) : exp(a) / ((T)1 + exp(a)); }
                        inline T st_softplus_S(T a) { return a > 30 ? a : log1p(exp(a)); }
                        """).replace("T", t).replace("_S", "_" + s));
            }
        }
        return sb.toString();
    }
}
