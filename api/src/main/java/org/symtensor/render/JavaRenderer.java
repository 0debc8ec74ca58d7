package org.symtensor.render;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.Variable;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.ScalarOp;
import org.symtensor.type.DType;

/**
 * IR to Java source: writes a graph made only of float elementwise ops as one counted loop, one
 * local per node, in the order of {@link Graphs#toposort}. Inputs of the output's rank are read as
 * {@code name[i]}; rank-0 inputs and constants broadcast as plain locals and literals. The scalar
 * expressions are the shared {@link ScalarExpressions} table's (the OpenCL renderer reads the same
 * one), spelled with {@code java.lang.Math}, so the loop computes what every backend computes. The
 * renderer returns text only; the processor decides where it goes.
 */
public final class JavaRenderer {
    private JavaRenderer() {}

    /**
     * Whether {@link #renderLoop} can write the graph from {@code inputs} to {@code output}: a
     * float32 or float64 output, every node an elementwise op with a float result (or a
     * dimshuffle of a rank-0 value), every leaf an input of rank 0 or of the output's rank, or a
     * rank-0 constant.
     */
    public static boolean canRenderLoop(List<Variable> inputs, Variable output) {
        DType d = output.type().dtype();
        if (d != DType.FLOAT32 && d != DType.FLOAT64) {
            return false;
        }
        int rank = output.type().rank();
        for (Variable v : Graphs.ancestors(List.of(output))) {
            Apply a = v.owner();
            if (a == null) {
                boolean isInput = inputs.stream().anyMatch(in -> in == v);
                boolean ok = isInput ? (v.type().rank() == 0 || v.type().rank() == rank)
                        : v instanceof Constant && ((Constant) v).value().size() == 1 && v.type().rank() == 0;
                if (!ok || v.type().dtype() != d && !(v instanceof Constant)) {
                    return false;
                }
            } else if (a.op().kind() == OpKind.DIMSHUFFLE) {
                if (a.inputs().get(0).type().rank() != 0) {
                    return false;
                }
            } else if (a.op().kind() == OpKind.ELEMWISE) {
                // comparisons, logic and switch have a bool result or a bool input, so they fail this too
                if (v.type().dtype() != d) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * The loop {@code for (int i = 0; i < n; i++) { ...; out[i] = ...; }} computing {@code output}
     * elementwise; {@code names.get(k)} is the Java name of {@code inputs.get(k)} (an array for a
     * full-rank input, a scalar for a rank-0 one), {@code count} the name of the element count.
     * Call only when {@link #canRenderLoop} holds.
     */
    public static String renderLoop(List<Variable> inputs, List<String> names, Variable output, String outName,
            String count) {
        if (!canRenderLoop(inputs, output)) {
            throw new IllegalArgumentException("not an elementwise float graph: " + output.describe());
        }
        DType d = output.type().dtype();
        String elem = d == DType.FLOAT32 ? "float" : "double";
        int rank = output.type().rank();
        Map<Variable, String> text = new IdentityHashMap<>();
        for (int k = 0; k < inputs.size(); k++) {
            Variable in = inputs.get(k);
            text.put(in, in.type().rank() == rank && rank > 0 ? names.get(k) + "[i]" : names.get(k));
        }
        StringBuilder sb = new StringBuilder("for (int i = 0; i < " + count + "; i++) {\n");
        int temp = 0;
        for (Apply a : Graphs.toposort(List.of(output))) {
            String[] args = new String[3];
            for (int j = 0; j < a.inputs().size(); j++) {
                args[j] = operand(a.inputs().get(j), text, d);
            }
            if (a.op().kind() == OpKind.DIMSHUFFLE) {
                text.put(a.output(), args[0]);
                continue;
            }
            String expr = expression(((Elemwise) a.op()).scalarOp(), args[0], args[1], args[2]);
            String name = "t" + temp++;
            sb.append("    ").append(elem).append(' ').append(name).append(" = ")
                    .append(d == DType.FLOAT32 ? "(float) (" + expr + ")" : expr).append(";\n");
            text.put(a.output(), name);
        }
        sb.append("    ").append(outName).append("[i] = ").append(operand(output, text, d)).append(";\n}\n");
        return sb.toString();
    }

    private static String operand(Variable v, Map<Variable, String> text, DType d) {
        String t = text.get(v);
        if (t != null) {
            return t;
        }
        return literal(((Constant) v).value().getDouble(0), d);
    }

    /** A Java literal of dtype {@code d}; negative values in parentheses so they can follow any operator. */
    static String literal(double v, DType d) {
        if (Double.isNaN(v)) {
            return d == DType.FLOAT32 ? "Float.NaN" : "Double.NaN";
        }
        if (Double.isInfinite(v)) {
            return (d == DType.FLOAT32 ? "Float." : "Double.") + (v > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY");
        }
        String s = d == DType.FLOAT32 ? Float.toString((float) v) + "f" : Double.toString(v);
        return v < 0 || (v == 0 && 1 / v < 0) ? "(" + s + ")" : s;
    }

    /** The Java expression of one scalar op over operand texts (atoms), from the shared {@link ScalarExpressions}. */
    static String expression(ScalarOp op, String a, String b, String c) {
        return ScalarExpressions.render(op, JAVA, a, b, c);
    }

    /** Java's spelling of the table's functions: {@code java.lang.Math}, Java's {@code %}, booleans as numbers. */
    static final ScalarExpressions.Dialect JAVA = new ScalarExpressions.Dialect() {
        @Override
        public String spell(ScalarExpressions.Fn fn, List<String> x) {
            return switch (fn) {
                case FLOOR_DIV -> "Math.floor(" + x.get(0) + " / " + x.get(1) + ")";
                case REM -> x.get(0) + " % " + x.get(1);
                case POW -> standard("pow", x);
                case MAX -> standard("max", x);
                case MIN -> standard("min", x);
                case ABS -> standard("abs", x);
                case SIGN -> standard("signum", x);
                case TRUTH -> "(" + x.get(0) + " ? 1 : 0)";
                case ASINH, ACOSH, ATANH, LOG2, EXP2, TRUNC, ERF, ERFC, ERFINV, LGAMMA, DIGAMMA, TRIGAMMA ->
                        "org.symtensor.ir.ScalarMath." + fn.templateName() + "(" + x.get(0) + ")";
                case ISNAN -> "Double.isNaN(" + x.get(0) + ")";
                case ISINF -> "Double.isInfinite(" + x.get(0) + ")";
                case ISFINITE -> "Double.isFinite(" + x.get(0) + ")";
                case MOD, SIGMOID, SOFTPLUS -> null;
            };
        }

        @Override
        public String standard(String name, List<String> x) {
            return "Math." + name + "(" + String.join(", ", x) + ")";
        }
    };
}
