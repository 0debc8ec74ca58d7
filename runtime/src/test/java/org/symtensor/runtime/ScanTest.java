package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.function.Function;
import org.symtensor.error.SymtensorException;
import org.symtensor.error.IndexOutOfRangeException;
import org.symtensor.scan.Scan;
import org.symtensor.scan.ScanResult;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.type.I64;

/** Scan's forward semantics against plain Java loops. */
class ScanTest {
    @Test
    void typedIterate_elementwisePower_matchesJavaLoop() {
        Vector<F64> a = dvector("A");
        Scalar<I64> k = lscalar("k");
        ScanResult<Vector<F64>, Matrix<F64>> r = Scan.from(onesLike(a)).nonSequences(a).steps(k)
                .iterate((prior, av) -> prior.times(av));
        Function f = function(inputs(a, k), outputs(r.output(), r.last()));
        List<?> out = f.callAll(new double[] {1, 2, 3}, 4L);
        double[][] stacked = ((org.symtensor.value.NDArray) out.get(0)).toDoubleMatrix();
        double[] p = {1, 1, 1};
        double[] base = {1, 2, 3};
        for (int step = 0; step < 4; step++) {
            for (int i = 0; i < 3; i++) {
                p[i] *= base[i];
            }
            assertThat(stacked[step]).containsExactly(p[0], p[1], p[2]);
        }
        assertThat(((org.symtensor.value.NDArray) out.get(1)).toDoubleArray()).containsExactly(1, 16, 81);
    }

    @Test
    void scan_polynomialFromCoefficientsAndArangePowers_matchesHorner() {
        Vector<F64> coefficients = dvector("coefficients");
        Scalar<F64> x = dscalar("x");
        ScanResult<Tensor<?>, Tensor<?>> r = scan(args -> {
            Scalar<F64> c = (Scalar<F64>) args.get(0);
            Scalar<I64> power = (Scalar<I64>) args.get(1);
            Scalar<F64> xv = (Scalar<F64>) args.get(2);
            return c.times(xv.pow(cast(power, F64.class)));
        }, sequences(coefficients, arange(10)), nonSequences(x));
        Scalar<F64> poly = ((Vector<F64>) r.output()).sum();
        double value = function(inputs(coefficients, x), poly).call(new double[] {1, 0, 2}, 3.0).toDouble();
        assertThat(value).isEqualTo(1 + 0 * 3 + 2 * 9);
    }

    @Test
    void scan_accumulatesIntoScalar_likeSum() {
        Vector<F64> v = dvector("v");
        ScanResult<Tensor<?>, Tensor<?>> r = scan(args -> ((Scalar<F64>) args.get(1)).plus((Scalar<F64>) args.get(0)),
                sequences(v), outputsInfo(constant(0.0)));
        double[] partial = function(inputs(v), r.output()).call(new double[] {1, 2, 3, 4}).toDoubleArray();
        assertThat(partial).containsExactly(1, 3, 6, 10);
    }

    @Test
    void scan_fibonacciWithTaps_matchesJava() {
        Vector<I64> init = lvector("init");
        ScanResult<Tensor<?>, Tensor<?>> r = scan(args -> ((Scalar<I64>) args.get(0)).plus((Scalar<I64>) args.get(1)),
                outputsInfo(taps(init, -2, -1)), nSteps(8));
        long[] fib = function(inputs(init), r.output()).call(new long[] {0, 1}).toLongArray();
        long a = 0, b = 1;
        for (int i = 0; i < 8; i++) {
            long c = a + b;
            assertThat(fib[i]).isEqualTo(c);
            a = b;
            b = c;
        }
        assertThat(fib).hasSize(8);
    }

    @Test
    void scan_sequenceTaps_givePriorCurrentNext() {
        Vector<F64> s = dvector("s");
        ScanResult<Tensor<?>, Tensor<?>> r = scan(args -> ((Scalar<F64>) args.get(0)).times(100)
                .plus(((Scalar<F64>) args.get(1)).times(10)).plus((Scalar<F64>) args.get(2)),
                sequences(taps(s, -1, 0, 1)));
        double[] out = function(inputs(s), r.output()).call(new double[] {1, 2, 3, 4, 5}).toDoubleArray();
        assertThat(out).containsExactly(123, 234, 345);
    }

