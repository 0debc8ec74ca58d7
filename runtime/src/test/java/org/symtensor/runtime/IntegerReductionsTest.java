package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.type.I64;
import org.symtensor.type.I8;
import org.symtensor.value.NDArray;

/**
 * Theano's dtypes of reductions: integer sums and products accumulate in int64 and return it,
 * the mean of integers is float64, max and min keep the dtype, float32 sums accumulate in float64.
 */
class IntegerReductionsTest {
    @Test
    void sumOfInt8_100_100_100_is300InInt64_notAWrapped44() {
        Vector<I8> v = bvector("v");
        Scalar<I64> s = sum(v);
        NDArray r = function(inputs(v), s).call(NDArray.fromJava(new byte[] {100, 100, 100}));
        assertThat(r.dtype()).isEqualTo(DType.INT64);
        assertThat(r.toLong()).isEqualTo(300L);
    }

    @Test
    void sumOfInt32MaxPlusOne_doesNotWrap() {
        Vector<I32> v = ivector("v");
        NDArray r = function(inputs(v), sum(v)).call(new int[] {Integer.MAX_VALUE, 1});
        assertThat(r.toLong()).isEqualTo(Integer.MAX_VALUE + 1L);
    }

    @Test
    void rowSumsOfAnIntMatrix_areInt64() {
        Matrix<I32> m = imatrix("m");
        NDArray r = function(inputs(m), sum(m, 1)).call((Object) new int[][] {{Integer.MAX_VALUE, 2}, {-3, 4}});
        assertThat(r.dtype()).isEqualTo(DType.INT64);
        assertThat(r.getLong(0)).isEqualTo(Integer.MAX_VALUE + 2L);
        assertThat(r.getLong(1)).isEqualTo(1L);
    }

    @Test
    void productOfInt32_isInt64() {
        Vector<I32> v = ivector("v");
        NDArray r = function(inputs(v), prod(v)).call(new int[] {65536, 65536});
        assertThat(r.toLong()).isEqualTo(1L << 32);
    }

    @Test
    void meanOfIntegers_isFloat64() {
        Vector<I32> v = ivector("v");
        Scalar<F64> m = mean(v);
        assertThat(function(inputs(v), m).call(new int[] {1, 2}).toDouble()).isEqualTo(1.5);
    }

    @Test
    void maxAndMin_keepTheDtype() {
        Vector<I8> v = bvector("v");
        Function f = function(inputs(v), outputs(v.max(), v.min()));
        var r = f.callAll(NDArray.fromJava(new byte[] {-7, 100, 3}));
        assertThat(r.get(0).dtype()).isEqualTo(DType.INT8);
        assertThat(r.get(0).toLong()).isEqualTo(100L);
        assertThat(r.get(1).toLong()).isEqualTo(-7L);
    }

    @Test
    void float32Sum_accumulatesInFloat64_andReturnsFloat32() {
        Vector<F32> v = fvector("v");
        Scalar<F32> s = sum(v);
        // in float32, 1e8 + 1 rounds back to 1e8 and the 1 is lost; accumulated in float64 it survives
        NDArray r = function(inputs(v), s).call(new float[] {1e8f, 1f, -1e8f});
        assertThat(r.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(r.toFloat()).isEqualTo(1f);
    }
}
