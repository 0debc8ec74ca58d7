package org.symtensor.runtime.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;
import static org.symtensor.runtime.opencl.OpenClTesting.DEVICE;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.value.NDArray;

/**
 * {@code argmax} and {@code argmin} run as device kernels (ClArgReduce) and give the CPU's
 * positions, checked against plain loops written here: the first extreme among ties (signed zeros
 * equal), the first NaN over any number, along either axis of a matrix and over all of a vector
 * long enough for the two-pass path, with the NaN or the tie in different work groups; an empty
 * axis is the CPU's error.
 */
class ArgReduceOnDeviceTest {
    @BeforeEach
    void needsOpenCl() {
        assumeOpenCl();
    }

    /** The first largest ({@code max}) or smallest of {@code s[from], s[from+step], ...} (n terms), or the first NaN. */
    private static long oracle(boolean max, double[] s, int from, int step, int n) {
        double best = s[from];
        long at = 0;
        if (best != best) {
            return 0;
        }
        for (int i = 1; i < n; i++) {
            double e = s[from + i * step];
            if (e != e) {
                return i;
            }
            if (max ? e > best : e < best) {
                best = e;
                at = i;
            }
        }
        return at;
    }

    @Test
    void alongEitherAxis_withTiesNaNsAndSignedZeros_matchesTheLoopsAndTheCpu() {
        Matrix<F64> m = dmatrix("m");
        Function dev = function(inputs(m), outputs(argmax(m, 0), argmin(m, 0), argmax(m, 1), argmin(m, 1), argmax(m), argmin(m)),
                device(DEVICE));
        assertThat(((OpenClFunction) dev).hostOps()).as("argmax and argmin run on the device").isEmpty();
        Function cpu = function(inputs(m), outputs(argmax(m, 0), argmin(m, 0), argmax(m, 1), argmin(m, 1), argmax(m), argmin(m)));
        int rows = 37;
        int cols = 300;
        Random r = new Random(5);
        double[] x = new double[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(9) - 4; // many ties
        }
        x[3 * cols + 250] = Double.NaN; // row 3: a NaN late, after its maxima
        x[3 * cols + 270] = Double.NaN;
        x[5 * cols + 7] = -0.0; // row 5: only zeros, the first negative
        for (int c = 0; c < cols; c++) {
            if (c != 7) {
                x[5 * cols + c] = 0.0;
            }
        }
        x[20 * cols + 3] = Double.NaN; // column 3 and row 20
        NDArray in = NDArray.wrap(DType.FLOAT64, new int[] {rows, cols}, x);
        List<NDArray> d = dev.callAll(in);
        List<NDArray> c = cpu.callAll(in);
        for (int k = 0; k < 6; k++) {
            assertThat(d.get(k)).as("output " + k).isEqualTo(c.get(k));
        }
        for (int j = 0; j < cols; j++) {
            assertThat(d.get(0).getLong(j)).as("argmax column " + j).isEqualTo(oracle(true, x, j, cols, rows));
            assertThat(d.get(1).getLong(j)).as("argmin column " + j).isEqualTo(oracle(false, x, j, cols, rows));
        }
        for (int i = 0; i < rows; i++) {
            assertThat(d.get(2).getLong(i)).as("argmax row " + i).isEqualTo(oracle(true, x, i * cols, 1, cols));
            assertThat(d.get(3).getLong(i)).as("argmin row " + i).isEqualTo(oracle(false, x, i * cols, 1, cols));
        }
        assertThat(d.get(2).getLong(3)).isEqualTo(250);
        assertThat(d.get(2).getLong(5)).isZero();
        assertThat(d.get(3).getLong(5)).isZero();
        assertThat(d.get(4).toLong()).isEqualTo(oracle(true, x, 0, 1, x.length)).isEqualTo(3 * cols + 250);
        assertThat(d.get(5).toLong()).isEqualTo(3 * cols + 250);
    }

