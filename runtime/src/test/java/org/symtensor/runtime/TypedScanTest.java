package org.symtensor.runtime;

import org.symtensor.function.Mode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.runtime.cpu.ScanKernel;
import org.symtensor.scan.TypedScanResult;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/** The typed {@code T.scan} overloads against plain Java loops, and what {@code outputs().get(-1)} allocates. */
class TypedScanTest {
    @Test
    void typedRecurrence_vectorTimesMatrixPower_matchesJavaLoop() {
        Vector<F64> v0 = dvector("v0");
        Matrix<F64> a = dmatrix("a");
        Scalar<I64> k = lscalar("k");
        TypedScanResult<Vector<F64>, Matrix<F64>> r = scan((Vector<F64> prior, Matrix<F64> m) -> prior.dot(m),
                outputsInfo(v0), nonSequences(a), nSteps(k));
        Function f = function(inputs(v0, a, k), outputs(r.outputs(), r.outputs().get(-1)));
        double[][] m = {{0.5, 1}, {-1, 2}};
        List<NDArray> out = f.callAll(new double[] {1, 2}, m, 3L);
        double[][] expected = new double[3][];
        double[] v = {1, 2};
        for (int t = 0; t < 3; t++) {
            v = new double[] {v[0] * m[0][0] + v[1] * m[1][0], v[0] * m[0][1] + v[1] * m[1][1]};
            expected[t] = v;
        }
        assertThat(out.get(0).toDoubleMatrix()).isDeepEqualTo(expected);
        assertThat(out.get(1).toDoubleArray()).containsExactly(expected[2]);
    }

    @Test
    void typedRecurrence_withoutNonSequence_doublesTheState() {
        Scalar<F64> x0 = dscalar("x0");
        Vector<F64> all = scan(x -> x.times(2), outputsInfo(x0), nSteps(4)).outputs();
        assertThat(function(inputs(x0), all).call(1.5).toDoubleArray()).containsExactly(3, 6, 12, 24);
    }

    @Test
    void typedMap_squaresEachEntry_andStacksToAVector() {
        Vector<F64> v = dvector("v");
        Vector<F64> squares = scan((Scalar<F64> x) -> x.sqr(), sequences(v)).outputs();
        assertThat(function(inputs(v), squares).call((Object) new double[] {1, -2, 3}).toDoubleArray()).containsExactly(1, 4, 9);
    }

    @Test
    void typedMap_withNonSequence_stacksRowsToAMatrix() {
        Vector<F64> v = dvector("v");
        Vector<F64> w = dvector("w");
        Matrix<F64> outer = scan((Scalar<F64> x, Vector<F64> row) -> row.times(x), sequences(v), nonSequences(w)).outputs();
        double[][] got = function(inputs(v, w), outer).call(new double[] {1, 2}, new double[] {3, 4, 5}).toDoubleMatrix();
        assertThat(got).isDeepEqualTo(new double[][] {{3, 4, 5}, {6, 8, 10}});
    }

    @Test
    void typedFold_runningSum_matchesJava() {
        Vector<F64> v = dvector("v");
        Scalar<F64> s0 = dscalar("s0");
        TypedScanResult<Scalar<F64>, Vector<F64>> r = scan((Scalar<F64> x, Scalar<F64> acc) -> acc.plus(x),
                sequences(v), outputsInfo(s0));
        List<NDArray> out = function(inputs(v, s0), outputs(r.outputs(), r.last())).callAll(new double[] {1, 2, 3, 4}, 10.0);
        assertThat(out.get(0).toDoubleArray()).containsExactly(11, 13, 16, 20);
        assertThat(out.get(1).toDouble()).isEqualTo(20);
    }

    @Test
    void typedFold_withNonSequence_isATanhRnn() {
        Matrix<F64> xs = dmatrix("xs");
        Vector<F64> h0 = dvector("h0");
        Matrix<F64> w = dmatrix("w");
        Matrix<F64> hs = scan((Vector<F64> x, Vector<F64> h, Matrix<F64> ww) -> tanh(h.dot(ww).plus(x)),
                sequences(xs), outputsInfo(h0), nonSequences(w)).outputs();
        double[][] x = {{0.1, -0.2}, {0.3, 0.4}, {-0.5, 0.6}};
        double[][] wv = {{0.5, -0.3}, {0.2, 0.8}};
        double[][] got = function(inputs(xs, h0, w), hs).call(x, new double[] {0.1, 0.2}, wv).toDoubleMatrix();
        double[] h = {0.1, 0.2};
        for (int t = 0; t < 3; t++) {
            h = new double[] {Math.tanh(h[0] * wv[0][0] + h[1] * wv[1][0] + x[t][0]),
                    Math.tanh(h[0] * wv[0][1] + h[1] * wv[1][1] + x[t][1])};
            assertThat(got[t][0]).isCloseTo(h[0], within(1e-12));
            assertThat(got[t][1]).isCloseTo(h[1], within(1e-12));
        }
    }

