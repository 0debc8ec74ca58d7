package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symtensor.config.Config;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.FunctionSpec;
import org.symtensor.function.In;
import org.symtensor.grad.GradOptions;
import org.symtensor.grad.Gradients;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Composite;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Variable;
import org.symtensor.print.Printer;
import org.symtensor.rewrite.Fusion;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * Reductions fused with their elementwise input (a {@link Composite} with a reduce tail): the
 * optimized graph has no full-size intermediate, and its values agree with the unoptimized graph
 * and with a plain-Java loop written here, within the rounding that reassociated sums allow.
 *
 * <p>Tolerance: the fused kernel adds in a different order than the unfused one (blocks of
 * {@code CompositeKernel.BLOCK} elements, vector lanes, then double partials per range), so a
 * float32 sum of n terms of size about |t| can differ by a few float ulps of each block's partial: we allow
 * {@code 1e-5 * (Σ|t| + 1)} for float32 and {@code 1e-12 * (Σ|t| + 1)} for float64. Max and min
 * do not reassociate rounding and must be exact.
 */
class FusedReductionTest {
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
            a.setDouble(i, rnd.nextDouble() * 2 - 1);
        }
        return a;
    }

    private static Variable e(ScalarOp op, Variable... in) {
        return Ops.elemwise(op, in);
    }

    private static Variable fma(List<Variable> in) {
        return e(ScalarOp.MUL, e(ScalarOp.ADD, e(ScalarOp.MUL, in.get(0), in.get(1)), in.get(2)), in.get(3));
    }

    /** {@code sum(exp(x - m), axis)} with m the max over the same axis, kept as a broadcast column or row. */
    private static Variable sumExpShifted(Variable x, int axis) {
        Variable max = Ops.reduce(Reduce.Kind.MAX, x, axis);
        Variable m = axis == 1 ? Ops.dimshuffle(max, 0, DimShuffle.NEW_AXIS) : Ops.dimshuffle(max, DimShuffle.NEW_AXIS, 0);
        return Ops.reduce(Reduce.Kind.SUM, e(ScalarOp.EXP, e(ScalarOp.SUB, x, m)), axis);
    }

    private static void assertClose(NDArray got, double[] expected, double[] scale, DType dt, String what) {
        assertThat(got.size()).as(what).isEqualTo(expected.length);
        double tol = dt == DType.FLOAT32 ? 1e-5 : 1e-12;
        for (int i = 0; i < expected.length; i++) {
            double allowed = tol * (scale[i] + 1);
            assertThat(Math.abs(got.getDouble(i) - expected[i])).as("%s, element %d: %s vs %s", what, i, got.getDouble(i),
                    expected[i]).isLessThanOrEqualTo(allowed);
        }
    }

    /** Every apply node of the optimized graph, and the one composite with a reduce tail among them. */
    private static List<Apply> nodes(CompiledFunction f) {
        return Graphs.toposort(f.optimizedOutputs());
    }

    @Test
    void fmaSum_optimizedIsOneCompositeWithASumTail_andAgreesWithUnoptimizedAndAJavaLoop() {
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            List<Variable> in = new ArrayList<>();
            for (String n : new String[] {"a", "b", "c", "d"}) {
                in.add(new Variable(TensorType.of(dt, -1), n));
            }
            Variable out = Ops.reduce(Reduce.Kind.SUM, fma(in));
            FunctionSpec spec = spec(in, List.of(out));
            CompiledFunction fused = new CpuFunctionCompiler().compile(spec, FUSED);
            CompiledFunction plain = new CpuFunctionCompiler().compile(spec, UNFUSED);

            // the exact structure: one node, Composite{sum((((i0 * i1) + i2) * i3))} over a, b, c, d
            List<Apply> nodes = nodes(fused);
            assertThat(nodes).hasSize(1);
            Composite c = (Composite) nodes.get(0).op();
            assertThat(c.reduce()).isEqualTo(Reduce.of(Reduce.Kind.SUM, null));
            assertThat(c.steps()).hasSize(3);
            assertThat(nodes.get(0).inputs()).containsExactlyElementsOf(in);
            assertThat(c.name()).isEqualTo("Composite{sum((((i0 * i1) + i2) * i3))}");
            assertThat(nodes.get(0).output().type().rank()).isZero();

            Random rnd = new Random(7 + dt.ordinal());
            for (int n : new int[] {1, 5, 1023, 1025, 70_000, 300_001}) {
                NDArray[] args = new NDArray[4];
                for (int k = 0; k < 4; k++) {
                    args[k] = random(dt, rnd, n);
                }
                double sum = 0;
                double abs = 0;
                for (int i = 0; i < n; i++) {
                    double t = (args[0].getDouble(i) * args[1].getDouble(i) + args[2].getDouble(i)) * args[3].getDouble(i);
                    if (dt == DType.FLOAT32) { // each step rounded to float, as the graph computes it
                        t = (float) ((float) ((float) (args[0].getDouble(i) * args[1].getDouble(i)) + args[2].getDouble(i))
                                * args[3].getDouble(i));
                    }
                    sum += t;
                    abs += Math.abs(t);
                }
                NDArray a = fused.call((Object[]) args);
                NDArray b = plain.call((Object[]) args);
                assertThat(a.dtype()).isEqualTo(dt);
                assertClose(a, new double[] {sum}, new double[] {abs}, dt, dt + " n=" + n + " vs loop");
                assertClose(a, new double[] {b.getDouble(0)}, new double[] {abs}, dt, dt + " n=" + n + " vs unfused");
            }
        }
    }

    @Test
    void sumExpShifted_anyAxis_hasNoFullSizeIntermediate_andAgreesWithUnoptimized() {
        Random rnd = new Random(11);
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int axis = 0; axis < 2; axis++) {
                Variable x = new Variable(TensorType.of(dt, -1, -1), "x");
                Variable out = sumExpShifted(x, axis);
                FunctionSpec spec = spec(List.of(x), List.of(out));
                CompiledFunction fused = new CpuFunctionCompiler().compile(spec, FUSED);
                CompiledFunction plain = new CpuFunctionCompiler().compile(spec, UNFUSED);
                for (Apply a : nodes(fused)) {
                    // no node yields a value with both of x's axes: the exp(x - m) matrix is never stored
                    for (Variable o : a.outputs()) {
                        boolean fullSize = o.type().rank() == 2 && !o.type().isBroadcastable(0) && !o.type().isBroadcastable(1);
                        assertThat(fullSize).as("%s yields %s", a.op().name(), o.type()).isFalse();
                    }
                    assertThat(a.op().kind()).isNotEqualTo(OpKind.ELEMWISE);
                }
                assertThat(nodes(fused).stream().filter(a -> a.op() instanceof Composite c && c.reduce() != null)).hasSize(1);
                for (int[] shape : new int[][] {{3, 5}, {40, 1030}, {700, 300}}) {
                    NDArray xv = random(dt, rnd, shape);
                    int rows = shape[0];
                    int cols = shape[1];
                    int outLen = axis == 1 ? rows : cols;
                    double[] expected = new double[outLen];
                    double[] scale = new double[outLen];
                    for (int o = 0; o < outLen; o++) {
                        double m = Double.NEGATIVE_INFINITY;
                        int len = axis == 1 ? cols : rows;
                        for (int k = 0; k < len; k++) {
                            m = Math.max(m, xv.getDouble(axis == 1 ? o * cols + k : k * cols + o));
                        }
                        for (int k = 0; k < len; k++) {
                            double t = Math.exp(xv.getDouble(axis == 1 ? o * cols + k : k * cols + o) - m);
                            expected[o] += t;
                            scale[o] += t;
                        }
                    }
                    NDArray a = fused.call(xv);
                    NDArray b = plain.call(xv);
                    assertThat(a.shape()).isEqualTo(new int[] {outLen});
                    // exp in lanes is within a couple of ulps of Math.exp: well inside the sum tolerance
                    assertClose(a, expected, scale, dt, dt + " axis " + axis + " " + NDArray.shapeToString(shape) + " vs loop");
                    double[] bv = new double[outLen];
                    for (int i = 0; i < outLen; i++) {
                        bv[i] = b.getDouble(i);
                    }
                    assertClose(a, bv, scale, dt, dt + " axis " + axis + " vs unfused");
                }
            }
        }
    }

    @Test
    void everyKindAndAxisSet_onA3dProduct_agreesWithUnoptimized() {
        Random rnd = new Random(5);
        int[][] axesSets = {null, {0}, {1}, {2}, {0, 2}, {1, 2}, {0, 1}};
        // the arithmetic folds; positions and truth values are never absorbed (tested below)
        for (Reduce.Kind kind : new Reduce.Kind[] {Reduce.Kind.SUM, Reduce.Kind.PROD, Reduce.Kind.MAX, Reduce.Kind.MIN,
                Reduce.Kind.MEAN}) {
            for (int[] axes : axesSets) {
                Variable x = new Variable(TensorType.of(DType.FLOAT64, -1, -1, -1), "x");
                Variable y = new Variable(TensorType.of(DType.FLOAT64, -1, -1, -1), "y");
                Variable body = e(ScalarOp.ADD, e(ScalarOp.MUL, x, y), Ops.constant(0.25, DType.FLOAT64));
                Variable out = axes == null ? Ops.reduce(kind, body) : Ops.reduce(kind, body, axes);
                FunctionSpec spec = spec(List.of(x, y), List.of(out));
                CompiledFunction fused = new CpuFunctionCompiler().compile(spec, FUSED);
                CompiledFunction plain = new CpuFunctionCompiler().compile(spec, UNFUSED);
                assertThat(nodes(fused)).hasSize(1);
                // 180 000 elements: above the parallel threshold, so the range split is exercised
                for (int[] shape : new int[][] {{2, 3, 4}, {60, 50, 60}}) {
                    NDArray xv = random(DType.FLOAT64, rnd, shape);
                    NDArray yv = random(DType.FLOAT64, rnd, shape);
                    if (kind == Reduce.Kind.PROD) { // keep products of thousands of terms finite and non-zero
                        for (int i = 0; i < xv.size(); i++) {
                            xv.setDouble(i, 1 + xv.getDouble(i) * 1e-3);
                            yv.setDouble(i, 0.75 + yv.getDouble(i) * 1e-3);
                        }
                    }
                    NDArray a = fused.call(xv, yv);
                    NDArray b = plain.call(xv, yv);
                    assertThat(a.shape()).isEqualTo(b.shape());
                    for (int i = 0; i < a.size(); i++) {
                        double expected = b.getDouble(i);
                        double tol = kind == Reduce.Kind.MAX || kind == Reduce.Kind.MIN ? 0 : 1e-10 * (Math.abs(expected) + 1);
                        if (kind == Reduce.Kind.SUM) {
                            tol = 1e-12 * 60 * 60 * 60;
                        }
                        assertThat(Math.abs(a.getDouble(i) - expected)).as("%s over %s, %s, element %d", kind,
                                java.util.Arrays.toString(axes), NDArray.shapeToString(shape), i).isLessThanOrEqualTo(tol);
                    }
                }
            }
        }
    }

    @Test
    void reductionReadTwice_orIntegerInput_isNotAbsorbed() {
        Variable x = new Variable(TensorType.of(DType.FLOAT32, -1, -1), "x");
        Variable ex = e(ScalarOp.EXP, x);
        // exp(x) is read by the sum and by the division: it must be stored once, not recomputed
        Variable soft = e(ScalarOp.TRUE_DIV, ex, Ops.dimshuffle(Ops.reduce(Reduce.Kind.SUM, ex, 1), 0, DimShuffle.NEW_AXIS));
        List<Variable> fused = Fusion.fuse(List.of(soft));
        for (Apply a : Graphs.toposort(fused)) {
            assertThat(a.op() instanceof Composite c && c.reduce() != null).as(a.op().name()).isFalse();
        }
        Variable i = new Variable(TensorType.of(DType.INT64, -1), "i");
        Variable isum = Ops.reduce(Reduce.Kind.SUM, e(ScalarOp.MUL, i, i));
        assertThat(Fusion.fuse(List.of(isum)).get(0).owner().op().kind()).isEqualTo(OpKind.REDUCE);
    }

    @Test
    void positionsAndTruthValues_areNotAbsorbed_andGiveTheLoopsAnswer() {
        Variable x = new Variable(TensorType.of(DType.FLOAT64, -1, -1), "x");
        Variable shifted = e(ScalarOp.EXP, e(ScalarOp.SUB, x, Ops.constant(0.5, DType.FLOAT64)));
        Variable argmax = Ops.reduce(Reduce.Kind.ARGMAX, shifted, 1);
        Variable any = Ops.reduce(Reduce.Kind.ANY, e(ScalarOp.SIN, x));
        for (Variable out : List.of(argmax, any)) {
            for (Apply a : Graphs.toposort(Fusion.fuse(List.of(out)))) {
                assertThat(a.op() instanceof Composite c && c.reduce() != null).as(a.op().name()).isFalse();
            }
        }
        double[][] rows = {{0.1, 2.0, -1.0}, {3.0, 3.0, 0.0}, {-2.0, -1.5, -1.75}};
        NDArray value = NDArray.of(rows);
        CompiledFunction f = new CpuFunctionCompiler().compile(spec(List.of(x), List.of(argmax, any)), FUSED);
        List<NDArray> got = f.callAll(value);
        for (int r = 0; r < rows.length; r++) {
            int best = 0;
            for (int c = 1; c < rows[r].length; c++) {
                if (rows[r][c] > rows[r][best]) {
                    best = c;
                }
            }
            assertThat(got.get(0).getLong(r)).as("argmax of row " + r).isEqualTo(best);
        }
        assertThat(got.get(1).getDouble(0)).as("any(sin(x)) with non-zero entries").isEqualTo(1.0);
        Composite program = (Composite) Fusion.fuse(List.of(shifted)).get(0).owner().op();
        assertThatThrownBy(() -> program.withReduce(Reduce.of(Reduce.Kind.ARGMAX, new int[] {1})))
                .isInstanceOf(org.symtensor.error.ArgumentException.class).hasMessageContaining("not argmax");
    }

    @Test
    void reduceTail_expandsPrintsSplitsAndDifferentiatesAsTheUnfusedGraph() {
        Variable x = new Variable(TensorType.of(DType.FLOAT64, -1, -1), "x");
        Variable y = new Variable(TensorType.of(DType.FLOAT64, -1, -1), "y");
        Variable out = Ops.reduce(Reduce.Kind.SUM, e(ScalarOp.TANH, e(ScalarOp.MUL, x, y)), 1);
        Variable fused = Fusion.fuse(List.of(out)).get(0);
        Composite c = (Composite) fused.owner().op();
        assertThat(c.reduce()).isEqualTo(Reduce.of(Reduce.Kind.SUM, new int[] {1}));
        assertThat(Printer.pp(fused)).isEqualTo("sum(tanh((x * y)), axis=1)");
        assertThat(c.expand(fused.owner().inputs()).owner().op()).isEqualTo(Reduce.of(Reduce.Kind.SUM, new int[] {1}));
        assertThat(c.equals(c.elementwise())).isFalse();
        assertThatThrownBy(() -> c.withReduce(Reduce.of(Reduce.Kind.MAX, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already ends in a reduction");

        Variable split = Fusion.splitReduceTails(List.of(fused)).get(0);
        assertThat(split.owner().op()).isEqualTo(Reduce.of(Reduce.Kind.SUM, new int[] {1}));
        assertThat(((Composite) split.owner().inputs().get(0).owner().op()).reduce()).isNull();

        // the gradient through a fused reduction is that of the graph it stands for
        Variable cost = Ops.reduce(Reduce.Kind.SUM, fused);
        List<Variable> g = Gradients.grad(cost, List.of(x, y), GradOptions.defaults());
        CompiledFunction f = new CpuFunctionCompiler().compile(spec(List.of(x, y), g), UNFUSED);
        double[][] xs = {{0.3, -1.2}, {2.0, 0.1}};
        double[][] ys = {{0.7, 0.4}, {-0.1, 1.5}};
        List<NDArray> r = f.callAll(NDArray.of(xs), NDArray.of(ys));
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double th = Math.tanh(xs[i][j] * ys[i][j]);
                assertThat(r.get(0).getDouble(i * 2 + j)).isCloseTo((1 - th * th) * ys[i][j],
                        org.assertj.core.api.Assertions.within(1e-12));
                assertThat(r.get(1).getDouble(i * 2 + j)).isCloseTo((1 - th * th) * xs[i][j],
                        org.assertj.core.api.Assertions.within(1e-12));
            }
        }
    }

    @Test
    void badInputs_mismatchedShapes_andMaxOverAnEmptyAxis_areShapeErrors() {
        Variable x = new Variable(TensorType.of(DType.FLOAT64, -1, -1), "x");
        Variable y = new Variable(TensorType.of(DType.FLOAT64, -1, -1), "y");
        CompiledFunction sum = new CpuFunctionCompiler().compile(
                spec(List.of(x, y), List.of(Ops.reduce(Reduce.Kind.SUM, e(ScalarOp.MUL, x, y), 1))), FUSED);
        assertThatThrownBy(() -> sum.call(NDArray.zeros(DType.FLOAT64, 2, 3), NDArray.zeros(DType.FLOAT64, 2, 4)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("y").hasMessageContaining("(2, 4)")
                .hasMessageContaining("(2, 3)");
        CompiledFunction max = new CpuFunctionCompiler().compile(
                spec(List.of(x, y), List.of(Ops.reduce(Reduce.Kind.MAX, e(ScalarOp.MUL, x, y), 1))), FUSED);
        assertThat(((Composite) nodes(max).get(0).op()).reduce()).isNotNull();
        assertThatThrownBy(() -> max.call(NDArray.zeros(DType.FLOAT64, 2, 0), NDArray.zeros(DType.FLOAT64, 2, 0)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("max over axis 1")
                .hasMessageContaining("(2, 0)").hasMessageContaining("no identity");
        // a sum over an empty axis is 0, as unfused
        assertThat(sum.call(NDArray.zeros(DType.FLOAT64, 2, 0), NDArray.zeros(DType.FLOAT64, 2, 0)).toDoubleArray())
                .containsExactly(0, 0);
    }
}
