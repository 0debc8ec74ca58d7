package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.dsl.LinAlgFunctions;
import org.symtensor.dsl.LinAlgFunctions.NormOrd;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.InvalidValueException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/**
 * Values of the linear algebra ops against hand-computed results, identities ({@code A·A⁻¹ = I},
 * {@code L·Lᵀ = A}, {@code Q·R = A}, {@code U·S·Vᵀ = A}) and a plain Gauss-Jordan elimination
 * written here (not the code under test); float32 results; bad inputs.
 */
class LinAlgTest {
    private static final double[][] A4 = {
        {4, -2, 1, 0.5}, {3, 6, -1, 2}, {-1, 0.5, 5, 1}, {2, 1, -3, 7}};
    private static final double[][] SPD = {{4, 1, 0.5}, {1, 3, 0.2}, {0.5, 0.2, 2}};
    private static final double[][] TALL = {{1.1, -0.4}, {0.9, 2.2}, {-1.3, 0.5}};

    // ---- an independent oracle: Gauss-Jordan elimination with partial pivoting -----------------

    /** {@code [inverse, det]} of a square matrix by Gauss-Jordan elimination; det 0 and null inverse when singular. */
    private static Object[] gaussJordan(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        double det = 1;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            if (m[p][c] == 0) {
                return new Object[] {null, 0.0};
            }
            if (p != c) {
                double[] t = m[p];
                m[p] = m[c];
                m[c] = t;
                det = -det;
            }
            double piv = m[c][c];
            det *= piv;
            for (int j = 0; j < 2 * n; j++) {
                m[c][j] /= piv;
            }
            for (int r = 0; r < n; r++) {
                if (r != c && m[r][c] != 0) {
                    double f = m[r][c];
                    for (int j = 0; j < 2 * n; j++) {
                        m[r][j] -= f * m[c][j];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inv[i], 0, n);
        }
        return new Object[] {inv, det};
    }

    private static double[][] mul(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int k = 0; k < b.length; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static double[][] t(double[][] a) {
        double[][] r = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                r[j][i] = a[i][j];
            }
        }
        return r;
    }

