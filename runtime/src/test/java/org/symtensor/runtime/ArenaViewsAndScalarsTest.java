package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * What a compiled function's arena keeps besides large buffers: the last view of a transpose or
 * broadcast step (handed out again only when the new view would be identical), 0-d intermediates,
 * and shape reads. Each call changes something the kept value depends on (the argument array, its
 * contents, its shape, a scalar) and the results are checked against plain-Java oracles.
 */
class ArenaViewsAndScalarsTest {

    static double[][] random(Random rnd, int r, int c) {
        double[][] m = new double[r][c];
        for (double[] row : m) {
            for (int j = 0; j < c; j++) {
                row[j] = rnd.nextDouble() * 4 - 2;
            }
        }
        return m;
    }

    /** y = x.T * (a*a + 1) + rowBias: a transpose view, a 0-d chain and a broadcast view. */
    private static double[][] oracle(double[][] x, double a, double[] bias) {
        double s = a * a + 1;
        double[][] y = new double[x[0].length][x.length];
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y[0].length; j++) {
                y[i][j] = x[j][i] * s + bias[j];
            }
        }
        return y;
    }

    @Test
    void keptViewsAndScalars_followEveryChangeOfTheArguments() {
        Matrix<F64> x = dmatrix("x");
        Scalar<F64> a = dscalar("a");
        org.symtensor.tensor.Vector<F64> bias = dvector("bias");
        Matrix<F64> y = x.transpose().times(a.times(a).plus(1.0)).plus(bias);
        Function f = function(inputs(x, a, bias), y);
        Random rnd = new Random(11);
        double[][] xs = random(rnd, 5, 3);
        NDArray same = NDArray.of(xs);
        for (int call = 0; call < 12; call++) {
            double av = rnd.nextDouble() * 3 - 1.5;
            NDArray arg;
            double[][] xv;
            switch (call % 4) {
                case 0 -> { // the same array object, unchanged
                    arg = same;
                    xv = xs;
                }
                case 1 -> { // the same array object, written in place by the caller
                    xs = random(rnd, 5, 3);
                    same.assign(NDArray.of(xs));
                    arg = same;
                    xv = xs;
                }
                case 2 -> { // another shape: 3 rows more
                    xv = random(rnd, 8, 3);
                    arg = NDArray.of(xv);
                }
                default -> { // a transposed view as the argument (strides differ)
                    double[][] t = random(rnd, 3, 5);
                    arg = NDArray.of(t).transpose();
                    xv = new double[5][3];
                    for (int i = 0; i < 5; i++) {
                        for (int j = 0; j < 3; j++) {
                            xv[i][j] = t[j][i];
                        }
                    }
                }
            }
            double[] b = random(rnd, 1, xv.length)[0];
            NDArray out = f.call(arg, av, NDArray.of(b));
            assertThat(out.toDoubleMatrix()).as("call %d", call).isEqualTo(oracle(xv, av, b));
        }
    }

    @Test
    void keptShapeReads_followTheBatchSize() {
        Matrix<F64> x = dmatrix("x");
        // the gradient of mean over rows of the row sums of x*x is 2x / rows: Shape_i, a cast, a division
        Scalar<F64> cost = x.times(x).sum(1).mean();
        Function f = function(inputs(x), outputs(grad(cost, x)));
        Random rnd = new Random(12);
        for (int call = 0; call < 10; call++) {
            int rows = 1 + call % 4;
            double[][] xv = random(rnd, rows, 3);
            NDArray[] into = {NDArray.zeros(DType.FLOAT64, rows, 3)};
            if (call % 2 == 0) {
                f.callInto(into, NDArray.of(xv));
            } else {
                into[0] = f.callAll(NDArray.of(xv)).get(0);
            }
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < 3; j++) {
                    assertThat(into[0].getDoubleAt(i, j)).as("call %d (%d, %d)", call, i, j)
                            .isCloseTo(2 * xv[i][j] / rows, org.assertj.core.api.Assertions.within(1e-12));
                }
            }
        }
    }

    @Test
    void aReturnedViewOrScalar_isNeverChangedByLaterCalls() {
        Matrix<F64> x = dmatrix("x");
        Scalar<F64> a = dscalar("a");
        Function f = function(inputs(x, a), outputs(x.times(2.0).transpose(), a.times(a)));
        Random rnd = new Random(13);
        double[][] x0 = random(rnd, 2, 3);
        List<NDArray> first = f.callAll(NDArray.of(x0), 1.5);
        double[][] t0 = first.get(0).toDoubleMatrix();
        for (int call = 0; call < 5; call++) {
            f.callAll(NDArray.of(random(rnd, 2, 3)), rnd.nextDouble());
        }
        assertThat(first.get(0).toDoubleMatrix()).isEqualTo(t0);
        assertThat(first.get(1).toDouble()).isEqualTo(2.25);
    }
}
