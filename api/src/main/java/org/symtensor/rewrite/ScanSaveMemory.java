package org.symtensor.rewrite;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.SourceLocation;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Scan;
import org.symtensor.ir.Subtensor;
import org.symtensor.value.NDArray;

/**
 * Theano's {@code scan_save_mem} for its commonest case: a scan output that is stacked
 * ({@link Scan.Keep#ALL}) but read only through {@code [-1]} on its leading axis
 * ({@code scan(...).outputs().get(-1)}) becomes the {@link Scan.Keep#LAST} variant of the same loop,
 * so the loop keeps O(1) states instead of allocating one row per step. The user-facing stacked
 * output of a recurrent state is the buffer without its initial rows ({@code buffer[L:]}); that
 * slice is looked through. A whole-graph pass, not a local rule, because it must know that the
 * index is the stacked output's only reader (a function output, the gradient, or any other reader
 * keeps the stack). Other outputs of the loop keep what they kept.
 *
 * <p>One difference: when the loop runs no step, {@code outputs().get(-1)} of a recurrent state
 * fails with an index out of range, while the rewritten loop returns the initial state.
 */
public final class ScanSaveMemory {
    private ScanSaveMemory() {}

    /** Where an index {@code [-1]} reads a stacked scan output. */
    private record Target(Apply scan, int output, Apply slice) {}

    /** {@code outputs} with every stacked scan output read only through {@code [-1]} kept as its last value. */
    public static List<Variable> rewrite(List<Variable> outputs) {
        List<Apply> order = Graphs.toposort(outputs);
        Map<Variable, Integer> uses = new IdentityHashMap<>();
        for (Variable o : outputs) {
            uses.merge(o, 2, Integer::sum); // a function output is read from outside
        }
        for (Apply a : order) {
            for (Variable in : a.inputs()) {
                uses.merge(in, 1, Integer::sum);
            }
        }
        Map<Apply, Target> targets = new IdentityHashMap<>();
        Map<Apply, List<Integer>> lastOnly = new IdentityHashMap<>();
        Set<Apply> bypassed = Graphs.identitySet();
        for (Apply a : order) {
            Target t = lastIndexOfStack(a, uses);
            if (t != null) {
                targets.put(a, t);
                lastOnly.computeIfAbsent(t.scan(), k -> new ArrayList<>()).add(t.output());
                bypassed.add(a);
                if (t.slice() != null) {
                    bypassed.add(t.slice());
                }
            }
        }
        if (targets.isEmpty()) {
            return outputs;
        }
        Map<Variable, Variable> map = new IdentityHashMap<>();
        for (Apply a : order) {
            Target t = targets.get(a);
            if (t != null) {
                map.put(a.output(), map.get(t.scan().outputs().get(t.output())));
                continue;
            }
            if (bypassed.contains(a)) {
                continue; // the slice dropping the initial rows: its only reader is the index replaced above
            }
            List<Variable> ins = new ArrayList<>(a.inputs().size());
            boolean changed = false;
            for (Variable in : a.inputs()) {
                Variable n = map.getOrDefault(in, in);
                changed |= n != in;
                ins.add(n);
            }
            Apply b;
            if (lastOnly.containsKey(a)) {
                Scan op = (Scan) a.op();
                for (int j : lastOnly.get(a)) {
                    op = op.withKeep(j, Scan.Keep.LAST);
                }
                Scan lastOp = op;
                b = SourceLocation.inheriting(a.createdAt(), () -> Apply.of(lastOp, ins));
            } else {
                b = changed ? a.withInputs(ins) : a;
            }
            for (int k = 0; k < a.outputs().size(); k++) {
                map.put(a.outputs().get(k), b.outputs().get(k));
            }
        }
        List<Variable> result = new ArrayList<>(outputs.size());
        for (Variable o : outputs) {
            result.add(map.getOrDefault(o, o));
        }
        return result;
    }

    /** The stacked scan output that {@code a} reads as {@code [-1]} and nothing else reads, or null. */
    private static Target lastIndexOfStack(Apply a, Map<Variable, Integer> uses) {
        if (!(a.op() instanceof Subtensor s) || s.form() != Subtensor.Form.INDEX || s.axis() != 0
                || constantIndex(a.inputs().get(1)) != -1) {
            return null;
        }
        Variable x = a.inputs().get(0);
        if (uses.getOrDefault(x, 0) != 1 || x.owner() == null) {
            return null;
        }
        Apply slice = null;
        Variable stack = x;
        if (x.owner().op() instanceof Subtensor v && v.form() == Subtensor.Form.SLICE) {
            // buffer[L:], the stacked states without the initial rows
            if (v.axis() != 0 || !v.hasStart() || v.hasStop() || v.step() != 1) {
                return null;
            }
            slice = x.owner();
            stack = slice.inputs().get(0);
            if (uses.getOrDefault(stack, 0) != 1 || stack.owner() == null) {
                return null;
            }
        }
        Apply owner = stack.owner();
        if (!(owner.op() instanceof Scan scan)) {
            return null;
        }
        int j = owner.outputs().indexOf(stack);
        if (j >= scan.outputCount() || scan.keep(j) != Scan.Keep.ALL) {
            return null;
        }
        if (slice != null && constantIndex(slice.inputs().get(1)) != scan.lookBack(j)) {
            return null;
        }
        return new Target(owner, j, slice);
    }

    /** The value of an integer scalar constant, or {@link Long#MIN_VALUE} when {@code v} is not one. */
    private static long constantIndex(Variable v) {
        if (v instanceof Constant c) {
            NDArray value = c.value();
            if (value.size() == 1 && value.dtype().isInteger()) {
                return value.getLong(0);
            }
        }
        return Long.MIN_VALUE;
    }
}