    @Test
    void scan_severalOutputsWithMapOutput_andTruncationToShortestAndNSteps() {
        Vector<F64> a = dvector("a");
        Vector<F64> b = dvector("b");
        ScanResult<Tensor<?>, Tensor<?>> r = scan(args -> {
            Scalar<F64> x = (Scalar<F64>) args.get(0);
            Scalar<F64> y = (Scalar<F64>) args.get(1);
            Scalar<F64> acc = (Scalar<F64>) args.get(2);
            return List.of(x.times(y), acc.plus(x));
        }, sequences(a, b), outputsInfo(noInitial(), constant(0.0)), nSteps(3));
        List<org.symtensor.value.NDArray> out = function(inputs(a, b), outputs(r.output(0), r.output(1)))
                .callAll(new double[] {1, 2, 3, 4, 5}, new double[] {10, 20, 30, 40});
        assertThat(out.get(0).toDoubleArray()).containsExactly(10, 40, 90);
        assertThat(out.get(1).toDoubleArray()).containsExactly(1, 3, 6);
    }

    @Test
    void scan_withoutSequencesOrNSteps_failsNamingBoth() {
        assertThatThrownBy(() -> scan(args -> args.get(0), outputsInfo(constant(1.0))))
                .isInstanceOf(SymtensorException.class).hasMessageContaining("sequences").hasMessageContaining("nSteps");
    }

    @Test
    void scan_goBackwards_readsFromTheEnd() {
        Vector<F64> v = dvector("v");
        ScanResult<Tensor<?>, Tensor<?>> r = scan(args -> ((Scalar<F64>) args.get(1)).times(10).plus((Scalar<F64>) args.get(0)),
                sequences(v), outputsInfo(constant(0.0)), goBackwards());
        double[] out = function(inputs(v), r.output()).call(new double[] {1, 2, 3}).toDoubleArray();
        assertThat(out).containsExactly(3, 32, 321);
    }

    @Test
    void scan_until_stopsAfterConditionHolds() {
        Scalar<F64> x0 = dscalar("x0");
        // the lambda's parameter type selects the list form (one state and nSteps would select the typed form)
        ScanResult<Tensor<?>, Tensor<?>> r = scan((List<Tensor<?>> args) -> {
            Scalar<F64> next = ((Scalar<F64>) args.get(0)).times(2);
            return step(next).until(next.gt(100));
        }, outputsInfo(x0), nSteps(50));
        double[] out = function(inputs(x0), r.output()).call(1.0).toDoubleArray();
        assertThat(out).containsExactly(2, 4, 8, 16, 32, 64, 128);
    }

    @Test
    void scan_sharedCounterUpdatedInStep_isReturnedAsUpdate() {
        SharedScalar<I32> counter = shared(0, "counter");
        Vector<F64> v = dvector("v");
        ScanResult<Tensor<?>, Tensor<?>> r = scan((List<Tensor<?>> args) -> step(((Scalar<F64>) args.get(0)).times(2))
                .withUpdates(update(counter, counter.plus(1))), sequences(v));
        Function f = function(inputs(v), r.output(), r.updates());
        assertThat(f.call(new double[] {1, 2, 3}).toDoubleArray()).containsExactly(2, 4, 6);
        assertThat(counter.getValue().toInt()).isEqualTo(3);
        f.call(new double[] {1, 2});
        assertThat(counter.getValue().toInt()).isEqualTo(5);
    }

    @Test
    void helpers_mapReduceFoldlFoldr_matchJava() {
        Vector<F64> v = dvector("v");
        ScanResult<Tensor<?>, Tensor<?>> squares = map(args -> ((Scalar<F64>) args.get(0)).sqr(), v);
        Scalar<F64> sum = reduce((Scalar<F64> x, Scalar<F64> acc) -> acc.plus(x), v, constant(0.0));
        Scalar<F64> left = foldl((Scalar<F64> x, Scalar<F64> acc) -> acc.times(10).plus(x), v, constant(0.0));
        Scalar<F64> right = foldr((Scalar<F64> x, Scalar<F64> acc) -> acc.times(10).plus(x), v, constant(0.0));
        List<org.symtensor.value.NDArray> out = function(inputs(v), outputs(squares.output(), sum, left, right))
                .callAll(new double[] {1, 2, 3});
        assertThat(out.get(0).toDoubleArray()).containsExactly(1, 4, 9);
        assertThat(out.get(1).toDouble()).isEqualTo(6);
        assertThat(out.get(2).toDouble()).isEqualTo(123);
        assertThat(out.get(3).toDouble()).isEqualTo(321);
    }