    private static double[][] eye(int n) {
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            r[i][i] = 1;
        }
        return r;
    }

    private static void assertClose(double[][] actual, double[][] expected, double tol) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].length).isEqualTo(expected[i].length);
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(actual[i][j]).as("[%d][%d]", i, j).isCloseTo(expected[i][j], within(tol));
            }
        }
    }

    private static double[][] eval(Matrix<F64> a, Tensor<?> out, double[][] value) {
        return function(inputs(a), out).call((Object) value).toDoubleMatrix();
    }

    // ---- products and diagonals ------------------------------------------------------------

    @Test
    void outer_isTheTableOfProducts() {
        Vector<F64> a = dvector("a");
        Vector<F64> b = dvector("b");

        double[][] r = function(inputs(a, b), outer(a, b)).call(new double[] {1, -2}, new double[] {3, 0.5, 4}).toDoubleMatrix();

        assertThat(r).isEqualTo(new double[][] {{3, 0.5, 4}, {-6, -1, -8}});
    }

    @Test
    void traceAndDiag_bothWays_byHand() {
        Matrix<F64> a = dmatrix("a");
        Vector<F64> v = dvector("v");
        double[][] m = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};

        assertThat(function(inputs(a), trace(a)).call((Object) m).toDouble()).isEqualTo(15.0);
        assertThat(function(inputs(a), diag(a)).call((Object) m).toDoubleArray()).containsExactly(1, 5, 9);
        assertThat(function(inputs(v), diag(v)).call((Object) new double[] {2, -1}).toDoubleMatrix())
                .isEqualTo(new double[][] {{2, 0}, {0, -1}});
        assertThat(function(inputs(a), tril(a)).call((Object) m).toDoubleMatrix())
                .isEqualTo(new double[][] {{1, 0, 0}, {4, 5, 0}, {7, 8, 9}});
    }

    @Test
    void diagOfIntegers_keepsTheDtype() {
        Matrix<I64> a = lmatrix("a");

        NDArray r = function(inputs(a), diag(a)).call((Object) new long[][] {{Long.MAX_VALUE, 1}, {2, -7}});

        assertThat(r.dtype()).isEqualTo(DType.INT64);
        assertThat(r.toLongArray()).containsExactly(Long.MAX_VALUE, -7);
    }

    @Test
    void diag_ofANonSquareMatrix_failsNamingIt() {
        Matrix<F64> a = dmatrix("rect");
        Function f = function(inputs(a), diag(a));

        assertThatThrownBy(() -> f.call((Object) new double[][] {{1, 2, 3}, {4, 5, 6}}))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("'rect'").hasMessageContaining("(2, 3)");
    }

    @Test
    void matmul_rankThree_isOneProductPerBatchEntry() {
        Tensor3<F64> a = dtensor3("a");
        Tensor3<F64> b = dtensor3("b");
        double[][][] av = {{{1, 2, 3}, {4, 5, 6}}, {{-1, 0.5, 2}, {0, 3, -2}}};
        double[][][] bv = {{{1, 0}, {0, 1}, {2, -1}}, {{0.5, 1}, {1, -1}, {3, 0.25}}};

        NDArray r = function(inputs(a, b), matmul(a, b)).call(av, bv);
        NDArray r2 = function(inputs(a, b), batchedDot(a, b)).call(av, bv);

        assertThat(r.shape()).containsExactly(2, 2, 2);
        for (int t = 0; t < 2; t++) {
            double[][] expected = mul(av[t], bv[t]);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    assertThat(r.getDoubleAt(t, i, j)).isCloseTo(expected[i][j], within(1e-12));
                    assertThat(r2.getDoubleAt(t, i, j)).isCloseTo(expected[i][j], within(1e-12));
                }
            }
        }
    }

    @Test
    void matmul_matrixWithStack_broadcastsTheMatrix_bothSides() {
        Matrix<F64> m = dmatrix("m");
        Tensor3<F64> s = dtensor3("s");
        double[][] mv = {{1, 2}, {3, -1}};
        double[][][] sv = {{{1, 0}, {0, 1}}, {{2, 1}, {-1, 0.5}}, {{0, 3}, {1, 1}}};

        NDArray left = function(inputs(m, s), matmul(m, s)).call(mv, sv);
        NDArray right = function(inputs(m, s), matmul(s, m)).call(mv, sv);

        assertThat(left.shape()).containsExactly(3, 2, 2);
        for (int t = 0; t < 3; t++) {
            double[][] l = mul(mv, sv[t]);
            double[][] r = mul(sv[t], mv);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    assertThat(left.getDoubleAt(t, i, j)).isCloseTo(l[i][j], within(1e-12));
                    assertThat(right.getDoubleAt(t, i, j)).isCloseTo(r[i][j], within(1e-12));
                }
            }
        }
    }

    @Test
    void matmul_float32AndIntegers_keepTheirDtypes() {
        Matrix<F32> a = fmatrix("a");
        Matrix<I64> i = lmatrix("i");

        NDArray f = function(inputs(a), matmul(a, a)).call((Object) new float[][] {{1, 2}, {3, 4}});
        NDArray l = function(inputs(i), matmul(i, i)).call((Object) new long[][] {{1, 2}, {3, 4}});

        assertThat(f.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(f.toFloatMatrix()).isEqualTo(new float[][] {{7, 10}, {15, 22}});
        assertThat(l.dtype()).isEqualTo(DType.INT64);
        assertThat(l.reshape(4).toLongArray()).containsExactly(7, 10, 15, 22);
    }

    @Test
    void batchedDot_ofRowStacks_isTheRowwiseDotProduct() {
        Matrix<F64> a = dmatrix("a");
        Matrix<F64> b = dmatrix("b");

        double[] r = function(inputs(a, b), batchedDot(a, b))
                .call(new double[][] {{1, 2}, {3, 4}}, new double[][] {{5, 6}, {-1, 0.5}}).toDoubleArray();

        assertThat(r).containsExactly(17, -1);
    }

    @Test
    void matmul_innerDimensionsDiffer_namesBothShapes_atBuildAndAtCallTime() {
        Matrix<F64> p = new Matrix<>(tensor(F64.class, "p", 2, 3).variable());
        Matrix<F64> q = new Matrix<>(tensor(F64.class, "q", 2, 3).variable());
        assertThatThrownBy(() -> matmul(p, q)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'p'").hasMessageContaining("'q'").hasMessageContaining("(2, 3)");

        Tensor3<F64> a = dtensor3("a");
        Tensor3<F64> b = dtensor3("b");
        Function f = function(inputs(a, b), matmul(a, b));
        assertThatThrownBy(() -> f.call(new double[2][2][3], new double[2][2][2])).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'a' has shape (2, 2, 3)").hasMessageContaining("'b' has shape (2, 2, 2)");
        assertThatThrownBy(() -> f.call(new double[2][2][3], new double[3][3][2])).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("batch axes do not broadcast");
    }

    @Test
    void matmul_ofVectors_isRefusedPointingToDot() {
        assertThatThrownBy(() -> matmul(dvector("v"), dvector("w"))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("use dot for vectors").hasMessageContaining("'v'");
    }

    // ---- inverse, det, slogdet, solve ----------------------------------------------------------

    @Test
    void inverse_twoByTwo_byHand_andFourByFour_againstGaussJordan() {
        Matrix<F64> a = dmatrix("A");

        assertClose(eval(a, inverse(a), new double[][] {{4, 7}, {2, 6}}), new double[][] {{0.6, -0.7}, {-0.2, 0.4}}, 1e-15);
        double[][] inv = eval(a, inverse(a), A4);
        assertClose(inv, (double[][]) gaussJordan(A4)[0], 1e-13);
        assertClose(mul(A4, inv), eye(4), 1e-13);
    }

    @Test
    void inverse_float32_computesInDoubleAndRoundsBack() {
        Matrix<F32> a = fmatrix("A");

        NDArray r = function(inputs(a), inverse(a)).call((Object) new float[][] {{4, 7}, {2, 6}});

        assertThat(r.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(r.toFloatMatrix()).isEqualTo(new float[][] {{0.6f, -0.7f}, {-0.2f, 0.4f}});
    }

    @Test
    void inverse_ofASingularMatrix_failsNamingTheVariable() {
        Matrix<F64> a = dmatrix("A");
        Function f = function(inputs(a), inverse(a));

        assertThatThrownBy(() -> f.call((Object) new double[][] {{1, 2}, {2, 4}})).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'A'").hasMessageContaining("singular");
        assertThatThrownBy(() -> f.call((Object) new double[][] {{1, 2, 3}, {4, 5, 6}}))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("'A'").hasMessageContaining("square");
    }

    @Test
    void decompositions_refuseIntegersAndWrongRanks_atBuildTime() {
        assertThatThrownBy(() -> org.symtensor.ir.LinAlg.apply1(org.symtensor.ir.LinAlg.Kind.INVERSE, lmatrix("k").variable()))
                .isInstanceOf(DTypeMismatchException.class).hasMessageContaining("'k'").hasMessageContaining("int64");
        assertThatThrownBy(() -> org.symtensor.ir.LinAlg.apply1(org.symtensor.ir.LinAlg.Kind.DET, dvector("v").variable()))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("'v'").hasMessageContaining("rank 2");
        Matrix<F64> rect = new Matrix<>(tensor(F64.class, "rect", 2, 3).variable());
        assertThatThrownBy(() -> cholesky(rect)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'rect'").hasMessageContaining("(2, 3)");
    }

    @Test
    void det_byHand_permutationSign_triangularProduct_andGaussJordan() {
        Matrix<F64> a = dmatrix("A");
        Function f = function(inputs(a), det(a));

        assertThat(f.call((Object) new double[][] {{4, 7}, {2, 6}}).toDouble()).isCloseTo(10, within(1e-13));
        assertThat(f.call((Object) new double[][] {{0, 1}, {1, 0}}).toDouble()).isCloseTo(-1, within(1e-15));
        assertThat(f.call((Object) new double[][] {{2, 0, 0}, {5, -3, 0}, {1, 7, 0.5}}).toDouble()).isCloseTo(-3, within(1e-14));
        assertThat(f.call((Object) A4).toDouble()).isCloseTo((double) gaussJordan(A4)[1], within(1e-10));
        assertThat(f.call((Object) new double[][] {{1, 2}, {2, 4}}).toDouble()).isZero();
        assertThat(f.call((Object) new double[0][0]).toDouble()).isEqualTo(1.0);
    }

    @Test
    void emptyMatrices_giveEmptyResults() {
        Matrix<F64> a = dmatrix("A");

        assertThat(function(inputs(a), inverse(a)).call((Object) new double[0][0]).shape()).containsExactly(0, 0);
        assertThat(function(inputs(a), svd(a)).call((Object) new double[3][0]).shape()).containsExactly(0);
        assertThat(function(inputs(a), pinv(a)).call((Object) new double[3][0]).shape()).containsExactly(0, 3);
        assertThat(function(inputs(a), matmul(a, a)).call((Object) new double[0][0]).shape()).containsExactly(0, 0);
    }

    @Test
    void slogdet_agreesWithDet_andDoesNotOverflowWhereDetDoes() {
        Matrix<F64> a = dmatrix("A");
        LinAlgFunctions.Slogdet<F64> s = slogdet(a);
        Function f = function(inputs(a), outputs(s.sign(), s.logAbsDet(), det(a)));

        List<NDArray> r = f.callAll((Object) A4);
        double d = (double) gaussJordan(A4)[1];
        assertThat(r.get(0).toDouble()).isEqualTo(Math.signum(d));
        assertThat(r.get(1).toDouble()).isCloseTo(Math.log(Math.abs(d)), within(1e-13));

        double[][] big = new double[120][120];
        for (int i = 0; i < 120; i++) {
            big[i][i] = i % 2 == 0 ? 1e3 : -1e3; // det = (-1)^60 * 1e360: overflows
        }
        List<NDArray> rb = f.callAll((Object) big);
        assertThat(rb.get(2).toDouble()).isInfinite();
        assertThat(rb.get(0).toDouble()).isEqualTo(1.0);
        assertThat(rb.get(1).toDouble()).isCloseTo(360 * Math.log(10), within(1e-10));

        List<NDArray> rs = f.callAll((Object) new double[][] {{1, 2}, {2, 4}});
        assertThat(rs.get(0).toDouble()).isZero();
        assertThat(rs.get(1).toDouble()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void solve_vectorAndMatrixRightHandSides_againstGaussJordan() {
        Matrix<F64> a = dmatrix("A");
        Vector<F64> b = dvector("b");
        Matrix<F64> bm = dmatrix("B");
        double[][] inv = (double[][]) gaussJordan(A4)[0];
        double[] bv = {1, -2, 0.5, 3};
        double[][] bmv = {{1, 0}, {-2, 1}, {0.5, 2}, {3, -1}};

        double[] x = function(inputs(a, b), solve(a, b)).call(A4, bv).toDoubleArray();
        double[][] xm = function(inputs(a, bm), solve(a, bm)).call(A4, bmv).toDoubleMatrix();

        double[][] expected = mul(inv, t(new double[][] {bv}));
        for (int i = 0; i < 4; i++) {
            assertThat(x[i]).isCloseTo(expected[i][0], within(1e-13));
        }
        assertClose(xm, mul(inv, bmv), 1e-13);
    }

    @Test
    void solve_badInputs_nameTheVariablesAndShapes() {
        Matrix<F64> a = dmatrix("A");
        Vector<F64> b = dvector("b");
        Function f = function(inputs(a, b), solve(a, b));

        assertThatThrownBy(() -> f.call(new double[][] {{1, 2}, {2, 4}}, new double[] {1, 2}))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("'A'").hasMessageContaining("singular");
        assertThatThrownBy(() -> f.call(new double[][] {{1, 2}, {3, 4}}, new double[] {1, 2, 3}))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("'A' has shape (2, 2)")
                .hasMessageContaining("'b' has shape (3,)");
        Matrix<F64> a2 = new Matrix<>(tensor(F64.class, "A2", 2, 2).variable());
        Vector<F64> b3 = new Vector<>(tensor(F64.class, "b3", 3).variable());
        assertThatThrownBy(() -> solve(a2, b3)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'A2'").hasMessageContaining("'b3'");
    }

    // ---- cholesky, eigh, svd, qr, pinv ---------------------------------------------------------

    @Test
    void cholesky_byHand_andLTimesLTransposeIsA() {
        Matrix<F64> a = dmatrix("A");

        assertClose(eval(a, cholesky(a), new double[][] {{4, 2}, {2, 3}}), new double[][] {{2, 0}, {1, Math.sqrt(2)}}, 1e-15);
        double[][] l = eval(a, cholesky(a), SPD);
        assertClose(mul(l, t(l)), SPD, 1e-14);
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                assertThat(l[i][j]).isZero();
            }
        }
    }

    @Test
    void cholesky_readsTheLowerTriangleOnly_andRefusesNonPositiveDefinite() {
        Matrix<F64> a = dmatrix("cov");
        Function f = function(inputs(a), cholesky(a));

        assertClose(f.call((Object) new double[][] {{4, 99}, {2, 3}}).toDoubleMatrix(),
                new double[][] {{2, 0}, {1, Math.sqrt(2)}}, 1e-15);
        assertThatThrownBy(() -> f.call((Object) new double[][] {{1, 2}, {2, 1}})).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'cov'").hasMessageContaining("not positive definite");
    }

    @Test
    void eigh_byHand_andTheEigenEquation() {
        Matrix<F64> a = dmatrix("A");
        LinAlgFunctions.Eigh<F64> e = eigh(a);
        Function f = function(inputs(a), outputs(e.values(), e.vectors()));

        List<NDArray> r = f.callAll((Object) new double[][] {{2, 1}, {1, 2}});
        assertThat(r.get(0).toDoubleArray()).containsExactly(new double[] {1, 3}, within(1e-14));
        double s = Math.sqrt(0.5);
        // columns (-s, s) and (s, s), each with its largest entry (the first of equals) made positive
        assertClose(r.get(1).toDoubleMatrix(), new double[][] {{s, s}, {-s, s}}, 1e-14);

        List<NDArray> r4 = f.callAll((Object) SPD);
        double[] w = r4.get(0).toDoubleArray();
        double[][] v = r4.get(1).toDoubleMatrix();
        assertThat(w[0]).isLessThan(w[1]);
        assertThat(w[1]).isLessThan(w[2]);
        double[][] vw = mul(v, new double[][] {{w[0], 0, 0}, {0, w[1], 0}, {0, 0, w[2]}});
        assertClose(mul(SPD, v), vw, 1e-13);
        assertClose(mul(t(v), v), eye(3), 1e-13);
        assertThat(function(inputs(a), eigvalsh(a)).call((Object) SPD).toDoubleArray()).containsExactly(w, within(0.0));
    }

    @Test
    void svd_byHand_andUsvIsA_forTallAndWide() {
        Matrix<F64> a = dmatrix("A");
        assertThat(function(inputs(a), svd(a)).call((Object) new double[][] {{3, 0}, {0, -4}}).toDoubleArray())
                .containsExactly(new double[] {4, 3}, within(1e-14));

        LinAlgFunctions.Svd<F64> d = svdVectors(a);
        Function f = function(inputs(a), outputs(d.u(), d.s(), d.vt()));
        for (double[][] m : new double[][][] {TALL, t(TALL)}) {
            List<NDArray> r = f.callAll((Object) m);
            double[][] u = r.get(0).toDoubleMatrix();
            double[] s = r.get(1).toDoubleArray();
            double[][] vt = r.get(2).toDoubleMatrix();
            assertThat(s[0]).isGreaterThan(s[1]);
            double[][] us = new double[u.length][2];
            for (int i = 0; i < u.length; i++) {
                for (int j = 0; j < 2; j++) {
                    us[i][j] = u[i][j] * s[j];
                }
            }
            assertClose(mul(us, vt), m, 1e-13);
            assertClose(mul(t(u), u), eye(2), 1e-13);
            assertClose(mul(vt, t(vt)), eye(2), 1e-13);
        }
    }

    @Test
    void qr_qTimesRIsA_qOrthonormal_rUpperTriangular() {
        Matrix<F64> a = dmatrix("A");
        LinAlgFunctions.Qr<F64> qr = qr(a);
        Function f = function(inputs(a), outputs(qr.q(), qr.r()));

        for (double[][] m : new double[][][] {TALL, t(TALL), A4}) {
            List<NDArray> r = f.callAll((Object) m);
            double[][] q = r.get(0).toDoubleMatrix();
            double[][] rr = r.get(1).toDoubleMatrix();
            int k = Math.min(m.length, m[0].length);
            assertThat(r.get(0).shape()).containsExactly(m.length, k);
            assertThat(r.get(1).shape()).containsExactly(k, m[0].length);
            assertClose(mul(q, rr), m, 1e-13);
            assertClose(mul(t(q), q), eye(k), 1e-13);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < i; j++) {
                    assertThat(rr[i][j]).isZero();
                }
            }
        }
    }

    @Test
    void pinv_ofTall_isTheLeastSquaresInverse_andOfSquareTheInverse() {
        Matrix<F64> a = dmatrix("A");

        double[][] p = eval(a, pinv(a), TALL);
        double[][] ata = mul(t(TALL), TALL);
        assertClose(p, mul((double[][]) gaussJordan(ata)[0], t(TALL)), 1e-13);
        assertClose(eval(a, pinv(a), A4), (double[][]) gaussJordan(A4)[0], 1e-13);
        // a rank-one matrix: A·A⁺·A = A, and A⁺ = Aᵀ/‖A‖²_F for rank one
        double[][] r1 = {{1, 2}, {2, 4}, {3, 6}};
        double[][] pr = eval(a, pinv(a), r1);
        assertClose(mul(mul(r1, pr), r1), r1, 1e-13);
        double fro2 = 1 + 4 + 4 + 16 + 9 + 36;
        double[][] expected = t(r1);
        for (double[] row : expected) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= fro2;
            }
        }
        assertClose(pr, expected, 1e-14);
    }

    // ---- norms ----------------------------------------------------------------------------

    @Test
    void norm_ofVectors_byHand() {
        Vector<F64> v = dvector("v");
        double[] x = {3, -4, 0, 12};

        assertThat(function(inputs(v), norm(v)).call((Object) x).toDouble()).isEqualTo(13.0);
        assertThat(function(inputs(v), norm(v, NormOrd.FRO)).call((Object) x).toDouble()).isEqualTo(13.0);
        assertThat(function(inputs(v), norm(v, NormOrd.ONE)).call((Object) x).toDouble()).isEqualTo(19.0);
        assertThat(function(inputs(v), norm(v, NormOrd.INF)).call((Object) x).toDouble()).isEqualTo(12.0);
    }

    @Test
    void norm_ofMatrices_byHand_andAlongAnAxis() {
        Matrix<F64> a = dmatrix("a");
        double[][] m = {{1, -2}, {-3, 4}};

        assertThat(function(inputs(a), norm(a)).call((Object) m).toDouble()).isCloseTo(Math.sqrt(30), within(1e-15));
        assertThat(function(inputs(a), norm(a, NormOrd.ONE)).call((Object) m).toDouble()).isEqualTo(6.0);
        assertThat(function(inputs(a), norm(a, NormOrd.INF)).call((Object) m).toDouble()).isEqualTo(7.0);
        // the largest singular value: sqrt of the largest eigenvalue of AᵀA = [[10, -14], [-14, 20]]
        assertThat(function(inputs(a), norm(a, NormOrd.TWO)).call((Object) m).toDouble())
                .isCloseTo(Math.sqrt(15 + Math.sqrt(221)), within(1e-14));
        assertThat(function(inputs(a), norm(a, NormOrd.TWO, 1)).call((Object) m).toDoubleArray())
                .containsExactly(new double[] {Math.sqrt(5), 5}, within(1e-15));
        assertThat(function(inputs(a), norm(a, NormOrd.ONE, -2)).call((Object) m).toDoubleArray()).containsExactly(4, 6);
        assertThatThrownBy(() -> norm(a, NormOrd.ONE, 2)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("axis 2").hasMessageContaining("'a'");
    }

    @Test
    void norm_float32_keepsItsDtype() {
        Vector<F32> v = fvector("v");

        Scalar<F32> n = norm(v);
        NDArray r = function(inputs(v), n).call((Object) new float[] {3, 4});

        assertThat(r.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(r.toFloat()).isEqualTo(5f);
    }

    // ---- printing ------------------------------------------------------------------------------

    @Test
    void pp_printsTheOpsAsCalls_andMultipleOutputsByIndex() {
        Matrix<F64> a = dmatrix("A");

        assertThat(pp(inverse(a))).isEqualTo("inverse(A)");
        assertThat(pp(slogdet(a).logAbsDet())).isEqualTo("slogdet(A).out1");
        assertThat(pp(matmul(a, a))).isEqualTo("matmul(A, A)");
        assertThat(debugprint(det(a))).contains("LinAlg{det}");
    }
}