    @Test
    void outputsGetLast_ofMillionStepPower_keepsNoStackedRows_andMatchesJava() {
        Vector<F64> a = dvector("A");
        Vector<F64> power = scan((Vector<F64> prior, Vector<F64> base) -> prior.times(base),
                outputsInfo(onesLike(a)), nonSequences(a), nSteps(1_000_000)).outputs().get(-1);
        CompiledFunction f = (CompiledFunction) function(inputs(a), power);
        double[] base = new double[1000];
        for (int i = 0; i < base.length; i++) {
            base[i] = 1 + i * 1e-9;
        }
        double[] out = f.call((Object) base).toDoubleArray();
        for (int i = 0; i < base.length; i += 111) {
            assertThat(out[i]).isCloseTo(Math.pow(base[i], 1_000_000), within(1e-9 * out[i]));
        }
        assertThat(scanKernels(f)).singleElement().extracting(ScanKernel::lastBufferRows).isEqualTo(0L);
    }

    @Test
    void outputsGetLast_agreesWithTheStackedLastRow_inEveryMode() {
        Vector<F64> a = dvector("A");
        TypedScanResult<Vector<F64>, Matrix<F64>> r = scan((Vector<F64> prior, Vector<F64> base) -> prior.times(base).plus(1),
                outputsInfo(a), nonSequences(a), nSteps(7));
        double[] in = {0.5, -1.5, 2};
        for (Mode mode : List.of(Mode.FAST_RUN, Mode.FAST_COMPILE, Mode.NONE)) {
            CompiledFunction stacked = (CompiledFunction) function(inputs(a), r.outputs(), mode(mode));
            CompiledFunction last = (CompiledFunction) function(inputs(a), r.outputs().get(-1), mode(mode));
            double[][] all = stacked.call((Object) in).toDoubleMatrix();
            assertThat(last.call((Object) in).toDoubleArray()).containsExactly(all[6]);
            assertThat(scanKernels(stacked).get(0).lastBufferRows()).isEqualTo(8);
            assertThat(scanKernels(last).get(0).lastBufferRows()).isEqualTo(mode == Mode.NONE ? 8 : 0);
        }
        double[] x = in.clone();
        for (int t = 0; t < 7; t++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = x[i] * in[i] + 1;
            }
        }
        assertThat(function(inputs(a), r.outputs().get(-1)).call((Object) in).toDoubleArray()).containsExactly(x);
    }

    @Test
    void outputsGetLast_withTheStackAlsoReturned_runsOneLoopKeepingTheStack() {
        Scalar<F64> x0 = dscalar("x0");
        Vector<F64> all = scan(x -> x.times(3), outputsInfo(x0), nSteps(5)).outputs();
        CompiledFunction f = (CompiledFunction) function(inputs(x0), outputs(all, all.get(-1)));
        List<NDArray> out = f.callAll(1.0);
        assertThat(out.get(0).toDoubleArray()).containsExactly(3, 9, 27, 81, 243);
        assertThat(out.get(1).toDouble()).isEqualTo(243);
        assertThat(scanKernels(f)).singleElement().extracting(ScanKernel::lastBufferRows).isEqualTo(6L);
    }

    @Test
    void typedMap_getLast_keepsOnlyTheLastSlice() {
        Vector<F64> v = dvector("v");
        Scalar<F64> lastSquare = scan((Scalar<F64> x) -> x.sqr(), sequences(v)).outputs().get(-1);
        CompiledFunction f = (CompiledFunction) function(inputs(v), lastSquare);
        assertThat(f.call((Object) new double[] {1, 2, 3}).toDouble()).isEqualTo(9);
        assertThat(scanKernels(f)).singleElement().extracting(ScanKernel::lastBufferRows).isEqualTo(0L);
    }

    private static List<ScanKernel> scanKernels(CompiledFunction f) {
        return f.schedule().thunks().stream().filter(t -> t.kernel() instanceof ScanKernel)
                .map(t -> (ScanKernel) t.kernel()).toList();
    }
}
