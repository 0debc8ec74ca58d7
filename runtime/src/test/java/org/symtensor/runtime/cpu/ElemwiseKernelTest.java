package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.runtime.cpu.KernelTesting.filled;
import static org.symtensor.runtime.cpu.KernelTesting.run;
import static org.symtensor.runtime.cpu.KernelTesting.var;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

class ElemwiseKernelTest {

    // ------------------------------------------------------------ every op against an independent reference

    static Stream<Arguments> opsAndDtypes() {
        List<Arguments> all = new ArrayList<>();
        for (ScalarOp op : ScalarOp.values()) {
            if (op == ScalarOp.CAST) {
                continue;
            }
            for (DType dt : DType.values()) {
                if (!op.accepts(dt)) {
                    continue; // an integer-only op refuses the dtype at build time (BitwiseTest checks it)
                }
                for (boolean strided : new boolean[] {false, true}) {
                    all.add(Arguments.of(op, dt, strided));
                }
            }
        }
        return all.stream();
    }

    /**
     * Inputs cross several blocks; in the strided layout the first input is a transposed view and
     * the second a broadcast row, so every feed (in place, contiguous, strided, constant) is used.
     */
    @ParameterizedTest(name = "{0} on {1}, strided={2}")
    @MethodSource("opsAndDtypes")
    void everyScalarOp_matchesTheIndependentReferenceElementByElement(ScalarOp op, DType dt, boolean strided) {
        int rows = 40;
        int cols = 60;
        NDArray a = strided
                ? filled(dt, i -> value(dt, i, 37), cols, rows).transpose()
                : filled(dt, i -> value(dt, i, 37), rows, cols);
        NDArray b = strided ? filled(dt, i -> value(dt, i, 53), 1, cols) : filled(dt, i -> value(dt, i, 53), rows, cols);
        DType condDtype = dt.isFloat() ? DType.INT8 : dt;
        NDArray cond = filled(condDtype, i -> i % 3 == 0 ? 0 : 1, rows, cols);
        NDArray c = filled(dt, i -> value(dt, i, 29), rows, cols);

        Variable x = var("x", dt, -1, -1);
        Variable yRow = var("y", dt, strided ? 1 : -1, -1);
        Variable z = var("z", dt, -1, -1);
        Variable k = var("k", condDtype, -1, -1);
        Variable out;
        NDArray[] in;
        switch (op.arity()) {
            case 1 -> { out = Ops.elemwise(op, x); in = new NDArray[] {a}; }
            case 2 -> { out = Ops.elemwise(op, x, yRow); in = new NDArray[] {a, b}; }
            default -> { out = Ops.elemwise(op, k, x, z); in = new NDArray[] {cond, a, c}; }
        }
        NDArray expected = oracle(op, out.type().dtype(), in, rows, cols);

        NDArray actual = run(out, in);

        if (isVectorizedTranscendental(op) && actual.dtype().isFloat()) {
            // the Vector API's exp/log/tanh are within a couple of ulps of Math's, not bit-exact
            double rtol = actual.dtype() == DType.FLOAT32 ? 1e-6 : 1e-14;
            for (int i = 0; i < expected.size(); i++) {
                double want = expected.getDouble(i);
                double got = actual.getDouble(i);
                assertThat(got == want || Double.isNaN(got) && Double.isNaN(want) || Math.abs(got - want) <= rtol * Math.abs(want))
                        .as("element %d: %s vs %s", i, got, want).isTrue();
            }
        } else {
            assertThat(actual).isEqualTo(expected);
        }
        assertThat(actual.isContiguous()).isTrue();
    }

    private static boolean isVectorizedTranscendental(ScalarOp op) {
        return switch (op) {
            case EXP, LOG, LOG1P, EXPM1, TANH, SIGMOID, SOFTPLUS -> true; // softplus: the reference's formula rounds differently
            default -> false;
        };
    }

    /** Element {@code i} of a test input: small signed values with zeros, wide enough to overflow int8. */
    private static double value(DType dt, int i, int mul) {
        int base = (i * mul) % 23 - 11;
        return switch (dt) {
            case BOOL -> Math.abs(base) % 2;
            case INT8 -> base * 11;
            case UINT8 -> Math.abs(base) * 23;
            case INT16 -> base * 3001;
            case INT32, INT64 -> base;
            case FLOAT32, FLOAT64 -> base * 0.75;
        };
    }

