package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.FunctionSpec;
import org.symtensor.function.In;
import org.symtensor.function.Update;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * {@code callInto}: outputs land in the caller's arrays (checked against plain-Java oracles), bad
 * destinations are specific errors raised before anything is written or updated, and the
 * function's reuse of its intermediate buffers between calls never changes a result, including
 * results returned by earlier calls and calls from several threads at once.
 */
class CallIntoTest {
    private static final Variable X = new Variable(TensorType.of(DType.FLOAT64, -1, -1), "x");
    private static final Variable W = new Variable(TensorType.of(DType.FLOAT64, -1, -1), "w");
    private static final Variable V = new Variable(TensorType.of(DType.FLOAT64, -1), "v");

    private static FunctionSpec spec(List<Variable> inputs, List<Variable> outputs, Map<SharedValue, Variable> updates) {
        List<In> ins = new ArrayList<>();
        for (Variable v : inputs) {
            ins.add(In.of(v));
        }
        List<Update> ups = new ArrayList<>();
        updates.forEach((s, e) -> ups.add(Update.of(s, e)));
        return FunctionSpec.build(ins, outputs, ups, Map.of(), false, FunctionFlag.UnusedInput.IGNORE, null);
    }

    private static CompiledFunction compile(List<Variable> inputs, List<Variable> outputs) {
        return new CpuFunctionCompiler().compile(spec(inputs, outputs, Map.of()), CompileOptions.defaults());
    }

