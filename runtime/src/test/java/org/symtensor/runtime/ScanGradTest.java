package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.error.GradientCheckException;
import org.symtensor.scan.Scan;
import org.symtensor.scan.ScanResult;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/** Gradients through scan (backpropagation through time) and through indexing, against finite differences. */
class ScanGradTest {
    private static final NDArray W = NDArray.of(new double[][] {{0.5, -0.3, 0.1}, {0.2, 0.4, -0.6}, {-0.1, 0.3, 0.2}});
    private static final NDArray XS = NDArray.of(new double[][] {{0.1, 0.2, -0.3}, {0.4, -0.1, 0.2}, {0.0, 0.3, 0.1}, {-0.2, 0.1, 0.5}});
    private static final NDArray H0 = NDArray.of(new double[] {0.1, -0.2, 0.3});

    @SuppressWarnings("unchecked")
    private static Tensor<?> rnn(List<Tensor<?>> in, int truncate) {
        Matrix<F64> w = (Matrix<F64>) in.get(0);
        Matrix<F64> xs = (Matrix<F64>) in.get(1);
        Vector<F64> h0 = (Vector<F64>) in.get(2);
        ScanResult<Tensor<?>, Tensor<?>> r = truncate < 0
                ? scan(a -> tanh(((Vector<F64>) a.get(1)).dot((Matrix<F64>) a.get(2)).plus((Vector<F64>) a.get(0))),
                        sequences(xs), outputsInfo(h0), nonSequences(w))
                : scan(a -> tanh(((Vector<F64>) a.get(1)).dot((Matrix<F64>) a.get(2)).plus((Vector<F64>) a.get(0))),
                        sequences(xs), outputsInfo(h0), nonSequences(w), truncateGradient(truncate));
        return ((Matrix<F64>) r.output()).sqr().sum();
    }

    @Test
    void grad_tanhRecurrence_matchesFiniteDifferencesForWeightsInputsAndInitialState() {
        verifyGrad(in -> rnn(in, -1), List.of(W, XS, H0), 1e-6, 1e-6);
    }

    @Test
    void grad_throughLast_matchesFiniteDifferences() {
        verifyGrad(in -> {
            Matrix<F64> w = (Matrix<F64>) in.get(0);
            Vector<F64> h0 = (Vector<F64>) in.get(1);
            return Scan.from(h0).nonSequences(w).steps(5).iterate((h, ww) -> tanh(h.dot(ww))).last().sum();
        }, List.of(W, H0), 1e-6, 1e-6);
    }

    @Test
    void grad_fibonacciLikeTapsAndSequenceTaps_matchFiniteDifferences() {
        verifyGrad(in -> {
            Vector<F64> init = (Vector<F64>) in.get(0);
            Vector<F64> s = (Vector<F64>) in.get(1);
            ScanResult<Tensor<?>, Tensor<?>> r = scan(a -> {
                Scalar<F64> prev = (Scalar<F64>) a.get(0);
                Scalar<F64> next = (Scalar<F64>) a.get(1);
                Scalar<F64> two = (Scalar<F64>) a.get(2);
                Scalar<F64> one = (Scalar<F64>) a.get(3);
                return prev.times(next).plus(tanh(two.times(one)));
            }, sequences(taps(s, -1, 1)), outputsInfo(taps(init, -2, -1)));
            return ((Vector<F64>) r.output()).sqr().sum();
        }, List.of(NDArray.of(new double[] {0.3, -0.5}), NDArray.of(new double[] {0.1, 0.7, -0.4, 0.2, 0.9, -0.3})), 1e-6, 1e-6);
    }

    @Test
    void grad_tapsListedOutOfOrder_matchFiniteDifferences() {
        // the same kind of loop as above with both tap lists reversed and a step that is not symmetric in them
        verifyGrad(in -> {
            Vector<F64> init = (Vector<F64>) in.get(0);
            Vector<F64> s = (Vector<F64>) in.get(1);
            ScanResult<Tensor<?>, Tensor<?>> r = scan(a -> {
                Scalar<F64> next = (Scalar<F64>) a.get(0);
                Scalar<F64> prev = (Scalar<F64>) a.get(1);
                Scalar<F64> one = (Scalar<F64>) a.get(2);
                Scalar<F64> three = (Scalar<F64>) a.get(3);
                Scalar<F64> two = (Scalar<F64>) a.get(4);
                return tanh(one.times(0.9).minus(two.times(0.4)).plus(three.times(0.2)).plus(next.times(prev)));
            }, sequences(taps(s, 1, -1)), outputsInfo(taps(init, -1, -3, -2)));
            return ((Vector<F64>) r.output()).sqr().sum();
        }, List.of(NDArray.of(new double[] {0.3, -0.5, 0.8}), NDArray.of(new double[] {0.1, 0.7, -0.4, 0.2, 0.9, -0.3})), 1e-6, 1e-6);
    }

