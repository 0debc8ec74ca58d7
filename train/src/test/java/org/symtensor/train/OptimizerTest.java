package org.symtensor.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.constant;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.outputs;
import static org.symtensor.T.shared;
import static org.symtensor.T.sharedMatrix;
import static org.symtensor.T.sharedVector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.symtensor.function.Function;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedVector;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * Each optimizer's trajectory against a plain-Java oracle that applies the published update rule to
 * doubles (the gradient of the test cost is computed by hand there too), plus a few steps worked out
 * by hand. The cost is {@code Σ a·(p − c)²} over a matrix, a vector and a scalar parameter, whose
 * gradient is {@code 2a(p − c)}.
 */
class OptimizerTest {
    static final double[][] W0 = {{0.5, -1.0, 2.0}, {1.5, 0.25, -0.75}};
    static final double[][] CW = {{1.0, 1.0, -1.0}, {0.0, 2.0, 0.5}};
    static final double[][] AW = {{1.0, 0.5, 2.0}, {0.25, 1.0, 3.0}};
    static final double[] B0 = {0.1, -0.2, 0.3};
    static final double[] CB = {-1.0, 0.5, 0.0};
    static final double[] AB = {2.0, 1.0, 0.5};
    static final double S0 = 3.0;
    static final double CS = -2.0;
    static final double AS = 0.75;
    static final int STEPS = 6;

    /** The update rule of one optimizer on flat doubles, step t = 1, 2, ... */
    interface Oracle {
        void step(double[] p, double[] g, int t);
    }

    static double[] flat(double[][] w, double[] b, double s) {
        double[] out = new double[w.length * w[0].length + b.length + 1];
        int k = 0;
        for (double[] row : w) {
            for (double v : row) {
                out[k++] = v;
            }
        }
        for (double v : b) {
            out[k++] = v;
        }
        out[k] = s;
        return out;
    }

    static final double[] A = flat(AW, AB, AS);
    static final double[] C = flat(CW, CB, CS);

