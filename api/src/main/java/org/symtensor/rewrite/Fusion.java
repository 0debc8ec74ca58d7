package org.symtensor.rewrite;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Composite;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.SourceLocation;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * Elementwise fusion, the optimizer's last pass: chains of {@link org.symtensor.ir.Elemwise} and
 * {@link Composite} nodes become one {@link Composite}, so the backend touches memory once
 * instead of once per op. A node joins its consumer's group only when that consumer is its only
 * reader (and it is no function output): nothing is computed twice. A node is also kept apart when
 * the consumer would broadcast it (a row added to a matrix), since fusing would recompute it for
 * every row. Size-one constants become constants of the inner program; inputs are deduplicated.
 * A whole-graph pass rather than local rules, because it needs to know each value's readers.
 */
public final class Fusion {
    private Fusion() {}

    /** {@code outputs} with every fusable elementwise chain replaced by one composite node. */
    public static List<Variable> fuse(List<Variable> outputs) {
        List<Apply> order = Graphs.toposort(outputs);
        Map<Variable, Integer> uses = readers(outputs, order);
        Map<Apply, Apply> rootOf = new IdentityHashMap<>();
        Map<Apply, List<Apply>> members = new IdentityHashMap<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            Apply root = order.get(i);
            if (!isFusable(root) || rootOf.containsKey(root)) {
                continue;
            }
            List<Apply> group = new ArrayList<>();
            group.add(root);
            rootOf.put(root, root);
            for (int g = 0; g < group.size(); g++) {
                for (Variable in : group.get(g).inputs()) {
                    Apply p = in.owner();
                    if (p != null && isFusable(p) && !rootOf.containsKey(p) && uses.getOrDefault(in, 0) == 1
                            && !broadcastIn(in.type(), root.output().type())) {
                        rootOf.put(p, root);
                        group.add(p);
                    }
                }
            }
            members.put(root, group);
        }
        Map<Apply, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        // the composite keeps the location of the chain's root, so run-time errors name the user's line
        List<Variable> fused = rebuild(outputs, order, (a, map) -> members.containsKey(a) && members.get(a).size() > 1
                ? SourceLocation.inheriting(a.createdAt(), () -> fuseGroup(members.get(a), position, map)) : null);
        return absorbReductions(fused);
    }

    /**
     * Each {@link Reduce} whose input is a float elementwise or composite node read by nothing else
     * (and no function output) becomes one composite with a reduce tail, so the backend folds every
     * block into the reduction as it is computed and the elementwise result is never stored.
     */
    static List<Variable> absorbReductions(List<Variable> outputs) {
        List<Apply> order = Graphs.toposort(outputs);
        Map<Variable, Integer> uses = readers(outputs, order);
        return rebuild(outputs, order, (a, map) -> a.op().kind() == OpKind.REDUCE ? absorb(a, uses, map) : null);
    }

    /**
     * The graph of {@code outputs} copied node by node in {@code order}, each node rewired to the
     * copies of its inputs. Where {@code replace} gives a variable for a node (it is asked before
     * the node is rewired, and may read the map from old to new variables filled so far), that
     * variable stands for the node's output from then on and takes its name.
     */
    private static List<Variable> rebuild(List<Variable> outputs, List<Apply> order,
            BiFunction<Apply, Map<Variable, Variable>, Variable> replace) {
        Map<Variable, Variable> map = new IdentityHashMap<>();
        for (Apply a : order) {
            Variable replacement = replace.apply(a, map);
            List<Variable> ins = new ArrayList<>();
            boolean changed = false;
            for (Variable in : a.inputs()) {
                Variable n = map.getOrDefault(in, in);
                changed |= n != in;
                ins.add(n);
            }
            Apply b = changed ? a.withInputs(ins) : a;
            for (int k = 0; k < a.outputs().size(); k++) {
                map.put(a.outputs().get(k), b.outputs().get(k));
            }
            if (replacement != null) {
                replacement.setName(a.output().name());
                map.put(a.output(), replacement);
            }
        }
        List<Variable> result = new ArrayList<>();
        for (Variable o : outputs) {
            result.add(map.getOrDefault(o, o));
        }
        return result;
    }

    private static Map<Variable, Integer> readers(List<Variable> outputs, List<Apply> order) {
        Map<Variable, Integer> uses = new IdentityHashMap<>();
        for (Variable o : outputs) {
            uses.merge(o, 2, Integer::sum); // a function output is always read from outside
        }
        for (Apply a : order) {
            for (Variable in : a.inputs()) {
                uses.merge(in, 1, Integer::sum);
            }
        }
        return uses;
    }

    /** The reduction {@code r} fused with its input's producer, or null when it cannot be. */
    private static Variable absorb(Apply r, Map<Variable, Integer> uses, Map<Variable, Variable> map) {
        Variable x = r.inputs().get(0);
        Apply p = x.owner();
        if (p == null || !isFusable(p) || uses.getOrDefault(x, 0) != 1 || x.type().rank() == 0
                || !x.type().dtype().isFloat() || Reduce.isIndexOrLogic(((Reduce) r.op()).reduceKind())) {
            return null;
        }
        Composite program;
        List<Variable> outer = new ArrayList<>();
        if (p.op().kind() == OpKind.COMPOSITE) {
            program = (Composite) p.op();
            for (Variable in : p.inputs()) {
                outer.add(map.getOrDefault(in, in));
            }
        } else {
            program = groupProgram(List.of(p), map, outer);
            if (program == null) {
                return null;
            }
        }
        Composite fused = program.withReduce((Reduce) r.op());
        return SourceLocation.inheriting(r.createdAt(), () -> Apply.of(fused, outer).output());
    }

    private static boolean isFusable(Apply a) {
        OpKind k = a.op().kind();
        // a composite that already ends in a reduction is not elementwise any more
        return (k == OpKind.ELEMWISE || (k == OpKind.COMPOSITE && ((Composite) a.op()).reduce() == null))
                && a.outputs().size() == 1;
    }

    /**
     * The inverse of the reduce-tail absorption: every composite with a reduce tail becomes its
     * elementwise composite followed by an ordinary {@link Reduce}. For backends that run the two
     * as separate kernels (the OpenCL backend appends this pass to its pipeline).
     */
    public static List<Variable> splitReduceTails(List<Variable> outputs) {
        List<Apply> order = Graphs.toposort(outputs);
        Map<Variable, Variable> map = new IdentityHashMap<>();
        for (Apply a : order) {
            List<Variable> ins = new ArrayList<>();
            boolean changed = false;
            for (Variable in : a.inputs()) {
                Variable n = map.getOrDefault(in, in);
                changed |= n != in;
                ins.add(n);
            }
            Variable split = null;
            if (a.op() instanceof Composite c && c.reduce() != null) {
                split = SourceLocation.inheriting(a.createdAt(),
                        () -> Apply.output(c.reduce(), Apply.of(c.elementwise(), ins).output()));
                split.setName(a.output().name());
            }
            Apply b = changed ? a.withInputs(ins) : a;
            for (int k = 0; k < a.outputs().size(); k++) {
                map.put(a.outputs().get(k), split != null ? split : b.outputs().get(k));
            }
        }
        List<Variable> result = new ArrayList<>();
        for (Variable o : outputs) {
            result.add(map.getOrDefault(o, o));
        }
        return result;
    }

    /** Whether a value of type {@code in} would be stretched along some axis to make {@code out}. */
    private static boolean broadcastIn(TensorType in, TensorType out) {
        for (int d = 0; d < in.rank(); d++) {
            if (in.dim(d) == 1 && out.dim(d) != 1) {
                return true;
            }
        }
        return false;
    }

    /** The group as one composite over its (rebuilt) outer inputs, or null when it has no non-constant input. */
    private static Variable fuseGroup(List<Apply> group, Map<Apply, Integer> position, Map<Variable, Variable> map) {
        List<Apply> sorted = new ArrayList<>(group);
        sorted.sort((x, y) -> Integer.compare(position.get(x), position.get(y)));
        List<Variable> outer = new ArrayList<>();
        Composite program = groupProgram(sorted, map, outer);
        return program == null ? null : Apply.of(program, outer).output();
    }

    /**
     * The nodes {@code sorted} (in graph order, the last one giving the result) as one composite
     * program, or null when they read no non-constant value from outside. Each distinct outside
     * value becomes a placeholder, and its rebuilt variable is appended to {@code outer}, in
     * placeholder order; size-one constants go inside the program instead.
     */
    private static Composite groupProgram(List<Apply> sorted, Map<Variable, Variable> map, List<Variable> outer) {
        Map<Variable, Variable> inner = new IdentityHashMap<>();
        for (Apply a : sorted) {
            inner.put(a.output(), null); // mark as computed inside
        }
        List<Variable> placeholders = new ArrayList<>();
        for (Apply a : sorted) {
            List<Variable> args = new ArrayList<>();
            for (Variable in : a.inputs()) {
                Variable v = inner.get(in);
                if (v == null && !inner.containsKey(in)) {
                    NDArray c = scalarConstant(in);
                    if (c != null) {
                        v = new Constant(c);
                    } else {
                        v = new Variable(TensorType.of(in.type().dtype(), new int[0]), "i" + placeholders.size());
                        placeholders.add(v);
                        outer.add(map.getOrDefault(in, in));
                    }
                    inner.put(in, v);
                }
                args.add(v);
            }
            Variable out = a.op().kind() == OpKind.COMPOSITE ? ((Composite) a.op()).expand(args) : Apply.output(a.op(), args.toArray(new Variable[0]));
            inner.put(a.output(), out);
        }
        if (outer.isEmpty()) {
            return null;
        }
        Apply last = sorted.get(sorted.size() - 1);
        return Composite.of(placeholders, inner.get(last.output()));
    }

    /** The value of a size-one constant, directly or behind a broadcasting DimShuffle, as a 0-d array. */
    private static NDArray scalarConstant(Variable v) {
        if (v instanceof Constant && ((Constant) v).value().size() == 1) {
            return ((Constant) v).value().reshape();
        }
        Apply p = v.owner();
        if (p != null && p.op().kind() == OpKind.DIMSHUFFLE && p.inputs().get(0) instanceof Constant) {
            NDArray c = ((Constant) p.inputs().get(0)).value();
            return c.size() == 1 ? c.reshape() : null;
        }
        return null;
    }
}
