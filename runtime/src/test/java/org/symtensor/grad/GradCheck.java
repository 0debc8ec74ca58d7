package org.symtensor.grad;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.symtensor.T;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensors;
import org.symtensor.value.NDArray;

/** Small helpers shared by the gradient tests: finite-difference checks and graph building on variables. */
final class GradCheck {
    static final double EPS = 1e-6;
    static final double TOLERANCE = 1e-6;

    private GradCheck() {}

    /** {@code T.verifyGrad} at float64 with the tests' step and tolerance. */
    static void verify(Function<List<Variable>, Variable> fn, NDArray... points) {
        T.verifyGrad(in -> Tensors.wrap(fn.apply(in.stream().map(Tensor::variable).toList())), Arrays.asList(points),
                EPS, TOLERANCE);
    }

    static Variable e(ScalarOp op, Variable... in) {
        return Ops.elemwise(op, in);
    }

    static NDArray vec(double... v) {
        return NDArray.of(v);
    }

    static NDArray mat(double[]... rows) {
        return NDArray.of(rows);
    }

    static NDArray scalar(double v) {
        return NDArray.of(v);
    }
}
