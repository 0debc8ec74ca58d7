package org.symtensor.rewrite;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.SourceLocation;
import org.symtensor.ir.Variable;
import org.symtensor.type.TensorType;

/**
 * Runs a {@link RuleSet} over a graph to a fixed point. Each sweep visits the nodes in
 * topological order, rebuilding a node when its inputs changed, and replaces a node's output with
 * the first matching rule's result. A replacement must have the same dtype and rank as what it
 * replaces; a rule that breaks this is a bug, reported with the rule's name.
 */
public final class RewriteEngine {
    /** Sweeps before giving up on reaching a fixed point (rules that undo each other would loop). */
    private static final int MAX_SWEEPS = 50;

    private RewriteEngine() {}

    /** The outputs rewritten by {@code rules} until no rule applies. */
    public static List<Variable> rewrite(List<Variable> outputs, RuleSet rules) {
        List<Variable> current = outputs;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            Map<Variable, Variable> map = new IdentityHashMap<>();
            boolean changed = false;
            for (Apply a : Graphs.toposort(current)) {
                List<Variable> ins = new ArrayList<>(a.inputs().size());
                boolean inputsChanged = false;
                for (Variable in : a.inputs()) {
                    Variable n = map.getOrDefault(in, in);
                    inputsChanged |= n != in;
                    ins.add(n);
                }
                Apply b = inputsChanged ? a.withInputs(ins) : a;
                Variable replacement = b.outputs().size() == 1 ? firstMatch(b, rules) : null;
                for (int i = 0; i < a.outputs().size(); i++) {
                    map.put(a.outputs().get(i), b.outputs().get(i));
                }
                if (replacement != null) {
                    map.put(a.output(), replacement);
                    changed = true;
                }
            }
            List<Variable> next = new ArrayList<>(current.size());
            for (Variable v : current) {
                next.add(map.getOrDefault(v, v));
            }
            current = next;
            if (!changed) {
                return current;
            }
        }
        return current;
    }

    private static Variable firstMatch(Apply node, RuleSet rules) {
        for (RuleSet.NamedRule r : rules.rulesFor(node.op().kind())) {
            Variable v = SourceLocation.inheriting(node.createdAt(), () -> r.rule().apply(node));
            if (v != null && v != node.output()) {
                TensorType want = node.output().type();
                TensorType got = v.type();
                if (want.dtype() != got.dtype() || want.rank() != got.rank()) {
                    throw new IllegalStateException("rewrite rule " + rules.name() + "/" + r.name() + " replaced "
                            + want + " by " + got + " at " + node.op().name());
                }
                return v;
            }
        }
        return null;
    }
}
