package org.symtensor.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.symtensor.type.DType;

/**
 * A seeded generator of Java source: one class of {@code @SymbolicFunction} methods over random,
 * well-typed DSL expressions, in float32 and float64. Expressions cover the elementwise math of
 * {@code T}, operators with tensors and literals, maximum/minimum, reductions, products, transposes
 * and dimshuffles, broadcasting of scalars, rows and columns, common subexpressions (locals and
 * repeated text), records of several outputs, and the patterns the optimizer rewrites (log1p,
 * expm1, the sigmoid and softplus forms, neutral elements, double negation, {@code x-x},
 * {@code (x*y)/x}, powers). The DSL has no {@code prod}, so none is generated.
 *
 * <p>Shapes are symbolic: every axis is one of three dimensions {@code r, c, k} whose lengths the test
 * picks per trial, so the generator can keep products and broadcasts compatible. Each method's
 * parameters, with their dimensions, are returned alongside the source.
 */
final class RandomGraphSource {
    /** The package of generated classes (not {@code org.symtensor.samples}: they load in their own class loader). */
    static final String PACKAGE = "difftest";

    /** The number of dimension symbols; axis dimension {@code i} is {@code "rck".charAt(i)}. */
    static final int DIMENSIONS = 3;

    private static final String[] LITERALS = {"1", "2", "0.5", "2.5", "-3", "0.001", "10", "0.1", "3.14159", "-0.25"};

    /** A parameter: its name and its axes' dimension symbols (length = rank). */
    record Param(String name, int[] dims) {}

    /** A generated method: its parameters, dtype, output count and body text (for reports). */
    record Method(String name, DType dtype, List<Param> params, int outputs, String body) {}

    /** A generated class: its source and methods. */
    record Source(String className, String text, List<Method> methods) {
        String qualifiedName() {
            return PACKAGE + "." + className;
        }

        String symbolicClassName() {
            return qualifiedName() + "Symbolic";
        }
    }

    private RandomGraphSource() {}

