package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symtensor.config.Config;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.FunctionSpec;
import org.symtensor.function.In;
import org.symtensor.ir.Apply;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.NNet;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Softmax;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * The CPU's {@code softmax_rows} rewrite and the {@link Softmax} kernel it links: the primitive
 * softmax graph (from {@link NNet#softmax} or written by hand) becomes one node under the default
 * options only, and its values agree with a plain double oracle and with the unoptimized graph on
 * random inputs, for every length around the vector width, on the pool, along other axes, on
 * strided inputs and with NaN and infinite entries.
 */
class SoftmaxRowsTest {
    private static FunctionSpec spec(List<Variable> inputs, List<Variable> outputs) {
        List<In> ins = new ArrayList<>();
        for (Variable v : inputs) {
            ins.add(In.of(v));
        }
        return FunctionSpec.build(ins, outputs, List.of(), Map.of(), false, FunctionFlag.UnusedInput.IGNORE, null);
    }

    private static CompiledFunction compile(List<Variable> inputs, Variable output, String flags) {
        return new CpuFunctionCompiler().compile(spec(inputs, List.of(output)), CompileOptions.fromFlags(Config.parse(flags)));
    }

    /** {@code exp(x - max) / sum(exp(x - max))} along the last axis, as a user without a softmax op writes it. */
    private static Variable handWritten(Variable x) {
        Variable m = Ops.dimshuffle(Ops.reduce(Reduce.Kind.MAX, x, 1), 0, DimShuffle.NEW_AXIS);
        Variable e = Ops.elemwise(ScalarOp.EXP, Ops.elemwise(ScalarOp.SUB, x, m));
        Variable s = Ops.dimshuffle(Ops.reduce(Reduce.Kind.SUM, e, 1), 0, DimShuffle.NEW_AXIS);
        return Ops.elemwise(ScalarOp.TRUE_DIV, e, s);
    }

    private static long softmaxNodes(CompiledFunction f) {
        return Graphs.ancestors(f.optimizedOutputs()).stream()
                .filter(v -> v.owner() != null && v.owner().op() instanceof Softmax).count();
    }

    private static NDArray random(DType dt, Random rnd, int... shape) {
        NDArray a = NDArray.zeros(dt, shape);
        for (int i = 0; i < a.size(); i++) {
            a.setDouble(i, rnd.nextDouble() * 12 - 6);
        }
        return a;
    }

    /** The elements in C order, whatever the rank. */
    private static double[] flat(NDArray x) {
        double[] v = new double[x.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = x.getDouble(i);
        }
        return v;
    }

    /** The oracle: softmax of every line along {@code axis} of {@code x}, in double, by index arithmetic. */
    private static double[] oracle(NDArray x, int axis) {
        int[] shape = x.shape();
        int n = shape[axis];
        int inner = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            inner *= shape[a];
        }
        double[] v = flat(x);
        double[] out = new double[v.length];
        for (int start = 0; start < v.length; start++) {
            if ((start / inner) % n != 0) {
                continue; // not the first element of its line
            }
            double m = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                m = Math.max(m, v[start + k * inner]);
            }
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += Math.exp(v[start + k * inner] - m);
            }
            for (int k = 0; k < n; k++) {
                out[start + k * inner] = Math.exp(v[start + k * inner] - m) / s;
            }
        }
        return out;
    }

    private static void assertClose(NDArray got, double[] want, DType dt, String what) {
        double rtol = dt == DType.FLOAT32 ? 2e-6 : 1e-13;
        assertThat(got.size()).as(what).isEqualTo(want.length);
        for (int i = 0; i < want.length; i++) {
            double g = got.getDouble(i);
            if (Double.isNaN(want[i])) {
                assertThat(g).as(what + " element " + i).isNaN();
            } else {
                assertThat(Math.abs(g - want[i])).as(what + " element " + i + ": " + g + " vs " + want[i])
                        .isLessThanOrEqualTo(rtol * Math.abs(want[i]) + rtol * 1e-3);
            }
        }
    }

    @Test
    void handWrittenAndNNetSoftmax_becomeOneNode_underTheDefaultOptionsOnly() {
        Variable x = new Variable(TensorType.of(DType.FLOAT32, -1, -1), "x");
        assertThat(softmaxNodes(compile(List.of(x), handWritten(x), ""))).isEqualTo(1);
        assertThat(softmaxNodes(compile(List.of(x), NNet.softmax(x), ""))).isEqualTo(1);
        assertThat(softmaxNodes(compile(List.of(x), NNet.softmax(x, 0), ""))).isEqualTo(1);
        assertThat(softmaxNodes(compile(List.of(x), handWritten(x), "optimizer=None"))).isZero();
        assertThat(softmaxNodes(compile(List.of(x), handWritten(x), "mode=NAN_GUARD"))).isZero();
        assertThat(compile(List.of(x), handWritten(x), "").debugprint()).contains("Softmax{axis=1}");
    }

    @Test
    void nearMisses_stayPrimitive() {
        Variable x = new Variable(TensorType.of(DType.FLOAT64, -1, -1), "x");
        Variable y = new Variable(TensorType.of(DType.FLOAT64, -1, -1), "y");
        // shifted by another matrix's maximum: not a softmax of x
        Variable my = Ops.dimshuffle(Ops.reduce(Reduce.Kind.MAX, y, 1), 0, DimShuffle.NEW_AXIS);
        Variable e = Ops.elemwise(ScalarOp.EXP, Ops.elemwise(ScalarOp.SUB, x, my));
        Variable s = Ops.dimshuffle(Ops.reduce(Reduce.Kind.SUM, e, 1), 0, DimShuffle.NEW_AXIS);
        assertThat(softmaxNodes(compile(List.of(x, y), Ops.elemwise(ScalarOp.TRUE_DIV, e, s), ""))).isZero();
        // max along one axis, sum along the other
        Variable mx = Ops.dimshuffle(Ops.reduce(Reduce.Kind.MAX, x, 1), 0, DimShuffle.NEW_AXIS);
        Variable ex = Ops.elemwise(ScalarOp.EXP, Ops.elemwise(ScalarOp.SUB, x, mx));
        Variable s0 = Ops.dimshuffle(Ops.reduce(Reduce.Kind.SUM, ex, 0), DimShuffle.NEW_AXIS, 0);
        assertThat(softmaxNodes(compile(List.of(x, y), Ops.elemwise(ScalarOp.TRUE_DIV, ex, s0), ""))).isZero();
        // divided by the sum of something else
        Variable sy = Ops.dimshuffle(Ops.reduce(Reduce.Kind.SUM, y, 1), 0, DimShuffle.NEW_AXIS);
        assertThat(softmaxNodes(compile(List.of(x, y), Ops.elemwise(ScalarOp.TRUE_DIV, ex, sy), ""))).isZero();
    }

    @Test
    void rows_everyLengthAroundTheVectorWidth_matchTheOracleAndTheUnoptimizedGraph() {
        Random rnd = new Random(7);
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Variable x = new Variable(TensorType.of(dt, -1, -1), "x");
            CompiledFunction fused = compile(List.of(x), handWritten(x), "");
            CompiledFunction plain = compile(List.of(x), handWritten(x), "optimizer=None");
            for (int n : new int[] {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 1000}) {
                NDArray xv = random(dt, rnd, 5, n);
                NDArray got = fused.call(xv);
                assertThat(got.dtype()).isEqualTo(dt);
                assertClose(got, oracle(xv, 1), dt, dt + " 5x" + n);
                assertClose(got, flat(plain.call(xv)), dt, dt + " 5x" + n + " vs unoptimized");
            }
        }
    }

    @Test
    void manyRows_onThePool_andIntoADestination_matchTheOracle() {
        Random rnd = new Random(11);
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Variable x = new Variable(TensorType.of(dt, -1, -1), "x");
            NDArray xv = random(dt, rnd, 400, 513); // above the parallel threshold, groups of 127 rows
            double[] want = oracle(xv, 1);
            for (int threads = 1; threads <= 3; threads++) {
                CompiledFunction f = new CpuFunctionCompiler().compile(spec(List.of(x), List.of(handWritten(x))),
                        CompileOptions.defaults().withThreads(threads));
                assertClose(f.call(xv), want, dt, dt + " threads=" + threads);
                NDArray[] into = {NDArray.zeros(dt, 400, 513)};
                f.callInto(into, xv);
                assertClose(into[0], want, dt, dt + " callInto threads=" + threads);
            }
        }
    }

    @Test
    void otherAxes_stridedInputs_andTensors_matchTheOracle() {
        Random rnd = new Random(13);
        Variable t = new Variable(TensorType.of(DType.FLOAT64, -1, -1, -1), "t");
        for (int axis = 0; axis < 3; axis++) {
            CompiledFunction f = compile(List.of(t), NNet.softmax(t, axis), "");
            assertThat(softmaxNodes(f)).isEqualTo(1);
            NDArray tv = random(DType.FLOAT64, rnd, 3, 4, 5);
            assertClose(f.call(tv), oracle(tv, axis), DType.FLOAT64, "axis " + axis);
        }
        Variable x = new Variable(TensorType.of(DType.FLOAT32, -1, -1), "x");
        CompiledFunction f = compile(List.of(x), handWritten(x), "");
        NDArray strided = random(DType.FLOAT32, rnd, 37, 6).transpose(); // (6, 37), not contiguous
        assertClose(f.call(strided), oracle(strided.copy(), 1), DType.FLOAT32, "transposed input");
        assertThat(f.call(NDArray.zeros(DType.FLOAT32, 0, 4)).shape()).containsExactly(0, 4);
    }

    @Test
    void nanAndInfinity_followThePrimitiveGraph() {
        Variable x = new Variable(TensorType.of(DType.FLOAT64, -1, -1), "x");
        CompiledFunction fused = compile(List.of(x), handWritten(x), "");
        CompiledFunction plain = compile(List.of(x), handWritten(x), "optimizer=None");
        double inf = Double.POSITIVE_INFINITY;
        NDArray xv = NDArray.of(new double[][] {
            {1, Double.NaN, 2, 3, 4, 5, 6, 7, 8, 9},
            {-inf, 0, 1, -inf, 2, 3, 4, 5, 6, 7},
            {-inf, -inf, -inf, -inf, -inf, -inf, -inf, -inf, -inf, -inf},
            {800, 0, -800, 1, 2, 3, 4, 5, 6, 7}});
        double[] want = flat(plain.call(xv));
        double[] got = flat(fused.call(xv));
        for (int i = 0; i < want.length; i++) {
            if (Double.isNaN(want[i])) {
                assertThat(got[i]).as("element " + i).isNaN();
            } else {
                assertThat(got[i]).as("element " + i).isCloseTo(want[i], org.assertj.core.data.Offset.offset(1e-15));
            }
        }
        assertThat(got[2 * 10]).isNaN(); // a row of -inf: -inf - -inf
        assertThat(got[10]).isZero();
        assertThat(got[3 * 10]).isEqualTo(1.0);
    }

    @Test
    void badInputs_areNamed() {
        Variable ints = new Variable(TensorType.of(DType.INT64, -1, -1), "counts");
        assertThatThrownBy(() -> Softmax.apply(ints, 1)).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("counts").hasMessageContaining("float");
        Variable x = new Variable(TensorType.of(DType.FLOAT32, -1, -1), "x");
        assertThatThrownBy(() -> Softmax.apply(x, 2)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("axis 2").hasMessageContaining("rank 2");
        assertThatThrownBy(() -> Softmax.of(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        Variable y = new Variable(TensorType.of(DType.FLOAT32, -1, -1), "y");
        assertThatThrownBy(() -> Apply.output(Softmax.of(0), x, y)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("one input");
    }
}
