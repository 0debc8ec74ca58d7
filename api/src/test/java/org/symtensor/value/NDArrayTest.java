package org.symtensor.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.symtensor.type.DType;

class NDArrayTest {

    // ------------------------------------------------------------ factories

    @Test
    void of_scalars_areZeroDimensionalWithJavaDtype() {
        assertThat(NDArray.of(2.5).dtype()).isEqualTo(DType.FLOAT64);
        assertThat(NDArray.of(2.5f).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(NDArray.of(7).dtype()).isEqualTo(DType.INT32);
        assertThat(NDArray.of(7L).dtype()).isEqualTo(DType.INT64);
        assertThat(NDArray.of(true).dtype()).isEqualTo(DType.BOOL);
        assertThat(NDArray.of(2.5).rank()).isZero();
        assertThat(NDArray.of(2.5).shape()).isEmpty();
        assertThat(NDArray.of(2.5).size()).isEqualTo(1);
        assertThat(NDArray.of(2.5).toDouble()).isEqualTo(2.5);
        assertThat(NDArray.of(7L).toLong()).isEqualTo(7L);
        assertThat(NDArray.of(true).toBoolean()).isTrue();
    }

    @Test
    void of_matrix_roundTripsThroughToDoubleMatrix() {
        double[][] m = {{1, 2, 3}, {4, 5, 6}};
        NDArray a = NDArray.of(m);
        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.strides()).containsExactly(3, 1);
        assertThat(a.toDoubleMatrix()).isDeepEqualTo(m);
        assertThat(a.getDoubleAt(1, 2)).isEqualTo(6.0);
        assertThat(a.getDouble(4)).isEqualTo(5.0);
    }

    @Test
    void of_copiesTheJavaArray() {
        double[] v = {1, 2};
        NDArray a = NDArray.of(v);
        v[0] = 99;
        assertThat(a.getDouble(0)).isEqualTo(1.0);
    }

    @Test
    void of_everyElementType_roundTripsThroughToJava() {
        assertThat((float[][]) NDArray.of(new float[][] {{1f, 2f}}).toJava()).isDeepEqualTo(new float[][] {{1f, 2f}});
        assertThat((int[][]) NDArray.of(new int[][] {{1}, {2}}).toJava()).isDeepEqualTo(new int[][] {{1}, {2}});
        assertThat((long[]) NDArray.of(new long[] {1L << 40}).toJava()).containsExactly(1L << 40);
        assertThat((boolean[][]) NDArray.of(new boolean[][] {{true, false}}).toJava())
                .isDeepEqualTo(new boolean[][] {{true, false}});
        assertThat((double[][][]) NDArray.of(new double[][][] {{{1}, {2}}}).toJava())
                .isDeepEqualTo(new double[][][] {{{1}, {2}}});
        assertThat(NDArray.of(3.0).toJava()).isEqualTo(3.0);
        assertThat(NDArray.of(false).toJava()).isEqualTo(false);
        assertThat(NDArray.of(7).toJava()).isEqualTo(7);
        assertThat(NDArray.fromJava((byte) -3).toJava()).isEqualTo((byte) -3);
    }

    @Test
    void fromJava_boxedAndPrimitiveArrays_pickTheJavaDtype() {
        assertThat(NDArray.fromJava(3).dtype()).isEqualTo(DType.INT32);
        assertThat(NDArray.fromJava((short) 3).dtype()).isEqualTo(DType.INT16);
        assertThat(NDArray.fromJava((byte) 3).dtype()).isEqualTo(DType.INT8);
        assertThat(NDArray.fromJava(Boolean.TRUE).toBoolean()).isTrue();
        NDArray a = NDArray.fromJava(new int[][][][] {{{{1, 2}}}, {{{3, 4}}}});
        assertThat(a.shape()).containsExactly(2, 1, 1, 2);
        assertThat(a.getLongAt(1, 0, 0, 1)).isEqualTo(4L);
    }

    @Test
    void fromJava_ndarray_isReturnedAsIs() {
        NDArray a = NDArray.of(new double[] {1, 2});
        assertThat(NDArray.fromJava(a)).isSameAs(a);
    }