    /** A class {@code className} of {@code count} methods, half of them float32, the same for the same seed. */
    static Source generate(String className, long seed, int count) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        text.append("package ").append(PACKAGE).append(";\n\n")
                .append("import static org.symtensor.T.*;\n\n")
                .append("import org.symtensor.SymbolicFunction;\n")
                .append("import org.symtensor.tensor.Matrix;\n")
                .append("import org.symtensor.tensor.Scalar;\n")
                .append("import org.symtensor.tensor.Vector;\n")
                .append("import org.symtensor.type.F32;\n")
                .append("import org.symtensor.type.F64;\n\n")
                .append("public final class ").append(className).append(" {\n")
                .append("    private ").append(className).append("() {}\n");
        List<Method> methods = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DType dtype = i % 2 == 0 ? DType.FLOAT64 : DType.FLOAT32;
            methods.add(new MethodWriter(rnd.split(), "m" + i, dtype).write(text));
        }
        text.append("}\n");
        return new Source(className, text.toString(), List.copyOf(methods));
    }

    /** The Java handle type of a rank with dtype marker {@code d}. */
    static String handle(int rank, String d) {
        return (rank == 0 ? "Scalar" : rank == 1 ? "Vector" : "Matrix") + "<" + d + ">";
    }

    /** Writes one method: the expressions of its outputs, the locals they use and the parameters they need. */
    private static final class MethodWriter {
        private final SplittableRandom rnd;
        private final String name;
        private final DType dtype;
        private final String d;
        private final List<Param> params = new ArrayList<>();
        private final List<Param> locals = new ArrayList<>();
        private final StringBuilder statements = new StringBuilder();

        MethodWriter(SplittableRandom rnd, String name, DType dtype) {
            this.rnd = rnd;
            this.name = name;
            this.dtype = dtype;
            this.d = dtype == DType.FLOAT32 ? "F32" : "F64";
        }

        Method write(StringBuilder out) {
            int outputs = rnd.nextInt(100) < 15 ? 2 + rnd.nextInt(2) : 1;
            List<int[]> shapes = new ArrayList<>();
            List<String> exprs = new ArrayList<>();
            for (int o = 0; o < outputs; o++) {
                int[] s = randomShape(rnd.nextInt(3));
                shapes.add(s);
                exprs.add(expr(s, 2 + rnd.nextInt(3)));
            }
            String record = "R" + name.substring(1);
            String returnType;
            String returned;
            if (outputs == 1) {
                returnType = handle(shapes.get(0).length, d);
                returned = exprs.get(0);
            } else {
                List<String> comps = new ArrayList<>();
                for (int o = 0; o < outputs; o++) {
                    comps.add(handle(shapes.get(o).length, d) + " o" + o);
                }
                out.append("\n    record ").append(record).append("(").append(String.join(", ", comps)).append(") {}\n");
                returnType = record;
                returned = "new " + record + "(" + String.join(", ", exprs) + ")";
            }
            List<String> decl = new ArrayList<>();
            for (Param p : params) {
                decl.add(handle(p.dims().length, d) + " " + p.name());
            }
            String body = statements + "return " + returned + ";";
            out.append("\n    @SymbolicFunction\n    static ").append(returnType).append(' ').append(name)
                    .append('(').append(String.join(", ", decl)).append(") {\n");
            for (String line : body.split("\n")) {
                out.append("        ").append(line).append('\n');
            }
            out.append("    }\n");
            return new Method(name, dtype, List.copyOf(params), outputs, body.replace("\n", " "));
        }

        private int[] randomShape(int rank) {
            int[] s = new int[rank];
            for (int i = 0; i < rank; i++) {
                s[i] = rnd.nextInt(DIMENSIONS);
            }
            return s;
        }

        private String lit() {
            return LITERALS[rnd.nextInt(LITERALS.length)];
        }

        /** An expression whose static Java type is the handle of {@code s}'s rank. */
        String expr(int[] s, int depth) {
            if (depth <= 0 || rnd.nextInt(6) == 0) {
                return leaf(s);
            }
            int pick = rnd.nextInt(16);
            if (pick < 4) {
                return unary(s, depth - 1);
            } else if (pick < 7) {
                return binary(s, depth - 1);
            } else if (pick < 9) {
                return literal(s, depth - 1);
            } else if (pick < 12) {
                return rewritten(s, depth - 1);
            } else if (pick < 13) {
                return shared(s, depth - 1);
            }
            return s.length == 0 ? scalarOf(depth - 1) : s.length == 1 ? vectorOf(s[0], depth - 1)
                    : matrixOf(s[0], s[1], depth - 1);
        }

        /** A parameter or local of shape {@code s}: reused when one exists, mostly; else a new parameter. */
        private String leaf(int[] s) {
            List<Param> fit = new ArrayList<>();
            for (Param p : locals) {
                if (java.util.Arrays.equals(p.dims(), s)) {
                    fit.add(p);
                }
            }
            if (!fit.isEmpty() && rnd.nextInt(2) == 0) {
                return fit.get(rnd.nextInt(fit.size())).name();
            }
            fit.clear();
            for (Param p : params) {
                if (java.util.Arrays.equals(p.dims(), s)) {
                    fit.add(p);
                }
            }
            if (!fit.isEmpty() && (params.size() >= 4 || rnd.nextInt(10) < 7)) {
                return fit.get(rnd.nextInt(fit.size())).name();
            }
            Param p = new Param("p" + params.size(), s.clone());
            params.add(p);
            return p.name();
        }

        /** Binds {@code init} to a new local of shape {@code s} and returns its name. */
        private String local(int[] s, String init) {
            String n = "c" + locals.size();
            statements.append("var ").append(n).append(" = ").append(init).append(";\n");
            locals.add(new Param(n, s.clone()));
            return n;
        }

        private String unary(int[] s, int depth) {
            String u = expr(s, depth);
            switch (rnd.nextInt(16)) {
                case 0: return "exp(" + u + ")";
                case 1: return "log(abs(" + u + ").plus(1))";
                case 2: return "log1p(" + u + ".abs())";
                case 3: return "expm1(" + u + ")";
                case 4: return "tanh(" + u + ")";
                case 5: return "sigmoid(" + u + ")";
                case 6: return "softplus(" + u + ")";
                case 7: return "sqrt(abs(" + u + "))";
                case 8: return "sqr(" + u + ")";
                case 9: return u + ".sqr()";
                case 10: return "abs(" + u + ")";
                case 11: return u + ".abs()";
                case 12: return u + ".unaryMinus()";
                case 13: return "log(" + u + ".abs())";
                case 14: return u + ".pow(3)";
                default: return "exp(tanh(" + u + "))";
            }
        }

        private String binary(int[] s, int depth) {
            String a = expr(s, depth);
            String b = expr(s, depth);
            switch (rnd.nextInt(8)) {
                case 0: return a + ".plus(" + b + ")";
                case 1: return a + ".minus(" + b + ")";
                case 2: return a + ".times(" + b + ")";
                case 3: return a + ".div(" + b + ")";
                case 4: return "maximum(" + a + ", " + b + ")";
                case 5: return "minimum(" + a + ", " + b + ")";
                case 6: return a + ".maximum(" + b + ")";
                default: return a + ".minimum(" + b + ")";
            }
        }

        private String literal(int[] s, int depth) {
            String a = expr(s, depth);
            String l = lit();
            switch (rnd.nextInt(10)) {
                case 0: return a + ".plus(" + l + ")";
                case 1: return a + ".minus(" + l + ")";
                case 2: return a + ".times(" + l + ")";
                case 3: return a + ".div(" + l + ")";
                case 4: return "plus(" + l + ", " + a + ")";
                case 5: return "minus(" + l + ", " + a + ")";
                case 6: return "times(" + l + ", " + a + ")";
                case 7: return "div(" + l + ", " + a + ")";
                case 8: return a + ".maximum(" + l + ")";
                default: return a + ".minimum(" + l + ")";
            }
        }

        /** The forms the rewrite sets match (canonicalize, stabilize, specialize; merge for repeats). */
        private String rewritten(int[] s, int depth) {
            String u = expr(s, depth);
            switch (rnd.nextInt(24)) {
                case 0: return "log(" + u + ".plus(1))";
                case 1: return "log(plus(1, " + u + ".abs()))";
                case 2: return "exp(" + u + ").minus(1)";
                case 3: return "log(sigmoid(" + u + "))";
                case 4: return "log(minus(1, sigmoid(" + u + ")))";
                case 5: return "div(1, exp(" + u + ".unaryMinus()).plus(1))";
                case 6: return "div(1, plus(1, exp(" + u + ")))";
                case 7: return "minus(1, sigmoid(" + u + "))";
                case 8: return rnd.nextBoolean() ? u + ".times(1)" : "times(1, " + u + ")";
                case 9: return rnd.nextBoolean() ? u + ".plus(0)" : "plus(0, " + u + ")";
                case 10: return u + ".minus(0)";
                case 11: return u + ".div(1)";
                case 12: {
                    String t = local(s, u);
                    return t + ".div(" + t + ")";
                }
                case 13: return u + ".unaryMinus().unaryMinus()";
                case 14: return u + ".times(0)";
                case 15: {
                    String t = local(s, u);
                    return t + ".minus(" + t + ")";
                }
                case 16: {
                    String t = local(s, u);
                    return t + ".times(" + expr(s, depth) + ").div(" + t + ")";
                }
                case 17: return u + ".unaryMinus().minus(" + expr(s, depth) + ")";
                case 18: return u + ".unaryMinus().times(" + expr(s, depth) + ")";
                case 19: {
                    String t = local(s, u);
                    return "exp(" + t + ").div(exp(" + t + ").plus(1))";
                }
                case 20: return u + ".pow(2)";
                case 21: return "abs(" + u + ").pow(0.5)";
                case 22: return u + (rnd.nextBoolean() ? ".pow(1)" : ".pow(-1)");
                default: return "log(log1p(sigmoid(" + u + ").unaryMinus()).unaryMinus().plus(1))";
            }
        }

        /** Common subexpressions: a local used twice, or the same text written twice (merged by the optimizer). */
        private String shared(int[] s, int depth) {
            String u = expr(s, depth);
            switch (rnd.nextInt(4)) {
                case 0: {
                    String t = local(s, u);
                    return t + ".plus(" + t + ".times(2))";
                }
                case 1: {
                    String t = local(s, u);
                    return "exp(" + t + ").times(" + t + ")";
                }
                case 2: return "tanh(" + u + ").plus(tanh(" + u + "))";
                default: return "sigmoid(" + u + ").times(" + u + ")";
            }
        }

        private String scalarOf(int depth) {
            int a = rnd.nextInt(DIMENSIONS);
            int b = rnd.nextInt(DIMENSIONS);
            switch (rnd.nextInt(14)) {
                case 0: return expr(new int[] {a}, depth) + ".sum()";
                case 1: return "sum(" + expr(new int[] {a, b}, depth) + ")";
                case 2: return expr(new int[] {a}, depth) + ".mean()";
                case 3: return "mean(" + expr(new int[] {a, b}, depth) + ")";
                case 4: return expr(new int[] {a, b}, depth) + ".max()";
                case 5: return expr(new int[] {a}, depth) + ".min()";
                case 6: return expr(new int[] {a}, depth) + ".sum(0)";
                case 7: return expr(new int[] {a}, depth) + ".mean(0)";
                case 8: return expr(new int[] {a}, depth) + ".max(0)";
                case 9: return expr(new int[] {a}, depth) + ".min(0)";
                case 10: return expr(new int[] {a}, depth) + ".dot(" + expr(new int[] {a}, depth) + ")";
                case 11: return "dot(" + expr(new int[] {a}, depth) + ", " + expr(new int[] {a}, depth) + ")";
                case 12: return expr(new int[] {a, b}, depth) + ".sum()";
                default: return expr(new int[0], depth) + ".plus(" + expr(new int[] {a, b}, depth) + ".min())";
            }
        }

        private String vectorOf(int a, int depth) {
            int k = rnd.nextInt(DIMENSIONS);
            String reduce = new String[] {"sum", "mean", "max", "min"}[rnd.nextInt(4)];
            switch (rnd.nextInt(12)) {
                case 0: return expr(new int[] {a, k}, depth) + "." + reduce + "(1)";
                case 1: return expr(new int[] {k, a}, depth) + "." + reduce + "(0)";
                case 2: return expr(new int[] {a, k}, depth) + ".dot(" + expr(new int[] {k}, depth) + ")";
                case 3: return "dot(" + expr(new int[] {a, k}, depth) + ", " + expr(new int[] {k}, depth) + ")";
                case 4: return expr(new int[] {k}, depth) + ".dot(" + expr(new int[] {k, a}, depth) + ")";
                case 5: return "dot(" + expr(new int[] {k}, depth) + ", " + expr(new int[] {k, a}, depth) + ")";
                case 6: return expr(new int[] {a}, depth) + ".plus(" + expr(new int[0], depth) + ")";
                case 7: return expr(new int[] {a}, depth) + ".times(" + expr(new int[0], depth) + ")";
                case 8: return expr(new int[] {a}, depth) + ".div(" + expr(new int[0], depth) + ")";
                case 9: return "((" + handle(1, d) + ") plus(" + expr(new int[0], depth) + ", " + expr(new int[] {a}, depth) + "))";
                case 10: return "maximum(" + expr(new int[] {a}, depth) + ", " + expr(new int[0], depth) + ")";
                default: return expr(new int[] {a}, depth) + ".minus(" + expr(new int[0], depth) + ")";
            }
        }

        private String matrixOf(int a, int b, int depth) {
            int k = rnd.nextInt(DIMENSIONS);
            String m = handle(2, d);
            switch (rnd.nextInt(17)) {
                case 0: return expr(new int[] {b, a}, depth) + ".transpose()";
                case 1: return expr(new int[] {b, a}, depth) + ".T()";
                case 2: return "((" + m + ") " + expr(new int[] {b, a}, depth) + ".dimshuffle(1, 0))";
                case 3: return expr(new int[] {a, k}, depth) + ".dot(" + expr(new int[] {k, b}, depth) + ")";
                case 4: return "dot(" + expr(new int[] {a, k}, depth) + ", " + expr(new int[] {k, b}, depth) + ")";
                case 5: return expr(new int[] {a, b}, depth) + ".plus(" + expr(new int[] {b}, depth) + ")";
                case 6: return expr(new int[] {a, b}, depth) + ".minus(" + expr(new int[] {b}, depth) + ".asRow())";
                case 7: return expr(new int[] {a, b}, depth) + ".times(" + expr(new int[] {a}, depth) + ".asColumn())";
                case 8: return expr(new int[] {a, b}, depth) + ".div(((" + m + ") " + expr(new int[] {b}, depth) + ".dimshuffle(\"x\", 0)))";
                case 9: return expr(new int[] {a, b}, depth) + ".plus(((" + m + ") " + expr(new int[] {a}, depth) + ".dimshuffle(0, \"x\")))";
                case 10: return expr(new int[] {a, b}, depth) + ".times(" + expr(new int[0], depth) + ")";
                case 11: return "((" + m + ") plus(" + expr(new int[0], depth) + ", " + expr(new int[] {a, b}, depth) + "))";
                case 12: return "((" + m + ") times(" + expr(new int[] {b}, depth) + ", " + expr(new int[] {a, b}, depth) + "))";
                case 13: return "maximum(" + expr(new int[] {a, b}, depth) + ", " + expr(new int[] {b}, depth) + ")";
                case 14: return "minimum(" + expr(new int[] {a, b}, depth) + ", " + expr(new int[0], depth) + ")";
                case 15: return expr(new int[] {a}, depth) + ".asColumn().dot(" + expr(new int[] {b}, depth) + ".asRow())";
                default: return expr(new int[] {a, b}, depth) + ".minus(" + expr(new int[] {a, b}, depth) + ".max(1).asColumn())";
            }
        }
    }
}