    static double[] gradient(double[] p) {
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            g[i] = 2 * A[i] * (p[i] - C[i]);
        }
        return g;
    }

    static Oracle sgd(double lr) {
        return (p, g, t) -> {
            for (int i = 0; i < p.length; i++) {
                p[i] -= lr * g[i];
            }
        };
    }

    static Oracle momentum(double lr, double mu, boolean nesterov) {
        double[] b = new double[A.length];
        return (p, g, t) -> {
            for (int i = 0; i < p.length; i++) {
                b[i] = mu * b[i] + g[i];
                p[i] -= lr * (nesterov ? g[i] + mu * b[i] : b[i]);
            }
        };
    }

    static Oracle adam(double lr, double b1, double b2, double eps, double wd) {
        double[] m = new double[A.length];
        double[] v = new double[A.length];
        return (p, g, t) -> {
            for (int i = 0; i < p.length; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                p[i] = p[i] - lr * wd * p[i] - lr * mHat / (Math.sqrt(vHat) + eps);
            }
        };
    }

    static Oracle rmsProp(double lr, double rho, double eps) {
        double[] s = new double[A.length];
        return (p, g, t) -> {
            for (int i = 0; i < p.length; i++) {
                s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
                p[i] -= lr * g[i] / (Math.sqrt(s[i]) + eps);
            }
        };
    }

    static Oracle adagrad(double lr, double eps) {
        double[] s = new double[A.length];
        return (p, g, t) -> {
            for (int i = 0; i < p.length; i++) {
                s[i] += g[i] * g[i];
                p[i] -= lr * g[i] / (Math.sqrt(s[i]) + eps);
            }
        };
    }

    /** Gradients rescaled to global norm at most {@code max}, then {@code inner}. */
    static Oracle clipped(double max, Oracle inner) {
        return (p, g, t) -> {
            double sq = 0;
            for (double v : g) {
                sq += v * v;
            }
            double scale = max / Math.max(Math.sqrt(sq), max);
            double[] c = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                c[i] = g[i] * scale;
            }
            inner.step(p, c, t);
        };
    }

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("sgd", (Supplier<Optimizer>) () -> Sgd.of(0.05), (Supplier<Oracle>) () -> sgd(0.05)),
                Arguments.of("momentum", (Supplier<Optimizer>) () -> Momentum.of(0.05, 0.8),
                        (Supplier<Oracle>) () -> momentum(0.05, 0.8, false)),
                Arguments.of("nesterov", (Supplier<Optimizer>) () -> Nesterov.of(0.05, 0.8),
                        (Supplier<Oracle>) () -> momentum(0.05, 0.8, true)),
                Arguments.of("adam", (Supplier<Optimizer>) () -> Adam.of(0.1),
                        (Supplier<Oracle>) () -> adam(0.1, 0.9, 0.999, 1e-8, 0)),
                Arguments.of("adam betas", (Supplier<Optimizer>) () -> Adam.of(0.1).withBetas(0.5, 0.6).withEpsilon(1e-3),
                        (Supplier<Oracle>) () -> adam(0.1, 0.5, 0.6, 1e-3, 0)),
                Arguments.of("adamw", (Supplier<Optimizer>) () -> AdamW.of(0.1, 0.2),
                        (Supplier<Oracle>) () -> adam(0.1, 0.9, 0.999, 1e-8, 0.2)),
                Arguments.of("rmsprop", (Supplier<Optimizer>) () -> RmsProp.of(0.01),
                        (Supplier<Oracle>) () -> rmsProp(0.01, 0.9, 1e-8)),
                Arguments.of("adagrad", (Supplier<Optimizer>) () -> Adagrad.of(0.3),
                        (Supplier<Oracle>) () -> adagrad(0.3, 1e-10)),
                Arguments.of("clipped sgd", (Supplier<Optimizer>) () -> Sgd.of(0.05).clipGlobalNorm(1.5),
                        (Supplier<Oracle>) () -> clipped(1.5, sgd(0.05))),
                Arguments.of("clipped adam", (Supplier<Optimizer>) () -> Adam.of(0.1).clipGlobalNorm(0.5),
                        (Supplier<Oracle>) () -> clipped(0.5, adam(0.1, 0.9, 0.999, 1e-8, 0))));
    }

    /** The test problem on float64 parameters: W, b, s and the compiled step returning the cost. */
    static final class Problem64 {
        final SharedMatrix<F64> w = shared(copy(W0), "W");
        final SharedVector<F64> b = shared(B0.clone(), "b");
        final SharedScalar<F64> s = shared(S0, "s");
        final Params params = Params.of(w, b, s);
        final Scalar<F64> cost = w.minus(constant(CW)).sqr().times(constant(AW)).sum()
                .plus(b.minus(constant(CB)).sqr().times(constant(AB)).sum())
                .plus(s.minus(CS).sqr().times(AS));

        double[] values() {
            return flat(w.getValue().toDoubleMatrix(), b.getValue().toDoubleArray(), s.getValue().toDouble());
        }
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void trajectory_float64_matchesThePlainJavaOracle(String name, Supplier<Optimizer> make, Supplier<Oracle> oracle) {
        Problem64 pr = new Problem64();
        Optimizer opt = make.get();
        Function step = function(inputs(), outputs(pr.cost), opt.minimize(pr.cost, pr.params));
        Oracle o = oracle.get();
        double[] p = flat(W0, B0, S0);
        for (int t = 1; t <= STEPS; t++) {
            step.callAll();
            o.step(p, gradient(p), t);
            double[] got = pr.values();
            for (int i = 0; i < p.length; i++) {
                assertThat(got[i]).as("%s step %d element %d", name, t, i).isCloseTo(p[i], within(1e-12 * (1 + Math.abs(p[i]))));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void trajectory_float32_matchesTheOracleToFloatPrecision(String name, Supplier<Optimizer> make,
            Supplier<Oracle> oracle) {
        SharedMatrix<F32> w = sharedMatrix(NDArray.of(W0).astype(DType.FLOAT32), F32.class, "W");
        SharedVector<F32> b = sharedVector(NDArray.of(B0).astype(DType.FLOAT32), F32.class, "b");
        Scalar<F32> cost = w.minus(constant(toFloat(CW))).sqr().times(constant(toFloat(AW))).sum()
                .plus(b.minus(constant(toFloat(CB))).sqr().times(constant(toFloat(AB))).sum());
        Params params = Params.of(w, b);
        Optimizer opt = make.get();
        Function step = function(inputs(), outputs(cost), opt.minimize(cost, params));
        // the oracle on the same problem without the scalar parameter (a = 0 there; it is not compared)
        double[] a = A.clone();
        a[a.length - 1] = 0;
        Oracle o = oracle.get();
        double[] p = flat(W0, B0, CS);
        for (int t = 1; t <= STEPS; t++) {
            step.callAll();
            double[] g = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                g[i] = 2 * a[i] * (p[i] - C[i]);
            }
            o.step(p, g, t);
        }
        double[] got = flat(w.getValue().toDoubleMatrix(), b.getValue().toDoubleArray(), CS);
        for (int i = 0; i < p.length - 1; i++) { // the last entry is no parameter here
            assertThat(got[i]).as("%s element %d", name, i).isCloseTo(p[i], within(2e-5 * (1 + Math.abs(p[i]))));
        }
        assertThat(w.getValue().dtype()).isEqualTo(DType.FLOAT32);
    }

    static float[][] toFloat(double[][] a) {
        float[][] f = new float[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                f[i][j] = (float) a[i][j];
            }
        }
        return f;
    }

    static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    // ---- steps worked out by hand ------------------------------------------------------------

    @Test
    void sgd_oneStep_byHand() {
        SharedVector<F64> w = shared(new double[] {1, 2}, "w");
        Scalar<F64> cost = w.sqr().sum(); // gradient 2w = (2, 4)
        function(inputs(), Sgd.of(0.25).minimize(cost, Params.of(w))).callAll();
        assertThat(w.getValue().toDoubleArray()).containsExactly(0.5, 1.0); // (1, 2) − 0.25·(2, 4)
    }

    @Test
    void adam_firstStep_movesEachParameterByTheLearningRate() {
        // at t = 1, m̂ = g and v̂ = g², so the step is lr·g/(|g| + ε): lr times the sign of g
        SharedVector<F64> w = shared(new double[] {3, -0.5}, "w");
        Scalar<F64> cost = w.sqr().sum();
        function(inputs(), Adam.of(0.1).withEpsilon(0).minimize(cost, Params.of(w))).callAll();
        assertThat(w.getValue().toDoubleArray()[0]).isCloseTo(2.9, within(1e-15));
        assertThat(w.getValue().toDoubleArray()[1]).isCloseTo(-0.4, within(1e-15));
    }

    @Test
    void clipGlobalNorm_rescalesToTheMaximumNorm_byHand() {
        // gradients (3) and (4) from 1.5·a² and 2·b² at a = 1, b = 1: global norm 5, clipped to 1 → (0.6, 0.8)
        SharedVector<F64> a = shared(new double[] {1}, "a");
        SharedVector<F64> b = shared(new double[] {1}, "b");
        Scalar<F64> cost = a.sqr().sum().times(1.5).plus(b.sqr().sum().times(2));
        function(inputs(), Sgd.of(1).clipGlobalNorm(1).minimize(cost, Params.of(a, b))).callAll();
        assertThat(a.getValue().toDoubleArray()[0]).isCloseTo(0.4, within(1e-15));
        assertThat(b.getValue().toDoubleArray()[0]).isCloseTo(0.2, within(1e-15));
    }

    @Test
    void clipGlobalNorm_belowTheMaximum_leavesGradientsAlone() {
        SharedVector<F64> a = shared(new double[] {1}, "a");
        Scalar<F64> cost = a.sqr().sum(); // gradient 2, norm 2 < 10
        function(inputs(), Sgd.of(0.5).clipGlobalNorm(10).minimize(cost, Params.of(a))).callAll();
        assertThat(a.getValue().toDoubleArray()[0]).isEqualTo(0.0);
    }

    @Test
    void learningRate_changedAfterCompiling_takesEffectWithoutRecompiling() {
        SharedVector<F64> w = shared(new double[] {1}, "w");
        Scalar<F64> cost = w.sqr().sum();
        Sgd sgd = Sgd.of(0.25);
        Function step = function(inputs(), sgd.minimize(cost, Params.of(w)));
        step.callAll(); // 1 − 0.25·2 = 0.5
        sgd.learningRate().set(0.5);
        step.callAll(); // 0.5 − 0.5·1 = 0
        assertThat(w.getValue().toDoubleArray()[0]).isEqualTo(0.0);
    }

    @Test
    void learningRate_schedule_isStoredInTheSharedScalar() {
        LearningRate lr = LearningRate.of(LrSchedule.step(0.1, 2, 0.5));
        assertThat(lr.get()).isEqualTo(0.1);
        assertThat(lr.step(5)).isEqualTo(0.025);
        assertThat(lr.variable().getValue().toDouble()).isEqualTo(0.025);
    }

    @Test
    void state_namesEveryMomentAndTheStepCount() {
        Problem64 pr = new Problem64();
        Adam adam = Adam.of(0.1);
        adam.minimize(pr.cost, pr.params);
        adam.minimize(pr.cost, pr.params); // a second function reuses the same state
        assertThat(adam.state().names()).containsExactly("adam/t", "adam/m/W", "adam/v/W", "adam/m/b", "adam/v/b",
                "adam/m/s", "adam/v/s");
        assertThat(Sgd.of(1).state().size()).isZero();
    }

    @Test
    void checkpoint_savedAndLoaded_resumesTrainingBitForBit(@TempDir Path tmp) {
        SharedMatrix<F32> w = sharedMatrix(NDArray.of(W0).astype(DType.FLOAT32), F32.class, "W");
        Scalar<F32> cost = w.minus(constant(toFloat(CW))).sqr().times(constant(toFloat(AW))).sum();
        Params params = Params.of(w);
        Adam adam = Adam.of(0.05);
        Function step = function(inputs(), outputs(cost), adam.minimize(cost, params));
        Params checkpoint = params.and(adam.state());
        for (int i = 0; i < 3; i++) {
            step.callAll();
        }
        Path file = tmp.resolve("ckpt.npz");
        checkpoint.save(file);
        List<NDArray> straight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            step.callAll();
            straight.add(w.getValue());
        }
        checkpoint.load(file);
        for (int i = 0; i < 3; i++) {
            step.callAll();
            NDArray resumed = w.getValue();
            float[][] a = straight.get(i).toFloatMatrix();
            float[][] r = resumed.toFloatMatrix();
            for (int k = 0; k < a.length; k++) {
                for (int j = 0; j < a[k].length; j++) {
                    assertThat(Float.floatToRawIntBits(r[k][j])).isEqualTo(Float.floatToRawIntBits(a[k][j]));
                }
            }
        }
    }

    @Test
    void updates_forGradientsOfOtherParams_fail() {
        SharedVector<F64> a = shared(new double[] {1}, "a");
        SharedVector<F64> b = shared(new double[] {1}, "b");
        Grads ga = Params.of(a).grad(a.sqr().sum());
        assertThatThrownBy(() -> Sgd.of(1).updates(Params.of(b), ga))
                .hasMessageContaining("the gradients are for [a], not for [b]");
    }

    @Test
    void hyperparameters_outOfRange_fail() {
        assertThatThrownBy(() -> Momentum.of(0.1, 1.0)).hasMessageContaining("momentum must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> Adam.of(0.1).withBetas(0.9, 1.0)).hasMessageContaining("beta1 and beta2 must be in [0, 1)");
        assertThatThrownBy(() -> Sgd.of(0.1).clipGlobalNorm(0)).hasMessageContaining("maxNorm must be positive");
    }
}