    @Test
    void grad_tapOrder_changesTheLoop_soTheGradientsOfTheTwoOrdersDiffer() {
        // x[t] = a - 2 b * w with (a, b) the taps as listed: d x[last] / d w differs between the orders
        Vector<F64> init = dvector("init");
        Scalar<F64> w = dscalar("w");
        double[] grads = new double[2];
        int k = 0;
        for (int[] order : new int[][] {{-1, -2}, {-2, -1}}) {
            ScanResult<Tensor<?>, Tensor<?>> r = scan(a -> ((Scalar<F64>) a.get(0)).minus(((Scalar<F64>) a.get(1)).times(2).times(w)),
                    outputsInfo(taps(init, order)), nonSequences(w), nSteps(4));
            Scalar<F64> last = ((Vector<F64>) r.output()).get(-1);
            grads[k++] = function(inputs(init, w), grad(last, w)).call(new double[] {1, 3}, 1.0).toDouble();
        }
        assertThat(grads[0]).isEqualTo(handGrad(true));
        assertThat(grads[1]).isEqualTo(handGrad(false));
        assertThat(grads[0]).isNotEqualTo(grads[1]);
    }

    /** Forward-mode derivative of x[3] in w at w = 1 for the recurrence above, in plain Java. */
    private static double handGrad(boolean minusOneFirst) {
        double p2 = 1;
        double p1 = 3;
        double d2 = 0;
        double d1 = 0;
        for (int t = 0; t < 4; t++) {
            double a = minusOneFirst ? p1 : p2;
            double b = minusOneFirst ? p2 : p1;
            double da = minusOneFirst ? d1 : d2;
            double db = minusOneFirst ? d2 : d1;
            double x = a - 2 * b;
            double dx = da - 2 * db - 2 * b;
            p2 = p1;
            p1 = x;
            d2 = d1;
            d1 = dx;
        }
        return d1;
    }

    @Test
    void grad_goBackwardsAndMapOutput_matchFiniteDifferences() {
        verifyGrad(in -> {
            Vector<F64> s = (Vector<F64>) in.get(0);
            Scalar<F64> c = (Scalar<F64>) in.get(1);
            ScanResult<Tensor<?>, Tensor<?>> r = scan(a -> {
                Scalar<F64> x = (Scalar<F64>) a.get(0);
                Scalar<F64> acc = (Scalar<F64>) a.get(1);
                return List.of(x.times(c), tanh(acc).plus(x.times(x)));
            }, sequences(s), outputsInfo(noInitial(), constant(0.5)), goBackwards());
            return ((Vector<F64>) r.output(0)).times((Vector<F64>) r.output(1)).sum();
        }, List.of(NDArray.of(new double[] {0.1, 0.7, -0.4}), NDArray.of(1.3)), 1e-6, 1e-6);
    }

    @Test
    void truncateGradient_dropsContributionsOlderThanTheWindow() {
        Scalar<F64> x0 = dscalar("x0");
        Scalar<F64> a = dscalar("a");
        // x(t) = a * x(t-1): with truncation 1 only the last step's direct dependence on a remains
        ScanResult<Tensor<?>, Tensor<?>> r = scan(args -> ((Scalar<F64>) args.get(0)).times((Scalar<F64>) args.get(1)),
                outputsInfo(x0), nonSequences(a), nSteps(3), truncateGradient(1));
        Scalar<F64> cost = ((Vector<F64>) r.output()).get(-1);
        double ga = function(inputs(x0, a), grad(cost, a)).call(1.0, 2.0).toDouble();
        assertThat(ga).isCloseTo(4.0, within(1e-12)); // x(2) = 4, d(a * x(2))/da with x(2) held fixed
        ScanResult<Tensor<?>, Tensor<?>> full = scan(args -> ((Scalar<F64>) args.get(0)).times((Scalar<F64>) args.get(1)),
                outputsInfo(x0), nonSequences(a), nSteps(3));
        double gFull = function(inputs(x0, a), grad(((Vector<F64>) full.output()).get(-1), a)).call(1.0, 2.0).toDouble();
        assertThat(gFull).isCloseTo(3 * 4.0, within(1e-12)); // d(a^3)/da = 3 a^2
    }

    @Test
    void grad_ofIndexAndSlice_placesGradientAtTheEntries() {
        verifyGrad(in -> {
            Matrix<F64> m = (Matrix<F64>) in.get(0);
            return m.get(-1).sqr().sum().plus(m.get(0).sum());
        }, List.of(W), 1e-6, 1e-6);
    }

    @Test
    void secondOrder_hessianThroughScan_matchesHandDerivative() {
        Scalar<F64> x = dscalar("x");
        // y = x^4 via three multiplications by x: d2y/dx2 = 12 x^2
        ScanResult<Tensor<?>, Tensor<?>> r = scan(args -> ((Scalar<F64>) args.get(0)).times((Scalar<F64>) args.get(1)),
                outputsInfo(x), nonSequences(x), nSteps(3));
        Scalar<F64> y = ((Vector<F64>) r.output()).get(-1);
        Scalar<F64> g = grad(y, x);
        Scalar<F64> h = grad(g, x);
        List<NDArray> out = function(inputs(x), outputs(g, h)).callAll(1.5);
        assertThat(out.get(0).toDouble()).isCloseTo(4 * Math.pow(1.5, 3), within(1e-9));
        assertThat(out.get(1).toDouble()).isCloseTo(12 * 1.5 * 1.5, within(1e-9));
    }

    @Test
    void verifyGrad_detectsAWrongGradient_soTheChecksAboveMeanSomething() {
        assertThatThrownBy(() -> verifyGrad(in -> zeroGrad((Vector<F64>) in.get(0)).sqr().sum(),
                List.of(H0), 1e-6, 1e-6)).isInstanceOf(GradientCheckException.class);
    }
}
