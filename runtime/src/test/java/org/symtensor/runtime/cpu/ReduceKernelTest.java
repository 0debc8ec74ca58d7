package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.runtime.cpu.KernelTesting.filled;
import static org.symtensor.runtime.cpu.KernelTesting.run;
import static org.symtensor.runtime.cpu.KernelTesting.var;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.Reduce.Kind;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

class ReduceKernelTest {
    private static final NDArray M = NDArray.of(new double[][] {{1, -2, 3}, {4, 5, -6}});

    @Test
    void sum_allAxes_addsEveryElement() {
        Variable x = var("x", DType.FLOAT64, -1, -1);
        NDArray r = run(Ops.reduce(Kind.SUM, x), M);
        assertThat(r.rank()).isZero();
        assertThat(r.toDouble()).isEqualTo(5.0);
    }

    @Test
    void sum_axis0_addsDownColumns() {
        Variable x = var("x", DType.FLOAT64, -1, -1);
        assertThat(run(Ops.reduce(Kind.SUM, x, 0), M).toDoubleArray()).containsExactly(5, 3, -3);
    }

    /**
     * Sums and means over the first axis of contiguous float32 and float64 matrices (the bias
     * gradient's column sums: each row added into a row of accumulators in one vectorizable loop),
     * widths below, at and above a vector and the 1024-element run, against the plain loop that adds
     * each column top to bottom in double: the same bits, edge values included.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void sumAndMean_axis0_ofContiguousFloats_matchTheColumnLoopBitForBit(DType dt) {
        java.util.Random rnd = new java.util.Random(15);
        double[] edge = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, 1e30, -1e-30, Float.MIN_VALUE};
        for (int[] shape : new int[][] {{1, 1}, {3, 7}, {128, 10}, {128, 256}, {5, 1031}, {17, 2050}}) {
            NDArray x = NDArray.zeros(dt, shape);
            for (int i = 0; i < x.size(); i++) {
                x.setDouble(i, rnd.nextInt(50) == 0 ? edge[rnd.nextInt(edge.length)] : rnd.nextGaussian() * 1e3);
            }
            Variable v = var("x", dt, -1, -1);
            for (Kind kind : new Kind[] {Kind.SUM, Kind.MEAN}) {
                NDArray r = run(Ops.reduce(kind, v, 0), x);
                for (int j = 0; j < shape[1]; j++) {
                    double acc = 0;
                    for (int i = 0; i < shape[0]; i++) {
                        acc += x.getDoubleAt(i, j);
                    }
                    if (kind == Kind.MEAN) {
                        acc /= shape[0];
                    }
                    double want = dt == DType.FLOAT32 ? (double) (float) acc : acc;
                    double got = r.getDouble(j);
                    if (!(Double.isNaN(want) && Double.isNaN(got))) {
                        assertThat(Double.doubleToRawLongBits(got)).as("%s %s %dx%d column %d: %s, want %s", dt, kind,
                                shape[0], shape[1], j, got, want).isEqualTo(Double.doubleToRawLongBits(want));
                    }
                }
            }
        }
    }

    @Test
    void sum_negativeAxis_isNormalizedToTheLastAxis() {
        Variable x = var("x", DType.FLOAT64, -1, -1);
        Variable s = Ops.reduce(Kind.SUM, x, -1);
        assertThat(((Reduce) s.owner().op()).axes()).containsExactly(1);
        assertThat(run(s, M).toDoubleArray()).containsExactly(2, 3);
    }

    @Test
    void prodMaxMinMean_axis1_matchHandComputedRows() {
        Variable x = var("x", DType.FLOAT64, -1, -1);
        assertThat(run(Ops.reduce(Kind.PROD, x, 1), M).toDoubleArray()).containsExactly(-6, -120);
        assertThat(run(Ops.reduce(Kind.MAX, x, 1), M).toDoubleArray()).containsExactly(3, 5);
        assertThat(run(Ops.reduce(Kind.MIN, x, 1), M).toDoubleArray()).containsExactly(-2, -6);
        assertThat(run(Ops.reduce(Kind.MEAN, x, 1), M).toDoubleArray()).containsExactly(2.0 / 3, 1.0);
    }

    @Test
    void prodMaxMinMean_allAxes_matchHandComputedValues() {
        Variable x = var("x", DType.FLOAT64, -1, -1);
        assertThat(run(Ops.reduce(Kind.PROD, x), M).toDouble()).isEqualTo(720.0);
        assertThat(run(Ops.reduce(Kind.MAX, x), M).toDouble()).isEqualTo(5.0);
        assertThat(run(Ops.reduce(Kind.MIN, x), M).toDouble()).isEqualTo(-6.0);
        assertThat(run(Ops.reduce(Kind.MEAN, x), M).toDouble()).isEqualTo(5.0 / 6);
    }

    /** Every kind over every axis subset of a 3-d tensor, for a contiguous and a transposed layout. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKind_everyAxisSubsetOfATensor3_matchesPlainLoops(Kind kind) {
        int[] shape = {3, 4, 5};
        NDArray contiguous = filled(DType.FLOAT64, i -> ((i * 7) % 11) - 5 + 0.25 * (i % 3), shape);
        NDArray transposed = filled(DType.FLOAT64, i -> ((i * 7) % 11) - 5 + 0.25 * (i % 3), 5, 4, 3).transpose();
        for (NDArray x : new NDArray[] {contiguous, transposed}) {
            for (int m = 1; m < 8; m++) {
                int mask = m;
                int[] axes = java.util.stream.IntStream.range(0, 3).filter(a -> ((1 << a) & mask) != 0).toArray();
                Variable v = var("x", DType.FLOAT64, -1, -1, -1);
                if ((kind == Kind.ARGMAX || kind == Kind.ARGMIN) && axes.length == 2) {
                    // a position is over one axis or all of them (flat), as NumPy's
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ops.reduce(kind, v, axes))
                            .isInstanceOf(org.symtensor.error.ArgumentException.class);
                    continue;
                }
                NDArray r = run(Ops.reduce(kind, v, axes), x);
                NDArray expected = oracle(kind, x, mask);
                assertThat(r.allClose(expected, 1e-12, 1e-12)).as("%s over %s", kind, java.util.Arrays.toString(axes)).isTrue();
            }
        }
    }

    /** Plain nested loops over a rank-3 input; {@code mask} bit a marks axis a as reduced. */
    private static NDArray oracle(Kind kind, NDArray x, int mask) {
        int[] s = x.shape();
        java.util.List<Integer> kept = new java.util.ArrayList<>();
        for (int a = 0; a < 3; a++) {
            if ((mask & (1 << a)) == 0) {
                kept.add(s[a]);
            }
        }
        NDArray out = NDArray.zeros(org.symtensor.ir.Reduce.outputDtype(kind, DType.FLOAT64),
                kept.stream().mapToInt(Integer::intValue).toArray());
        double[] acc = new double[out.size()];
        int[] count = new int[out.size()];
        double[] best = new double[out.size()]; // argmax/argmin: the extreme so far, acc holding its position
        java.util.Arrays.fill(acc, kind == Kind.PROD || kind == Kind.ALL ? 1 : kind == Kind.MAX ? Double.NEGATIVE_INFINITY
                : kind == Kind.MIN ? Double.POSITIVE_INFINITY : 0);
        for (int i = 0; i < s[0]; i++) {
            for (int j = 0; j < s[1]; j++) {
                for (int k = 0; k < s[2]; k++) {
                    int[] idx = {i, j, k};
                    int o = 0;
                    for (int a = 0; a < 3; a++) {
                        if ((mask & (1 << a)) == 0) {
                            o = o * s[a] + idx[a];
                        }
                    }
                    double v = x.getDoubleAt(i, j, k);
                    switch (kind) {
                        case SUM, MEAN -> acc[o] += v;
                        case PROD -> acc[o] *= v;
                        case MAX -> acc[o] = Math.max(acc[o], v);
                        case MIN -> acc[o] = Math.min(acc[o], v);
                        // C order visits each group's elements in the C order of its reduced axes: count[o] is the position
                        case ARGMAX -> {
                            if (count[o] == 0 || v > best[o]) {
                                best[o] = v;
                                acc[o] = count[o];
                            }
                        }
                        case ARGMIN -> {
                            if (count[o] == 0 || v < best[o]) {
                                best[o] = v;
                                acc[o] = count[o];
                            }
                        }
                        case ALL -> acc[o] = v == 0 ? 0 : acc[o];
                        case ANY -> acc[o] = v != 0 ? 1 : acc[o];
                    }
                    count[o]++;
                }
            }
        }
        for (int o = 0; o < acc.length; o++) {
            out.setDouble(o, kind == Kind.MEAN ? acc[o] / count[o] : acc[o]);
        }
        return out;
    }