    private static double[][] random(Random rnd, int m, int n) {
        double[][] a = new double[m][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = rnd.nextDouble() * 2 - 1;
            }
        }
        return a;
    }

    /** Outputs of the MLP-like graph: h = tanh(x·w), y = h·v, s = sum(h * h, axis=1), total = sum(y). */
    private static List<Variable> graph() {
        Variable h = Ops.elemwise(ScalarOp.TANH, Ops.dot(X, W));
        Variable y = Ops.dot(h, V);
        Variable s = Ops.reduce(Reduce.Kind.SUM, Ops.elemwise(ScalarOp.MUL, h, h), 1);
        return List.of(y, s, Ops.reduce(Reduce.Kind.SUM, y));
    }

    /** The same three outputs by loops. */
    private static double[][] oracle(double[][] x, double[][] w, double[] v) {
        int m = x.length;
        int k = w.length;
        int n = w[0].length;
        double[] y = new double[m];
        double[] s = new double[m];
        double total = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double d = 0;
                for (int t = 0; t < k; t++) {
                    d += x[i][t] * w[t][j];
                }
                double h = Math.tanh(d);
                y[i] += h * v[j];
                s[i] += h * h;
            }
            total += y[i];
        }
        return new double[][] {y, s, {total}};
    }

    private static void assertValues(NDArray got, double[] expected, String what) {
        assertThat(got.size()).as(what).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(got.getDouble(i)).as("%s[%d]", what, i).isCloseTo(expected[i],
                    org.assertj.core.api.Assertions.within(1e-9 * (1 + Math.abs(expected[i]))));
        }
    }

    @Test
    void callInto_writesEveryOutputIntoItsDestination_repeatedly_withoutDisturbingEarlierResults() {
        CompiledFunction f = compile(List.of(X, W, V), graph());
        Random rnd = new Random(3);
        NDArray y = NDArray.zeros(DType.FLOAT64, 40);
        NDArray s = NDArray.zeros(DType.FLOAT64, 40);
        NDArray total = NDArray.zeros(DType.FLOAT64);
        java.util.Arrays.fill((double[]) y.data(), Double.NaN); // a gemv destination holding NaN must not leak it
        List<NDArray> kept = new ArrayList<>();
        List<double[][]> keptExpected = new ArrayList<>();
        for (int call = 0; call < 6; call++) {
            double[][] x = random(rnd, 40, 30);
            double[][] w = random(rnd, 30, 50);
            double[] v = random(rnd, 1, 50)[0];
            double[][] e = oracle(x, w, v);
            f.callInto(new NDArray[] {y, s, total}, NDArray.of(x), NDArray.of(w), NDArray.of(v));
            assertValues(y, e[0], "y, call " + call);
            assertValues(s, e[1], "s, call " + call);
            assertValues(total, e[2], "total, call " + call);
            // results returned by call() are never reused by a later call
            List<NDArray> r = f.callAll(NDArray.of(x), NDArray.of(w), NDArray.of(v));
            kept.add(r.get(1));
            keptExpected.add(e);
        }
        for (int c = 0; c < kept.size(); c++) {
            assertValues(kept.get(c), keptExpected.get(c)[1], "s returned by call " + c);
        }
    }

    @Test
    void callInto_matrixOutputs_intoAContiguousArray_aView_andAnArrayThatIsAlsoAnArgument() {
        Variable out = Ops.elemwise(ScalarOp.ADD, Ops.dot(X, W), Ops.constant(1.0, DType.FLOAT64));
        CompiledFunction f = compile(List.of(X, W), List.of(out));
        CompiledFunction product = compile(List.of(X, W), List.of(Ops.dot(X, W)));
        double[][] x = {{1, 2}, {3, 4}};
        double[][] w = {{0.5, -1}, {2, 0.25}};
        double[][] expected = {{1 + 0.5 + 4, 1 - 1 + 0.5}, {1 + 1.5 + 8, 1 - 3 + 1}};
        NDArray dest = NDArray.zeros(DType.FLOAT64, 2, 2);
        dest.setDouble(0, Double.NaN);
        f.callInto(new NDArray[] {dest}, NDArray.of(x), NDArray.of(w));
        assertThat(dest.toDoubleMatrix()).isEqualTo(expected);
        NDArray gemmDest = NDArray.zeros(DType.FLOAT64, 2, 2);
        java.util.Arrays.fill((double[]) gemmDest.data(), Double.NaN);
        product.callInto(new NDArray[] {gemmDest}, NDArray.of(x), NDArray.of(w));
        assertThat(gemmDest.toDoubleMatrix()).isEqualTo(new double[][] {{4.5, -0.5}, {9.5, -2}});

        NDArray big = NDArray.zeros(DType.FLOAT64, 2, 2);
        NDArray view = big.transpose(); // not contiguous: filled by a copy
        f.callInto(new NDArray[] {view}, NDArray.of(x), NDArray.of(w));
        assertThat(view.toDoubleMatrix()).isEqualTo(expected);

        NDArray xa = NDArray.of(x); // the destination is also the argument x: it is written only at the end
        f.callInto(new NDArray[] {xa}, xa, NDArray.of(w));
        assertThat(xa.toDoubleMatrix()).isEqualTo(expected);
    }

    @Test
    void badDestinations_areSpecificErrors_beforeAnythingIsWrittenOrUpdated() {
        SharedValue counter = new SharedValue(TensorType.of(DType.FLOAT64), NDArray.of(0.0), "counter");
        Variable out = Ops.elemwise(ScalarOp.MUL, X, Ops.constant(2.0, DType.FLOAT64));
        FunctionSpec spec = spec(List.of(X), List.of(out),
                Map.of(counter, Ops.elemwise(ScalarOp.ADD, counter, Ops.constant(1.0, DType.FLOAT64))));
        CompiledFunction f = new CpuFunctionCompiler().compile(spec, CompileOptions.defaults());
        NDArray x = NDArray.of(new double[][] {{1, 2, 3}});

        assertThatThrownBy(() -> f.callInto(new NDArray[0], x)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("has 1 output, got 0 destinations");
        assertThatThrownBy(() -> f.callInto(new NDArray[] {null}, x)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("destination 0").hasMessageContaining("is null");
        assertThatThrownBy(() -> f.callInto(new NDArray[] {NDArray.zeros(DType.FLOAT32, 1, 3)}, x))
                .isInstanceOf(DTypeMismatchException.class).hasMessageContaining("must be float64, got float32");
        assertThatThrownBy(() -> f.callInto(new NDArray[] {NDArray.zeros(DType.FLOAT64, 3)}, x))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("must have rank 2").hasMessageContaining("(3,)");
        NDArray wrong = NDArray.zeros(DType.FLOAT64, 3, 1);
        wrong.setDouble(0, 7);
        assertThatThrownBy(() -> f.callInto(new NDArray[] {wrong}, x)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("has shape (1, 3) but its destination has shape (3, 1)");
        assertThat(wrong.getDouble(0)).isEqualTo(7);
        assertThat(counter.get().getDouble(0)).as("no update on a failed callInto").isEqualTo(0);

        NDArray right = NDArray.zeros(DType.FLOAT64, 1, 3);
        f.callInto(new NDArray[] {right}, x);
        assertThat(right.toDoubleMatrix()).isEqualTo(new double[][] {{2, 4, 6}});
        assertThat(counter.get().getDouble(0)).isEqualTo(1);
    }

    @Test
    void reusedBuffers_callsFromSeveralThreadsAtOnce_allGetTheirOwnCorrectResults() throws Exception {
        CompiledFunction f = compile(List.of(X, W, V), graph());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int seed = t;
                done.add(pool.submit(() -> {
                    Random rnd = new Random(100 + seed);
                    for (int call = 0; call < 40; call++) {
                        double[][] x = random(rnd, 20, 16);
                        double[][] w = random(rnd, 16, 24);
                        double[] v = random(rnd, 1, 24)[0];
                        double[][] e = oracle(x, w, v);
                        List<NDArray> r = f.callAll(NDArray.of(x), NDArray.of(w), NDArray.of(v));
                        assertValues(r.get(0), e[0], "thread " + seed + " y");
                        assertValues(r.get(1), e[1], "thread " + seed + " s");
                    }
                    return null;
                }));
            }
            for (Future<?> d : done) {
                d.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void steadyState_theSameIntermediateBuffersServeEveryCall_andNoneIsAResult() {
        CompiledFunction f = compile(List.of(X, W, V), graph());
        Random rnd = new Random(9);
        NDArray x = NDArray.of(random(rnd, 64, 32));
        NDArray w = NDArray.of(random(rnd, 32, 48));
        NDArray v = NDArray.of(random(rnd, 1, 48)[0]);
        NDArray[] into = {NDArray.zeros(DType.FLOAT64, 64), NDArray.zeros(DType.FLOAT64, 64), NDArray.zeros(DType.FLOAT64)};
        f.callInto(into, x, w, v);
        List<NDArray> first = f.schedule().reusedBuffers();
        // h = tanh(x·w), 64×48, is stored (two readers): its buffer is kept for the next call
        assertThat(first).anySatisfy(b -> assertThat(b.shape()).isEqualTo(new int[] {64, 48}));
        for (int call = 0; call < 3; call++) {
            f.callInto(into, x, w, v);
            List<NDArray> now = f.schedule().reusedBuffers();
            assertThat(now).hasSameSizeAs(first);
            for (int i = 0; i < now.size(); i++) {
                assertThat(now.get(i)).as("buffer %d after call %d", i, call).isSameAs(first.get(i));
            }
        }
        for (NDArray b : first) {
            for (NDArray d : into) {
                assertThat(b.data()).isNotSameAs(d.data());
            }
        }
        List<NDArray> returned = f.callAll(x, w, v);
        for (NDArray b : f.schedule().reusedBuffers()) {
            for (NDArray r : returned) {
                assertThat(b.data()).as("a returned result is never reused").isNotSameAs(r.data());
            }
        }
    }

    @Test
    void resultsThatAreViewsOfIntermediates_andNewSharedValues_areNeverOverwrittenByLaterCalls() {
        SharedValue acc = new SharedValue(TensorType.of(DType.FLOAT64, -1, -1), NDArray.zeros(DType.FLOAT64, 3, 2), "acc");
        Variable doubled = Ops.elemwise(ScalarOp.MUL, X, Ops.constant(2.0, DType.FLOAT64));
        Variable viewOut = Ops.dimshuffle(Ops.elemwise(ScalarOp.ADD, X, Ops.constant(1.0, DType.FLOAT64)), 1, 0);
        // the new value of acc is a transposed view of an elementwise intermediate
        FunctionSpec spec = spec(List.of(X), List.of(viewOut), Map.of(acc, Ops.dimshuffle(doubled, 1, 0)));
        CompiledFunction f = new CpuFunctionCompiler().compile(spec, CompileOptions.defaults());
        NDArray first = f.call(NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        NDArray accFirst = acc.get();
        f.call(NDArray.of(new double[][] {{10, 20, 30}, {40, 50, 60}}));
        f.call(NDArray.of(new double[][] {{-1, -1, -1}, {-1, -1, -1}}));
        assertThat(first.toDoubleMatrix()).isEqualTo(new double[][] {{2, 5}, {3, 6}, {4, 7}});
        assertThat(accFirst.toDoubleMatrix()).isEqualTo(new double[][] {{2, 8}, {4, 10}, {6, 12}});
        assertThat(acc.get().toDoubleMatrix()).isEqualTo(new double[][] {{-2, -2}, {-2, -2}, {-2, -2}});
    }
}
