package org.symtensor.grad;

import java.util.Arrays;
import java.util.List;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Cumulative;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.TakeAlongAxis;
import org.symtensor.ir.Variable;

/**
 * The gradient rules of the ops along one axis: {@link Cumulative}, {@link org.symtensor.ir.ArgSort}
 * and {@link TakeAlongAxis}. As in {@link GradRules}, {@code g} carries {@code batch} leading axes,
 * so every axis of the forward op moves by {@code batch} in the rule.
 */
final class AxisOpGrads {
    private AxisOpGrads() {}

    /**
     * cumsum: each input element reaches every output at or after it along the axis, so its gradient
     * is the running sum of {@code g} from the other end (the reversed cumsum of the reversed g).
     * cumprod: {@code d y_j / d x_i = y_j / x_i} for {@code j >= i}, so the gradient is that
     * reversed running sum of {@code g * y}, divided by x (Theano's rule): exact where x has no zero,
     * NaN or inf where it has (as in Theano). Integer inputs get none.
     */
    static List<Variable> cumulative(Apply a, Cumulative op, Variable g, int batch) {
        Variable x = a.inputs().get(0);
        if (!x.type().dtype().isFloat()) {
            return Arrays.asList((Variable) null);
        }
        Cumulative back = Cumulative.of(Cumulative.Kind.SUM, batch + op.axis(), !op.reverse());
        return switch (op.cumulativeKind()) {
            case SUM -> List.of(Apply.output(back, g));
            case PROD -> {
                Variable y = Ops.cast(a.output(), g.type().dtype());
                Variable s = Apply.output(back, Ops.elemwise(ScalarOp.MUL, g, y));
                yield List.of(Ops.elemwise(ScalarOp.TRUE_DIV, s, Ops.cast(x, g.type().dtype())));
            }
        };
    }

    /**
     * take_along_axis moves x's values to the output: its gradient scatters g back to where each
     * came from (adding where a position was taken twice); the indices get none. The scatter-add
     * only moves g: its gradient with respect to g gathers from the same positions, and the
     * template (whose values are unused) and the indices get none.
     */
    static List<Variable> takeAlong(Apply a, TakeAlongAxis op, Variable g, int batch) {
        int rank = batch + a.inputs().get(0).type().rank();
        int axis = batch + op.axis();
        Variable idx = Ops.padLeft(a.inputs().get(a.inputs().size() - 1), rank);
        return switch (op.mode()) {
            case GATHER -> {
                Variable like = Ops.padLeft(a.inputs().get(0), rank);
                Variable gx = Apply.output(TakeAlongAxis.of(TakeAlongAxis.Mode.SCATTER_ADD, axis), like, g, idx);
                yield Arrays.asList(gx, null);
            }
            case SCATTER_ADD -> Arrays.asList(null,
                    Apply.output(TakeAlongAxis.of(TakeAlongAxis.Mode.GATHER, axis), g, idx), null);
        };
    }
}
