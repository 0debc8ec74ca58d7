package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.type.I64;

/** Theano's and Python's division: {@code /} to float64, {@code //} and {@code %} with floor semantics. */
class DivisionSemanticsTest {

    @Test
    void trueDiv_ofIntegers_isFloat64Division() {
        Vector<I32> a = ivector("a");
        Vector<I32> b = ivector("b");
        Vector<F64> q = trueDiv(a, b);
        Function f = function(inputs(a, b), q);

        assertThat(q.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(f.call(new int[] {7, -7, 1, 0}, new int[] {2, 2, 3, 5}).toDoubleArray())
                .containsExactly(3.5, -3.5, 1.0 / 3.0, 0.0);
    }

    @Test
    void trueDiv_ofMixedRanks_broadcastsAndIsFloat64() {
        Matrix<I64> a = lmatrix("a");
        Scalar<I64> b = lscalar("b");
        Tensor<F64> q = trueDiv(a, b);

        double[][] r = function(inputs(a, b), q).call(new long[][] {{1, -3}, {4, 9}}, 2L).toDoubleMatrix();

        assertThat(r[0]).containsExactly(0.5, -1.5);
        assertThat(r[1]).containsExactly(2.0, 4.5);
    }

    @Test
    void intDivAndMod_ofIntegers_floorLikePython() {
        Vector<I32> a = ivector("a");
        Vector<I32> b = ivector("b");
        Function f = function(inputs(a, b), outputs(intDiv(a, b), mod(a, b)));
        int[] x = {-7, 7, -7, 7, 6, -6};
        int[] y = {2, -2, -2, 2, 3, 4};

        var r = f.callAll(x, y);

        // Python: -7//2=-4, 7//-2=-4, -7//-2=3, 7//2=3, 6//3=2, -6//4=-2
        assertThat(r.get(0).toLongArray()).containsExactly(-4, -4, 3, 3, 2, -2);
        // Python: -7%2=1, 7%-2=-1, -7%-2=-1, 7%2=1, 6%3=0, -6%4=2
        assertThat(r.get(1).toLongArray()).containsExactly(1, -1, -1, 1, 0, 2);
        assertThat(r.get(0).dtype()).isEqualTo(DType.INT32);
    }

    @Test
    void intDivAndMod_ofFloats_floorLikePython() {
        Scalar<F64> a = dscalar("a");
        Scalar<F64> b = dscalar("b");
        Function f = function(inputs(a, b), outputs(intDiv(a, b), mod(a, b)));

        var r = f.callAll(-7.5, 2.0);

        assertThat(r.get(0).toDouble()).isEqualTo(-4.0);  // Python: -7.5 // 2 == -4.0
        assertThat(r.get(1).toDouble()).isEqualTo(0.5);   // Python: -7.5 % 2 == 0.5
    }

    @Test
    void div_ofIntegers_failsAtBuildNamingTrueDivAndIntDiv() {
        Vector<I32> a = ivector("a");
        Vector<I32> b = ivector("b");

        assertThatThrownBy(() -> a.div(b))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("trueDiv").hasMessageContaining("intDiv").hasMessageContaining("int32");
    }
}
