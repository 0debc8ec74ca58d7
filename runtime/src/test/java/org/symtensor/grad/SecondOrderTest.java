package org.symtensor.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/** Jacobians, Hessians, Hessian-vector products, Rop and Lop against hand math. */
class SecondOrderTest {

    private static double[][] call(Function f, Object... args) {
        return f.call(args).toDoubleMatrix();
    }

    /** Equal within 1e-12 (a product with a zero of the identity seed may be -0.0). */
    private static void assertMatrix(double[][] actual, double[][] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).containsExactly(expected[i], within(1e-12));
        }
    }

    @Test
    void hessian_sumOfCubes_isDiagonalSixX() {
        Vector<F64> x = dvector("x");
        Matrix<F64> h = hessian(x.pow(3).sum(), x);

        assertMatrix(call(function(inputs(x), h), (Object) new double[] {1, -2, 0.5}),
                new double[][] {{6, 0, 0}, {0, -12, 0}, {0, 0, 3}});
    }

    /** The logistic cost mean(xent(sigmoid(X w))) + 0.01 |w|², and its Hessian Xᵀ diag(p(1-p)) X / N + 0.02 I by hand. */
    @Test
    void hessian_logisticCost_isXtDiagPqXOverNPlusRegularizer() {
        double[][] xs = {{1.0, -0.5}, {0.3, 2.0}, {-1.2, 0.7}};
        double[] ys = {1, 0, 1};
        double[] w0 = {0.4, -0.8};
        Matrix<F64> xm = constant(xs);
        Vector<F64> y = constant(ys);
        Vector<F64> w = dvector("w");
        Vector<F64> p = sigmoid(xm.dot(w));
        Vector<F64> xent = y.unaryMinus().times(log(p)).minus(minus(1, y).times(log(minus(1, p))));
        Scalar<F64> cost = xent.mean().plus(w.pow(2).sum().times(0.01));

        double[][] expected = new double[2][2];
        for (int n = 0; n < xs.length; n++) {
            double pn = 1 / (1 + Math.exp(-(xs[n][0] * w0[0] + xs[n][1] * w0[1])));
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    expected[i][j] += xs[n][i] * xs[n][j] * pn * (1 - pn) / xs.length;
                }
            }
        }
        expected[0][0] += 0.02;
        expected[1][1] += 0.02;
        double[][] h = call(function(inputs(w), hessian(cost, w)), (Object) w0);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(h[i][j]).as("H[%d][%d]", i, j).isCloseTo(expected[i][j], within(1e-12));
            }
        }
    }

    @Test
    void hessianVectorProduct_equalsHessianTimesV() {
        Vector<F64> x = dvector("x");
        Vector<F64> v = dvector("v");
        Scalar<F64> cost = exp(x).times(x.pow(2)).sum().plus(x.dot(x).pow(2));
        double[] x0 = {0.3, -0.7, 1.1};
        double[] v0 = {1.5, 0.25, -2.0};

        double[][] h = call(function(inputs(x), hessian(cost, x)), (Object) x0);
        double[] hv = function(inputs(x, v), hessianVectorProduct(cost, x, v)).call(x0, v0).toDoubleArray();
        for (int i = 0; i < 3; i++) {
            double expected = h[i][0] * v0[0] + h[i][1] * v0[1] + h[i][2] * v0[2];
            assertThat(hv[i]).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void jacobian_squares_isDiagonalTwoX() {
        Vector<F64> x = dvector("x");
        assertMatrix(call(function(inputs(x), jacobian(x.pow(2), x)), (Object) new double[] {4, -1.5}),
                new double[][] {{8, 0}, {0, -3}});
    }

    @Test
    void jacobian_sigmoid_isDiagonalSTimesOneMinusS() {
        Vector<F64> x = dvector("x");
        double[] x0 = {0.5, -2.0, 1.0};
        double[][] j = call(function(inputs(x), jacobian(sigmoid(x), x)), (Object) x0);
        for (int a = 0; a < 3; a++) {
            double s = 1 / (1 + Math.exp(-x0[a]));
            for (int b = 0; b < 3; b++) {
                assertThat(j[a][b]).isCloseTo(a == b ? s * (1 - s) : 0, within(1e-15));
            }
        }
    }

    @Test
    void jacobian_matrixVectorProductWrtX_isW() {
        Matrix<F64> w = dmatrix("W");
        Vector<F64> x = dvector("x");
        double[][] w0 = {{1, 2, 3}, {4, 5, 6}};
        Function f = function(inputs(w, x), jacobian(w.dot(x), x));
        assertThat(call(f, w0, new double[] {7, 8, 9})).isEqualTo(w0);
    }

    @Test
    void jacobian_matrixVectorProductWrtW_isDeltaTimesX() {
        Matrix<F64> w = dmatrix("W");
        Vector<F64> x = dvector("x");
        Tensor3<F64> j = jacobian(w.dot(x), w);
        double[] x0 = {7, 8, 9};
        NDArray r = function(inputs(w, x), j).call(new double[][] {{1, 2, 3}, {4, 5, 6}}, x0);

        assertThat(r.shape()).containsExactly(2, 2, 3);
        for (int i = 0; i < 2; i++) {
            for (int a = 0; a < 2; a++) {
                for (int k = 0; k < 3; k++) {
                    assertThat(r.getDoubleAt(i, a, k)).isEqualTo(i == a ? x0[k] : 0);
                }
            }
        }
    }

    @Test
    void jacobian_ofScalarOnlyInOneEntry_isZeroElsewhere() {
        Vector<F64> x = dvector("x");
        Scalar<F64> s = dscalar("s");
        Vector<F64> y = x.times(s);
        Function f = function(inputs(x, s), jacobian(y, s));
        assertThat(f.call(new double[] {2, -3}, 5.0).toDoubleArray()).containsExactly(2, -3);
    }

    @Test
    void rop_matrixVectorProduct_matchesTheanoTutorial() {
        Matrix<F64> w = dmatrix("W");
        Matrix<F64> v = dmatrix("V");
        Vector<F64> x = dvector("x");
        Function f = function(inputs(w, v, x), Rop(w.dot(x), w, v));
        double[] r = f.call(new double[][] {{1, 1}, {1, 1}}, new double[][] {{2, 2}, {2, 2}}, new double[] {0, 1})
                .toDoubleArray();
        assertThat(r).containsExactly(2, 2);
    }

    @Test
    void rop_elementwiseFunction_isDerivativeTimesV() {
        Vector<F64> x = dvector("x");
        Vector<F64> v = dvector("v");
        Function f = function(inputs(x, v), Rop(x.pow(3), x, v));
        double[] r = f.call(new double[] {1, 2, -1}, new double[] {1, 0.5, 2}).toDoubleArray();
        assertThat(r).containsExactly(3, 6, 6);
    }

    @Test
    void lop_matrixVectorProduct_matchesTheanoTutorial() {
        Matrix<F64> w = dmatrix("W");
        Vector<F64> v = dvector("v");
        Vector<F64> x = dvector("x");
        Function f = function(inputs(v, x), Lop(w.dot(x), w, v));
        assertThat(call(f, new double[] {2, 2}, new double[] {0, 1})).isEqualTo(new double[][] {{0, 2}, {0, 2}});
    }

    @Test
    void lop_wrtX_isVTimesW() {
        Matrix<F64> w = dmatrix("W");
        Vector<F64> v = dvector("v");
        Vector<F64> x = dvector("x");
        // the Lop of a linear map does not depend on x
        Function f = function(inputs(w, v), Lop(w.dot(x), x, v));
        double[] r = f.call(new double[][] {{1, 2}, {3, 4}}, new double[] {1, -1}).toDoubleArray();
        assertThat(r).containsExactly(-2, -2);
    }
}
