package org.symtensor.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.T;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/** softmax, logSoftmax and categoricalCrossentropy: values against a plain-Java oracle, gradients against finite differences. */
class SoftmaxTest {
    private static final double[][] X = {{1.0, 2.0, 3.0}, {-1.0, 0.5, 0.0}};
    private static final double[][] T1 = {{0, 0, 1}, {1, 0, 0}};

    private static double[][] oracleSoftmax(double[][] x) {
        double[][] p = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            p[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                s += Math.exp(x[i][j]);
            }
            for (int j = 0; j < x[i].length; j++) {
                p[i][j] = Math.exp(x[i][j]) / s;
            }
        }
        return p;
    }

    private static void assertClose(double[][] actual, double[][] expected, double tol) {
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).containsExactly(expected[i], within(tol));
        }
    }

    @Test
    void softmax_smallInputs_matchesExpOverRowSum() {
        Matrix<F64> x = dmatrix("x");
        assertClose(function(inputs(x), softmax(x)).call((Object) X).toDoubleMatrix(), oracleSoftmax(X), 1e-15);
    }

    @Test
    void softmax_hugeInputs_doesNotOverflow() {
        Matrix<F64> x = dmatrix("x");
        double[][] p = function(inputs(x), softmax(x)).call((Object) new double[][] {{1000, 1001, 1002}}).toDoubleMatrix();
        assertClose(p, oracleSoftmax(new double[][] {{0, 1, 2}}), 1e-15);
    }

    @Test
    void logSoftmax_matchesLogOfSoftmax_evenForHugeInputs() {
        Matrix<F64> x = dmatrix("x");
        double[][] big = {{1000, 1001, 1002}, {-1.0, 0.5, 0.0}};
        double[][] expected = oracleSoftmax(new double[][] {{0, 1, 2}, {-1.0, 0.5, 0.0}});
        for (double[] row : expected) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.log(row[j]);
            }
        }
        assertClose(function(inputs(x), logSoftmax(x)).call((Object) big).toDoubleMatrix(), expected, 1e-12);
    }

    @Test
    void categoricalCrossentropy_oneHotTargets_isMinusLogOfTheTrueClassProbability() {
        Matrix<F64> p = dmatrix("p");
        Matrix<F64> t = dmatrix("t");
        Vector<F64> ce = categoricalCrossentropy(p, t);
        double[][] p0 = {{0.2, 0.3, 0.5}, {0.6, 0.3, 0.1}};

        assertThat(function(inputs(p, t), ce).call(p0, T1).toDoubleArray())
                .containsExactly(new double[] {-Math.log(0.5), -Math.log(0.6)}, within(1e-15));
    }

    @Test
    void categoricalCrossentropy_mismatchedShapes_failsNamingBoth() {
        Matrix<F64> p = constant(new double[][] {{0.5, 0.5}});
        Matrix<F64> t = constant(new double[][] {{1, 0, 0}}).named("targets");

        assertThatThrownBy(() -> categoricalCrossentropy(p, t))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'targets'")
                .hasMessageContaining("(1, 2)")
                .hasMessageContaining("(1, 3)");
    }

    private static void verifyMatrixFn(java.util.function.Function<Matrix<F64>, Matrix<F64>> f, double[][] at) {
        T.verifyGrad(in -> f.apply(new Matrix<>(in.get(0).variable())), List.of(NDArray.of(at)), 1e-6, 1e-6);
    }

    @Test
    void softmax_gradient_matchesFiniteDifferences() {
        verifyMatrixFn(T::softmax, X);
    }

    @Test
    void logSoftmax_gradient_matchesFiniteDifferences() {
        verifyMatrixFn(T::logSoftmax, X);
    }

    @Test
    void softmax_gradientWithTiedRowMaximum_matchesFiniteDifferences() {
        verifyMatrixFn(T::softmax, new double[][] {{2.0, 2.0, 0.5}, {0.0, 0.0, 0.0}});
    }

    @Test
    void categoricalCrossentropyOfSoftmax_gradientWrtLogitsAndTargets_matchesFiniteDifferences() {
        T.verifyGrad(in -> categoricalCrossentropy(softmax(new Matrix<F64>(in.get(0).variable())),
                new Matrix<F64>(in.get(1).variable())), List.of(NDArray.of(X), NDArray.of(T1)), 1e-6, 1e-6);
    }

    @Test
    void softmaxCrossEntropy_gradientWrtLogits_isPMinusTOverBatch() {
        Matrix<F64> x = dmatrix("x");
        Matrix<F64> g = grad(categoricalCrossentropy(softmax(x), constant(T1)).mean(), x);
        double[][] p = oracleSoftmax(X);
        double[][] expected = new double[2][3];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                expected[i][j] = (p[i][j] - T1[i][j]) / 2;
            }
        }
        assertClose(function(inputs(x), g).call((Object) X).toDoubleMatrix(), expected, 1e-15);
    }

    @Test
    void softmax_secondOrder_matchesFiniteDifferences() {
        T.verifyGrad(in -> {
            Matrix<F64> x = new Matrix<>(in.get(0).variable());
            return grad(softmax(x).times(constant(new double[][] {{1, 2, 3}, {-1, 0.5, 2}})).sum(), x);
        }, List.of(NDArray.of(X)), 1e-6, 1e-6);
    }
}
