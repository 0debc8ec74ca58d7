package org.symtensor.runtime.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.IndexOutOfRangeException;
import org.symtensor.error.InvalidValueException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.Bool;
import org.symtensor.type.F64;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/** Slices with steps and negative bounds, newaxis, integer arrays, bool masks, setSubtensor and incSubtensor. */
class IndexingTest {
    private static final double[] V = {0, 1, 2, 3, 4, 5};
    private static final double[][] M = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};

    private static double[] run(Tensor<F64> y, Vector<F64> v) {
        return function(inputs(v), y).call((Object) V).toDoubleArray();
    }

    @Test
    void slices_stepsAndNegativeBounds_matchPython() {
        Vector<F64> v = dvector("v");

        // expected lists written out from Python's list slicing of [0, 1, 2, 3, 4, 5]
        assertThat(run(v.get(slice(null, null, -1)), v)).containsExactly(5, 4, 3, 2, 1, 0);
        assertThat(run(v.get(slice(1, -1)), v)).containsExactly(1, 2, 3, 4);
        assertThat(run(v.get(slice(-2, null)), v)).containsExactly(4, 5);
        assertThat(run(v.get(slice(5, 0, -2)), v)).containsExactly(5, 3, 1);
        assertThat(run(v.get(slice(null, -10)), v)).isEmpty();
        assertThat(run(v.get(slice(-100, 100, 4)), v)).containsExactly(0, 4);
        assertThat(run(v.get(slice(null, null, -4)), v)).containsExactly(5, 1);
        assertThat(v.get(slice(1, 3))).isInstanceOf(Vector.class);
    }

    @Test
    void theanoTutorial_reverseAVector() {
        // Theano's P[::-1]
        Vector<F64> p = dvector("P");

        Vector<F64> reversed = p.get(slice(null, null, -1));

        assertThat(function(inputs(p), reversed).call((Object) new double[] {1, 2, 3}).toDoubleArray())
                .containsExactly(3, 2, 1);
    }

    @Test
    void severalAxes_sliceThenIntegerAndNewaxis() {
        Matrix<F64> x = dmatrix("x");

        Tensor<F64> col = x.get(slice(1, null), 2);
        Tensor<F64> rowsEveryOther = index(x, -1, slice(null, null, 2));
        Tensor<F64> expanded = x.get(slice(), newaxis(), slice(null, null, -1));

        assertThat(function(inputs(x), col).call((Object) M).toDoubleArray()).containsExactly(7, 11);
        assertThat(function(inputs(x), rowsEveryOther).call((Object) M).toDoubleArray()).containsExactly(9, 11);
        NDArray e = function(inputs(x), expanded).call((Object) M);
        assertThat(e.shape()).containsExactly(3, 1, 4);
        assertThat(e.getDoubleAt(1, 0, 0)).isEqualTo(8);
    }

    @Test
    void badIndices_failWithSpecificErrors() {
        Matrix<F64> x = dmatrix("x");
        Vector<F64> c = constant(new double[] {1, 2, 3});

        assertThatThrownBy(() -> index(x, 0, 1, 2)).isInstanceOf(IndexOutOfRangeException.class)
                .hasMessageContaining("'x'").hasMessageContaining("too many indices");
        assertThatThrownBy(() -> index(c, 3)).isInstanceOf(IndexOutOfRangeException.class)
                .hasMessageContaining("index 3").hasMessageContaining("length 3");
        assertThatThrownBy(() -> slice(null, null, 0)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("zero");
        assertThatThrownBy(() -> x.get(dvector("f"))).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("'f'");
        assertThatThrownBy(() -> index(x, "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected an integer, a slice");
        var f = function(inputs(x), x.get(5));
        assertThatThrownBy(() -> f.call((Object) M)).isInstanceOf(IndexOutOfRangeException.class)
                .hasMessageContaining("index 5").hasMessageContaining("length 3");
    }

    @Test
    void take_integerArrays_wrapNegativeIndices_andKeepTheIndexShape() {
        Matrix<F64> x = dmatrix("x");
        Vector<I64> idx = lvector("idx");

        Matrix<F64> rows = take(x, idx, 0);
        Matrix<F64> cols = take(x, idx, -1);
        Tensor<F64> viaGet = x.get(idx);
        Tensor<F64> byMatrix = take(x, org.symtensor.tensor.Tensors.wrap(org.symtensor.ir.Ops.constant(NDArray.of(new long[][] {{0, 2}, {1, 1}}))), 1);

        var f = function(inputs(x, idx), outputs(rows, cols, viaGet));
        List<NDArray> r = f.callAll(M, new long[] {2, -3, 0});
        assertThat(r.get(0).toDoubleMatrix()).isEqualTo(new double[][] {M[2], M[0], M[0]});
        assertThat(r.get(1).toDoubleMatrix()).isEqualTo(new double[][] {{3, 2, 1}, {7, 6, 5}, {11, 10, 9}});
        assertThat(r.get(2)).isEqualTo(r.get(0));
        NDArray b = function(inputs(x), byMatrix).call((Object) M);
        assertThat(b.shape()).containsExactly(3, 2, 2);
        assertThat(b.getDoubleAt(2, 1, 0)).isEqualTo(10);
    }

    @Test
    void take_outOfRange_namesTheIndexWhenCalled() {
        Matrix<F64> x = dmatrix("x");
        Vector<I64> idx = lvector("idx");
        var f = function(inputs(x, idx), take(x, idx, 1));

        assertThatThrownBy(() -> f.call(M, new long[] {0, 4})).isInstanceOf(IndexOutOfRangeException.class)
                .hasMessageContaining("index 4").hasMessageContaining("entry 1 of 'idx'").hasMessageContaining("length 4");
        assertThatThrownBy(() -> f.call(M, new long[] {-5})).isInstanceOf(IndexOutOfRangeException.class)
                .hasMessageContaining("index -5");
    }

    @Test
    void booleanMask_selectsInCOrder_andItsGradientScattersBack() {
        Matrix<F64> x = dmatrix("x");
        Matrix<Bool> keep = x.gt(6);

        Tensor<F64> sel = x.get(keep);
        Vector<F64> typed = booleanMask(x, keep);
        Matrix<F64> g = (Matrix<F64>) grad(sum(typed.times(typed)), x);

        assertThat(function(inputs(x), sel).call((Object) M).toDoubleArray()).containsExactly(7, 8, 9, 10, 11, 12);
        double[][] gv = function(inputs(x), g).call((Object) M).toDoubleMatrix();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(gv[i][j]).isEqualTo(M[i][j] > 6 ? 2 * M[i][j] : 0);
            }
        }
        assertThatThrownBy(() -> x.get(dvector("v").gt(0))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("mask");
    }

    @Test
    void setSubtensor_theanoTutorial_andSlicesWithLiterals() {
        Matrix<F64> x = dmatrix("x");
        Vector<F64> y = dvector("y");

        Matrix<F64> rowSet = setSubtensor(x, y, 1);
        Matrix<F64> blockZero = setSubtensor(x, 0, slice(null, 2), slice(1, -1));
        Matrix<F64> colInc = incSubtensor(x, 100, slice(), -1);

        var f = function(inputs(x, y), outputs(rowSet, blockZero, colInc));
        List<NDArray> r = f.callAll(M, new double[] {-1, -2, -3, -4});
        assertThat(r.get(0).toDoubleMatrix()).isEqualTo(new double[][] {M[0], {-1, -2, -3, -4}, M[2]});
        assertThat(r.get(1).toDoubleMatrix()).isEqualTo(new double[][] {{1, 0, 0, 4}, {5, 0, 0, 8}, M[2]});
        assertThat(r.get(2).toDoubleMatrix()).isEqualTo(new double[][] {{1, 2, 3, 104}, {5, 6, 7, 108}, {9, 10, 11, 112}});
    }

    @Test
    void setSubtensor_writesExactly_evenWhereXIsHuge() {
        Vector<F64> x = dvector("x");

        Vector<F64> r = setSubtensor(x, 1, slice(0, 1));

        // 1 - 1e300 + 1e300 would be 0: the value is written, not added as a difference
        assertThat(function(inputs(x), r).call((Object) new double[] {1e300, 2}).toDoubleArray()).containsExactly(1, 2);
    }

    @Test
    void advancedInc_repeatedIndicesAccumulate_andSetKeepsTheLast() {
        Vector<F64> x = dvector("x");
        Vector<I64> idx = lvector("idx");
        Vector<F64> y = dvector("y");

        var inc = function(inputs(x, idx, y), incSubtensor(x, y, idx));
        var set = function(inputs(x, idx, y), setSubtensor(x, y, idx));
        var incOne = function(inputs(x, idx), incSubtensor(x, 1, idx));

        double[] xs = {0, 0, 0, 0};
        long[] is = {1, 3, 1, -3};
        double[] ys = {10, 20, 30, 40};
        assertThat(inc.call(xs, is, ys).toDoubleArray()).containsExactly(0, 80, 0, 20);
        assertThat(set.call(xs, is, ys).toDoubleArray()).containsExactly(0, 40, 0, 20);
        assertThat(incOne.call(xs, is).toDoubleArray()).containsExactly(0, 3, 0, 1);
    }

    @Test
    void updates_badValues_fail() {
        Matrix<F64> x = dmatrix("x");
        Vector<I64> idx = lvector("idx");
        Vector<F64> y = dvector("y");
        var f = function(inputs(x, idx, y), incSubtensor(x, y, idx));

        assertThatThrownBy(() -> setSubtensor(x, dtensor3("t"), 0)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'t'").hasMessageContaining("rank 3");
        assertThatThrownBy(() -> f.call(M, new long[] {0}, new double[] {1, 2})).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'y'").hasMessageContaining("(2,)").hasMessageContaining("(1, 4)");
        assertThatThrownBy(() -> f.call(M, new long[] {7}, new double[] {1, 2, 3, 4}))
                .isInstanceOf(IndexOutOfRangeException.class).hasMessageContaining("index 7");
        assertThatThrownBy(() -> setSubtensor(lmatrix("m"), 0.5, 0)).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("0.5");
    }

    @Test
    void grad_indexingExpressions_byFiniteDifferences() {
        NDArray p = NDArray.of(new double[][] {{0.3, -0.8, 1.1, 0.2}, {0.45, 2.0, -0.6, 1.4}, {-1.2, 0.7, 0.9, -0.1}});
        NDArray q = NDArray.of(new double[] {0.5, -1.5, 0.25});
        verifyGrad(in -> sin(((Matrix<F64>) in.get(0)).get(slice(null, null, -1), slice(1, -1))), List.of(p), 1e-6, 1e-6);
        verifyGrad(in -> sqr(index((Matrix<F64>) in.get(0), slice(null, null, 2), newaxis(), -1)), List.of(p), 1e-6, 1e-6);
        verifyGrad(in -> sin(take((Matrix<F64>) in.get(0), indices(2, 2, 0), 1)), List.of(p), 1e-6, 1e-6);
        verifyGrad(in -> sqr(setSubtensor((Matrix<F64>) in.get(0), (Vector<F64>) in.get(1), slice(), 1)),
                List.of(p, q), 1e-6, 1e-6);
        verifyGrad(in -> sin(incSubtensor((Matrix<F64>) in.get(0), (Vector<F64>) in.get(1), slice(), indices(3, 3, 0))
                .times(constant(new double[] {1, 2, 3, 4}))), List.of(p, NDArray.of(new double[] {0.1, -0.2, 0.3})), 1e-6, 1e-6);
        verifyGrad(in -> sqr(setSubtensor((Matrix<F64>) in.get(0), (Scalar<F64>) in.get(1), 1, slice(null, null, -2))),
                List.of(p, NDArray.of(0.7)), 1e-6, 1e-6);
    }
}
