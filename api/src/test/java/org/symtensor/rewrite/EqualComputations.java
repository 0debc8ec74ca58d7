package org.symtensor.rewrite;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Variable;

/**
 * PyTensor's {@code equal_computations} for tests: two graphs compute the same thing when their
 * applies have equal ops on pairwise equal inputs, their constants have equal dtype, shape and
 * values, and their free inputs are the very same variables.
 */
final class EqualComputations {
    private EqualComputations() {}

    static boolean equalComputations(List<Variable> xs, List<Variable> ys) {
        if (xs.size() != ys.size()) {
            return false;
        }
        Map<Variable, Variable> matched = new IdentityHashMap<>();
        for (int i = 0; i < xs.size(); i++) {
            if (!equal(xs.get(i), ys.get(i), matched)) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(Variable a, Variable b, Map<Variable, Variable> matched) {
        if (a == b || matched.get(a) == b) {
            return true;
        }
        boolean r;
        if (a instanceof Constant || b instanceof Constant) {
            r = a instanceof Constant && b instanceof Constant && ((Constant) a).value().equals(((Constant) b).value());
        } else if (a.owner() == null || b.owner() == null) {
            r = false;
        } else {
            Apply x = a.owner();
            Apply y = b.owner();
            r = a.index() == b.index() && x.op().equals(y.op()) && x.inputs().size() == y.inputs().size()
                    && a.type().equals(b.type());
            for (int i = 0; r && i < x.inputs().size(); i++) {
                r = equal(x.inputs().get(i), y.inputs().get(i), matched);
            }
        }
        if (r) {
            matched.put(a, b);
        }
        return r;
    }
}
