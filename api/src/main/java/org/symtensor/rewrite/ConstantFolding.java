package org.symtensor.rewrite;

import org.symtensor.ir.Apply;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Variable;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * Constant folding: an apply of a deterministic op whose inputs are all constants becomes a
 * constant, computed once by the reference {@link Evaluator}. Inputs may be constants seen through
 * broadcasting dimshuffles. Results over {@value #MAX_ELEMENTS} elements are not folded (they would
 * bloat the graph), nor is a dimshuffle that only pads a constant (already free at run time, and
 * printing keeps the scalar).
 */
public final class ConstantFolding {
    /** The largest folded constant, in elements. */
    public static final int MAX_ELEMENTS = 100_000;

    private ConstantFolding() {}

    public static RuleSet rules() {
        RuleSet.Builder b = RuleSet.builder("constant_folding");
        // which kinds fold is one exhaustive switch (random and stateful ops never do)
        for (OpKind kind : OpKind.values()) {
            if (Evaluator.folds(kind)) {
                b.add("fold", kind, ConstantFolding::fold);
            }
        }
        return b.build();
    }

    static Variable fold(Apply node) {
        if (node.op() instanceof DimShuffle && node.inputs().get(0) instanceof Constant && onlyPads(node)) {
            return null;
        }
        TensorType out = node.output().type();
        if (!out.isShapeKnown() || elements(out.shape()) > MAX_ELEMENTS) {
            return null;
        }
        NDArray[] values = new NDArray[node.inputs().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = constantValue(node.inputs().get(i));
            if (values[i] == null) {
                return null;
            }
        }
        if (node.op() instanceof Reduce && values[0].size() == 0) {
            return null; // an empty max or min is a run-time error, not a constant
        }
        NDArray r = Evaluator.evaluate(node, values);
        return r == null ? null : Ops.constant(r);
    }

    /** The value of a constant, or of a chain of dimshuffles over one; null for anything else. */
    static NDArray constantValue(Variable v) {
        if (v instanceof Constant) {
            return ((Constant) v).value();
        }
        Apply a = v.owner();
        if (a != null && a.op() instanceof DimShuffle) {
            NDArray in = constantValue(a.inputs().get(0));
            return in == null ? null : in.dimshuffle(((DimShuffle) a.op()).pattern());
        }
        return null;
    }

    private static boolean onlyPads(Apply node) {
        int[] p = ((DimShuffle) node.op()).pattern();
        int rank = node.inputs().get(0).type().rank();
        int pad = p.length - rank;
        if (pad < 0) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (p[i] != (i < pad ? DimShuffle.NEW_AXIS : i - pad)) {
                return false;
            }
        }
        return true;
    }

    private static long elements(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }
}
