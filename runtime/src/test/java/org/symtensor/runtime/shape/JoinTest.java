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
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/** concatenate, stack, split, repeat, tile, roll and pad: values against hand-written loops, gradients, bad inputs. */
class JoinTest {
    private static final double[][] A = {{1, 2, 3}, {4, 5, 6}};
    private static final double[][] B = {{7, 8, 9}};

    @Test
    void concatenate_rowsAndColumns_layTheBlocksEndToEnd() {
        Matrix<F64> a = dmatrix("a");
        Matrix<F64> b = dmatrix("b");

        Matrix<F64> rows = concatenate(0, a, b);
        Matrix<F64> cols = concatenate(-1, a, a);

        assertThat(function(inputs(a, b), rows).call(A, B).toDoubleMatrix())
                .isEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        assertThat(function(inputs(a), cols).call((Object) A).toDoubleMatrix())
                .isEqualTo(new double[][] {{1, 2, 3, 1, 2, 3}, {4, 5, 6, 4, 5, 6}});
    }

    @Test
    void concatenate_mismatchedOtherAxis_failsNamingTheTensorAtRunTime() {
        Matrix<F64> a = dmatrix("a");
        Matrix<F64> b = dmatrix("b");
        var f = function(inputs(a, b), concatenate(0, a, b));

        assertThatThrownBy(() -> f.call(A, new double[][] {{1, 2}})).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'b'").hasMessageContaining("(1, 2)").hasMessageContaining("(2, 3)");
    }

