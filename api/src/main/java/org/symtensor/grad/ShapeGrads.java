package org.symtensor.grad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.symtensor.error.GradientException;
import org.symtensor.ir.AdvancedIncSubtensor;
import org.symtensor.ir.AdvancedSubtensor;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Arange;
import org.symtensor.ir.Indexing;
import org.symtensor.ir.Join;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.Reshape;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;

/**
 * Gradient rules of the shape and construction ops. Each moves the output gradient back into the
 * input's layout: a reshape's gradient is g reshaped to the input's run-time shape; a join's, the
 * slices of g each input filled; an alloc's, g summed over the axes the value was broadcast along;
 * an advanced index's, g scattered back (added, so repeated indices accumulate). Integer inputs
 * (target lengths, indices) get no gradient.
 */
final class ShapeGrads {
    private ShapeGrads() {}

    static List<Variable> reshape(Apply a, Variable g, int batch) {
        Variable x = a.inputs().get(0);
        List<Variable> r = new ArrayList<>(Arrays.asList(new Variable[a.inputs().size()]));
        if (!x.type().dtype().isFloat()) {
            return r;
        }
        r.set(0, reshapeTo(g, x, batch));
        return r;
    }

    /** {@code g} (with {@code batch} leading axes) reshaped to {@code batch} axes then x's run-time shape. */
    static Variable reshapeTo(Variable g, Variable x, int batch) {
        int rank = x.type().rank();
        List<Variable> in = new ArrayList<>();
        in.add(Ops.cast(g, x.type().dtype()));
        for (int i = 0; i < batch; i++) {
            in.add(Ops.shape(g, i));
        }
        for (int i = 0; i < rank; i++) {
            in.add(Ops.shape(x, i));
        }
        return Apply.of(Reshape.of(batch + rank), in).output();
    }

    static List<Variable> join(Apply a, Variable g, int batch) {
        int axis = ((Join) a.op()).axis();
        List<Variable> r = new ArrayList<>(Arrays.asList(new Variable[a.inputs().size()]));
        Variable start = null;
        for (int k = 0; k < a.inputs().size(); k++) {
            Variable x = a.inputs().get(k);
            Variable len = Ops.shape(x, axis);
            Variable stop = start == null ? len : Ops.elemwise(ScalarOp.ADD, start, len);
            if (x.type().dtype().isFloat()) {
                r.set(k, Ops.cast(Indexing.slice(g, batch + axis, start, stop, 1), x.type().dtype()));
            }
            start = stop;
        }
        return r;
    }

    static List<Variable> alloc(Apply a, Variable g, int batch) {
        Variable value = a.inputs().get(0);
        List<Variable> r = new ArrayList<>(Arrays.asList(new Variable[a.inputs().size()]));
        if (!value.type().dtype().isFloat()) {
            return r;
        }
        int lead = a.inputs().size() - 1 - value.type().rank();
        Variable h = g;
        if (lead > 0) {
            int[] axes = new int[lead];
            for (int i = 0; i < lead; i++) {
                axes[i] = batch + i;
            }
            h = Ops.reduce(Reduce.Kind.SUM, g, axes);
        }
        // the value's own length-1 axes are summed by the caller (Gradients.fitTo), as for any broadcast
        r.set(0, Ops.cast(h, value.type().dtype()));
        return r;
    }

    /**
     * d/dstart = Σ g and d/dstep = Σ g·i over the positions i (Theano's rule); the stop only sets
     * the length, so nothing flows to it. Integer bounds get nothing.
     */
    static List<Variable> arange(Apply a, Variable g, int batch) {
        List<Variable> r = new ArrayList<>(Arrays.asList(new Variable[3]));
        Variable sum = Ops.reduce(Reduce.Kind.SUM, g, batch);
        if (a.inputs().get(0).type().dtype().isFloat()) {
            r.set(0, sum);
        }
        if (a.inputs().get(2).type().dtype().isFloat()) {
            Variable i = Apply.output(Arange.of(g.type().dtype()), Ops.constant(0, DType.INT64),
                    Ops.shape(a.output(), 0), Ops.constant(1, DType.INT64));
            r.set(2, Ops.reduce(Reduce.Kind.SUM, Ops.elemwise(ScalarOp.MUL, g, i), batch));
        }
        return r;
    }

    static List<Variable> advancedSubtensor(Apply a, Variable g, int batch) {
        Variable x = a.inputs().get(0);
        List<Variable> r = new ArrayList<>(Arrays.asList(new Variable[2]));
        if (!x.type().dtype().isFloat()) {
            return r;
        }
        requireNoBatch(a, batch);
        Variable zeros = Ops.elemwise(ScalarOp.SECOND, x, Ops.constant(0, x.type().dtype()));
        r.set(0, Apply.output(AdvancedIncSubtensor.inc((AdvancedSubtensor) a.op()), zeros,
                Ops.cast(g, x.type().dtype()), a.inputs().get(1)));
        return r;
    }

    static List<Variable> advancedIncSubtensor(Apply a, Variable g, int batch) {
        AdvancedIncSubtensor op = (AdvancedIncSubtensor) a.op();
        Variable x = a.inputs().get(0);
        Variable y = a.inputs().get(1);
        Variable idx = a.inputs().get(2);
        List<Variable> r = new ArrayList<>(Arrays.asList(new Variable[3]));
        if (!x.type().dtype().isFloat()) {
            return r;
        }
        requireNoBatch(a, batch);
        Variable gx = Ops.cast(g, x.type().dtype());
        // written positions forget x: its gradient is g with zeros there
        r.set(0, op.isSet() ? Apply.output(AdvancedIncSubtensor.set(op.view()), gx, Ops.constant(0, x.type().dtype()), idx) : gx);
        Variable gy = Apply.output(op.view(), gx, idx);
        int lead = gy.type().rank() - y.type().rank();
        if (lead > 0) {
            int[] axes = new int[lead];
            for (int i = 0; i < lead; i++) {
                axes[i] = i;
            }
            gy = Ops.reduce(Reduce.Kind.SUM, gy, axes);
        }
        r.set(1, gy);
        return r;
    }

    private static void requireNoBatch(Apply a, int batch) {
        if (batch != 0) {
            throw new GradientException("jacobian through " + a.op().name() + " (created at " + a.createdAt()
                    + ") is not supported; take the gradient of each output entry instead");
        }
    }
}
