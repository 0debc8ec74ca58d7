package org.symtensor.runtime.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.error.GradientException;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;

/**
 * Jacobians (the gradient table run with a batch axis) through reshape, join, alloc and slicing:
 * each entry of the result checked by hand, where the Jacobian is a permutation or a sum of units.
 */
class ShapeJacobianTest {
    @Test
    void jacobian_throughReshapeOfAMatrix_isTheIdentityInCOrder() {
        Matrix<F64> x = dmatrix("x");
        Vector<F64> flat = reshape(x, -1).times(2);

        Tensor3<F64> j = jacobian(flat, x);
        double[][] xv = {{1, 2, 3}, {4, 5, 6}};
        NDArray3 r = new NDArray3(function(inputs(x), j).call((Object) xv));

        for (int k = 0; k < 6; k++) {
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 3; b++) {
                    assertThat(r.at(k, a, b)).isEqualTo(k == a * 3 + b ? 2 : 0);
                }
            }
        }
    }

    @Test
    void jacobian_throughConcatenateRollAndAlloc() {
        Vector<F64> v = dvector("v");
        Vector<F64> y = concatenate(0, roll(v, 1, 0), v.get(slice(null, null, -1)));
        Matrix<F64> j = jacobian(y, v);
        Vector<F64> s = reshape(alloc(v, constant(2L), v.shape(0)), -1);

        double[][] jv = function(inputs(v), j).call((Object) new double[] {1, 2, 3}).toDoubleMatrix();
        double[][] js = function(inputs(v), jacobian(s, v)).call((Object) new double[] {1, 2, 3}).toDoubleMatrix();

        // roll by 1: y_k = v_(k-1 mod 3); reversed: y_(3+k) = v_(2-k)
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 3; i++) {
                assertThat(jv[k][i]).isEqualTo(i == Math.floorMod(k - 1, 3) ? 1 : 0);
                assertThat(jv[3 + k][i]).isEqualTo(i == 2 - k ? 1 : 0);
                assertThat(js[k][i]).isEqualTo(i == k ? 1 : 0);
                assertThat(js[3 + k][i]).isEqualTo(i == k ? 1 : 0);
            }
        }
    }

    @Test
    void jacobian_throughAdvancedIndexing_isRefusedWithAReason() {
        Vector<F64> v = dvector("v");

        assertThatThrownBy(() -> jacobian(take(v, indices(0, 0)), v)).isInstanceOf(GradientException.class)
                .hasMessageContaining("jacobian through AdvancedSubtensor");
    }

    /** Reads a rank-3 result. */
    private record NDArray3(org.symtensor.value.NDArray a) {
        double at(int i, int j, int k) {
            return a.getDoubleAt(i, j, k);
        }
    }
}
