package org.symtensor.grad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reshape;
import org.symtensor.ir.Variable;

/**
 * Gradient rules of the shape and construction ops. Each moves the output gradient back into the
 * input's layout: a reshape's gradient is g reshaped to the input's run-time shape. Integer inputs
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
}