    @Test
    void overALongVector_inTwoPasses_keepsTheFirstTieAndTheFirstNaN() {
        Vector<F32> v = fvector("v");
        Function dev = function(inputs(v), outputs(argmax(v), argmin(v)), device(DEVICE));
        int n = 300_001;
        float[] x = new float[n];
        Random r = new Random(11);
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(1000) / 10f;
        }
        x[123_457] = 500; // the same extremes twice, far apart (different work groups)
        x[299_000] = 500;
        x[777] = -7;
        x[200_000] = -7;
        double[] xd = new double[n];
        for (int i = 0; i < n; i++) {
            xd[i] = x[i];
        }
        List<NDArray> d = dev.callAll(x);
        assertThat(d.get(0).toLong()).isEqualTo(oracle(true, xd, 0, 1, n)).isEqualTo(123_457);
        assertThat(d.get(1).toLong()).isEqualTo(oracle(false, xd, 0, 1, n)).isEqualTo(777);
        x[250_000] = Float.NaN;
        x[90_000] = Float.NaN;
        x[260_000] = Float.NaN;
        d = dev.callAll(x);
        assertThat(d.get(0).toLong()).isEqualTo(90_000);
        assertThat(d.get(1).toLong()).isEqualTo(90_000);
        Vector<I32> w = ivector("w");
        Function ints = function(inputs(w), outputs(argmax(w), argmin(w)), device(DEVICE));
        int[] xi = new int[n];
        double[] xid = new double[n];
        for (int i = 0; i < n; i++) {
            xi[i] = r.nextInt(2_000_001) - 1_000_000;
            xid[i] = xi[i];
        }
        xi[5] = Integer.MAX_VALUE;
        xi[250_000] = Integer.MAX_VALUE;
        xid[5] = Integer.MAX_VALUE;
        xid[250_000] = Integer.MAX_VALUE;
        List<NDArray> di = ints.callAll(xi);
        assertThat(di.get(0).toLong()).as("int32 argmax").isEqualTo(5);
        assertThat(di.get(1).toLong()).as("int32 argmin").isEqualTo(oracle(false, xid, 0, 1, n));
    }

    @Test
    void theMiddleAxisOfATensor3_andKeepdims_withNaNs_matchTheLoops() {
        Tensor3<F64> t = dtensor3("t");
        Function dev = function(inputs(t), outputs(argmax(t, 1), argmin(t, 1), argmax(t, 1, true)), device(DEVICE));
        assertThat(((OpenClFunction) dev).hostOps()).as("on the device").isEmpty();
        int a = 3;
        int b = 50;
        int c = 4;
        Random r = new Random(8);
        double[] x = new double[a * b * c];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(5);
        }
        x[(1 * b + 30) * c + 2] = Double.NaN; // (1, 30, 2) and a later NaN in the same line
        x[(1 * b + 40) * c + 2] = Double.NaN;
        List<NDArray> d = dev.callAll(NDArray.wrap(DType.FLOAT64, new int[] {a, b, c}, x));
        for (int i = 0; i < a; i++) {
            for (int k = 0; k < c; k++) {
                int from = i * b * c + k;
                assertThat(d.get(0).getLong(i * c + k)).as("argmax at (%d, :, %d)", i, k).isEqualTo(oracle(true, x, from, c, b));
                assertThat(d.get(1).getLong(i * c + k)).as("argmin at (%d, :, %d)", i, k).isEqualTo(oracle(false, x, from, c, b));
                assertThat(d.get(2).getLong(i * c + k)).as("keepdims").isEqualTo(d.get(0).getLong(i * c + k));
            }
        }
        assertThat(d.get(0).getLong(1 * c + 2)).isEqualTo(30);
        assertThat(d.get(2).shape()).containsExactly(a, 1, c);
    }

    @Test
    void anEmptyAxis_isTheCpusError() {
        Matrix<F32> m = fmatrix("m");
        Function dev = function(inputs(m), argmax(m, 1), device(DEVICE));
        assertThatThrownBy(() -> dev.call(NDArray.zeros(DType.FLOAT32, 2, 0)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("cannot take the argmax over axis 1 of input shape (2, 0)");
        Function rows = function(inputs(m), argmin(m, 0), device(DEVICE));
        assertThat(rows.call(NDArray.zeros(DType.FLOAT32, 2, 0)).shape()).containsExactly(0);
    }
}