    @Test
    void concatenate_badInputsKnownWhenBuilt_fail() {
        Matrix<F64> a = dmatrix("a");

        assertThatThrownBy(() -> concatenate(2, a, a)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("axis 2 is out of range");
        assertThatThrownBy(() -> concatenate(0, constant(A), constant(new double[][] {{1, 2}})))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("all axes but the joined one must agree");
        // javac refuses mixed dtypes in the typed DSL; the untyped graph builder names the culprit
        assertThatThrownBy(() -> org.symtensor.ir.JoinOps.concatenate(0, List.of(a.variable(), fmatrix("f").variable())))
                .isInstanceOf(DTypeMismatchException.class).hasMessageContaining("'f'").hasMessageContaining("float32");
    }

    @Test
    void stack_scalarsVectorsAndMatrices_addAnAxis() {
        Scalar<F64> x = dscalar("x");
        Vector<F64> u = dvector("u");
        Vector<F64> v = dvector("v");

        Vector<F64> s = stack(x, x.times(2), constant(9.0));
        Matrix<F64> asRows = stack(0, u, v);
        Matrix<F64> asCols = stack(1, u, v);
        Tensor3<F64> t = stack(2, asRows, asRows);

        assertThat(function(inputs(x), s).call(1.5).toDoubleArray()).containsExactly(1.5, 3, 9);
        double[] uu = {1, 2};
        double[] vv = {3, 4};
        assertThat(function(inputs(u, v), asRows).call(uu, vv).toDoubleMatrix()).isEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(function(inputs(u, v), asCols).call(uu, vv).toDoubleMatrix()).isEqualTo(new double[][] {{1, 3}, {2, 4}});
        assertThat(function(inputs(u, v), t).call(uu, vv).shape()).containsExactly(2, 2, 2);
        assertThat(s.type().shape()).containsExactly(3);
    }

    @Test
    void stack_ranksDiffer_fails() {
        assertThatThrownBy(() -> stack(0, List.of((Tensor<F64>) dvector("v"), dmatrix("m"))))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("'m'").hasMessageContaining("rank 2");
    }

    @Test
    void split_cutsConsecutivePieces_andChecksTheSizes() {
        Matrix<F64> a = dmatrix("a");

        List<Matrix<F64>> parts = split(a, new int[] {1, 2}, 1);
        var f = function(inputs(a), outputs(parts.get(0), parts.get(1)));

        assertThat(f.callAll((Object) A).get(0).toDoubleMatrix()).isEqualTo(new double[][] {{1}, {4}});
        assertThat(f.callAll((Object) A).get(1).toDoubleMatrix()).isEqualTo(new double[][] {{2, 3}, {5, 6}});
        assertThatThrownBy(() -> f.callAll((Object) new double[][] {{1, 2, 3, 4}})).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'a'").hasMessageContaining("(?, 3)").hasMessageContaining("(1, 4)");
        assertThatThrownBy(() -> split(a, new int[] {1, -1}, 1)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("size 1 is -1");
    }

    @Test
    void repeatAndTile_matchNumpy() {
        Matrix<F64> a = dmatrix("a");

        double[][] rep1 = function(inputs(a), repeat(a, 2, 1)).call((Object) A).toDoubleMatrix();
        double[][] rep0 = function(inputs(a), repeat(a, 3, 0)).call((Object) A).toDoubleMatrix();
        double[][] tiled = function(inputs(a), tile(a, 2, 2)).call((Object) A).toDoubleMatrix();

        assertThat(rep1).isEqualTo(new double[][] {{1, 1, 2, 2, 3, 3}, {4, 4, 5, 5, 6, 6}});
        for (int i = 0; i < 6; i++) {
            assertThat(rep0[i]).containsExactly(A[i / 3]);
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 6; j++) {
                assertThat(tiled[i][j]).isEqualTo(A[i % 2][j % 3]);
            }
        }
        assertThatThrownBy(() -> repeat(a, -1, 0)).isInstanceOf(ShapeMismatchException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> tile(a, 1, 2, 3)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("3 repetitions for rank 2");
    }

    @Test
    void roll_shiftsAndWraps_likeNumpy() {
        Vector<F64> v = dvector("v");
        Scalar<I64> k = lscalar("k");
        double[] x = {0, 1, 2, 3, 4};
        var f = function(inputs(v, k), roll(v, k, 0));

        for (long shift : new long[] {0, 1, 2, -1, 7, -12}) {
            double[] r = f.call(x, shift).toDoubleArray();
            for (int i = 0; i < 5; i++) {
                assertThat(r[(int) Math.floorMod(i + shift, 5)]).as("roll by %d", shift).isEqualTo(x[i]);
            }
        }
        assertThat(function(inputs(v), roll(v, 1, 0)).call((Object) new double[0]).size()).isZero();
    }

    @Test
    void pad_constant_addsTheValueAround() {
        Matrix<F64> a = dmatrix("a");

        double[][] r = function(inputs(a), pad(a, new int[][] {{1, 0}, {0, 2}}, -1)).call((Object) A).toDoubleMatrix();

        assertThat(r).isEqualTo(new double[][] {{-1, -1, -1, -1, -1}, {1, 2, 3, -1, -1}, {4, 5, 6, -1, -1}});
        assertThatThrownBy(() -> pad(a, new int[][] {{1, -1}, {0, 0}})).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("axis 0");
    }

    @Test
    void grad_joinsAndRepeats_byFiniteDifferences() {
        NDArray p = NDArray.of(new double[][] {{0.3, -0.8, 1.1}, {0.45, 2.0, -0.6}});
        verifyGrad(in -> sin(repeat((Matrix<F64>) in.get(0), 2, 1)).times(constant(new double[] {1, 2, 3, 4, 5, 6})),
                List.of(p), 1e-6, 1e-6);
        verifyGrad(in -> sqr(tile((Matrix<F64>) in.get(0), 2, 1)).times(constant(new double[] {1, 2, 3})),
                List.of(p), 1e-6, 1e-6);
        verifyGrad(in -> sin(roll((Matrix<F64>) in.get(0), -1, 1)).times(constant(new double[] {1, 2, 3})),
                List.of(p), 1e-6, 1e-6);
        verifyGrad(in -> sqr(pad((Matrix<F64>) in.get(0), new int[][] {{1, 1}}, 0.5)), List.of(p), 1e-6, 1e-6);
        verifyGrad(in -> {
            List<Matrix<F64>> parts = split((Matrix<F64>) in.get(0), new int[] {2, 1}, 1);
            return sin(parts.get(0)).sum().plus(sqr(parts.get(1)).sum().times(3));
        }, List.of(p), 1e-6, 1e-6);
    }

    @Test
    void concatenate_float32_keepsTheDtype() {
        Vector<F32> a = fvector("a");

        Vector<F32> r = concatenate(0, a, a);

        assertThat(function(inputs(a), r).call((Object) new float[] {1.5f}).toFloatArray()).containsExactly(1.5f, 1.5f);
    }
}
