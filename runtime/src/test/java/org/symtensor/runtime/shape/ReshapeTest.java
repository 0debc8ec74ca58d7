package org.symtensor.runtime.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/** {@code reshape} and {@code flatten}: values in C order, inferred lengths, symbolic shapes, gradient, bad shapes. */
class ReshapeTest {
    private static final double[][] A = {{1, 2, 3}, {4, 5, 6}};

    /** C order by hand: element k of the flat sequence lands at (k / cols, k % cols). */
    private static double[][] oracle(double[][] x, int rows, int cols) {
        double[] flat = new double[x.length * x[0].length];
        int k = 0;
        for (double[] row : x) {
            for (double v : row) {
                flat[k++] = v;
            }
        }
        double[][] r = new double[rows][cols];
        for (int i = 0; i < flat.length; i++) {
            r[i / cols][i % cols] = flat[i];
        }
        return r;
    }

    @Test
    void reshape_matrixToThreeByTwo_keepsCOrder() {
        Matrix<F64> x = dmatrix("x");

        Matrix<F64> y = reshape(x, 3, 2);

        assertThat(function(inputs(x), y).call((Object) A).toDoubleMatrix()).isEqualTo(oracle(A, 3, 2));
    }

    @Test
    void reshape_minusOne_isInferredFromTheElementCount() {
        Matrix<F64> x = dmatrix("x");

        Matrix<F64> y = reshape(x, -1, 2);
        Vector<F64> v = reshape(x, -1);

        assertThat(function(inputs(x), y).call((Object) A).toDoubleMatrix()).isEqualTo(oracle(A, 3, 2));
        assertThat(function(inputs(x), v).call((Object) A).toDoubleArray()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(y.type().dim(1)).isEqualTo(2);
    }

    @Test
    void reshape_ofAConstant_knowsItsStaticShape() {
        Tensor<F64> c = reshape(constant(new double[] {1, 2, 3, 4, 5, 6}), 2, -1);

        assertThat(c.type().shape()).containsExactly(2, 3);
        assertThat(c.eval().toDoubleMatrix()).isEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}});
    }

    @Test
    void reshape_ofATranspose_readsTheTransposedOrder() {
        Matrix<F64> x = dmatrix("x");

        Vector<F64> y = reshape(x.T(), 6);

        assertThat(function(inputs(x), y).call((Object) A).toDoubleArray()).containsExactly(1, 4, 2, 5, 3, 6);
    }

    @Test
    void reshape_symbolicLengths_fromScalarsAndFromAnInt64Vector() {
        Matrix<F64> x = dmatrix("x");
        Vector<I64> s = lvector("s");
        Scalar<I64> rows = lscalar("rows");

        Tensor<F64> bySwap = reshape(x, x.shape(1), x.shape(0));
        Tensor<F64> byVector = reshape(x, s, 2);
        Tensor<F64> byRows = reshape(x, rows, constant(-1L));

        assertThat(function(inputs(x), bySwap).call((Object) A).toDoubleMatrix()).isEqualTo(oracle(A, 3, 2));
        assertThat(function(inputs(x, s), byVector).call(A, new long[] {1, 6}).toDoubleMatrix())
                .isEqualTo(oracle(A, 1, 6));
        assertThat(function(inputs(x, rows), byRows).call(A, 6L).toDoubleMatrix()).isEqualTo(oracle(A, 6, 1));
    }

    @Test
    void reshape_toNoAxes_isAScalar() {
        Matrix<F64> x = dmatrix("x");

        Tensor<F64> y = reshape(x, new long[0]);

        assertThat(y.rank()).isZero();
        assertThat(function(inputs(x), y).call((Object) new double[][] {{7.5}}).toDouble()).isEqualTo(7.5);
    }

    @Test
    void reshape_incompatibleCountAtRunTime_namesBothShapes() {
        Matrix<F64> x = dmatrix("x");
        var f = function(inputs(x), reshape(x, 4, 2));

        assertThatThrownBy(() -> f.call((Object) A)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'x'").hasMessageContaining("(2, 3)").hasMessageContaining("(4, 2)");
    }

    @Test
    void reshape_incompatibleCountKnownWhenBuilt_failsAtBuildTime() {
        Vector<F64> c = constant(new double[] {1, 2, 3, 4, 5, 6});

        assertThatThrownBy(() -> reshape(c, 4, 2)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("(6,)").hasMessageContaining("(4, 2)");
        assertThatThrownBy(() -> reshape(c, -1, 4)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("not a multiple of 4");
    }

    @Test
    void reshape_minusOneTwice_failsNamingBothAxes() {
        Matrix<F64> x = dmatrix("x");

        assertThatThrownBy(() -> reshape(x, -1, -1)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("only one length may be -1").hasMessageContaining("axes 0 and 1");
    }

    @Test
    void reshape_negativeLength_fails() {
        Matrix<F64> x = dmatrix("x");

        assertThatThrownBy(() -> reshape(x, -2, 3)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("axis 0 has length -2");
    }

    @Test
    void reshape_minusOneTwiceAtRunTime_fails() {
        Matrix<F64> x = dmatrix("x");
        Vector<I64> s = lvector("s");
        var f = function(inputs(x, s), reshape(x, s, 2));

        assertThatThrownBy(() -> f.call(A, new long[] {-1, -1})).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("only one length may be -1").hasMessageContaining("(2, 3)");
    }

    @Test
    void reshape_floatShape_isADtypeError() {
        Matrix<F64> x = dmatrix("x");

        assertThatThrownBy(() -> reshape(x, dvector("s"), 2)).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("'s'").hasMessageContaining("integer vector");
        assertThatThrownBy(() -> reshape(x, lvector("s"))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("pass the result's rank as ndim");
    }

    @Test
    void grad_reshape_isTheOutputGradientInTheInputsShape() {
        Matrix<F64> x = dmatrix("x");
        Matrix<F64> w = dmatrix("w");
        Scalar<F64> cost = sum(reshape(x, 3, 2).times(w));

        double[][] g = function(inputs(x, w), grad(cost, x)).call(A, new double[][] {{1, 2}, {3, 4}, {5, 6}})
                .toDoubleMatrix();

        assertThat(g).isEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}});
        verifyGrad(in -> sin(reshape((Tensor<F64>) in.get(0), -1, 2)),
                List.of(NDArray.of(new double[][] {{0.1, -0.5, 0.9}, {1.3, -2.0, 0.4}})), 1e-6, 1e-6);
    }

    @Test
    void flatten_keepsLeadingAxesAndMergesTheRest() {
        Tensor3<F64> t = dtensor3("t");
        double[][][] v = {{{1, 2}, {3, 4}, {5, 6}}, {{7, 8}, {9, 10}, {11, 12}}};

        Vector<F64> all = flatten(t);
        Matrix<F64> two = flatten2d(t);
        Tensor<F64> three = flatten(t, 3);

        assertThat(function(inputs(t), all).call((Object) v).toDoubleArray())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(function(inputs(t), two).call((Object) v).toDoubleMatrix())
                .isEqualTo(new double[][] {{1, 2, 3, 4, 5, 6}, {7, 8, 9, 10, 11, 12}});
        assertThat(function(inputs(t), three).call((Object) v).shape()).containsExactly(2, 3, 2);
    }

    @Test
    void flatten_ofAnEmptyAxis_isEmpty() {
        Matrix<F64> x = dmatrix("x");

        NDArray r = function(inputs(x), flatten2d(x)).call(NDArray.zeros(org.symtensor.type.DType.FLOAT64, 0, 5));

        assertThat(r.shape()).containsExactly(0, 5);
    }

    @Test
    void flatten_badNdim_fails() {
        Matrix<F64> x = dmatrix("x");

        assertThatThrownBy(() -> flatten(x, 3)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'x'").hasMessageContaining("between 1 and 2");
    }

    @Test
    void pp_reshape_printsTheLengths() {
        Matrix<F64> x = dmatrix("x");

        assertThat(pp(reshape(x, 3, -1))).isEqualTo("reshape(x, 3, -1)");
    }
}
