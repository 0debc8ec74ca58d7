package org.symtensor.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.*;
import static org.symtensor.grad.GradCheck.mat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.symtensor.error.GradientException;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * Gradients of the linear algebra ops beyond the first-order table of {@link GradRuleTableTest}:
 * hand-computed values, second order by finite differences of the gradient, Jacobians through
 * batched products, float32, and the ops that have no gradient.
 */
class LinAlgGradTest {
    private static final NDArray GEN = mat(new double[] {2, -1, 0.5}, new double[] {0.3, 1.5, -0.7},
            new double[] {1.1, 0.4, 2.2});
    private static final NDArray SPD = mat(new double[] {4, 1, 0.5}, new double[] {1, 3, 0.2}, new double[] {0.5, 0.2, 2});
    private static final NDArray TALL = mat(new double[] {1.1, -0.4}, new double[] {0.9, 2.2}, new double[] {-1.3, 0.5});
    /** A fixed weighting, so a matrix output's cost is not a symmetric sum. */
    private static final double[][] W = {{0.3, -1.2, 0.7}, {1.5, 0.2, -0.4}, {-0.6, 0.9, 1.1}};

    @Test
    void grad_det_twoByTwo_isTheCofactorMatrix() {
        Matrix<F64> a = dmatrix("A");

        double[][] g = function(inputs(a), grad(det(a), a)).call((Object) new double[][] {{4, 7}, {2, 6}}).toDoubleMatrix();

        double[][] cofactors = {{6, -2}, {-7, 4}};
        for (int i = 0; i < 2; i++) {
            assertThat(g[i]).containsExactly(cofactors[i], within(1e-13));
        }
    }

    @Test
    void grad_logAbsDet_isTheInverseTransposed_andTheSignHasNone() {
        Matrix<F64> a = dmatrix("A");
        double[][] m = {{4, 7}, {2, 6}};

        double[][] g = function(inputs(a), grad(slogdet(a).logAbsDet(), a)).call((Object) m).toDoubleMatrix();
        double[][] gs = function(inputs(a), grad(slogdet(a).sign(), a)).call((Object) m).toDoubleMatrix();

        assertThat(g[0]).containsExactly(new double[] {0.6, -0.2}, within(1e-14));
        assertThat(g[1]).containsExactly(new double[] {-0.7, 0.4}, within(1e-14));
        assertThat(gs).isEqualTo(new double[][] {{0, 0}, {0, 0}});
    }

    /** The gradient of {@code sum(f(x) * W)} (or of f(x) itself when scalar), as a function of x. */
    private static Tensor<?> gradOf(Matrix<F64> x, UnaryOperator<Tensor<?>> f) {
        Tensor<?> y = f.apply(x);
        Tensor<?> cost = y.variable().type().rank() == 2 && y.variable().type().dim(0) == 3 && y.variable().type().dim(1) == 3
                ? sum(((Matrix<F64>) y).times(constant(W))) : sum((Tensor<F64>) y);
        return grad(cost, x);
    }

    private static void secondOrder(NDArray point, UnaryOperator<Tensor<?>> f) {
        verifyGrad(in -> gradOf((Matrix<F64>) in.get(0), f), List.of(point), 1e-6, 1e-6);
    }

    @Test
    @SuppressWarnings("unchecked")
    void secondOrder_byFiniteDifferencesOfTheGradient() {
        secondOrder(GEN, x -> inverse((Matrix<F64>) x));
        secondOrder(GEN, x -> det((Matrix<F64>) x));
        secondOrder(GEN, x -> slogdet((Matrix<F64>) x).logAbsDet());
        secondOrder(GEN, x -> solve((Matrix<F64>) x, constant(new double[] {0.5, -1.5, 2.0})));
        secondOrder(SPD, x -> cholesky((Matrix<F64>) x));
        secondOrder(SPD, x -> eigvalsh((Matrix<F64>) x));
        secondOrder(SPD, x -> eigh((Matrix<F64>) x).vectors());
        secondOrder(TALL, x -> pinv((Matrix<F64>) x));
        secondOrder(GEN, x -> matmul((Matrix<F64>) x, (Matrix<F64>) x));
        secondOrder(GEN, x -> trace(matmul((Matrix<F64>) x, (Matrix<F64>) x)));
        secondOrder(GEN, x -> norm((Matrix<F64>) x));
    }

    @Test
    void secondOrder_throughTheSingularValues_isRefused_becauseTheVectorsHaveNoGradient() {
        Matrix<F64> x = dmatrix("x");
        Scalar<F64> first = sum(grad(sum(svd(x)), x));

        assertThatThrownBy(() -> grad(first, x)).isInstanceOf(GradientException.class)
                .hasMessageContaining("singular vectors").hasMessageContaining("no gradient");
    }

    @Test
    void grad_qrAndSvdVectors_failNamingTheInput_whileTheSingularValuesOfSvdVectorsWork() {
        Matrix<F64> x = dmatrix("x");

        assertThatThrownBy(() -> grad(sum(qr(x).r()), x)).isInstanceOf(GradientException.class)
                .hasMessageContaining("qr").hasMessageContaining("'x'").hasMessageContaining("no gradient");
        assertThatThrownBy(() -> grad(sum(svdVectors(x).u()), x)).isInstanceOf(GradientException.class)
                .hasMessageContaining("'x'");
        double[][] viaVectors = function(inputs(x), grad(sum(svdVectors(x).s()), x)).call((Object) TALL.toDoubleMatrix())
                .toDoubleMatrix();
        double[][] viaValues = function(inputs(x), grad(sum(svd(x)), x)).call((Object) TALL.toDoubleMatrix())
                .toDoubleMatrix();
        for (int i = 0; i < 3; i++) {
            assertThat(viaVectors[i]).containsExactly(viaValues[i], within(1e-14));
        }
    }

