package org.symtensor.runtime.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/** {@code squeeze}, {@code expandDims}, {@code transpose(axes)}, {@code swapaxes}: dimshuffles with NumPy's axis rules. */
class AxisOpsTest {
    /** A 2×3×4 tensor whose element (i, j, k) is 100i + 10j + k, so every position is recognizable. */
    private static double[][][] t234() {
        double[][][] v = new double[2][3][4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    v[i][j][k] = 100 * i + 10 * j + k;
                }
            }
        }
        return v;
    }

    @Test
    void transpose_withAxes_movesEachAxis() {
        Tensor3<F64> t = dtensor3("t");

        NDArray r = function(inputs(t), transpose(t, 2, 0, 1)).call((Object) t234());

        assertThat(r.shape()).containsExactly(4, 2, 3);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    assertThat(r.getDoubleAt(k, i, j)).isEqualTo(100 * i + 10 * j + k);
                }
            }
        }
    }

    @Test
    void transpose_negativeAxesAndNoAxes_followNumpy() {
        Tensor3<F64> t = dtensor3("t");

        NDArray reversed = function(inputs(t), transpose((Tensor<F64>) t)).call((Object) t234());
        NDArray negative = function(inputs(t), transpose(t, -1, -2, -3)).call((Object) t234());

        assertThat(reversed.shape()).containsExactly(4, 3, 2);
        assertThat(negative).isEqualTo(reversed);
        assertThat(reversed.getDoubleAt(3, 2, 1)).isEqualTo(123);
    }

    @Test
    void transpose_badAxes_fail() {
        Tensor3<F64> t = dtensor3("t");

        assertThatThrownBy(() -> transpose(t, 0, 0, 1)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'t'").hasMessageContaining("repeated");
        assertThatThrownBy(() -> transpose(t, 0, 1, 3)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("axis 3 is out of range for rank 3");
        assertThatThrownBy(() -> transpose((Tensor<F64>) t, 0, 1)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("2 axes given for rank 3");
    }

    @Test
    void swapaxes_exchangesTwoAxes() {
        Tensor3<F64> t = dtensor3("t");

        Tensor3<F64> s = swapaxes(t, 0, -1);
        NDArray r = function(inputs(t), s).call((Object) t234());

        assertThat(r.shape()).containsExactly(4, 3, 2);
        assertThat(r.getDoubleAt(3, 1, 1)).isEqualTo(113);
        assertThatThrownBy(() -> swapaxes(t, 0, 5)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("swapaxes").hasMessageContaining("axis 5");
    }

    @Test
    void expandDims_insertsALengthOneAxis() {
        Vector<F64> v = dvector("v");

        Matrix<F64> row = expandDims(v, 0);
        Matrix<F64> col = expandDims(v, -1);
        NDArray r = function(inputs(v), col).call((Object) new double[] {1, 2, 3});

        assertThat(row.type().shape()).containsExactly(1, -1);
        assertThat(r.toDoubleMatrix()).isEqualTo(new double[][] {{1}, {2}, {3}});
        assertThatThrownBy(() -> expandDims(v, 2)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'v'").hasMessageContaining("axis 2");
    }

    @Test
    void squeeze_removesLengthOneAxes() {
        Vector<F64> v = dvector("v");
        Tensor<F64> t = expandDims(expandDims(v, 0), 2);

        Tensor<F64> all = squeeze(t);
        Tensor<F64> first = squeeze(t, 0);

        assertThat(all.rank()).isEqualTo(1);
        assertThat(first.type().shape()).containsExactly(-1, 1);
        assertThat(function(inputs(v), all).call((Object) new double[] {4, 5}).toDoubleArray()).containsExactly(4, 5);
    }

    @Test
    void squeeze_axisNotOfLengthOne_fails() {
        Matrix<F64> x = dmatrix("x");

        assertThatThrownBy(() -> squeeze(x, 1)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'x'").hasMessageContaining("axis 1 has static length unknown");
    }

    @Test
    void grad_axisOps_byFiniteDifferences() {
        NDArray p = NDArray.of(new double[][][] {{{0.1, -0.4}, {0.7, 1.2}}, {{-1.1, 0.3}, {0.25, -0.6}}});
        verifyGrad(in -> sin(transpose((Tensor<F64>) in.get(0), 1, 2, 0)).times(
                constant(new double[] {1.0, 2.0}).dimshuffle("x", "x", 0)), List.of(p), 1e-6, 1e-6);
        verifyGrad(in -> sqr(swapaxes((Tensor<F64>) in.get(0), 0, 2)), List.of(p), 1e-6, 1e-6);
        verifyGrad(in -> sin(squeeze(expandDims((Tensor<F64>) in.get(0), 1), 1)), List.of(p), 1e-6, 1e-6);
    }
}
