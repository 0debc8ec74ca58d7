package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.error.InvalidValueException;
import org.symtensor.function.Function;
import org.symtensor.runtime.CompiledFunction;
import org.symtensor.runtime.link.Thunk;
import org.symtensor.scan.ScanResult;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * Scan passes the taps to the step in the order the user listed them (Theano's and PyTensor's
 * rule), for output taps and sequence taps, on the scalar register path and on the general path;
 * expected values come from plain Java loops.
 */
@SuppressWarnings("unchecked") // the list form of scan hands the step untyped handles
class ScanTapOrderTest {
    private static ScanKernel scanKernel(Function f) {
        return ((CompiledFunction) f).schedule().thunks().stream().map(Thunk::kernel)
                .filter(k -> k instanceof ScanKernel).map(k -> (ScanKernel) k).findFirst().orElseThrow();
    }

    /** {@code x[t] = a - 2 b} where the step gets {@code (a, b)} as the taps are listed; init = {@code [x[-2], x[-1]]}. */
    private static double[] handLoop(boolean minusOneFirst, double xm2, double xm1, int n) {
        double[] out = new double[n];
        double p2 = xm2;
        double p1 = xm1;
        for (int t = 0; t < n; t++) {
            double x = minusOneFirst ? p1 - 2 * p2 : p2 - 2 * p1;
            out[t] = x;
            p2 = p1;
            p1 = x;
        }
        return out;
    }

    private static ScanResult<Tensor<?>, Tensor<?>> recurrence(Tensor<?> init, int... taps) {
        return scan(a -> ((Scalar<F64>) a.get(0)).minus(((Scalar<F64>) a.get(1)).times(2)),
                outputsInfo(taps(init, taps)), nSteps(6));
    }

    @Test
    void outputTaps_minusOneThenMinusTwo_passXtMinus1First_onTheScalarPath() {
        Vector<F64> init = dvector("init");
        Function f = function(inputs(init), recurrence(init, -1, -2).output());
        assertThat(scanKernel(f).usesScalarProgram()).isTrue();
        assertThat(f.call(new double[] {1, 3}).toDoubleArray()).containsExactly(handLoop(true, 1, 3, 6));
    }

    @Test
    void outputTaps_minusTwoThenMinusOne_passXtMinus2First_onTheScalarPath() {
        Vector<F64> init = dvector("init");
        Function f = function(inputs(init), recurrence(init, -2, -1).output());
        assertThat(scanKernel(f).usesScalarProgram()).isTrue();
        assertThat(f.call(new double[] {1, 3}).toDoubleArray()).containsExactly(handLoop(false, 1, 3, 6));
    }

    @Test
    void outputTapsInEitherOrder_giveTheListedOrder_onTheGeneralPath() {
        Matrix<F64> init = dmatrix("init"); // vector states: not a scalar loop
        double[][] start = {{1, -1}, {3, 0.5}};
        for (boolean minusOneFirst : new boolean[] {true, false}) {
            ScanResult<Tensor<?>, Tensor<?>> r = scan(a -> ((Vector<F64>) a.get(0)).minus(((Vector<F64>) a.get(1)).times(2)),
                    outputsInfo(minusOneFirst ? taps(init, -1, -2) : taps(init, -2, -1)), nSteps(6));
            Function f = function(inputs(init), r.output());
            assertThat(scanKernel(f).usesScalarProgram()).isFalse();
            double[][] got = f.call((Object) start).toDoubleMatrix();
            for (int col = 0; col < 2; col++) {
                double[] want = handLoop(minusOneFirst, start[0][col], start[1][col], 6);
                for (int t = 0; t < 6; t++) {
                    assertThat(got[t][col]).as("order %s, step %d, column %d", minusOneFirst, t, col).isEqualTo(want[t]);
                }
            }
        }
    }

    @Test
    void sequenceTaps_plusOneThenMinusOne_passXtPlus1First_andTheReverseOrderTheOther() {
        Vector<F64> s = dvector("s");
        double[] v = {2, -1, 5, 0.5, 3, 7};
        for (boolean plusOneFirst : new boolean[] {true, false}) {
            ScanResult<Tensor<?>, Tensor<?>> r = scan(a -> ((Scalar<F64>) a.get(0)).minus(((Scalar<F64>) a.get(1)).times(2)),
                    sequences(plusOneFirst ? taps(s, 1, -1) : taps(s, -1, 1)));
            Function f = function(inputs(s), r.output());
            assertThat(scanKernel(f).usesScalarProgram()).isTrue();
            double[] got = f.call((Object) v).toDoubleArray();
            assertThat(got).hasSize(v.length - 2);
            for (int t = 1; t < v.length - 1; t++) {
                double want = plusOneFirst ? v[t + 1] - 2 * v[t - 1] : v[t - 1] - 2 * v[t + 1];
                assertThat(got[t - 1]).as("order %s, position %d", plusOneFirst, t).isEqualTo(want);
            }
        }
    }

