package org.symtensor.train.viz;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.T;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionSpec;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Composite;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.spi.Pipeline;
import org.symtensor.tensor.Tensor;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * A graph as Graphviz DOT, Theano's {@code pydotprint}: one box per apply node labelled with its op,
 * output dtype and static shape; inputs as ellipses, shared variables as yellow boxes, constants as
 * small notes; outputs and shared-variable updates as the graph's sinks. A fused elementwise node is
 * opened up: a cluster that shows its scalar program step by step around the node itself. Every
 * apply node carries the DOT {@code id} {@code apply<k>}, which Graphviz keeps in its SVG, so a page
 * or a test can find them. Immutable; {@link #text()} is the DOT source.
 */
public final class Dot {
    private final String title;
    private final String text;
    private final int applyCount;
    private final Map<String, String> details;

    private Dot(String title, String text, int applyCount, Map<String, String> details) {
        this.title = title;
        this.text = text;
        this.applyCount = applyCount;
        this.details = details;
    }

    /** The graph of {@code outputs} as built (before optimization). */
    public static Dot of(Tensor<?>... outputs) {
        List<Variable> vs = new ArrayList<>();
        for (Tensor<?> t : outputs) {
            vs.add(t.variable());
        }
        return of("graph", vs, List.of(), List.of());
    }

    /**
     * The graph {@code f} runs: its outputs and update expressions after the optimizer (the same
     * {@link Pipeline} step its compiler took, under this process's flags), fused nodes opened up.
     */
    public static Dot of(Function f) {
        FunctionSpec spec = f.spec();
        Pipeline.Optimized opt = Pipeline.optimize(spec, T.compileOptions());
        return of(spec.name() == null ? "function" : spec.name(), opt.outputs(), opt.updates(), spec.updateTargets());
    }

    /** The graph of {@code outputs} followed by updates of {@code targets} to {@code updates}. */
    public static Dot of(String title, List<Variable> outputs, List<Variable> updates, List<SharedValue> targets) {
        return new Writer(title).write(outputs, updates, targets);
    }

    /** DOT text as given, for tests of the page itself. */
    static Dot raw(String title, String text, int applyCount) {
        return new Dot(title, text, applyCount, Map.of());
    }

    /** The DOT source. */
    public String text() {
        return text;
    }

    public String title() {
        return title;
    }

    /** How many apply nodes the graph has (each drawn once, with id {@code apply<k>}). */
    public int applyCount() {
        return applyCount;
    }

    /** For every drawn node id, a few lines about it (op, type, where it was created): what a page shows on click. */
    public Map<String, String> details() {
        return details;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Quotes a DOT string: backslashes, quotes and newlines escaped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> { }
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    static String typeText(TensorType t) {
        return t.dtype() + " " + TensorType.shapeString(t.shape());
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Writes one graph; ids are stable for the same graph. */
    private static final class Writer {
        private final String title;
        private final StringBuilder sb = new StringBuilder();
        private final Map<Variable, String> ids = new IdentityHashMap<>();
        private final Map<Apply, String> applyIds = new IdentityHashMap<>();
        private final Map<String, String> details = new LinkedHashMap<>();
        private int inputs;
        private int shared;
        private int constants;

        Writer(String title) {
            this.title = title;
        }

        Dot write(List<Variable> outputs, List<Variable> updates, List<SharedValue> targets) {
            List<Variable> results = new ArrayList<>(outputs);
            results.addAll(updates);
            sb.append("digraph ").append(quote(title)).append(" {\n");
            sb.append("  graph [rankdir=TB, fontname=\"Helvetica\", fontsize=11, labelloc=t, label=")
                    .append(quote(title)).append("];\n");
            sb.append("  node [fontname=\"Helvetica\", fontsize=10];\n");
            sb.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");
            for (Variable v : Graphs.graphInputs(results)) {
                leaf(v);
            }
            List<Apply> order = Graphs.toposort(results);
            for (int k = 0; k < order.size(); k++) {
                applyIds.put(order.get(k), "apply" + k);
            }
            for (Apply a : order) {
                apply(a);
            }
            for (int i = 0; i < outputs.size(); i++) {
                String id = "output" + i;
                sb.append("  ").append(id).append(" [id=").append(quote(id)).append(", shape=plaintext, label=")
                        .append(quote("output " + i)).append("];\n");
                edge(outputs.get(i), id, null);
            }
            for (int i = 0; i < updates.size(); i++) {
                String id = "update" + i;
                String name = targets.get(i).name() == null ? "shared" : targets.get(i).name();
                sb.append("  ").append(id).append(" [id=").append(quote(id))
                        .append(", shape=box, style=\"dashed,rounded\", label=").append(quote(name + " ←")).append("];\n");
                details.put(id, "update of shared variable " + name + "\n" + typeText(targets.get(i).type()));
                edge(updates.get(i), id, null);
            }
            sb.append("}\n");
            return new Dot(title, sb.toString(), order.size(), details);
        }

        private void leaf(Variable v) {
            if (ids.containsKey(v)) {
                return;
            }
            String id;
            String label;
            String attrs;
            if (v instanceof Constant c) {
                id = "constant" + constants++;
                NDArray value = c.value();
                label = value.size() <= 4 ? shorten(value.toString(), 30) : "constant " + typeText(v.type());
                attrs = "shape=note, style=filled, fillcolor=\"#eeeeee\", fontsize=8";
            } else if (v instanceof SharedValue) {
                id = "shared" + shared++;
                label = (v.name() == null ? "shared" : v.name()) + "\n" + typeText(v.type());
                attrs = "shape=box, style=\"rounded,filled\", fillcolor=\"#fde68a\"";
            } else {
                id = "input" + inputs++;
                label = (v.name() == null ? "input" : v.name()) + "\n" + typeText(v.type());
                attrs = "shape=ellipse, style=filled, fillcolor=\"#dbeafe\"";
            }
            ids.put(v, id);
            details.put(id, label + "\ncreated at " + v.createdAt());
            sb.append("  ").append(id).append(" [id=").append(quote(id)).append(", ").append(attrs).append(", label=")
                    .append(quote(label)).append("];\n");
        }

        private void apply(Apply a) {
            String id = applyIds.get(a);
            String type = a.outputs().size() == 1 ? typeText(a.output().type()) : a.outputs().size() + " outputs";
            boolean fused = a.op() instanceof Composite;
            String opName = fused ? "Composite (fused " + ((Composite) a.op()).steps().size() + " ops)" : a.op().name();
            String label = shorten(opName, 48) + "\n" + type;
            StringBuilder info = new StringBuilder(a.op().name()).append('\n');
            for (int k = 0; k < a.outputs().size(); k++) {
                info.append("output ").append(k).append(": ").append(typeText(a.outputs().get(k).type())).append('\n');
            }
            info.append("created at ").append(a.createdAt());
            details.put(id, info.toString());
            for (int k = 0; k < a.outputs().size(); k++) {
                ids.put(a.outputs().get(k), id);
            }
            String fill = switch (a.op().kind()) {
                case DOT -> "#c7d2fe";
                case REDUCE -> "#bbf7d0";
                case COMPOSITE -> "#fecaca";
                default -> "#ffffff";
            };
            String node = "  " + id + " [id=" + quote(id) + ", shape=box, style=filled, fillcolor=\"" + fill
                    + "\", label=" + quote(label) + ", tooltip=" + quote(info.toString()) + "];\n";
            if (fused) {
                composite(a, id, node);
            } else {
                sb.append(node);
                for (int i = 0; i < a.inputs().size(); i++) {
                    edge(a.inputs().get(i), id, a.inputs().size() > 1 ? Integer.toString(i) : null);
                }
            }
        }

        /** A fused node opened up: its inputs feed the scalar steps, the last step feeds the node. */
        private void composite(Apply a, String id, String node) {
            Composite c = (Composite) a.op();
            sb.append("  subgraph ").append(quote("cluster_" + id)).append(" {\n");
            sb.append("    style=\"dashed,rounded\"; color=\"#b91c1c\"; fontsize=9; label=")
                    .append(quote(shorten(c.format(inputNames(a)), 90))).append(";\n  ");
            sb.append(node);
            int nIn = a.inputs().size();
            List<String> slots = new ArrayList<>();
            for (int i = 0; i < nIn; i++) {
                slots.add(null); // outer inputs: edges come from their own nodes
            }
            for (int k = 0; k < c.constants().size(); k++) {
                String cid = id + "_c" + k;
                sb.append("    ").append(cid).append(" [shape=plaintext, fontsize=8, label=")
                        .append(quote(shorten(c.constants().get(k).toString(), 20))).append("];\n");
                slots.add(cid);
            }
            List<Composite.Step> steps = c.steps();
            for (int s = 0; s < steps.size(); s++) {
                Composite.Step step = steps.get(s);
                String sid = id + "_s" + s;
                String op = step.op().scalarOp().theanoName();
                sb.append("    ").append(sid).append(" [shape=circle, fixedsize=false, margin=0.02, fontsize=8, label=")
                        .append(quote(op)).append("];\n");
                for (int arg : step.args()) {
                    if (arg < nIn) {
                        edge(a.inputs().get(arg), sid, null);
                    } else {
                        sb.append("    ").append(slots.get(arg)).append(" -> ").append(sid).append(";\n");
                    }
                }
                slots.add(sid);
            }
            if (!steps.isEmpty()) {
                sb.append("    ").append(slots.get(slots.size() - 1)).append(" -> ").append(id).append(";\n");
            }
            sb.append("  }\n");
        }

        private List<String> inputNames(Apply a) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < a.inputs().size(); i++) {
                Variable v = a.inputs().get(i);
                names.add(v.name() != null ? v.name() : "i" + i);
            }
            return names;
        }

        private void edge(Variable from, String to, String label) {
            String src = ids.get(from);
            if (src == null) {
                leaf(from);
                src = ids.get(from);
            }
            sb.append("  ").append(src).append(" -> ").append(to);
            Apply owner = from.owner();
            List<String> attrs = new ArrayList<>();
            if (owner != null && owner.outputs().size() > 1) {
                attrs.add("taillabel=" + quote("out " + from.index()));
            }
            if (label != null) {
                attrs.add("headlabel=" + quote(label) + ", labelfontcolor=\"#888888\"");
            }
            attrs.add("tooltip=" + quote(typeText(from.type())));
            sb.append(" [").append(String.join(", ", attrs)).append("];\n");
        }
    }
}