    @Test
    void scan_int32InitialStateWithFloatStep_failsNamingBothDtypes() {
        Scalar<I32> x0 = iscalar("x0");
        assertThatThrownBy(() -> scan((List<Tensor<?>> args) -> cast((Scalar<?>) args.get(0), F64.class).times(0.5),
                outputsInfo(x0), nSteps(3)))
                .isInstanceOf(DTypeMismatchException.class).hasMessageContaining("float64").hasMessageContaining("int32")
                .hasMessageContaining("'x0'");
    }

    @Test
    void get_negativeIndexCountsFromEnd_andOutOfRangeNamesIndexAndLength() {
        Matrix<F64> m = dmatrix("m");
        Function f = function(inputs(m), m.get(-1));
        assertThat(f.call((Object) new double[][] {{1, 2}, {3, 4}}).toDoubleArray()).containsExactly(3, 4);
        Function g = function(inputs(m), m.get(5));
        assertThatThrownBy(() -> g.call((Object) new double[][] {{1, 2}, {3, 4}}))
                .isInstanceOf(IndexOutOfRangeException.class).hasMessageContaining("index 5").hasMessageContaining("length 2");
    }

    @Test
    void last_ofMillionStepPower_keepsNoStackedBuffer() {
        Vector<F64> a = dvector("A");
        ScanResult<Vector<F64>, Matrix<F64>> r = Scan.from(onesLike(a)).nonSequences(a).steps(1_000_000)
                .iterate((prior, av) -> prior.times(av));
        Vector<F64> power = r.last();
        assertThat(power.variable().owner().outputs().get(0).type().rank()).isEqualTo(1);
        CompiledFunction f = (CompiledFunction) function(inputs(a), power);
        double[] base = new double[1000];
        java.util.Arrays.fill(base, 1.0000001);
        double[] out = f.call((Object) base).toDoubleArray();
        assertThat(out[0]).isCloseTo(Math.pow(1.0000001, 1_000_000), within(1e-6));
        org.symtensor.runtime.cpu.ScanKernel kernel = f.schedule().thunks().stream()
                .filter(t -> t.kernel() instanceof org.symtensor.runtime.cpu.ScanKernel)
                .map(t -> (org.symtensor.runtime.cpu.ScanKernel) t.kernel()).findFirst().orElseThrow();
        assertThat(kernel.lastBufferRows()).isZero();
    }

    @Test
    void jacobianWithScan_overArange_matchesHandDerivative() {
        Vector<F64> x = dvector("x");
        Vector<F64> y = x.pow(2);
        ScanResult<Tensor<?>, Tensor<?>> r = scan(args -> grad(((Vector<F64>) args.get(1)).get((Scalar<?>) args.get(0)),
                (Vector<F64>) args.get(2)), sequences(arange(2)), nonSequences(y, x));
        double[][] j = function(inputs(x), r.output()).call((Object) new double[] {4, 4}).toDoubleMatrix();
        assertThat(j[0]).containsExactly(8, 0);
        assertThat(j[1]).containsExactly(0, 8);
    }

    @Test
    void ifelse_computesOnlyTheBranchTaken() {
        Scalar<F64> a = dscalar("a");
        Vector<F64> u = dvector("u");
        Vector<F64> w = dvector("w");
        // u + w fails at run time when the lengths differ: only the taken branch may run it
        Scalar<F64> r = ifelse(a.gt(0), a.times(2), u.plus(w).sum());
        Function f = function(inputs(a, u, w), r);
        assertThat(f.call(3.0, new double[] {1, 2}, new double[] {1, 2, 3}).toDouble()).isEqualTo(6);
        assertThatThrownBy(() -> f.call(-3.0, new double[] {1, 2}, new double[] {1, 2, 3}))
                .isInstanceOf(org.symtensor.error.ShapeMismatchException.class);
        Scalar<F64> ga = grad(r, a);
        Function g = function(inputs(a, u, w), ga, onUnusedInput(org.symtensor.function.FunctionFlag.UnusedInput.IGNORE));
        assertThat(g.call(3.0, new double[] {1, 2}, new double[] {1, 2, 3}).toDouble()).isEqualTo(2);
    }
}