    @Test
    void sequenceAndOutputTapsUnsorted_onBothPaths_matchTheHandLoop() {
        Vector<F64> s = dvector("s");
        Vector<F64> init = dvector("init");
        double[] v = {0.5, -1, 2, 4, -3, 1.5, 2.5};
        // step(s[t+1], s[t-1], s[t], y[t-1], y[t-3], y[t-2]) = s[t+1] - s[t-1] + 0.5 s[t] + y[t-1] - 0.25 y[t-3] + 0.125 y[t-2]
        ScanResult<Tensor<?>, Tensor<?>> r = scan(a -> {
            Scalar<F64> sNext = (Scalar<F64>) a.get(0);
            Scalar<F64> sPrev = (Scalar<F64>) a.get(1);
            Scalar<F64> sNow = (Scalar<F64>) a.get(2);
            Scalar<F64> y1 = (Scalar<F64>) a.get(3);
            Scalar<F64> y3 = (Scalar<F64>) a.get(4);
            Scalar<F64> y2 = (Scalar<F64>) a.get(5);
            return sNext.minus(sPrev).plus(sNow.times(0.5)).plus(y1).minus(y3.times(0.25)).plus(y2.times(0.125));
        }, sequences(taps(s, 1, -1, 0)), outputsInfo(taps(init, -1, -3, -2)));
        Function f = function(inputs(s, init), r.output());
        ScanKernel kernel = scanKernel(f);
        assertThat(kernel.usesScalarProgram()).isTrue();
        double[] y = {0.1, -0.2, 0.3}; // y[-3], y[-2], y[-1]
        int n = v.length - 2;
        double[] want = new double[n];
        double[] hist = new double[n + 3];
        System.arraycopy(y, 0, hist, 0, 3);
        for (int k = 0; k < n; k++) {
            int t = k + 1; // position in s
            int h = k + 3; // position of y[t] in hist
            hist[h] = v[t + 1] - v[t - 1] + 0.5 * v[t] + hist[h - 1] - 0.25 * hist[h - 3] + 0.125 * hist[h - 2];
            want[k] = hist[h];
        }
        assertThat(f.call(v, y).toDoubleArray()).containsExactly(want);
        NDArray[] in = {NDArray.of(org.symtensor.ir.Scan.STEPS_FROM_SEQUENCES), NDArray.of(v), NDArray.of(y)};
        NDArray general = new ScanKernel(kernel.node(), false).run(in)[0];
        assertThat(general.rows(3, 3 + n).toDoubleArray()).containsExactly(want);
    }

    @Test
    void typedScan_withOneStateAndOneSequence_isUnaffected_theTypedFormsHaveNoTaps() {
        Vector<F64> v = dvector("v");
        Scalar<F64> s0 = dscalar("s0");
        Vector<F64> sums = scan((Scalar<F64> x, Scalar<F64> acc) -> acc.minus(x.times(2)), sequences(v), outputsInfo(s0))
                .outputs();
        assertThat(function(inputs(v, s0), sums).call(new double[] {1, 2, 3}, 10.0).toDoubleArray())
                .containsExactly(8, 4, -2);
    }

    @Test
    void aTapListedTwice_isAnInvalidValue_namingTheTap() {
        Vector<F64> init = dvector("init");
        assertThatThrownBy(() -> taps(init, -1, -2, -1)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("tap -1").hasMessageContaining("init").hasMessageContaining("listed twice");
    }

    @Test
    void theListedOrderReachesTheStep_asTheParameterOrder() {
        Vector<F64> init = dvector("init");
        List<String> seen = new java.util.ArrayList<>();
        scan(a -> {
            a.forEach(x -> seen.add(x.variable().name()));
            return a.get(0);
        }, outputsInfo(taps(init, -1, -3, -2)), nSteps(2));
        assertThat(seen).containsExactly("init[t-1]", "init[t-3]", "init[t-2]");
    }
}