    /** Reference: the independent {@link ScalarReference} per element (not the table the kernel runs), stored through NDArray's conversions. */
    private static NDArray oracle(ScalarOp op, DType outDtype, NDArray[] in, int rows, int cols) {
        boolean inDouble = outDtype.isFloat();
        for (int k = op == ScalarOp.SECOND ? 1 : 0; k < in.length; k++) {
            inDouble |= in[k].dtype().isFloat();
        }
        NDArray out = NDArray.zeros(outDtype, rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double[] d = new double[3];
                long[] l = new long[3];
                for (int k = 0; k < in.length; k++) {
                    int ii = in[k].shape(0) == 1 ? 0 : i;
                    d[k] = in[k].getDoubleAt(ii, j);
                    l[k] = in[k].getLongAt(ii, j);
                }
                if (inDouble) {
                    out.setDoubleAt(ScalarReference.ofDouble(op, d[0], d[1], d[2]), i, j);
                } else {
                    out.setLong(i * cols + j, ScalarReference.ofLong(op, l[0], l[1], l[2]));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------ hand-computed values

    @Test
    void exp_float32_roundsToFloat32() {
        Variable x = var("x", DType.FLOAT32, -1);
        NDArray r = run(Ops.elemwise(ScalarOp.EXP, x), NDArray.of(new float[] {0f, 1f, -1f}));
        assertThat(r.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(r.toFloatArray()).containsExactly(1f, (float) Math.E, (float) (1 / Math.E));
    }

    @Test
    void sigmoid_largeMagnitudes_staysFinite() {
        Variable x = var("x", DType.FLOAT64, -1);
        NDArray r = run(Ops.elemwise(ScalarOp.SIGMOID, x), NDArray.of(new double[] {0, -800, 800}));
        assertThat(r.toDoubleArray()).containsExactly(0.5, 0.0, 1.0);
    }

    @Test
    void add_int8_wrapsAroundItsWidth() {
        Variable x = var("x", DType.INT8, -1);
        NDArray in = NDArray.fromJava(new byte[] {100, -100, 127});
        NDArray r = run(Ops.elemwise(ScalarOp.ADD, x, x), in, in);
        assertThat(r.dtype()).isEqualTo(DType.INT8);
        assertThat(r.toJava()).isEqualTo(new byte[] {-56, 56, -2});
    }

    @Test
    void intDivAndMod_int32_floorTowardMinusInfinityAndGiveZeroForZeroDivisor() {
        Variable x = var("x", DType.INT32, -1);
        Variable y = var("y", DType.INT32, -1);
        NDArray a = NDArray.of(new int[] {7, -7, 7, 5});
        NDArray b = NDArray.of(new int[] {2, 2, -2, 0});
        assertThat(run(Ops.elemwise(ScalarOp.INT_DIV, x, y), a, b).toIntArray()).containsExactly(3, -4, -4, 0);
        assertThat(run(Ops.elemwise(ScalarOp.MOD, x, y), a, b).toIntArray()).containsExactly(1, 1, -1, 0);
    }

    @Test
    void mod_float64_takesTheSignOfTheDivisor() {
        Variable x = var("x", DType.FLOAT64, -1);
        Variable y = var("y", DType.FLOAT64, -1);
        NDArray r = run(Ops.elemwise(ScalarOp.MOD, x, y), NDArray.of(new double[] {5.5, -5.5}), NDArray.of(new double[] {2, 2}));
        assertThat(r.toDoubleArray()).containsExactly(1.5, 0.5);
    }

    @Test
    void add_int32WithFloat32_computesInFloat64() {
        Variable x = var("x", DType.INT32, -1);
        Variable y = var("y", DType.FLOAT32, -1);
        NDArray r = run(Ops.elemwise(ScalarOp.ADD, x, y), NDArray.of(new int[] {16777217}), NDArray.of(new float[] {0f}));
        assertThat(r.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(r.toDoubleArray()).containsExactly(16777217.0);
    }

    @Test
    void lt_float64_givesBoolZeroOne() {
        Variable x = var("x", DType.FLOAT64, -1);
        Variable y = var("y", DType.FLOAT64, -1);
        NDArray r = run(Ops.elemwise(ScalarOp.LT, x, y), NDArray.of(new double[] {1, 2, Double.NaN}),
                NDArray.of(new double[] {2, 2, 0}));
        assertThat(r.dtype()).isEqualTo(DType.BOOL);
        assertThat(r.toJava()).isEqualTo(new boolean[] {true, false, false});
    }

    @Test
    void cast_float64ToInt32_truncatesTowardZero() {
        Variable x = var("x", DType.FLOAT64, -1);
        NDArray r = run(Ops.cast(x, DType.INT32), NDArray.of(new double[] {2.9, -2.9, 0.5}));
        assertThat(r.dtype()).isEqualTo(DType.INT32);
        assertThat(r.toIntArray()).containsExactly(2, -2, 0);
    }

    @Test
    void cast_int64ToInt8_wrapsAndToBool_testsNonZero() {
        Variable x = var("x", DType.INT64, -1);
        NDArray in = NDArray.of(new long[] {300, -1, 0});
        assertThat(run(Ops.cast(x, DType.INT8), in).toJava()).isEqualTo(new byte[] {44, -1, 0});
        assertThat(run(Ops.cast(x, DType.BOOL), in).toJava()).isEqualTo(new boolean[] {true, true, false});
    }

    @Test
    void cast_int32ToFloat32_convertsValues() {
        Variable x = var("x", DType.INT32, 2);
        NDArray r = run(Ops.cast(x, DType.FLOAT32), NDArray.of(new int[] {3, -4}));
        assertThat(r.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(r.toFloatArray()).containsExactly(3f, -4f);
    }

    @Test
    void second_float64ShapeWithInt64Values_keepsInt64Exact() {
        Variable x = var("x", DType.FLOAT64, -1);
        Variable y = var("y", DType.INT64, -1);
        long big = (1L << 60) + 1;
        NDArray r = run(Ops.elemwise(ScalarOp.SECOND, x, y), NDArray.of(new double[] {0, 0}), NDArray.of(new long[] {big, 3}));
        assertThat(r.toLongArray()).containsExactly(big, 3);
    }

    // ------------------------------------------------------------ broadcasting and layouts

    @Test
    void add_rowPlusMatrix_broadcastsAlongRows() {
        Variable m = var("m", DType.FLOAT64, -1, -1);
        Variable row = var("row", DType.FLOAT64, 1, -1);
        NDArray r = run(Ops.elemwise(ScalarOp.ADD, row, m),
                NDArray.of(new double[][] {{10, 20, 30}}), NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        assertThat(r.toDoubleMatrix()).isEqualTo(new double[][] {{11, 22, 33}, {14, 25, 36}});
    }

    @Test
    void sub_matrixMinusColumn_broadcastsAlongColumns() {
        Variable m = var("m", DType.INT32, -1, -1);
        Variable col = var("col", DType.INT32, -1, 1);
        NDArray r = run(Ops.elemwise(ScalarOp.SUB, m, col),
                NDArray.of(new int[][] {{1, 2, 3}, {4, 5, 6}}), NDArray.of(new int[][] {{1}, {10}}));
        assertThat(r.toIntMatrix()).isEqualTo(new int[][] {{0, 1, 2}, {-6, -5, -4}});
    }

    @Test
    void mul_scalarTimesMatrix_broadcastsAfterRankPadding() {
        Variable s = var("s", DType.FLOAT64);
        Variable m = var("m", DType.FLOAT64, -1, -1);
        Variable prod = Ops.elemwise(ScalarOp.MUL, s, m);
        Variable padded = prod.owner().inputs().get(0);
        NDArray sPadded = run(padded, NDArray.of(3.0));

        NDArray r = run(prod, sPadded, NDArray.of(new double[][] {{1, 2}, {3, 4}}));

        assertThat(sPadded.shape()).containsExactly(1, 1);
        assertThat(r.toDoubleMatrix()).isEqualTo(new double[][] {{3, 6}, {9, 12}});
    }

    @Test
    void add_transposedView_readsLogicalOrder() {
        Variable x = var("x", DType.FLOAT64, -1, -1);
        NDArray t = NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).transpose();
        NDArray r = run(Ops.elemwise(ScalarOp.ADD, x, x), t, t);
        assertThat(r.toDoubleMatrix()).isEqualTo(new double[][] {{2, 8}, {4, 10}, {6, 12}});
    }

    @Test
    void add_strideZeroBroadcastView_readsTheRepeatedElements() {
        Variable x = var("x", DType.FLOAT32, -1, -1);
        Variable y = var("y", DType.FLOAT32, -1, -1);
        NDArray view = NDArray.of(new float[] {1f, 2f}).broadcastTo(3, 2);
        NDArray r = run(Ops.elemwise(ScalarOp.ADD, x, y), view, NDArray.of(new float[][] {{0, 0}, {10, 10}, {20, 20}}));
        assertThat(r.toFloatMatrix()).isEqualTo(new float[][] {{1, 2}, {11, 12}, {21, 22}});
    }

    @Test
    void add_emptyAxisWithLengthOne_givesEmptyResult() {
        Variable x = var("x", DType.FLOAT64, -1, -1);
        Variable y = var("y", DType.FLOAT64, 1, -1);
        NDArray r = run(Ops.elemwise(ScalarOp.ADD, x, y), NDArray.zeros(DType.FLOAT64, 0, 3), NDArray.zeros(DType.FLOAT64, 1, 3));
        assertThat(r.shape()).containsExactly(0, 3);
    }

    @Test
    void add_runTimeLengthsThatDoNotBroadcast_failsNamingOpAxisShapesAndNode() {
        Variable x = var("x", DType.FLOAT64, -1, -1);
        Variable y = var("y", DType.FLOAT64, -1, -1);
        Variable sum = Ops.elemwise(ScalarOp.ADD, x, y);
        String createdAt = sum.owner().createdAt().toString();

        assertThatThrownBy(() -> run(sum, NDArray.zeros(DType.FLOAT64, 2, 3), NDArray.zeros(DType.FLOAT64, 4, 3)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("Elemwise{add}: input 1 'y' of shape (4, 3) (type (?, ?)) has length 4 on axis 0 but 'x'"
                        + " (input 0) has shape (2, 3) (node created at " + createdAt + ")");
    }

    @Test
    void add_scalars_givesZeroDimensionalResultOfOutputDtype() {
        Variable x = var("x", DType.FLOAT32);
        Variable y = var("y", DType.FLOAT32);
        Variable i = var("i", DType.INT16);
        NDArray f = run(Ops.elemwise(ScalarOp.ADD, x, y), NDArray.of(2f), NDArray.of(0.5f));
        NDArray s = run(Ops.elemwise(ScalarOp.MUL, i, i), NDArray.fromJava((short) 300), NDArray.fromJava((short) 300));
        assertThat(f.rank()).isZero();
        assertThat(f.toJava()).isEqualTo(2.5f);
        assertThat(s.toJava()).isEqualTo((short) (300 * 300));
    }

    @Test
    void switch_broadcastCondition_picksPerElement() {
        Variable c = var("c", DType.BOOL, 1, -1);
        Variable a = var("a", DType.INT64, -1, -1);
        Variable b = var("b", DType.INT64, -1, -1);
        NDArray r = run(Ops.elemwise(ScalarOp.SWITCH, c, a, b), NDArray.of(new boolean[][] {{true, false}}),
                NDArray.of(new long[][] {{1, 2}, {3, 4}}), NDArray.of(new long[][] {{-1, -2}, {-3, -4}}));
        assertThat(r.toJava()).isEqualTo(new long[][] {{1, -2}, {3, -4}});
    }

    @Test
    void add_doesNotWriteIntoItsInputs() {
        Variable x = var("x", DType.FLOAT64, -1);
        NDArray a = NDArray.of(new double[] {1, 2, 3});
        run(Ops.elemwise(ScalarOp.ADD, x, x), a, a);
        assertThat(a.toDoubleArray()).containsExactly(1, 2, 3);
    }
}
