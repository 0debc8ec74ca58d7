package org.symtensor.runtime;

import org.symtensor.function.Mode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.*;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * Theano's logistic-regression training step with its N(0, 1) weights: |x·w| is about 28, so the
 * graph as written gives NaN (1 - p_1 rounds to 0), and the stabilize rules must make both the cost
 * and the gradient (taken before optimization) finite. Values are checked against a plain-Java
 * oracle that computes the cost with softplus and the gradient as Xᵀ(sigmoid(s) - y)/n + 0.02 w.
 */
class LogisticRegressionStabilityTest {
    private static final int N = 200;
    private static final int FEATS = 784;

    /** cost, xent, gw, gb of the tutorial's step, compiled in {@code mode}. */
    @SuppressWarnings("unchecked")
    private static Function step(double[] w0, double b0, Mode mode) {
        Matrix<F64> x = dmatrix("x");
        Vector<F64> y = dvector("y");
        SharedVector<F64> w = shared(w0, "w");
        SharedScalar<F64> b = shared(b0, "b");
        Vector<F64> p1 = div(1, exp(x.dot(w).unaryMinus().minus(b)).plus(1));
        Vector<F64> xent = y.unaryMinus().times(log(p1)).minus(minus(1, y).times(log(minus(1, p1))));
        Scalar<F64> cost = xent.mean().plus(times(0.01, w.pow(2).sum()));
        List<Tensor<?>> g = grad(cost, List.of(w, b));
        return function(inputs(x, y), outputs(cost, xent, g.get(0), g.get(1)), mode(mode));
    }

    private static double normal(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static double softplus(double s) {
        return Math.max(s, 0) + Math.log1p(Math.exp(-Math.abs(s)));
    }

    private static double sigmoid(double s) {
        return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
    }

    /** {cost, gb, gw...} from plain Java. */
    private static double[] oracle(double[][] xs, double[] ys, double[] w, double b) {
        int n = xs.length;
        int f = w.length;
        double[] out = new double[2 + f];
        double reg = 0;
        for (double wj : w) {
            reg += wj * wj;
        }
        for (int i = 0; i < n; i++) {
            double s = b;
            for (int j = 0; j < f; j++) {
                s += xs[i][j] * w[j];
            }
            out[0] += (ys[i] * softplus(-s) + (1 - ys[i]) * softplus(s)) / n;
            double d = (sigmoid(s) - ys[i]) / n;
            out[1] += d;
            for (int j = 0; j < f; j++) {
                out[2 + j] += xs[i][j] * d;
            }
        }
        out[0] += 0.01 * reg;
        for (int j = 0; j < f; j++) {
            out[2 + j] += 0.02 * w[j];
        }
        return out;
    }

    private static void assertMatchesOracle(List<NDArray> r, double[] want) {
        assertThat(r.get(0).toDouble()).isCloseTo(want[0], within(1e-9 * Math.max(1, Math.abs(want[0]))));
        assertThat(r.get(3).toDouble()).isCloseTo(want[1], within(1e-9));
        for (int j = 0; j < r.get(2).size(); j++) {
            assertThat(r.get(2).getDouble(j)).as("gw[%d]", j).isCloseTo(want[2 + j], within(1e-8 * Math.max(1, Math.abs(want[2 + j]))));
        }
    }

    @Test
    void trainingStep_withStandardNormalWeights_isFiniteAfterOptimizationAndMatchesTheOracle() {
        SplittableRandom rng = new SplittableRandom(7);
        double[][] xs = new double[N][FEATS];
        double[] ys = new double[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < FEATS; j++) {
                xs[i][j] = normal(rng);
            }
            ys[i] = rng.nextInt(2);
        }
        double[] w = new double[FEATS];
        for (int j = 0; j < FEATS; j++) {
            w[j] = normal(rng);
        }

        List<NDArray> written = step(w, 0.0, Mode.NONE).callAll(NDArray.of(xs), NDArray.of(ys));
        List<NDArray> optimized = step(w, 0.0, Mode.FAST_RUN).callAll(NDArray.of(xs), NDArray.of(ys));

        // the graph as written does overflow here: that is what the rewrites are for
        assertThat(Double.isFinite(written.get(3).toDouble())).isFalse();
        for (NDArray out : optimized) {
            for (int k = 0; k < out.size(); k++) {
                assertThat(Double.isFinite(out.getDouble(k))).as("optimized element %d of %s", k, out).isTrue();
            }
        }
        // where the written xent is finite it still cancels in 1 - p_1: p_1's rounding error, about
        // 1e-16, becomes an error of 1e-16 / (1 - p_1) = 1e-16 exp(xent) in log(1 - p_1), so the
        // written value is only that close; the oracle below checks the optimized one tightly
        int compared = 0;
        for (int i = 0; i < N; i++) {
            double want = written.get(1).getDouble(i);
            if (Double.isFinite(want)) {
                assertThat(optimized.get(1).getDouble(i)).as("xent[%d]", i).isCloseTo(want, within(1e-8 + 1e-6 * Math.abs(want) + 1e-15 * Math.exp(want)));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(N / 2);
        assertMatchesOracle(optimized, oracle(xs, ys, w, 0.0));
    }

    @Test
    void trainingStep_withSmallWeights_optimizedEqualsWritten() {
        SplittableRandom rng = new SplittableRandom(11);
        double[][] xs = new double[N][FEATS];
        double[] ys = new double[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < FEATS; j++) {
                xs[i][j] = normal(rng);
            }
            ys[i] = rng.nextInt(2);
        }
        double[] w = new double[FEATS];
        for (int j = 0; j < FEATS; j++) {
            w[j] = normal(rng) / Math.sqrt(FEATS);
        }
        List<NDArray> written = step(w, 0.3, Mode.NONE).callAll(NDArray.of(xs), NDArray.of(ys));
        List<NDArray> optimized = step(w, 0.3, Mode.FAST_RUN).callAll(NDArray.of(xs), NDArray.of(ys));
        for (int o = 0; o < written.size(); o++) {
            for (int k = 0; k < written.get(o).size(); k++) {
                double want = written.get(o).getDouble(k);
                assertThat(Double.isFinite(want)).isTrue();
                assertThat(optimized.get(o).getDouble(k)).as("output %d element %d", o, k)
                        .isCloseTo(want, within(1e-10 + 1e-8 * Math.abs(want)));
            }
        }
        assertMatchesOracle(optimized, oracle(xs, ys, w, 0.3));
    }

    @Test
    void trainingStep_withLogitsUpTo700_isFiniteAndMatchesTheOracle() {
        double[] s = {-700, -300, -40, -1, 0, 2, 40, 300, 700};
        double[][] xs = new double[s.length * 2][1];
        double[] ys = new double[s.length * 2];
        for (int i = 0; i < s.length; i++) {
            xs[2 * i][0] = s[i];
            xs[2 * i + 1][0] = s[i];
            ys[2 * i + 1] = 1;
        }
        double[] w = {1.0};
        List<NDArray> optimized = step(w, 0.0, Mode.FAST_RUN).callAll(NDArray.of(xs), NDArray.of(ys));
        assertMatchesOracle(optimized, oracle(xs, ys, w, 0.0));
        for (int i = 0; i < ys.length; i++) {
            double si = xs[i][0];
            double want = ys[i] == 1 ? softplus(-si) : softplus(si);
            assertThat(optimized.get(1).getDouble(i)).as("xent at s=%s, y=%s", si, ys[i]).isCloseTo(want, within(1e-9 * Math.max(1, want)));
        }
    }
}
