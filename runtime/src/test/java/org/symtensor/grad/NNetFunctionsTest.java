package org.symtensor.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.symtensor.T;
import org.symtensor.tensor.BatchNorm;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.random.RandomStreams;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * The neural-network composites: activations, softmax and log-softmax along an axis,
 * cross-entropies (from probabilities and from logits, one-hot and integer targets), oneHot,
 * dropout and batch normalization. Values against plain-Java formulas written here, gradients by
 * central finite differences in float64, and bad inputs.
 */
class NNetFunctionsTest {
    private static final double[] XS = {-3.5, -1.2, -0.3, 0.25, 0.9, 2.7};

    private static double erf(double x) {
        // Abramowitz-Stegun 7.1.26 is too coarse for 1e-12; integrate the series instead
        double sum = 0;
        double term = x;
        for (int n = 0; n < 200; n++) {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    private static void checkActivation(String name, UnaryOperator<Vector<F64>> f, DoubleUnaryOperator oracle, double tol) {
        Vector<F64> x = T.dvector("x");
        double[] y = T.function(T.inputs(x), f.apply(x)).call((Object) XS).toDoubleArray();
        for (int i = 0; i < XS.length; i++) {
            assertThat(y[i]).as(name + "(" + XS[i] + ")").isCloseTo(oracle.applyAsDouble(XS[i]), within(tol));
        }
        T.verifyGrad(in -> f.apply((Vector<F64>) (Object) in.get(0)), List.of(NDArray.of(XS)), 1e-6, 1e-6);
    }

    @Test
    void activations_matchTheirFormulas_andFiniteDifferences() {
        checkActivation("relu", T::relu, v -> Math.max(v, 0), 0);
        checkActivation("leaky relu", x -> T.relu(x, 0.1), v -> v > 0 ? v : 0.1 * v, 1e-15);
        checkActivation("elu", T::elu, v -> v > 0 ? v : Math.expm1(v), 1e-15);
        checkActivation("elu 0.5", x -> T.elu(x, 0.5), v -> v > 0 ? v : 0.5 * Math.expm1(v), 1e-15);
        double a = 1.6732632423543772;
        double l = 1.0507009873554805;
        checkActivation("selu", T::selu, v -> l * (v > 0 ? v : a * Math.expm1(v)), 1e-14);
        checkActivation("gelu", T::gelu, v -> 0.5 * v * (1 + erf(v / Math.sqrt(2))), 1e-12);
        checkActivation("softsign", T::softsign, v -> v / (1 + Math.abs(v)), 1e-15);
        checkActivation("hardSigmoid", T::hardSigmoid, v -> Math.min(1, Math.max(0, 0.2 * v + 0.5)), 1e-15);
    }

    @Test
    void relu_derivativeAtZero_isAlpha() {
        Vector<F64> x = T.dvector("x");
        double[] at = {0.0, -0.0, 2.0};
        assertThat(T.function(T.inputs(x), T.grad(T.sum(T.relu(x)), x)).call((Object) at).toDoubleArray())
                .containsExactly(0.0, 0.0, 1.0);
        assertThat(T.function(T.inputs(x), T.grad(T.sum(T.relu(x, 0.1)), x)).call((Object) at).toDoubleArray())
                .containsExactly(0.1, 0.1, 1.0);
    }

    @Test
    void elu_hugeInputs_haveFiniteGradients() {
        Vector<F64> x = T.dvector("x");
        double[] g = T.function(T.inputs(x), T.grad(T.sum(T.elu(x)), x)).call((Object) new double[] {1000, -1000})
                .toDoubleArray();
        assertThat(g).containsExactly(1.0, 0.0);
    }

    @Test
    void activations_keepTheHandleAndFloat32() {
        Tensor3<F32> x = T.ftensor3("x");
        Tensor3<F32> y = T.gelu(T.relu(x, 0.2));
        assertThat(y.variable().type().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(T.hardSigmoid(T.fmatrix("m")).variable().type().dtype()).isEqualTo(DType.FLOAT32);
        assertThatThrownBy(() -> T.relu((Vector) T.ivector("i"))).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("'i'");
    }

    @Test
    void softmax_alongAxis0OfATensor3_sumsToOneAlongIt_andMatchesTheOracle() {
        Tensor3<F64> x = T.dtensor3("x");
        double[][][] v = {{{1, 2}, {3, -1}}, {{0.5, 1000}, {2, 2}}, {{-2, 999}, {0, 1}}};
        NDArray p = T.function(T.inputs(x), T.softmax(x, 0)).call((Object) v);
        NDArray lp = T.function(T.inputs(x), T.logSoftmax(x, -3)).call((Object) v);
        for (int j = 0; j < 2; j++) {
            for (int k = 0; k < 2; k++) {
                double m = Math.max(v[0][j][k], Math.max(v[1][j][k], v[2][j][k]));
                double s = 0;
                for (int i = 0; i < 3; i++) {
                    s += Math.exp(v[i][j][k] - m);
                }
                for (int i = 0; i < 3; i++) {
                    assertThat(p.getDoubleAt(i, j, k)).isCloseTo(Math.exp(v[i][j][k] - m) / s, within(1e-15));
                    assertThat(lp.getDoubleAt(i, j, k)).isCloseTo(v[i][j][k] - m - Math.log(s), within(1e-12));
                }
            }
        }
        NDArray point = org.symtensor.runtime.ConvCases.random(3, 3, 2, 4);
        T.verifyGrad(in -> T.sum(T.softmax((Tensor3<F64>) (Object) in.get(0), 1).sqr()), List.of(point), 1e-6, 1e-6);
        T.verifyGrad(in -> T.sum(T.logSoftmax((Tensor3<F64>) (Object) in.get(0), 2).sqr()), List.of(point), 1e-6, 1e-6);
        assertThatThrownBy(() -> T.softmax(x, 3)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("axis 3").hasMessageContaining("rank 3");
    }

    @Test
    void softmax_rowForm_isUnchanged_andStillStabilizesTheCrossentropy() {
        Matrix<F64> z = T.dmatrix("z");
        Matrix<F64> t = T.dmatrix("t");
        Vector<F64> ce = T.categoricalCrossentropy(T.softmax(z), t);
        double[] v = T.function(T.inputs(z, t), ce).call(new double[][] {{0, 1000}}, new double[][] {{1, 0}}).toDoubleArray();
        assertThat(v[0]).isCloseTo(1000, within(1e-9));
        // a softmax over axis 0 is not the row softmax: no rewrite to logSoftmax, the log of the probabilities is taken
        Vector<F64> ce0 = T.categoricalCrossentropy(T.softmax(z, 0), t);
        double[] v0 = T.function(T.inputs(z, t), ce0).call(new double[][] {{0.5, 2}}, new double[][] {{1, 0}}).toDoubleArray();
        assertThat(v0[0]).isCloseTo(0, within(1e-15));
    }

    @Test
    void crossentropies_fromLogitsAndLabels_matchTheFormulas_areStable_andHaveTheRightGradients() {
        double[][] z = {{1.0, -2.0, 0.5}, {800, -800, 0}};
        long[] labels = {2, 0};
        double[][] onehot = {{0, 0, 1}, {1, 0, 0}};
        // a static class count compares the labels against a constant 0..n-1
        Matrix<F64> zs = (Matrix<F64>) T.tensor(F64.class, "z", -1, 3);
        var lab = T.lvector("labels");
        Matrix<F64> th = T.dmatrix("t");
        double[] fromLabels = T.function(T.inputs(zs, lab), T.categoricalCrossentropyFromLogits(zs, lab)).call(z, labels)
                .toDoubleArray();
        double[] fromOneHot = T.function(T.inputs(zs, th), T.categoricalCrossentropyFromLogits(zs, th)).call(z, onehot)
                .toDoubleArray();
        double[] fromProbs = T.function(T.inputs(zs, lab), T.categoricalCrossentropy(T.softmax(zs), lab)).call(z, labels)
                .toDoubleArray();
        for (int i = 0; i < 2; i++) {
            double m = Math.max(z[i][0], Math.max(z[i][1], z[i][2]));
            double lse = m + Math.log(Math.exp(z[i][0] - m) + Math.exp(z[i][1] - m) + Math.exp(z[i][2] - m));
            double expected = lse - z[i][(int) labels[i]];
            assertThat(fromLabels[i]).isCloseTo(expected, within(1e-12));
            assertThat(fromOneHot[i]).isCloseTo(expected, within(1e-12));
            assertThat(fromProbs[i]).isCloseTo(expected, within(1e-12));
        }
        NDArray zp = NDArray.of(new double[][] {{1.0, -2.0, 0.5}, {0.3, 0.1, -0.4}});
        Matrix<F64> oneHot = T.constant(onehot);
        T.verifyGrad(in -> T.sum(T.categoricalCrossentropyFromLogits((Matrix<F64>) (Object) in.get(0), oneHot)), List.of(zp),
                1e-6, 1e-6);
        // the integer form is the one-hot graph: its gradient equals the one-hot form's, softmax(z) - onehot
        List<NDArray> g = T.function(T.inputs(zs, lab), T.outputs(T.grad(T.sum(T.categoricalCrossentropyFromLogits(zs, lab)),
                zs), T.grad(T.sum(T.categoricalCrossentropyFromLogits(zs, oneHot)), zs))).callAll(zp, labels);
        assertThat(g.get(0)).isEqualTo(g.get(1));
        double[][] gz = g.get(0).toDoubleMatrix();
        double[][] zz = zp.toDoubleMatrix();
        for (int i = 0; i < 2; i++) {
            double s = Math.exp(zz[i][0]) + Math.exp(zz[i][1]) + Math.exp(zz[i][2]);
            for (int j = 0; j < 3; j++) {
                assertThat(gz[i][j]).isCloseTo(Math.exp(zz[i][j]) / s - onehot[i][j], within(1e-12));
            }
        }
        T.verifyGrad(in -> T.sum(T.categoricalCrossentropy((Matrix<F64>) (Object) in.get(0), T.constant(new double[][] {{0,
                1, 0}, {1, 0, 0}}))), List.of(NDArray.of(new double[][] {{0.2, 0.5, 0.3}, {0.6, 0.1, 0.3}})), 1e-6, 1e-6);
    }

    private static Vector<org.symtensor.type.I64> labels(long... v) {
        return new Vector<>(org.symtensor.ir.Ops.constant(NDArray.of(v)));
    }

    @Test
    void binaryCrossentropy_fromProbabilitiesAndFromLogits() {
        Vector<F64> p = T.dvector("p");
        Vector<F64> t = T.dvector("t");
        double[] pv = {0.2, 0.9, 0.5};
        double[] tv = {0, 1, 0.3};
        double[] got = T.function(T.inputs(p, t), T.binaryCrossentropy(p, t)).call(pv, tv).toDoubleArray();
        for (int i = 0; i < 3; i++) {
            assertThat(got[i]).isCloseTo(-(tv[i] * Math.log(pv[i]) + (1 - tv[i]) * Math.log(1 - pv[i])), within(1e-15));
        }
        Vector<F64> z = T.dvector("z");
        double[] zv = {-800, 3, 800, 0.4};
        double[] t2 = {1, 0, 0, 0.25};
        double[] lg = T.function(T.inputs(z, t), T.binaryCrossentropyFromLogits(z, t)).call(zv, t2).toDoubleArray();
        assertThat(lg[0]).isCloseTo(800, within(1e-9));
        assertThat(lg[1]).isCloseTo(-Math.log(1 - 1 / (1 + Math.exp(-3))), within(1e-12));
        assertThat(lg[2]).isCloseTo(800, within(1e-9));
        double s = 1 / (1 + Math.exp(-0.4));
        assertThat(lg[3]).isCloseTo(-(0.25 * Math.log(s) + 0.75 * Math.log(1 - s)), within(1e-12));
        T.verifyGrad(in -> T.sum(T.binaryCrossentropy((Vector<F64>) (Object) in.get(0), T.constant(new double[] {0, 1,
                0.3}))), List.of(NDArray.of(pv)), 1e-6, 1e-6);
        T.verifyGrad(in -> T.sum(T.binaryCrossentropyFromLogits((Vector<F64>) (Object) in.get(0),
                T.constant(new double[] {0, 1, 0.3}))), List.of(NDArray.of(new double[] {-2, 0.5, 3})), 1e-6, 1e-6);
        assertThatThrownBy(() -> T.binaryCrossentropy(p, (Vector<F64>) (Object) T.fvector("f")))
                .isInstanceOf(DTypeMismatchException.class).hasMessageContaining("'f'");
    }

    @Test
    void oneHot_labelsToRows_andBadInputs() {
        var lab = T.ivector("l");
        Matrix<F32> oh = T.oneHot(lab, 4, F32.class);
        assertThat(oh.variable().type().shape()).containsExactly(-1, 4);
        float[][] v = T.function(T.inputs(lab), oh).call((Object) new int[] {2, 0, 3}).toFloatMatrix();
        assertThat(v).isEqualTo(new float[][] {{0, 0, 1, 0}, {1, 0, 0, 0}, {0, 0, 0, 1}});
        assertThatThrownBy(() -> T.oneHot(lab, 0, F32.class)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("positive, got 0");
        assertThatThrownBy(() -> T.oneHot((Vector) T.dvector("d"), 3, F32.class)).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("'d'").hasMessageContaining("integer");
        // with the class count unknown until run time, integer targets compare against arange(n)
        Matrix<F64> z = T.dmatrix("z");
        double[] ce = T.function(T.inputs(z, lab), T.categoricalCrossentropyFromLogits(z, lab))
                .call(new double[][] {{0, Math.log(3)}}, new int[] {1}).toDoubleArray();
        assertThat(ce[0]).isCloseTo(Math.log(4.0 / 3), within(1e-15));
    }

    @Test
    void dropout_keepsAboutOneMinusP_scaledByItsInverse_andRejectsBadP() {
        RandomStreams rng = new RandomStreams(7);
        Matrix<F64> x = T.dmatrix("x");
        double[][] ones = new double[200][100];
        for (double[] row : ones) {
            java.util.Arrays.fill(row, 1.0);
        }
        double[][] y = T.function(T.inputs(x), T.dropout(x, 0.3, rng)).call((Object) ones).toDoubleMatrix();
        int kept = 0;
        for (double[] row : y) {
            for (double e : row) {
                if (e != 0) {
                    assertThat(e).isCloseTo(1 / 0.7, within(1e-15));
                    kept++;
                }
            }
        }
        assertThat(kept / 20000.0).isCloseTo(0.7, within(0.02));
        // the gradient is the same mask and scale: with x = ones, d(sum(dropout(x)))/dx equals dropout(x) of the same draw
        Matrix<F64> d = T.dropout(x, 0.5, rng);
        List<NDArray> both = T.function(T.inputs(x), T.outputs(d, T.grad(T.sum(d), x))).callAll((Object) ones);
        assertThat(both.get(1)).isEqualTo(both.get(0));
        assertThat(T.dropout(x, 0, rng).variable()).isSameAs(x.variable());
        assertThatThrownBy(() -> T.dropout(x, 1.0, rng)).isInstanceOf(ArgumentException.class).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> T.dropout(x, -0.1, rng)).isInstanceOf(ArgumentException.class).hasMessageContaining("-0.1");
    }

    @Test
    void batchNorm_training_normalizesOverTheAxes_andInferenceUsesTheGivenStatistics() {
        Matrix<F64> x = T.dmatrix("x");
        // gamma and beta are rows: their axis 0 is declared broadcastable (length 1), as in Theano
        Matrix<F64> gamma = (Matrix<F64>) T.tensor(F64.class, "gamma", 1, -1);
        Matrix<F64> beta = (Matrix<F64>) T.tensor(F64.class, "beta", 1, -1);
        BatchNorm<Matrix<F64>> bn = T.batchNormTrain(x, gamma, beta, 1e-5, 0);
        double[][] xv = {{1, 2}, {3, 6}, {5, 7}};
        double[][] gv = {{2, 0.5}};
        double[][] bv = {{0.1, -1}};
        List<NDArray> out = T.function(T.inputs(x, gamma, beta), T.outputs(bn.output(), bn.mean(), bn.variance()))
                .callAll(xv, gv, bv);
        for (int j = 0; j < 2; j++) {
            double m = (xv[0][j] + xv[1][j] + xv[2][j]) / 3;
            double var = 0;
            for (double[] r : xv) {
                var += (r[j] - m) * (r[j] - m) / 3;
            }
            assertThat(out.get(1).getDoubleAt(0, j)).isCloseTo(m, within(1e-15));
            assertThat(out.get(2).getDoubleAt(0, j)).isCloseTo(var, within(1e-14));
            for (int i = 0; i < 3; i++) {
                assertThat(out.get(0).getDoubleAt(i, j)).isCloseTo(gv[0][j] * (xv[i][j] - m) / Math.sqrt(var + 1e-5)
                        + bv[0][j], within(1e-12));
            }
        }
        assertThat(out.get(1).shape()).containsExactly(1, 2);
        Matrix<F64> inf = T.batchNormInference(x, gamma, beta, T.constant(new double[][] {{1, 2}}),
                T.constant(new double[][] {{4, 9}}), 1e-5);
        double[][] iv = T.function(T.inputs(x, gamma, beta), inf).call(xv, gv, bv).toDoubleMatrix();
        assertThat(iv[1][1]).isCloseTo(0.5 * (6 - 2) / Math.sqrt(9 + 1e-5) - 1, within(1e-12));
        // a vector gamma and beta broadcast over the rows (padded on the left)
        T.verifyGrad(in -> T.sum(T.batchNormTrain((Matrix<F64>) (Object) in.get(0), (Vector<F64>) (Object) in.get(1),
                T.constant(new double[] {0.1, -1}), 1e-3, 0).output().sqr().times(T.constant(new double[][] {{1, 2},
                {3, 4}, {5, 6}}))), List.of(NDArray.of(xv), NDArray.of(gv[0])), 1e-6, 1e-5);
        assertThatThrownBy(() -> T.batchNormTrain(x, gamma, beta, 1e-5, 2)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("axis 2");
        assertThatThrownBy(() -> T.batchNormTrain(x, gamma, beta, 0, 0)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("eps");
        assertThatThrownBy(() -> T.batchNormTrain(x, gamma, beta, 1e-5)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("axis");
    }

    @Test
    void embedding_looksUpRows_andItsGradientAccumulatesRepeatedIds() {
        Matrix<F64> w = T.dmatrix("W");
        var ids = T.lvector("ids");
        Matrix<F64> e = T.embedding(w, ids);
        double[][] table = {{1, 2}, {3, 4}, {5, 6}};
        long[] idv = {2, 0, 2, -1};
        double[][] got = T.function(T.inputs(w, ids), e).call(table, idv).toDoubleMatrix();
        assertThat(got).isEqualTo(new double[][] {{5, 6}, {1, 2}, {5, 6}, {5, 6}});
        // d/dW of sum(e * c): row 2 collects the rows of c at positions 0, 2 and 3 (id -1 is row 2 too)
        double[][] c = {{1, 10}, {100, 1000}, {2, 20}, {3, 30}};
        double[][] g = T.function(T.inputs(w, ids), T.grad(T.sum(e.times(T.constant(c))), w)).call(table, idv)
                .toDoubleMatrix();
        assertThat(g).isEqualTo(new double[][] {{100, 1000}, {0, 0}, {6, 60}});
        T.verifyGrad(in -> T.sum(T.embedding((Matrix<F64>) (Object) in.get(0), labels(1, 1, 0)).sqr()),
                List.of(NDArray.of(table)), 1e-6, 1e-6);
        var grid = T.lmatrix("grid");
        assertThat(T.embedding(w, grid).variable().type().rank()).isEqualTo(3);
        assertThatThrownBy(() -> T.function(T.inputs(w, ids), e).call(table, new long[] {3}))
                .isInstanceOf(org.symtensor.error.IndexOutOfRangeException.class).hasMessageContaining("3");
        assertThatThrownBy(() -> T.embedding(w, (Vector) T.dvector("d"))).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("'d'");
    }

    @Test
    void smoothFunctions_secondOrderGradients_matchFiniteDifferences() {
        // the gradient of a cost built from the first gradient: checks the rules of the rules
        List<UnaryOperator<Vector<F64>>> fs = List.of(T::gelu, T::softsign, T::selu, T::elu, x -> T.softmax(x, 0),
                x -> T.logSoftmax(x, 0), x -> T.binaryCrossentropyFromLogits(x, T.constant(new double[] {0, 1, 0.3, 1, 0, 0.5})));
        NDArray point = NDArray.of(new double[] {-1.3, -0.4, 0.2, 0.7, 1.6, 2.4});
        for (UnaryOperator<Vector<F64>> f : fs) {
            T.verifyGrad(in -> {
                Vector<F64> x = (Vector<F64>) (Object) in.get(0);
                Vector<F64> g = T.grad(T.sum(f.apply(x).times(T.constant(new double[] {1, -2, 3, 0.5, -1, 2}))), x);
                return T.sum(g.times(g));
            }, List.of(point), 1e-6, 1e-5);
        }
    }
}
