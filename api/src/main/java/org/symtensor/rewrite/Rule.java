package org.symtensor.rewrite;

import org.symtensor.graph.Apply;
import org.symtensor.graph.Variable;

/**
 * A local rewrite: a pure function from an apply node to the variable that should replace its
 * (single) output, or null when the rule does not apply. Rules never mutate graphs; they build
 * new nodes with {@link org.symtensor.op.Ops}.
 */
@FunctionalInterface
public interface Rule {
    Variable apply(Apply node);
}
