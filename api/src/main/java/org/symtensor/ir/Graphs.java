package org.symtensor.ir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Traversal and cloning of graphs: ancestors, topological order, graph inputs, clone with replacements. */
public final class Graphs {
    private Graphs() {}

    /** Every variable that {@code outputs} depend on, outputs included, in depth-first post order. */
    public static List<Variable> ancestors(Collection<? extends Variable> outputs) {
        return ancestors(outputs, Map.of());
    }

    private static List<Variable> ancestors(Collection<? extends Variable> outputs, Map<Variable, ?> stopAt) {
        List<Variable> order = new ArrayList<>();
        Set<Variable> seen = identitySet();
        Deque<Object[]> stack = new ArrayDeque<>();
        for (Variable out : outputs) {
            if (seen.add(out)) {
                stack.push(new Object[] {out, 0});
            }
            while (!stack.isEmpty()) {
                Object[] top = stack.peek();
                Variable v = (Variable) top[0];
                int next = (Integer) top[1];
                Apply owner = stopAt.containsKey(v) ? null : v.owner();
                if (owner != null && next < owner.inputs().size()) {
                    top[1] = next + 1;
                    Variable in = owner.inputs().get(next);
                    if (seen.add(in)) {
                        stack.push(new Object[] {in, 0});
                    }
                } else {
                    stack.pop();
                    order.add(v);
                }
            }
        }
        return order;
    }

    /** The applies that compute {@code outputs}, each after all applies it depends on. */
    public static List<Apply> toposort(Collection<? extends Variable> outputs) {
        List<Apply> order = new ArrayList<>();
        Set<Apply> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Variable v : ancestors(outputs)) {
            Apply a = v.owner();
            if (a != null && seen.add(a)) {
                order.add(a);
            }
        }
        return order;
    }

    /** The variables without owner that {@code outputs} depend on: inputs, constants, shared variables. */
    public static List<Variable> graphInputs(Collection<? extends Variable> outputs) {
        List<Variable> r = new ArrayList<>();
        for (Variable v : ancestors(outputs)) {
            if (v.owner() == null) {
                r.add(v);
            }
        }
        return r;
    }

    /** Whether {@code target} is among the ancestors of {@code outputs}. */
    public static boolean dependsOn(Collection<? extends Variable> outputs, Variable target) {
        for (Variable v : ancestors(outputs)) {
            if (v == target) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rebuilds {@code outputs} with every variable in {@code replacements} replaced by its value
     * (Theano's {@code clone_replace}; what {@code givens} uses). Nodes that depend on no replaced
     * variable are shared with the original graph. Returns the new outputs in order.
     */
    public static List<Variable> replace(List<? extends Variable> outputs, Map<Variable, Variable> replacements) {
        Map<Variable, Variable> map = new IdentityHashMap<>(replacements);
        for (Variable v : ancestors(outputs, replacements)) {
            if (map.containsKey(v)) {
                continue;
            }
            Apply a = v.owner();
            if (a == null) {
                map.put(v, v);
                continue;
            }
            List<Variable> ins = new ArrayList<>(a.inputs().size());
            boolean changed = false;
            for (Variable in : a.inputs()) {
                Variable n = map.get(in);
                changed |= n != in;
                ins.add(n);
            }
            Apply b = changed ? a.withInputs(ins) : a;
            for (int i = 0; i < a.outputs().size(); i++) {
                map.put(a.outputs().get(i), b.outputs().get(i));
            }
        }
        List<Variable> r = new ArrayList<>(outputs.size());
        for (Variable o : outputs) {
            r.add(map.get(o));
        }
        return r;
    }

    /** An identity-based set: graph nodes compare by identity. */
    public static <T> Set<T> identitySet() {
        return java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** Ordered identity set (insertion order kept), for deterministic iteration. */
    public static <T> Set<T> orderedSet() {
        return new LinkedHashSet<>();
    }
}
