package org.symtensor.grad;

import org.symtensor.error.GradientException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.IfElse;
import org.symtensor.ir.IncSubtensor;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Subtensor;

/**
 * Gradient rules of indexing and of the lazy conditional: {@code x[i]} sends g back into zeros at
 * i (an {@link IncSubtensor}); an increment passes g to x and {@code g[i]} to y; {@code ifelse}
 * sends {@code ifelse(cond, ∂then·g, 0)} to each input of the then-branch, and likewise for else,
 * so the backward pass stays as lazy as the forward one.
 */
final class ControlGrads {
    private ControlGrads() {}

    static List<Variable> subtensor(Apply a, Variable g, int batch) {
        Variable x = a.inputs().get(0);
        List<Variable> r = new ArrayList<>(Arrays.asList(new Variable[a.inputs().size()]));
        if (!x.type().dtype().isFloat()) {
            return r;
        }
        Subtensor view = shifted((Subtensor) a.op(), batch);
        List<Variable> in = new ArrayList<>(List.of(zerosWithBatch(x, g, batch), Ops.cast(g, x.type().dtype())));
        in.addAll(Subtensor.indexInputs(a.inputs(), 1));
        r.set(0, Apply.of(IncSubtensor.of(view), in).output());
        return r;
    }

    static List<Variable> incSubtensor(Apply a, Variable g, int batch) {
        List<Variable> r = new ArrayList<>(Arrays.asList(new Variable[a.inputs().size()]));
        r.set(0, g);
        Subtensor view = shifted(((IncSubtensor) a.op()).view(), batch);
        List<Variable> in = new ArrayList<>(List.of(g));
        in.addAll(Subtensor.indexInputs(a.inputs(), 2));
        r.set(1, Apply.of(view, in).output());
        return r;
    }

    static List<Variable> ifElse(Apply a, Variable g, int batch) {
        if (batch != 0) {
            throw new GradientException("jacobian through ifelse (created at " + a.createdAt() + ") is not supported");
        }
        IfElse op = (IfElse) a.op();
        Variable cond = a.inputs().get(0);
        List<Variable> r = new ArrayList<>(Arrays.asList(new Variable[a.inputs().size()]));
        addBranch(a, op, cond, g, true, r);
        addBranch(a, op, cond, g, false, r);
        return r;
    }

    private static void addBranch(Apply a, IfElse op, Variable cond, Variable g, boolean then, List<Variable> r) {
        Variable branch = op.outerBranch(a, then);
        int first = then ? 1 : 1 + op.thenInputs().size();
        int count = then ? op.thenInputs().size() : op.elseInputs().size();
        List<Variable> wrt = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Variable x = a.inputs().get(first + k);
            if (x.type().dtype().isFloat() && !wrt.contains(x)) {
                wrt.add(x);
                positions.add(first + k);
            }
        }
        if (wrt.isEmpty() || !branch.type().dtype().isFloat()) {
            return;
        }
        List<Variable> gs = Gradients.lop(branch, wrt, Ops.cast(g, branch.type().dtype()), GradOptions.builder()
                .disconnectedInputs(GradOptions.Disconnected.IGNORE).build());
        for (int k = 0; k < wrt.size(); k++) {
            Variable x = wrt.get(k);
            Variable zero = Ops.elemwise(ScalarOp.SECOND, x, Ops.constant(0, x.type().dtype()));
            Variable taken = Ops.cast(gs.get(k), x.type().dtype());
            r.set(positions.get(k), then ? IfElse.build(cond, taken, zero) : IfElse.build(cond, zero, taken));
        }
    }

    private static Subtensor shifted(Subtensor s, int batch) {
        if (batch == 0) {
            return s;
        }
        return s.form() == Subtensor.Form.INDEX ? Subtensor.index(s.axis() + batch)
                : Subtensor.slice(s.axis() + batch, s.hasStart(), s.hasStop(), s.step());
    }

    /** Zeros of x's shape behind g's batch axes, in g's dtype. */
    private static Variable zerosWithBatch(Variable x, Variable g, int batch) {
        Variable z = Ops.elemwise(ScalarOp.SECOND, x, Ops.constant(0, x.type().dtype()));
        if (batch == 0) {
            return z;
        }
        int r = x.type().rank();
        int[] all = new int[g.type().rank() - batch];
        for (int i = 0; i < all.length; i++) {
            all[i] = batch + i;
        }
        Variable gb = all.length == 0 ? g : Ops.reduce(Reduce.Kind.SUM, g, all);
        Variable zb = Ops.elemwise(ScalarOp.MUL, gb, Ops.constant(0, g.type().dtype()));
        int[] pb = new int[batch + r];
        for (int i = 0; i < pb.length; i++) {
            pb[i] = i < batch ? i : DimShuffle.NEW_AXIS;
        }
        int[] px = new int[batch + r];
        for (int i = 0; i < px.length; i++) {
            px[i] = i < batch ? DimShuffle.NEW_AXIS : i - batch;
        }
        return Ops.elemwise(ScalarOp.ADD, Ops.dimshuffle(zb, pb), Ops.dimshuffle(Ops.cast(z, g.type().dtype()), px));
    }
}