    @Test
    void fromJava_withDtype_converts() {
        NDArray a = NDArray.fromJava(new double[] {1.7, -1.7}, DType.INT32);
        assertThat(a.dtype()).isEqualTo(DType.INT32);
        assertThat(a.toIntArray()).containsExactly(1, -1);
    }

    @Test
    void fromJava_raggedArray_failsNamingRow() {
        assertThatThrownBy(() -> NDArray.fromJava(new double[][] {{1, 2}, {3, 4, 5}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ragged nested array: row 1 has length 3, expected 2");
    }

    @Test
    void fromJava_raggedDeepArray_failsNamingPosition() {
        assertThatThrownBy(() -> NDArray.fromJava(new int[][][] {{{1}, {2}}, {{3}, {4, 5}}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ragged nested array: row [1, 1] has length 2, expected 1");
    }

    @Test
    void fromJava_nullRow_failsNamingRow() {
        assertThatThrownBy(() -> NDArray.fromJava(new double[][] {{1}, null}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ragged nested array: row 1 is null");
    }

    @Test
    void fromJava_unsupportedType_failsNamingType() {
        assertThatThrownBy(() -> NDArray.fromJava("1.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot convert java.lang.String to an NDArray");
        assertThatThrownBy(() -> NDArray.fromJava(new double[1][1][1][1][1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("double[][][][][]");
        assertThatThrownBy(() -> NDArray.fromJava(new char[] {'a'}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot convert char[] to an NDArray");
    }

    @Test
    void zerosAndFull_fillEveryElement() {
        assertThat(NDArray.zeros(DType.INT16, 2, 2).toJava()).isEqualTo(new short[][] {{0, 0}, {0, 0}});
        NDArray f = NDArray.full(DType.FLOAT32, 1.5, 3);
        assertThat(f.toFloatArray()).containsExactly(1.5f, 1.5f, 1.5f);
        // the fill value is a double, so it converts as a float does: saturating (see Conversions.floatToInt)
        assertThat(NDArray.full(DType.INT8, 300, 2).toIntArray()).containsExactly(127, 127);
    }

    @Test
    void wrap_sharesTheArray() {
        float[] data = {1, 2, 3, 4, 5, 6};
        NDArray a = NDArray.wrap(DType.FLOAT32, new int[] {2, 3}, data);
        data[5] = 60;
        assertThat(a.getDoubleAt(1, 2)).isEqualTo(60.0);
        assertThat(a.data()).isSameAs(data);
        assertThat(a.contiguous()).isSameAs(a);
    }

    @Test
    void wrap_wrongArrayType_failsNamingBoth() {
        assertThatThrownBy(() -> NDArray.wrap(DType.FLOAT32, new int[] {2}, new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wrap: float32 data must be a float[], got double[]");
    }

    @Test
    void wrap_wrongLength_failsNamingBoth() {
        assertThatThrownBy(() -> NDArray.wrap(DType.INT64, new int[] {2, 3}, new long[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wrap: data has length 5, expected 6 for shape (2, 3)");
    }

    @Test
    void zeros_negativeLength_fails() {
        assertThatThrownBy(() -> NDArray.zeros(DType.FLOAT64, 2, -1))
                .isInstanceOf(org.symtensor.error.ShapeMismatchException.class)
                .hasMessage("shape (2, -1) has a negative length");
    }

    // ------------------------------------------------------------ element access

    @Test
    void setAndGet_convertOnStore() {
        NDArray a = NDArray.zeros(DType.INT32, 3);
        a.setDouble(0, -2.9);
        a.setLong(1, (1L << 32) + 5);
        a.setDoubleAt(7, 2);
        assertThat(a.toIntArray()).containsExactly(-2, 5, 7);
        NDArray f = NDArray.zeros(DType.FLOAT64, 1);
        f.setLong(0, 3);
        assertThat(f.getLong(0)).isEqualTo(3L);
        assertThat(NDArray.of(-2.7).getLong(0)).isEqualTo(-2L);
    }

    @Test
    void getDouble_flatIndexOutOfRange_failsNamingShape() {
        assertThatThrownBy(() -> NDArray.of(new double[] {1, 2}).getDouble(2))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("flat index 2 is out of bounds for shape (2,) (size 2)");
    }

    @Test
    void getDoubleAt_wrongArity_failsNamingRank() {
        assertThatThrownBy(() -> NDArray.zeros(DType.FLOAT64, 2, 3).getDoubleAt(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index [1] has 1 entries, expected 2 for shape (2, 3)");
        assertThatThrownBy(() -> NDArray.zeros(DType.FLOAT64, 2, 3).getDoubleAt(1, 3))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index [1, 3] is out of bounds for shape (2, 3): axis 1 has length 3");
    }

    // ------------------------------------------------------------ views

    @Test
    void transpose_isAViewWithSwappedIndices() {
        NDArray a = NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        NDArray t = a.transpose();
        assertThat(t.shape()).containsExactly(3, 2);
        assertThat(t.data()).isSameAs(a.data());
        assertThat(t.isContiguous()).isFalse();
        assertThat(t.toDoubleMatrix()).isDeepEqualTo(new double[][] {{1, 4}, {2, 5}, {3, 6}});
        assertThat(t.getDouble(1)).isEqualTo(4.0);
        a.setDoubleAt(50, 1, 1);
        assertThat(t.getDoubleAt(1, 1)).isEqualTo(50.0);
    }

    @Test
    void dimshuffle_insertsBroadcastableAxes() {
        NDArray v = NDArray.of(new double[] {1, 2, 3});
        NDArray row = v.dimshuffle(-1, 0);
        assertThat(row.shape()).containsExactly(1, 3);
        assertThat(row.getDoubleAt(0, 2)).isEqualTo(3.0);
        NDArray col = v.dimshuffle(0, -1);
        assertThat(col.shape()).containsExactly(3, 1);
        assertThat(col.getDoubleAt(1, 0)).isEqualTo(2.0);
    }

    @Test
    void dimshuffle_permutesAndDropsLengthOneAxes() {
        NDArray a = NDArray.fromJava(new int[][][] {{{1, 2, 3}}, {{4, 5, 6}}}); // (2, 1, 3)
        NDArray p = a.dimshuffle(2, 0);
        assertThat(p.shape()).containsExactly(3, 2);
        assertThat(p.toIntMatrix()).isDeepEqualTo(new int[][] {{1, 4}, {2, 5}, {3, 6}});
    }

    @Test
    void dimshuffle_droppingALongAxis_failsNamingAxis() {
        assertThatThrownBy(() -> NDArray.zeros(DType.FLOAT32, 2, 3).dimshuffle(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dimshuffle [1]: cannot drop axis 0 of shape (2, 3): it has length 2, expected 1");
        assertThatThrownBy(() -> NDArray.zeros(DType.FLOAT32, 2, 3).dimshuffle(0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dimshuffle [0, 0]: axis 0 appears twice");
        assertThatThrownBy(() -> NDArray.zeros(DType.FLOAT32, 2, 3).dimshuffle(0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dimshuffle [0, 2]: axis 2 is out of range for shape (2, 3); expected -1 or 0..1");
    }

    @Test
    void broadcastTo_repeatsWithZeroStride() {
        NDArray v = NDArray.of(new int[] {1, 2, 3});
        NDArray b = v.broadcastTo(2, 3);
        assertThat(b.strides()).containsExactly(0, 1);
        assertThat(b.toIntMatrix()).isDeepEqualTo(new int[][] {{1, 2, 3}, {1, 2, 3}});
        NDArray c = NDArray.of(new int[][] {{7}, {8}}).broadcastTo(2, 2);
        assertThat(c.toIntMatrix()).isDeepEqualTo(new int[][] {{7, 7}, {8, 8}});
        assertThat(NDArray.of(4.0).broadcastTo(2).toDoubleArray()).containsExactly(4.0, 4.0);
    }

    @Test
    void broadcastTo_incompatibleAxis_failsNamingBothShapes() {
        assertThatThrownBy(() -> NDArray.zeros(DType.FLOAT64, 2, 3).broadcastTo(4, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot broadcast shape (2, 3) to (4, 3): axis 0 has length 2, expected 1 or 4");
        assertThatThrownBy(() -> NDArray.zeros(DType.FLOAT64, 2, 3).broadcastTo(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot broadcast shape (2, 3) to (3,): target has rank 1, expected at least 2");
    }

    @Test
    void reshape_contiguous_isAView() {
        NDArray a = NDArray.of(new double[] {1, 2, 3, 4, 5, 6});
        NDArray r = a.reshape(2, -1);
        assertThat(r.shape()).containsExactly(2, 3);
        assertThat(r.data()).isSameAs(a.data());
        assertThat(r.getDoubleAt(1, 0)).isEqualTo(4.0);
    }

    @Test
    void reshape_transposed_copiesInLogicalOrder() {
        NDArray t = NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).transpose();
        NDArray r = t.reshape(6);
        assertThat(r.data()).isNotSameAs(t.data());
        assertThat(r.toDoubleArray()).containsExactly(1, 4, 2, 5, 3, 6);
    }

    @Test
    void reshape_sizeMismatch_failsNamingBothShapes() {
        assertThatThrownBy(() -> NDArray.zeros(DType.FLOAT64, 2, 3).reshape(4, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot reshape array of shape (2, 3) (size 6) into shape (4, 2)");
        assertThatThrownBy(() -> NDArray.zeros(DType.FLOAT64, 2, 3).reshape(4, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot reshape array of shape (2, 3) (size 6) into shape (4, -1)");
    }

    @Test
    void copyAndContiguous_ofAView_areCOrder() {
        NDArray t = NDArray.of(new int[][] {{1, 2}, {3, 4}}).transpose();
        NDArray c = t.contiguous();
        assertThat(c).isNotSameAs(t);
        assertThat(c.isContiguous()).isTrue();
        assertThat((int[]) c.data()).containsExactly(1, 3, 2, 4);
        assertThat(c).isEqualTo(t);
    }

    // ------------------------------------------------------------ astype

    @Test
    void astype_floatToInt_truncatesTowardZero() {
        NDArray a = NDArray.of(new double[] {2.9, -2.9, 0.5, -0.5}).astype(DType.INT32);
        assertThat(a.toIntArray()).containsExactly(2, -2, 0, 0);
    }

    @Test
    void astype_ofIntsToInt8_wraps_butOfFloatsSaturates() {
        NDArray a = NDArray.of(new int[] {127, 128, 255, 256, -129}).astype(DType.INT8);
        assertThat(a.toIntArray()).containsExactly(127, -128, -1, 0, 127);
        assertThat(NDArray.of(new double[] {200.7, -200.7}).astype(DType.INT8).toIntArray()).containsExactly(127, -128);
    }

    @Test
    void astype_toUint8_readsZeroTo255() {
        NDArray a = NDArray.of(new int[] {0, 200, 255, 256, -1}).astype(DType.UINT8);
        assertThat(a.toIntArray()).containsExactly(0, 200, 255, 0, 255);
        assertThat(a.getDouble(1)).isEqualTo(200.0);
        assertThat(a.toString()).isEqualTo("[0, 200, 255, 0, 255]");
    }

    @Test
    void astype_toBool_storesNonZero() {
        NDArray a = NDArray.of(new double[] {0, 0.1, -3, Double.NaN}).astype(DType.BOOL);
        assertThat((boolean[]) a.toJava()).containsExactly(false, true, true, true);
        assertThat((byte[]) a.data()).containsExactly(0, 1, 1, 1);
    }

    @Test
    void astype_int64ToFloat32_andBoolToInt() {
        assertThat(NDArray.of(new long[] {1L << 40}).astype(DType.FLOAT32).toFloatArray())
                .containsExactly((float) (1L << 40));
        assertThat(NDArray.of(new boolean[] {true, false}).astype(DType.INT64).toLongArray()).containsExactly(1L, 0L);
    }

    // ------------------------------------------------------------ conversions out

    @Test
    void toDouble_nonScalar_failsNamingShape() {
        assertThatThrownBy(() -> NDArray.zeros(DType.FLOAT64, 2, 3).toDouble())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("expected a single value (size 1), got shape (2, 3)");
    }

    @Test
    void toDouble_sizeOneArray_isAllowed() {
        assertThat(NDArray.of(new double[][] {{4}}).toDouble()).isEqualTo(4.0);
    }

    @Test
    void toDoubleArray_wrongRank_failsNamingRank() {
        assertThatThrownBy(() -> NDArray.zeros(DType.FLOAT64, 2, 3).toDoubleArray())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("expected a 1-d array, got rank 2 with shape (2, 3)");
        assertThatThrownBy(() -> NDArray.of(1.0).toIntMatrix())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("expected a 2-d array, got rank 0 with shape ()");
    }

    // ------------------------------------------------------------ equality

    @Test
    void equals_comparesDtypeShapeAndValuesNotStrides() {
        NDArray a = NDArray.of(new double[][] {{1, 3}, {2, 4}});
        NDArray t = NDArray.of(new double[][] {{1, 2}, {3, 4}}).transpose();
        assertThat(t).isEqualTo(a);
        assertThat(t.hashCode()).isEqualTo(a.hashCode());
        assertThat(a).isNotEqualTo(a.astype(DType.FLOAT32));
        assertThat(a).isNotEqualTo(a.reshape(4));
        assertThat(NDArray.of(Double.NaN)).isEqualTo(NDArray.of(Double.NaN));
    }

    @Test
    void allClose_toleratesSmallDifferencesOnly() {
        NDArray a = NDArray.of(new double[] {1.0, 100.0});
        assertThat(a.allClose(NDArray.of(new double[] {1.0 + 1e-9, 100.0 + 1e-6}), 1e-5, 1e-8)).isTrue();
        assertThat(a.allClose(NDArray.of(new double[] {1.1, 100.0}), 1e-5, 1e-8)).isFalse();
        assertThat(a.allClose(NDArray.of(new double[] {1.0}), 1e-5, 1e-8)).isFalse();
        assertThat(a.allClose(NDArray.of(new float[] {1f, 100f}), 0, 0)).isTrue();
        assertThat(NDArray.of(Double.NaN).allClose(NDArray.of(Double.NaN), 1, 1)).isFalse();
    }

    // ------------------------------------------------------------ printing

    @Test
    void toString_scalars() {
        assertThat(NDArray.of(5.0)).hasToString("5.0");
        assertThat(NDArray.of(0.5)).hasToString("0.5");
        assertThat(NDArray.of(0.7310585786300049)).hasToString("0.7310585786");
        assertThat(NDArray.of(1.0 - 1e-12)).hasToString("1.0");
        assertThat(NDArray.of(0.1f)).hasToString("0.1");
        assertThat(NDArray.of(0)).hasToString("0");
        assertThat(NDArray.of(301L)).hasToString("301");
        assertThat(NDArray.of(true)).hasToString("true");
        assertThat(NDArray.of(false)).hasToString("false");
        assertThat(NDArray.of(Double.NaN)).hasToString("nan");
        assertThat(NDArray.of(Double.NEGATIVE_INFINITY)).hasToString("-inf");
    }

    @Test
    void toString_matrix_nestsBrackets() {
        NDArray a = NDArray.of(new double[][] {
            {0.5, 0.7310585786300049}, {0.2689414213699951, 0.11920292202211755}});
        assertThat(a).hasToString("[[0.5, 0.7310585786], [0.2689414214, 0.119202922]]");
        assertThat(NDArray.of(new boolean[] {true, false})).hasToString("[true, false]");
        assertThat(NDArray.zeros(DType.INT32, 2, 0)).hasToString("[[], []]");
        assertThat(NDArray.of(new int[][] {{1, 2}, {3, 4}}).transpose()).hasToString("[[1, 3], [2, 4]]");
    }

    @Test
    void toString_largeArray_summarizes() {
        NDArray a = NDArray.zeros(DType.FLOAT64, 1000, 1000);
        a.setDouble(1, 1.0);
        assertThat(a).hasToString("NDArray(float64, shape=(1000, 1000), values=[0.0, 1.0, 0.0, 0.0, 0.0, 0.0, ...])");
    }

    @Test
    void shapeToString_usesTupleSyntax() {
        assertThat(NDArray.shapeToString(new int[] {2, 3})).isEqualTo("(2, 3)");
        assertThat(NDArray.shapeToString(new int[] {3})).isEqualTo("(3,)");
        assertThat(NDArray.shapeToString(new int[0])).isEqualTo("()");
    }
}
