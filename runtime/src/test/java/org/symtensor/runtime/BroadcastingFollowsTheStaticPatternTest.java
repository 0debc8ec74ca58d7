package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.function.Function;
import org.symtensor.function.Mode;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * Theano's and PyTensor's run-time broadcasting rule: only an axis declared broadcastable
 * (static length 1) stretches; a run-time length 1 elsewhere is a shape error naming the input.
 */
class BroadcastingFollowsTheStaticPatternTest {

    @Test
    void add_ofTwoDvectorsOfLengths2And1_isAShapeError_namingTheInputAndTheAxis() {
        Vector<F64> x = dvector("x");
        Vector<F64> y = dvector("y");
        for (Mode mode : new Mode[] {Mode.FAST_RUN, Mode.NONE}) {
            Function f = function(inputs(x, y), x.plus(y), mode(mode));
            assertThatThrownBy(() -> f.call(new double[] {1, 2}, new double[] {10}))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("input 1 'y'")
                    .hasMessageContaining("has length 1 on axis 0")
                    .hasMessageContaining("'x' (input 0) has shape (2,)")
                    .hasMessageContaining("stretches only on an axis declared broadcastable");
        }
    }

    @Test
    void fusedChain_ofTwoDvectorsOfLengths1And3_isAShapeError() {
        Vector<F64> x = dvector("x");
        Vector<F64> y = dvector("y");
        Function f = function(inputs(x, y), exp(x).times(y).plus(x));
        assertThatThrownBy(() -> f.call(new double[] {1}, new double[] {1, 2, 3}))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("on axis 0");
    }

    @Test
    void drow_plusDmatrix_stretchesTheRow() {
        Matrix<F64> row = drow("r");
        Matrix<F64> m = dmatrix("m");
        Function f = function(inputs(row, m), row.plus(m));
        NDArray r = f.call(new double[][] {{10, 20}}, new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertThat(r.shape()).containsExactly(3, 2);
        assertThat(flat(r)).containsExactly(11, 22, 13, 24, 15, 26);
    }

    @Test
    void dvector_plusDmatrix_stretchesTheVectorAlongRows() {
        Vector<F64> v = dvector("v");
        Matrix<F64> m = dmatrix("m");
        Function f = function(inputs(v, m), m.plus(v));
        NDArray r = f.call(new double[] {10, 20}, new double[][] {{1, 2}, {3, 4}});
        assertThat(flat(r)).containsExactly(11, 22, 13, 24);
        // a matrix of one row is not a row: its first axis is not declared broadcastable
        Matrix<F64> n = dmatrix("n");
        Function g = function(inputs(n, m), m.plus(n));
        assertThatThrownBy(() -> g.call(new double[][] {{10, 20}}, new double[][] {{1, 2}, {3, 4}}))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'n'");
    }

    @Test
    void divSelf_andMulDiv_ofDmatrices_areOptimizedAway_andAgreeWithTheUnoptimizedGraph() {
        Matrix<F64> x = dmatrix("x");
        Matrix<F64> y = dmatrix("y");
        Function f = function(inputs(x, y), x.times(y).div(x).plus(x.div(x)));
        Function naive = function(inputs(x, y), x.times(y).div(x).plus(x.div(x)), mode(Mode.NONE));
        assertThat(f.ppOptimized()).doesNotContain("/");
        SplittableRandom r = new SplittableRandom(12);
        for (int trial = 0; trial < 20; trial++) {
            int rows = 1 + r.nextInt(4);
            int cols = 1 + r.nextInt(4);
            double[][] a = new double[rows][cols];
            double[][] b = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    a[i][j] = r.nextDouble(0.5, 2) * (r.nextBoolean() ? 1 : -1);
                    b[i][j] = r.nextDouble(-2, 2);
                }
            }
            double[] got = flat(f.call(a, b));
            double[] want = flat(naive.call(a, b));
            assertThat(got).hasSameSizeAs(want);
            for (int k = 0; k < want.length; k++) {
                assertThat(got[k]).isCloseTo(want[k], org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @Test
    void mulDiv_whereTheOtherFactorIsARow_keepsTheDivision_soTheRowStillStretches() {
        Matrix<F64> x = dmatrix("x");
        Matrix<F64> row = drow("r");
        Function f = function(inputs(x, row), x.times(row).div(x));
        NDArray r = f.call(new double[][] {{1, 2}, {4, 8}}, new double[][] {{3, 5}});
        assertThat(r.shape()).containsExactly(2, 2);
        assertThat(flat(r)).containsExactly(3, 5, 3, 5);
    }

    private static double[] flat(NDArray a) {
        return a.reshape(a.size()).toDoubleArray();
    }
}
