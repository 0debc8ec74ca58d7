package org.symtensor.print;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Composite;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Variable;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.ShapeOf;
import org.symtensor.ir.Subtensor;
import org.symtensor.type.TensorType;

/**
 * Text forms of graphs: {@link #pp} writes an expression as Theano's pretty printer does
 * ({@code (x + y)}); {@link #debugprint} writes the graph as an indented tree with op, dtype,
 * static shape and a stable id per node ({@code [id A]}), and, for a compiled function, each
 * apply node's position in the order the function runs them.
 */
public final class Printer {
    private Printer() {}

    /** The expression of {@code v} in infix form: {@code (1.0 / (1.0 + exp((-x))))}. */
    public static String pp(Variable v) {
        StringBuilder sb = new StringBuilder();
        pp(v, sb);
        return sb.toString();
    }

    /** Appends {@code v}'s expression to {@code sb} and returns {@code sb}. */
    private static StringBuilder pp(Variable v, StringBuilder sb) {
        Apply a = v.owner();
        if (a == null) {
            if (v instanceof Constant) {
                return sb.append(((Constant) v).value().toString());
            }
            return v.name() != null ? sb.append(v.name()) : sb.append('<').append(v.type()).append('>');
        }
        List<Variable> in = a.inputs();
        return switch (a.op().kind()) {
            case ELEMWISE -> elemwise((Elemwise) a.op(), in, sb);
            case DIMSHUFFLE -> dimshuffle(a, ((DimShuffle) a.op()).pattern(), in.get(0), sb);
            case REDUCE -> reduce((Reduce) a.op(), in.get(0), sb);
            case DOT -> pp(in.get(1), pp(in.get(0), sb.append('(')).append(" \\dot ")).append(')');
            case SHAPE -> pp(in.get(0), sb).append(".shape[").append(((ShapeOf) a.op()).axis()).append(']');
            case EYE -> call("eye", in, sb);
            case GRAD_MARK -> call(a.op().name(), in, sb);
            case RANDOM -> random(v, a, sb);
            case SCAN, INC_INDEX, IFELSE ->
                    call(a.op().name(), in, sb).append(a.outputs().size() > 1 ? ".out" + v.index() : "");
            case INDEX -> subtensor((Subtensor) a.op(), in, sb);
            case COMPOSITE -> {
                List<String> outer = new java.util.ArrayList<>();
                for (Variable x : in) {
                    outer.add(pp(x));
                }
                yield sb.append(((Composite) a.op()).format(outer));
            }
            case LINALG -> call(((org.symtensor.ir.LinAlg) a.op()).linAlgKind().label(), in, sb)
                    .append(a.outputs().size() > 1 ? ".out" + v.index() : "");
            case CONV2D, POOL2D -> call(a.op().name(), in, sb);
            case RESHAPE -> call("reshape", in, sb);
            case JOIN -> call("concatenate{axis=" + ((org.symtensor.ir.Join) a.op()).axis() + "}", in, sb);
            case ALLOC -> call("alloc", in, sb);
            case ARANGE -> call("arange", in, sb);
            case SPECIFY_SHAPE -> call(a.op().name(), in, sb);
            case ADVANCED_INDEX -> call(a.op().name(), in, sb);
            case ADVANCED_INC -> call(a.op().name(), in, sb);
            case CUMULATIVE, SORT, TAKE_ALONG -> org.symtensor.ir.AxisOps.print(a.op(), in, (Variable x) -> pp(x), sb);
            case SOFTMAX -> call("softmax{axis=" + ((org.symtensor.ir.Softmax) a.op()).axis() + "}", in, sb);
        };
    }

    /** {@code name(in0, in1, ...)}. */
    private static StringBuilder call(String name, List<Variable> in, StringBuilder sb) {
        sb.append(name).append('(');
        for (int i = 0; i < in.size(); i++) {
            pp(in.get(i), sb.append(i > 0 ? ", " : ""));
        }
        return sb.append(')');
    }

    /** Infix for operators ({@code (x + y)}, {@code (-x)}), else a call; {@code second} prints as Theano's {@code fill}. */
    private static StringBuilder elemwise(Elemwise e, List<Variable> in, StringBuilder sb) {
        ScalarOp s = e.scalarOp();
        if (s == ScalarOp.CAST) {
            return pp(in.get(0), sb.append("cast(")).append(", ").append(e.castTo()).append(')');
        }
        if (s.infix() != null && s.arity() == 2) {
            return pp(in.get(1), pp(in.get(0), sb.append('(')).append(' ').append(s.infix()).append(' ')).append(')');
        }
        if (s.infix() != null) {
            return pp(in.get(0), sb.append('(').append(s.infix())).append(')');
        }
        return call(s == ScalarOp.SECOND ? "fill" : s.theanoName(), in, sb);
    }

    /** Implicit broadcasting prints as nothing, as in Theano's pp; a matrix transpose as {@code .T}. */
    private static StringBuilder dimshuffle(Apply a, int[] p, Variable x, StringBuilder sb) {
        int rank = x.type().rank();
        if (isLeftPad(p, rank)) {
            return pp(x, sb);
        }
        if (rank == 2 && p.length == 2 && p[0] == 1 && p[1] == 0) {
            return pp(x, sb).append(".T");
        }
        return pp(x, sb.append(a.op().name()).append('(')).append(')');
    }