    @Test
    void sum_largeContiguousFloat32_accumulatesInDoubleAndStoresFloat32() {
        int n = 100_003;
        NDArray x = filled(DType.FLOAT32, i -> 0.1f, n);
        NDArray r = run(Ops.reduce(Kind.SUM, var("x", DType.FLOAT32, -1)), x);
        assertThat(r.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(r.toDouble()).isCloseTo(n * (double) 0.1f, within(1e-2));
    }

    @Test
    void sum_axis0OfWideMatrix_crossesChunksAlongRows() {
        int rows = 3;
        int cols = 2500;
        NDArray x = filled(DType.FLOAT64, i -> i, rows, cols);
        NDArray r = run(Ops.reduce(Kind.SUM, var("x", DType.FLOAT64, -1, -1), 0), x);
        assertThat(r.getDouble(0)).isEqualTo(0 + 2500 + 5000);
        assertThat(r.getDouble(2499)).isEqualTo(2499 + 4999 + 7499);
    }

    @Test
    void sumAndMax_int32WideMatrixAndItsTranspose_matchPlainLoops() {
        int rows = 3;
        int cols = 2500;
        NDArray x = filled(DType.INT32, i -> (i * 7919) % 1000 - 500, rows, cols);
        long[] colSums = new long[cols];
        long[] rowMax = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                colSums[j] += x.getLongAt(i, j);
                rowMax[i] = Math.max(rowMax[i], x.getLongAt(i, j));
            }
        }
        Variable v = var("x", DType.INT32, -1, -1);
        assertThat(run(Ops.reduce(Kind.SUM, v, 0), x).toLongArray()).containsExactly(colSums);
        assertThat(run(Ops.reduce(Kind.SUM, v, 1), x.transpose()).toLongArray()).containsExactly(colSums);
        assertThat(run(Ops.reduce(Kind.MAX, v, 1), x).toIntArray()).containsExactly(
                (int) rowMax[0], (int) rowMax[1], (int) rowMax[2]);
        assertThat(run(Ops.reduce(Kind.MAX, v, 0), x.transpose()).toIntArray()).containsExactly(
                (int) rowMax[0], (int) rowMax[1], (int) rowMax[2]);
    }

    @Test
    void sum_int32_accumulatesInInt64PastTheInt32Range() {
        Variable x = var("x", DType.INT32, -1);
        NDArray r = run(Ops.reduce(Kind.SUM, x), NDArray.of(new int[] {2_000_000_000, 2_000_000_000}));
        assertThat(r.dtype()).isEqualTo(DType.INT64);
        assertThat(r.toJava()).isEqualTo(4_000_000_000L);
    }

    @Test
    void prod_int8_givesInt64() {
        Variable x = var("x", DType.INT8, -1);
        NDArray r = run(Ops.reduce(Kind.PROD, x), NDArray.fromJava(new byte[] {100, 100, -3}));
        assertThat(r.dtype()).isEqualTo(DType.INT64);
        assertThat(r.toJava()).isEqualTo(-30_000L);
    }

    @Test
    void sum_bool_countsTrueValuesAsInt64() {
        Variable x = var("x", DType.BOOL, -1);
        NDArray r = run(Ops.reduce(Kind.SUM, x), NDArray.of(new boolean[] {true, false, true}));
        assertThat(r.dtype()).isEqualTo(DType.INT64);
        assertThat(r.toJava()).isEqualTo(2L);
    }

    @Test
    void mean_int32_givesFloat64() {
        Variable x = var("x", DType.INT32, -1, -1);
        NDArray r = run(Ops.reduce(Kind.MEAN, x, 0), NDArray.of(new int[][] {{1, 2}, {2, 5}}));
        assertThat(r.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(r.toDoubleArray()).containsExactly(1.5, 3.5);
    }

    @Test
    void max_uint8_keepsDtypeAndReadsUnsigned() {
        Variable x = var("x", DType.UINT8, -1);
        NDArray r = run(Ops.reduce(Kind.MAX, x), NDArray.wrap(DType.UINT8, new int[] {3}, new byte[] {1, (byte) 200, 7}));
        assertThat(r.dtype()).isEqualTo(DType.UINT8);
        assertThat(r.getLong(0)).isEqualTo(200);
    }

    @Test
    void maxAndMin_withNaN_propagateNaN() {
        Variable x = var("x", DType.FLOAT64, -1);
        NDArray in = NDArray.of(new double[] {1, Double.NaN, 3});
        assertThat(run(Ops.reduce(Kind.MAX, x), in).toDouble()).isNaN();
        assertThat(run(Ops.reduce(Kind.MIN, x), in).toDouble()).isNaN();
    }

    @Test
    void sumProdMean_ofEmptyAxis_giveIdentityOrNaN() {
        Variable x = var("x", DType.FLOAT64, -1, -1);
        NDArray empty = NDArray.zeros(DType.FLOAT64, 0, 2);
        assertThat(run(Ops.reduce(Kind.SUM, x, 0), empty).toDoubleArray()).containsExactly(0, 0);
        assertThat(run(Ops.reduce(Kind.PROD, x, 0), empty).toDoubleArray()).containsExactly(1, 1);
        assertThat(run(Ops.reduce(Kind.MEAN, x), empty).toDouble()).isNaN();
    }

    @Test
    void max_ofEmptyAxis_failsNamingOpAxisShapeAndNode() {
        Variable x = var("x", DType.FLOAT64, -1, -1);
        Variable m = Ops.reduce(Kind.MAX, x, 0);
        assertThatThrownBy(() -> run(m, NDArray.zeros(DType.FLOAT64, 0, 2)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("Max{axis=[0]}: cannot take the max over axis 0 of input shape (0, 2), which has length 0;"
                        + " max has no identity (node created at " + m.owner().createdAt() + ")");
    }

    @Test
    void min_int64OverRows_keepsInt64() {
        Variable x = var("x", DType.INT64, -1, -1);
        NDArray r = run(Ops.reduce(Kind.MIN, x, 1), NDArray.of(new long[][] {{5, Long.MIN_VALUE + 1}, {3, 4}}));
        assertThat(r.toLongArray()).containsExactly(Long.MIN_VALUE + 1, 3);
    }
}
