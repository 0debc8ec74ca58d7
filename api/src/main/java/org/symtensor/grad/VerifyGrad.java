package org.symtensor.grad;

import org.symtensor.error.GradientCheckException;
import org.symtensor.error.GradientException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.In;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.function.FunctionSpec;
import org.symtensor.spi.Backends;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensors;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * Theano's {@code verify_grad}: checks the symbolic gradient of a user's graph against central
 * finite differences at given points, in float64. A non-scalar output is projected on a fixed
 * random direction first, so every output element takes part.
 */
public final class VerifyGrad {
    private VerifyGrad() {}

    /**
     * Builds {@code fn} on float64 inputs shaped like {@code points}, and throws
     * {@link GradientCheckException} at the first element where the analytic and numeric
     * gradients differ by more than {@code tolerance}, both absolutely and relative to their size.
     */
    public static void verifyGrad(java.util.function.Function<List<Tensor<?>>, Tensor<?>> fn, List<NDArray> points,
            double eps, double tolerance) {
        List<Tensor<?>> inputs = new ArrayList<>();
        List<NDArray> values = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            NDArray p = points.get(i).astype(DType.FLOAT64);
            values.add(p);
            inputs.add(Tensors.wrap(new Variable(TensorType.ofRank(DType.FLOAT64, p.rank()), "input" + i)));
        }
        Variable out = fn.apply(inputs).variable();
        if (!out.type().dtype().isFloat()) {
            throw new GradientException("verifyGrad: the function's output has dtype " + out.type().dtype() + "; it must be float");
        }
        out = Ops.cast(out, DType.FLOAT64);
        List<In> ins = new ArrayList<>();
        List<Variable> wrt = new ArrayList<>();
        for (Tensor<?> t : inputs) {
            ins.add(In.of(t.variable()));
            wrt.add(t.variable());
        }
        NDArray outValue = compile(ins, List.of(out)).call(values.toArray());
        NDArray direction = randomLike(outValue, 42);
        Variable cost = Ops.reduce(Reduce.Kind.SUM, Ops.elemwise(ScalarOp.MUL, out, Ops.constant(direction)));
        List<Variable> grads = Gradients.grad(cost, wrt, GradOptions.builder()
                .disconnectedInputs(GradOptions.Disconnected.IGNORE).build());
        List<Variable> outs = new ArrayList<>(grads);
        Function analyticFn = compile(ins, outs);
        Function costFn = compile(ins, List.of(cost));
        List<NDArray> analytic = analyticFn.callAll(values.toArray());
        for (int i = 0; i < values.size(); i++) {
            NDArray p = values.get(i);
            for (int j = 0; j < p.size(); j++) {
                double orig = p.getDouble(j);
                List<NDArray> shifted = new ArrayList<>(values);
                NDArray q = p.copy();
                shifted.set(i, q);
                q.setDouble(j, orig + eps);
                double plus = costFn.call(shifted.toArray()).toDouble();
                q.setDouble(j, orig - eps);
                double minus = costFn.call(shifted.toArray()).toDouble();
                double numeric = (plus - minus) / (2 * eps);
                double a = analytic.get(i).getDouble(j);
                double err = Math.abs(a - numeric);
                if (!(err <= tolerance || err / (Math.abs(a) + Math.abs(numeric)) <= tolerance)) {
                    throw GradientCheckException.of(i, j, a, numeric, tolerance);
                }
            }
        }
    }

    private static Function compile(List<In> ins, List<Variable> outs) {
        FunctionSpec spec = FunctionSpec.build(ins, outs, List.of(), java.util.Map.of(), false,
                FunctionFlag.UnusedInput.IGNORE, "verifyGrad");
        return Backends.compile(spec, CompileOptions.current());
    }

    private static NDArray randomLike(NDArray like, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        NDArray d = NDArray.zeros(DType.FLOAT64, like.shape());
        for (int i = 0; i < d.size(); i++) {
            d.setDouble(i, 0.5 + r.nextDouble());
        }
        return d;
    }
}
