package org.symtensor.print;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Variable;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.ShapeOf;
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

    private static void pp(Variable v, StringBuilder sb) {
        Apply a = v.owner();
        if (a == null) {
            if (v instanceof Constant) {
                sb.append(((Constant) v).value().toString());
            } else if (v.name() != null) {
                sb.append(v.name());
            } else {
                sb.append('<').append(v.type()).append('>');
            }
            return;
        }
        List<Variable> in = a.inputs();
        switch (a.op().kind()) {
            case ELEMWISE: {
                Elemwise e = (Elemwise) a.op();
                ScalarOp s = e.scalarOp();
                if (s == ScalarOp.CAST) {
                    sb.append("cast(");
                    pp(in.get(0), sb);
                    sb.append(", ").append(e.castTo()).append(')');
                } else if (s.infix() != null && s.arity() == 2) {
                    sb.append('(');
                    pp(in.get(0), sb);
                    sb.append(' ').append(s.infix()).append(' ');
                    pp(in.get(1), sb);
                    sb.append(')');
                } else if (s.infix() != null) {
                    sb.append('(').append(s.infix());
                    pp(in.get(0), sb);
                    sb.append(')');
                } else {
                    sb.append(s == ScalarOp.SECOND ? "fill" : s.theanoName()).append('(');
                    for (int i = 0; i < in.size(); i++) {
                        if (i > 0) {
                            sb.append(", ");
                        }
                        pp(in.get(i), sb);
                    }
                    sb.append(')');
                }
                return;
            }
            case DIMSHUFFLE: {
                int[] p = ((DimShuffle) a.op()).pattern();
                int rank = in.get(0).type().rank();
                if (isLeftPad(p, rank)) {
                    pp(in.get(0), sb); // implicit broadcasting: invisible, as in Theano's pp
                } else if (rank == 2 && p.length == 2 && p[0] == 1 && p[1] == 0) {
                    pp(in.get(0), sb);
                    sb.append(".T");
                } else {
                    sb.append(a.op().name()).append('(');
                    pp(in.get(0), sb);
                    sb.append(')');
                }
                return;
            }
            case REDUCE: {
                Reduce r = (Reduce) a.op();
                sb.append(r.reduceKind().name().toLowerCase(java.util.Locale.ROOT)).append('(');
                pp(in.get(0), sb);
                int[] axes = r.axes();
                if (axes != null) {
                    sb.append(", axis=").append(axes.length == 1 ? Integer.toString(axes[0]) : java.util.Arrays.toString(axes));
                }
                sb.append(')');
                return;
            }
            case DOT:
                sb.append('(');
                pp(in.get(0), sb);
                sb.append(" \\dot ");
                pp(in.get(1), sb);
                sb.append(')');
                return;
            case SHAPE:
                pp(in.get(0), sb);
                sb.append(".shape[").append(((ShapeOf) a.op()).axis()).append(']');
                return;
            case EYE:
                sb.append("eye(");
                pp(in.get(0), sb);
                sb.append(')');
                return;
            case GRAD_MARK:
                sb.append(((org.symtensor.ir.GradMark) a.op()).name()).append('(');
                pp(in.get(0), sb);
                sb.append(')');
                return;
            case RANDOM:
                random(v, a, sb);
                return;
            case SCAN:
            case INC_INDEX:
            case IFELSE:
                sb.append(a.op().name()).append('(');
                for (int i = 0; i < in.size(); i++) {
                    sb.append(i > 0 ? ", " : "");
                    pp(in.get(i), sb);
                }
                sb.append(')').append(a.outputs().size() > 1 ? ".out" + v.index() : "");
                return;
            case INDEX: {
                org.symtensor.ir.Subtensor st = (org.symtensor.ir.Subtensor) a.op();
                pp(in.get(0), sb);
                sb.append('[');
                for (int ax = 0; ax < st.axis(); ax++) {
                    sb.append(":, ");
                }
                if (st.form() == org.symtensor.ir.Subtensor.Form.INDEX) {
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
                sb.append(']');
                return;
            }
            case COMPOSITE: {
                List<String> outer = new java.util.ArrayList<>();
                for (Variable x : in) {
                    outer.add(pp(x));
                }
                sb.append(((org.symtensor.ir.Composite) a.op()).format(outer));
                return;
            }
        }
        throw new AssertionError(a.op().kind());
    }

    /** {@code uniform(size=(2, 2), low=0.0, high=1.0)}; the next-state output prints as {@code nextState(...)}. */
    private static void random(Variable v, Apply a, StringBuilder sb) {
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
        if (v.index() == 0) {
            sb.append(')');
        }
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
