package org.symtensor.grad;

import java.util.Arrays;
import java.util.List;
import org.symtensor.error.GradientException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Conv2d;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Pool2d;
import org.symtensor.ir.Variable;

/**
 * Gradient rules of {@link Conv2d} and {@link Pool2d}. Each variant is a linear map in the inputs
 * that carry gradients, so its vector-Jacobian products are again variants of the same op with
 * the same geometry: the three conv2d variants are the transposes of each other, and the pooling
 * gradient's transpose is its GRAD_GRAD variant. That keeps second derivatives (a Hessian-vector
 * product through a conv net) inside the table.
 */
final class ConvGrads {
    private ConvGrads() {}

    private static void requireNoBatch(Apply a, int batch) {
        if (batch > 0) {
            throw new GradientException(a.op().name() + ": Jacobians (a batch of output gradients) through conv2d and"
                    + " pooling are not supported; take the gradient of a scalar cost instead");
        }
    }

    static List<Variable> conv2d(Apply a, Variable g, int batch) {
        requireNoBatch(a, batch);
        Conv2d op = (Conv2d) a.op();
        List<Variable> in = a.inputs();
        return switch (op.variant()) {
            case FORWARD -> {
                Variable x = in.get(0);
                Variable w = in.get(1);
                yield List.of(Conv2d.gradInput(op, g, w, Ops.shape(x, 2), Ops.shape(x, 3)),
                        Conv2d.gradFilters(op, x, g, Ops.shape(w, 2), Ops.shape(w, 3)));
            }
            case GRAD_INPUT -> {
                Variable gy = in.get(0);
                Variable w = in.get(1);
                yield Arrays.asList(Conv2d.forward(op, g, w), Conv2d.gradFilters(op, g, gy, Ops.shape(w, 2), Ops.shape(w, 3)),
                        null, null);
            }
            case GRAD_FILTERS -> {
                Variable x = in.get(0);
                Variable gy = in.get(1);
                yield Arrays.asList(Conv2d.gradInput(op, gy, g, Ops.shape(x, 2), Ops.shape(x, 3)), Conv2d.forward(op, x, g),
                        null, null);
            }
        };
    }

    /**
     * Pooling: the forward gradient is GRAD; GRAD and GRAD_GRAD are linear in their second input and
     * each other's transpose there. The first input only places the windows' maxima (or gives the
     * shape), piecewise constant, so nothing flows back to it.
     */
    static List<Variable> pool2d(Apply a, Variable g, int batch) {
        requireNoBatch(a, batch);
        Pool2d op = (Pool2d) a.op();
        Variable x = a.inputs().get(0);
        return switch (op.variant()) {
            case FORWARD -> List.of(Apply.output(op.withVariant(Pool2d.Variant.GRAD), x, g));
            case GRAD -> Arrays.asList(null, Apply.output(op.withVariant(Pool2d.Variant.GRAD_GRAD), x, g));
            case GRAD_GRAD -> Arrays.asList(null, Apply.output(op.withVariant(Pool2d.Variant.GRAD), x, g));
        };
    }
}