    private static StringBuilder reduce(Reduce r, Variable x, StringBuilder sb) {
        pp(x, sb.append(r.reduceKind().name().toLowerCase(java.util.Locale.ROOT)).append('('));
        int[] axes = r.axes();
        if (axes != null) {
            sb.append(", axis=").append(axes.length == 1 ? Integer.toString(axes[0]) : java.util.Arrays.toString(axes));
        }
        return sb.append(')');
    }

    /** {@code x[i]}, {@code x[:, a:b:s]}. */
    private static StringBuilder subtensor(Subtensor st, List<Variable> in, StringBuilder sb) {
        pp(in.get(0), sb).append('[');
        for (int ax = 0; ax < st.axis(); ax++) {
            sb.append(":, ");
        }
        if (st.form() == Subtensor.Form.INDEX) {
            pp(in.get(1), sb);
        } else {
            int k = 1;
            if (st.hasStart()) {
                pp(in.get(k++), sb);
            }
            sb.append(':');
            if (st.hasStop()) {
                pp(in.get(k), sb);
            }
            if (st.step() != 1) {
                sb.append(':').append(st.step());
            }
        }
        return sb.append(']');
    }

    /** {@code uniform(size=(2, 2), low=0.0, high=1.0)}; the next-state output prints as {@code nextState(...)}. */
    private static StringBuilder random(Variable v, Apply a, StringBuilder sb) {
        org.symtensor.ir.RandomOp r = (org.symtensor.ir.RandomOp) a.op();
        List<Variable> in = a.inputs();
        if (v.index() == 0) {
            sb.append("nextState(");
        }
        sb.append(r.distribution().theanoName()).append('(');
        String sep = "";
        if (r.rank() > 0) {
            sb.append("size=(");
            for (int i = 0; i < r.rank(); i++) {
                sb.append(i > 0 ? ", " : "");
                pp(in.get(1 + i), sb);
            }
            sb.append(r.rank() == 1 ? ",)" : ")");
            sep = ", ";
        }
        for (int k = 0; k < r.paramCount(); k++) {
            sb.append(sep).append(r.distribution().params().get(k)).append('=');
            pp(in.get(1 + r.rank() + k), sb);
            sep = ", ";
        }
        if (r.distribution() == org.symtensor.ir.RandomOp.Distribution.CHOICE) {
            sb.append(sep).append("replace=").append(r.replace());
        }
        sb.append(')');
        return v.index() == 0 ? sb.append(')') : sb;
    }

    private static boolean isLeftPad(int[] p, int rank) {
        int pad = p.length - rank;
        if (pad <= 0) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (p[i] != (i < pad ? DimShuffle.NEW_AXIS : i - pad)) {
                return false;
            }
        }
        return true;
    }

    /** The graph of {@code outputs} as an indented tree, one node per line, shared nodes printed once. */
    public static String debugprint(List<Variable> outputs) {
        StringBuilder sb = new StringBuilder();
        Map<Object, String> ids = new IdentityHashMap<>();
        for (Variable v : outputs) {
            debugprint(v, "", sb, ids, null, "");
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Theano's {@code debugprint(f)} of a compiled function: the trees of its {@code results} (the
     * outputs, then one new value per update target, last), each apply node's line ending with its
     * position in {@code order}, the order in which the function runs its nodes
     * ({@code Elemwise{add} [id A] <float64, ()>   3}). The root of an update value says which
     * shared variable it updates: {@code ... (update of w)}. Nodes missing from {@code order} get no
     * position.
     */
    public static String debugprint(List<Variable> results, List<Apply> order, List<? extends Variable> updateTargets) {
        Map<Apply, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        int firstUpdate = results.size() - updateTargets.size();
        if (firstUpdate < 0) {
            throw new IllegalArgumentException(updateTargets.size() + " update targets but only " + results.size()
                    + " results");
        }
        StringBuilder sb = new StringBuilder();
        Map<Object, String> ids = new IdentityHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            String note = "";
            if (i >= firstUpdate) {
                Variable target = updateTargets.get(i - firstUpdate);
                note = " (update of " + (target.name() != null ? target.name() : target.describe()) + ")";
            }
            debugprint(results.get(i), "", sb, ids, position, note);
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Writes {@code v}'s line (ending with {@code note}) without its newline, then the lines of its inputs. */
    private static void debugprint(Variable v, String indent, StringBuilder sb, Map<Object, String> ids,
            Map<Apply, Integer> position, String note) {
        Apply a = v.owner();
        Object key = a != null ? a : v;
        boolean seen = ids.containsKey(key);
        String id = ids.computeIfAbsent(key, k -> idOf(ids.size()));
        sb.append(indent);
        if (a != null) {
            sb.append(a.op().name());
            if (a.outputs().size() > 1) {
                sb.append('.').append(v.index());
            }
        } else if (v instanceof Constant) {
            sb.append("Constant{").append(((Constant) v).value()).append('}');
        } else {
            sb.append(v.name() != null ? v.name() : "<input>");
        }
        sb.append(" [id ").append(id).append("] <").append(v.type().dtype()).append(", ")
                .append(TensorType.shapeString(v.type().shape())).append('>');
        if (a != null && v.name() != null) {
            sb.append(" '").append(v.name()).append('\'');
        }
        if (a != null && position != null && position.containsKey(a)) {
            sb.append("   ").append(position.get(a));
        }
        sb.append(note);
        if (a != null && !seen) {
            for (Variable in : a.inputs()) {
                sb.append('\n');
                debugprint(in, indent + " |", sb, ids, position, "");
            }
        }
    }

    /** A, B, ..., Z, BA, BB, ...: Theano's id scheme. */
    static String idOf(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.insert(0, (char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }
}
