package org.symtensor.rewrite;

import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;

/**
 * A local rewrite: a pure function from an apply node to the variable that should replace its
 * (single) output, or null when the rule does not apply. Rules never mutate graphs; they build
 * new nodes with {@link org.symtensor.ir.Ops}.
 */
@FunctionalInterface
public interface Rule {
    Variable apply(Apply node);
}
