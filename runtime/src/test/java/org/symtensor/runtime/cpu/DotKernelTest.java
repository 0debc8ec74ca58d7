package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.runtime.cpu.KernelTesting.filled;
import static org.symtensor.runtime.cpu.KernelTesting.run;
import static org.symtensor.runtime.cpu.KernelTesting.var;

import org.junit.jupiter.api.Test;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Ops;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

class DotKernelTest {
    private static final NDArray A = NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    private static final NDArray B = NDArray.of(new double[][] {{7, 8}, {9, 10}, {11, 12}});

    @Test
    void dot_vectorVector_givesScalar() {
        Variable u = var("u", DType.FLOAT64, -1);
        NDArray r = run(Ops.dot(u, u), NDArray.of(new double[] {1, 2, 3}), NDArray.of(new double[] {4, -5, 6}));
        assertThat(r.rank()).isZero();
        assertThat(r.toDouble()).isEqualTo(12.0);
    }

    @Test
    void dot_matrixVector_givesVector() {
        Variable m = var("m", DType.FLOAT64, -1, -1);
        Variable v = var("v", DType.FLOAT64, -1);
        NDArray r = run(Ops.dot(m, v), A, NDArray.of(new double[] {1, 0, -1}));
        assertThat(r.toDoubleArray()).containsExactly(-2, -2);
    }

    @Test
    void dot_vectorMatrix_givesVector() {
        Variable v = var("v", DType.FLOAT64, -1);
        Variable m = var("m", DType.FLOAT64, -1, -1);
        NDArray r = run(Ops.dot(v, m), NDArray.of(new double[] {1, 0, -1}), B);
        assertThat(r.toDoubleArray()).containsExactly(-4, -4);
    }

    @Test
    void dot_matrixMatrix_float64_matchesHandComputedProduct() {
        Variable a = var("a", DType.FLOAT64, -1, -1);
        Variable b = var("b", DType.FLOAT64, -1, -1);
        NDArray r = run(Ops.dot(a, b), A, B);
        assertThat(r.toDoubleMatrix()).isEqualTo(new double[][] {{58, 64}, {139, 154}});
    }

    @Test
    void dot_matrixMatrix_float32_staysFloat32() {
        Variable a = var("a", DType.FLOAT32, -1, -1);
        Variable b = var("b", DType.FLOAT32, -1, -1);
        NDArray r = run(Ops.dot(a, b), A.astype(DType.FLOAT32), B.astype(DType.FLOAT32));
        assertThat(r.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(r.toFloatMatrix()).isEqualTo(new float[][] {{58, 64}, {139, 154}});
    }

    @Test
    void dot_matrixMatrix_transposedInput_usesLogicalLayout() {
        Variable a = var("a", DType.FLOAT64, -1, -1);
        Variable b = var("b", DType.FLOAT64, -1, -1);
        NDArray r = run(Ops.dot(a, b), A.transpose(), B.transpose());
        assertThat(r.toDoubleMatrix()).isEqualTo(new double[][] {{39, 49, 59}, {54, 68, 82}, {69, 87, 105}});
    }

    @Test
    void dot_int32MatrixMatrixAndMatrixVector_accumulateExactly() {
        Variable a = var("a", DType.INT32, -1, -1);
        Variable b = var("b", DType.INT32, -1, -1);
        Variable v = var("v", DType.INT32, -1);
        NDArray ai = A.astype(DType.INT32);
        NDArray r = run(Ops.dot(a, b), ai, B.astype(DType.INT32));
        NDArray mv = run(Ops.dot(a, v), ai.transpose().copy().transpose(), NDArray.of(new int[] {1, 1, 1}));
        assertThat(r.dtype()).isEqualTo(DType.INT32);
        assertThat(r.toIntMatrix()).isEqualTo(new int[][] {{58, 64}, {139, 154}});
        assertThat(mv.toIntArray()).containsExactly(6, 15);
    }

    @Test
    void dot_int32WithFloat64_computesInFloat64() {
        Variable a = var("a", DType.INT32, -1, -1);
        Variable b = var("b", DType.FLOAT64, -1, -1);
        NDArray r = run(Ops.dot(a, b), A.astype(DType.INT32), B.transpose().copy().transpose());
        assertThat(r.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(r.toDoubleMatrix()).isEqualTo(new double[][] {{58, 64}, {139, 154}});
    }

    @Test
    void dot_largerRandomMatrices_matchNaiveTripleLoop() {
        int m = 37;
        int k = 53;
        int n = 29;
        NDArray a = filled(DType.FLOAT64, i -> Math.sin(i), m, k);
        NDArray b = filled(DType.FLOAT64, i -> Math.cos(3 * i), n, k).transpose();
        NDArray expected = NDArray.zeros(DType.FLOAT64, m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double t = 0;
                for (int p = 0; p < k; p++) {
                    t += a.getDoubleAt(i, p) * b.getDoubleAt(p, j);
                }
                expected.setDoubleAt(t, i, j);
            }
        }
        NDArray r = run(Ops.dot(var("a", DType.FLOAT64, -1, -1), var("b", DType.FLOAT64, -1, -1)), a, b);
        assertThat(r.allClose(expected, 1e-12, 1e-12)).isTrue();
    }

    @Test
    void dot_emptyInnerDimension_givesZeros() {
        Variable a = var("a", DType.FLOAT64, -1, -1);
        Variable b = var("b", DType.FLOAT64, -1, -1);
        NDArray r = run(Ops.dot(a, b), NDArray.zeros(DType.FLOAT64, 2, 0), NDArray.zeros(DType.FLOAT64, 0, 3));
        assertThat(r.toDoubleMatrix()).isEqualTo(new double[][] {{0, 0, 0}, {0, 0, 0}});
    }

    @Test
    void dot_innerDimensionMismatch_failsNamingBothShapesAndNode() {
        Variable a = var("a", DType.FLOAT64, -1, -1);
        Variable b = var("b", DType.FLOAT64, -1, -1);
        Variable d = Ops.dot(a, b);
        assertThatThrownBy(() -> run(d, A, A))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("Dot: inner dimensions differ: shapes (2, 3) and (2, 3) (axis 1 of the first has length 3,"
                        + " axis 0 of the second has length 2) (node created at " + d.owner().createdAt() + ")");
    }
}
