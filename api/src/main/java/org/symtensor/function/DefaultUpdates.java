package org.symtensor.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.symtensor.function.NoDefaultUpdates;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;

/**
 * Finds the default updates a function takes: the shared variables with a default update that the
 * graph uses once givens are substituted, searched to a fixed point because a default update may
 * itself read further shared variables. The updates are then substituted together with the outputs,
 * so a random variable and its next state stay one node, drawn once.
 */
final class DefaultUpdates {
    private DefaultUpdates() {}

    /** The shared variables, in graph order, whose default updates {@code graph} needs. */
    static List<SharedValue> collect(List<Variable> graph, Map<Variable, Variable> givens, Set<SharedValue> explicit,
            NoDefaultUpdates noDefaults) {
        List<SharedValue> found = new ArrayList<>();
        Set<SharedValue> seen = Graphs.identitySet();
        seen.addAll(explicit);
        List<Variable> roots = new ArrayList<>(graph);
        while (true) {
            List<Variable> current = givens.isEmpty() ? roots : Graphs.replace(roots, givens);
            List<SharedValue> added = new ArrayList<>();
            for (Variable v : Graphs.graphInputs(current)) {
                if (v instanceof SharedValue) {
                    SharedValue s = (SharedValue) v;
                    if (s.defaultUpdate() != null && !noDefaults.excludes(s) && seen.add(s)) {
                        added.add(s);
                    }
                }
            }
            if (added.isEmpty()) {
                return found;
            }
            for (SharedValue s : added) {
                found.add(s);
                roots.add(s.defaultUpdate());
            }
        }
    }
}