    @Test
    void jacobian_throughMatmulInverseTrilAndSvd_rowByRowEqualsTheGradients() {
        Matrix<F64> x = dmatrix("x");
        Vector<F64> y = sum(matmul(inverse(x), tril(x.times(x))), 1).plus(svd(x));
        Tensor3<F64> j = jacobian(y, x);

        NDArray jv = function(inputs(x), j).call((Object) GEN.toDoubleMatrix());

        for (int i = 0; i < 3; i++) {
            double[][] gi = function(inputs(x), grad(y.get(i), x)).call((Object) GEN.toDoubleMatrix()).toDoubleMatrix();
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    assertThat(jv.getDoubleAt(i, a, b)).isCloseTo(gi[a][b], within(1e-12));
                }
            }
        }
    }

    @Test
    void jacobian_throughMatmulOfStacks_broadcastMatrixGetsTheSummedGradient() {
        Matrix<F64> m = dmatrix("m");
        Tensor3<F64> s = dtensor3("s");
        // y[i] = sum over the batch and columns of (m·s[t])[i, :] = m[i, :]·(Σ_t rowsums of s[t])
        Vector<F64> y = sum(sum(matmul(m, s), 2), 0);
        double[][][] sv = {{{1, 2}, {0.5, -1}}, {{-2, 1}, {3, 0.25}}};
        double[] rowSums = {1 + 2 - 2 + 1, 0.5 - 1 + 3 + 0.25};

        NDArray jv = function(inputs(m, s), jacobian(y, m)).call(new double[][] {{1, 2}, {3, 4}}, sv);

        for (int i = 0; i < 2; i++) {
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    assertThat(jv.getDoubleAt(i, a, b)).isCloseTo(i == a ? rowSums[b] : 0, within(1e-14));
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void grad_matmul_aStaticallyBroadcastBatchAxis_sumsOverTheBatch() {
        Tensor3<F64> x = new Tensor3<>(tensor(F64.class, "x", 1, -1, -1).variable());
        Tensor3<F64> y = dtensor3("y");
        double[][][] xv = {{{1, 2}, {-1, 0.5}}};
        double[][][] yv = {{{1, 0, 2}, {3, -1, 1}}, {{0.5, 2, -2}, {1, 1, 1}}, {{0, 1, 0}, {2, 0, -1}}};

        NDArray g = function(inputs(x, y), grad(sum(matmul(x, y)), x)).call(xv, yv);

        // d/dx[0, i, k] of Σ_b Σ_i Σ_j x[0, i, k]·y[b, k, j] = Σ_b Σ_j y[b, k, j], the same for every row i
        assertThat(g.shape()).containsExactly(1, 2, 2);
        double[] rowSums = new double[2];
        for (double[][] yb : yv) {
            for (int k = 0; k < 2; k++) {
                for (double v : yb[k]) {
                    rowSums[k] += v;
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 2; k++) {
                assertThat(g.getDoubleAt(0, i, k)).isCloseTo(rowSums[k], within(1e-14));
            }
        }
    }

    @Test
    void jacobian_throughDet_rowByRowEqualsTheGradients() {
        Matrix<F64> x = dmatrix("x");
        Vector<F64> y = x.get(0).times(det(x));
        double[][] m = GEN.toDoubleMatrix();

        NDArray jv = function(inputs(x), jacobian(y, x)).call((Object) m);

        for (int i = 0; i < 3; i++) {
            double[][] gi = function(inputs(x), grad(y.get(i), x)).call((Object) m).toDoubleMatrix();
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    assertThat(jv.getDoubleAt(i, a, b)).isCloseTo(gi[a][b], within(1e-12));
                }
            }
        }
    }

    @Test
    void jacobian_throughSolve_isRefusedWithAReason() {
        Matrix<F64> a = dmatrix("A");
        Vector<F64> b = dvector("b");

        assertThatThrownBy(() -> jacobian(solve(a, b), b)).isInstanceOf(GradientException.class)
                .hasMessageContaining("solve").hasMessageContaining("Jacobians");
    }

    @Test
    void grad_float32_keepsTheDtype_andAgreesWithFloat64() {
        Matrix<F32> a = fmatrix("A");
        Matrix<F32> g = grad(det(inverse(a)), a);

        NDArray r = function(inputs(a), g).call((Object) new float[][] {{4, 7}, {2, 6}});

        assertThat(r.dtype()).isEqualTo(DType.FLOAT32);
        // det(A⁻¹) = 1/det(A): its gradient is -A⁻ᵀ/det(A) = -[[0.6, -0.2], [-0.7, 0.4]]/10
        assertThat(r.toFloatMatrix()[0]).containsExactly(new float[] {-0.06f, 0.02f}, within(1e-7f));
        assertThat(r.toFloatMatrix()[1]).containsExactly(new float[] {0.07f, -0.04f}, within(1e-7f));
    }
}
