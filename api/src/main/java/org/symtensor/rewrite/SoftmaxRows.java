package org.symtensor.rewrite;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.ir.Apply;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.GradMark;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Softmax;
import org.symtensor.ir.Variable;

/**
 * The {@code softmax_rows} set, for backends with a one-pass softmax kernel (the CPU): the graph
 * {@link org.symtensor.ir.NNet#softmax} builds, and the same graph written by hand,
 * {@code exp(x - max(x, a)) / sum(exp(x - max(x, a)), a)} with both reductions over the one axis
 * {@code a} put back as length 1, becomes one {@link Softmax} node (Theano's local_softmax). It is
 * not part of {@link Optimizer#pipeline}: a backend adds it with {@link #beforeFusion} (the OpenCL
 * backend does not, since its fused device kernels already run the primitive graph on the device).
 * The node computes the same values up to the order of the sum (a few ulps).
 */
public final class SoftmaxRows {
    private SoftmaxRows() {}

    private static final Optimizer.Pass PASS = Optimizer.Pass.of(RuleSet.builder("softmax_rows")
            .add("softmax_rows", OpKind.ELEMWISE, SoftmaxRows::softmax)
            .build());

    /**
     * {@code passes} with the softmax_rows pass just before fusion (which would otherwise hide the
     * exponential inside a composite); unchanged when there is no fusion pass (modes that run the
     * graph as written or name each op).
     */
    public static List<Optimizer.Pass> beforeFusion(List<Optimizer.Pass> passes) {
        List<Optimizer.Pass> out = new ArrayList<>(passes.size() + 1);
        boolean added = false;
        for (Optimizer.Pass p : passes) {
            if (!added && p.name().equals("fusion")) {
                out.add(PASS);
                added = true;
            }
            out.add(p);
        }
        return added ? List.copyOf(out) : passes;
    }

    /** {@code exp(x - keep(max(x, a))) / keep(sum(that exp, a))} → {@code Softmax{axis=a}(x)}. */
    static Variable softmax(Apply div) {
        if (Patterns.scalarOp(div) != ScalarOp.TRUE_DIV) {
            return null;
        }
        Variable e = div.inputs().get(0);
        Apply exp = e.owner();
        if (exp == null || Patterns.scalarOp(exp) != ScalarOp.EXP) {
            return null;
        }
        Apply sub = exp.inputs().get(0).owner();
        if (sub == null || Patterns.scalarOp(sub) != ScalarOp.SUB) {
            return null;
        }
        Variable x = sub.inputs().get(0);
        if (!x.type().dtype().isFloat() || !x.type().equals(e.type())) {
            return null;
        }
        int rank = x.type().rank();
        int maxAxis = keptReduction(sub.inputs().get(1), rank, Reduce.Kind.MAX);
        if (maxAxis < 0 || reduced(sub.inputs().get(1)) != x) {
            return null;
        }
        int sumAxis = keptReduction(div.inputs().get(1), rank, Reduce.Kind.SUM);
        if (sumAxis != maxAxis || reduced(div.inputs().get(1)) != e) {
            return null;
        }
        return Patterns.fit(Softmax.apply(x, maxAxis), div.output().type());
    }

    /**
     * The axis when {@code v} is a one-axis reduction of kind {@code kind} of a rank-{@code rank}
     * tensor put back as length 1 by a dimshuffle (through a gradient mark, as {@code NNet} builds
     * the maximum); else -1.
     */
    private static int keptReduction(Variable v, int rank, Reduce.Kind kind) {
        Apply shuffle = v.owner();
        if (shuffle == null || !(shuffle.op() instanceof DimShuffle d)) {
            return -1;
        }
        Apply reduce = unmarked(shuffle.inputs().get(0)).owner();
        if (reduce == null || !(reduce.op() instanceof Reduce r) || r.reduceKind() != kind || r.axes().length != 1) {
            return -1;
        }
        int axis = r.axes()[0];
        int[] pattern = d.pattern();
        if (pattern.length != rank || axis < 0 || axis >= rank) {
            return -1;
        }
        for (int i = 0, k = 0; i < rank; i++) {
            if (pattern[i] != (i == axis ? DimShuffle.NEW_AXIS : k++)) {
                return -1;
            }
        }
        return axis;
    }

    /** The input of the reduction under {@link #keptReduction}'s dimshuffle. */
    private static Variable reduced(Variable kept) {
        return unmarked(kept.owner().inputs().get(0)).owner().inputs().get(0);
    }

    /** {@code v} without the gradient marks around it (they change no value). */
    private static Variable unmarked(Variable v) {
        while (v.owner() != null && v.owner().op() instanceof GradMark) {
            v = v.owner().inputs().get(0);
        }
        return v;
    }
}
