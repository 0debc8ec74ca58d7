package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symtensor.function.CompileOptions;
import org.symtensor.config.Config;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.In;
import org.symtensor.ir.Variable;
import org.symtensor.grad.GradOptions;
import org.symtensor.grad.Gradients;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.rewrite.Fusion;
import org.symtensor.function.FunctionSpec;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/** Compiled functions with and without fusion agree; gradients flow through fused nodes. */
class FusionExecutionTest {
    private static final CompileOptions FUSED = CompileOptions.fromFlags(Config.parse(""));
    private static final CompileOptions UNFUSED = CompileOptions.fromFlags(Config.parse("optimizer=None"));

    private static FunctionSpec spec(List<Variable> inputs, List<Variable> outputs) {
        List<In> ins = new ArrayList<>();
        for (Variable v : inputs) {
            ins.add(In.of(v));
        }
        return FunctionSpec.build(ins, outputs, List.of(), Map.of(), false, FunctionFlag.UnusedInput.IGNORE, null);
    }

    private static NDArray random(DType dt, Random rnd, int... shape) {
        NDArray a = NDArray.zeros(dt, shape);
        for (int i = 0; i < a.size(); i++) {
            a.setDouble(i, rnd.nextDouble() * 4 - 2);
        }
        return a;
    }

    /** A random elementwise graph over a matrix x, a broadcast row r and a transposed-view input t. */
    private static List<Variable> randomGraph(Random rnd, List<Variable> pool, int nodes) {
        ScalarOp[] unary = {ScalarOp.NEG, ScalarOp.EXP, ScalarOp.TANH, ScalarOp.SQR, ScalarOp.ABS, ScalarOp.SIGMOID};
        ScalarOp[] binary = {ScalarOp.ADD, ScalarOp.SUB, ScalarOp.MUL, ScalarOp.MAXIMUM};
        List<Variable> vs = new ArrayList<>(pool);
        for (int i = 0; i < nodes; i++) {
            Variable a = vs.get(rnd.nextInt(vs.size()));
            Variable v;
            if (rnd.nextBoolean()) {
                v = Ops.elemwise(unary[rnd.nextInt(unary.length)], Ops.elemwise(ScalarOp.TANH, a));
            } else {
                v = Ops.elemwise(binary[rnd.nextInt(binary.length)], a, vs.get(rnd.nextInt(vs.size())));
            }
            if (rnd.nextInt(4) == 0) {
                v = Ops.elemwise(ScalarOp.ADD, v, Ops.constant(0.5, v.type().dtype()));
            }
            vs.add(v);
        }
        return List.of(vs.get(vs.size() - 1), vs.get(vs.size() - 2 - rnd.nextInt(3)));
    }

    @Test
    void fusedAndUnfused_randomElementwiseGraphs_agree() {
        long seed0 = 20240611L;
        for (int trial = 0; trial < 40; trial++) {
            long seed = seed0 + trial;
            Random rnd = new Random(seed);
            DType dt = trial % 2 == 0 ? DType.FLOAT64 : DType.FLOAT32;
            Variable x = new Variable(TensorType.of(dt, -1, -1), "x");
            Variable r = new Variable(TensorType.of(dt, 1, -1), "r");
            Variable t = new Variable(TensorType.of(dt, -1, -1), "t");
            List<Variable> inputs = List.of(x, r, t);
            List<Variable> outs = randomGraph(rnd, inputs, 4 + rnd.nextInt(12));
            FunctionSpec spec = spec(inputs, outs);
            NDArray xv = random(dt, rnd, 30, 70);
            NDArray rv = random(dt, rnd, 1, 70);
            NDArray tv = random(dt, rnd, 70, 30).transpose();

            CompiledFunction fused = new CpuFunctionCompiler().compile(spec, FUSED);
            CompiledFunction plain = new CpuFunctionCompiler().compile(spec, UNFUSED);
            List<NDArray> a = fused.callAll(xv, rv, tv);
            List<NDArray> b = plain.callAll(xv, rv, tv);

            double tol = dt == DType.FLOAT32 ? 1e-5 : 1e-12;
            for (int k = 0; k < 2; k++) {
                assertThat(a.get(k).allClose(b.get(k), tol, tol))
                        .as("seed %d, output %d: fused %s vs unfused %s", seed, k, a.get(k), b.get(k)).isTrue();
            }
        }
    }

    @Test
    void fusion_compiledLogistic_runsAsOneThunk() {
        // the tanh form: the stabilizer would turn 1 / (1 + exp(-x)) into one sigmoid, leaving nothing to fuse
        Variable x = new Variable(TensorType.of(DType.FLOAT32, -1, -1), "x");
        Variable half = Ops.constant(0.5, DType.FLOAT32);
        Variable out = Ops.elemwise(ScalarOp.ADD, Ops.elemwise(ScalarOp.MUL, half, Ops.elemwise(ScalarOp.TANH,
                Ops.elemwise(ScalarOp.MUL, half, x))), half);

        CompiledFunction f = new CpuFunctionCompiler().compile(spec(List.of(x), List.of(out)), FUSED);
        NDArray r = f.call(NDArray.of(new float[][] {{0f, 2f}}));

        assertThat(f.schedule().thunks()).hasSize(1);
        assertThat(f.schedule().thunks().get(0).node().op().kind()).isEqualTo(OpKind.COMPOSITE);
        assertThat(r.toFloatMatrix()[0][0]).isEqualTo(0.5f);
        assertThat(r.toFloatMatrix()[0][1]).isCloseTo((float) (1 / (1 + Math.exp(-2))), org.assertj.core.api.Assertions.within(1e-6f));
        assertThat(r.toFloatMatrix()[0][1]).isCloseTo((float) (0.5 * Math.tanh(1) + 0.5), org.assertj.core.api.Assertions.within(1e-6f));
    }

    @Test
    void grad_throughAComposite_equalsTheGradientOfTheUnfusedGraph() {
        Variable x = new Variable(TensorType.of(DType.FLOAT64, -1), "x");
        Variable y = new Variable(TensorType.of(DType.FLOAT64, -1), "y");
        // tanh(x * y) * x: x reaches the composite's program twice
        Variable body = Ops.elemwise(ScalarOp.MUL, Ops.elemwise(ScalarOp.TANH, Ops.elemwise(ScalarOp.MUL, x, y)), x);
        Variable fusedBody = Fusion.fuse(List.of(body)).get(0);
        assertThat(fusedBody.owner().op().kind()).isEqualTo(OpKind.COMPOSITE);
        Variable cost = Ops.reduce(Reduce.Kind.SUM, fusedBody);

        List<Variable> g = Gradients.grad(cost, List.of(x, y), GradOptions.defaults());
        CompiledFunction f = new CpuFunctionCompiler().compile(spec(List.of(x, y), g), UNFUSED);
        double[] xs = {0.3, -1.2, 2.0};
        double[] ys = {0.7, 0.4, -0.1};
        List<NDArray> r = f.callAll(NDArray.of(xs), NDArray.of(ys));

        for (int i = 0; i < 3; i++) {
            double th = Math.tanh(xs[i] * ys[i]);
            double sech2 = 1 - th * th;
            // d/dx [tanh(xy) x] = sech²(xy) y x + tanh(xy);  d/dy = sech²(xy) x²
            assertThat(r.get(0).getDouble(i)).isCloseTo(sech2 * ys[i] * xs[i] + th, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(r.get(1).getDouble(i)).isCloseTo(sech2 * xs[i] * xs[i], org.assertj.core.api.Assertions.within(1e-12));
        }
    }
}
