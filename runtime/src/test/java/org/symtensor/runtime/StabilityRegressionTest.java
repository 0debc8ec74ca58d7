package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.function.Mode;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/** Stabilizations users rely on, each checked against hand math where the naive graph fails. */
class StabilityRegressionTest {
    @Test
    void logOfSoftmax_ofFloat32Logits0AndMinus200_isTheLogSoftmax_notNaN() {
        Matrix<F32> x = fmatrix("x");
        Function f = function(inputs(x), log(softmax(x)));
        float[] r = f.call(NDArray.of(new float[][] {{0f, -200f}})).reshape(2).toFloatArray();
        // log softmax = x - max - log(sum(exp(x - max))) = [0 - log(1 + e^-200), -200 - log(1 + e^-200)] = [0, -200] in float32
        assertThat(r).containsExactly(0f, -200f);
        Function naive = function(inputs(x), log(softmax(x)), mode(Mode.NONE));
        assertThat(naive.call(NDArray.of(new float[][] {{0f, -200f}})).reshape(2).toFloatArray()[1]).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    @Test
    void logOfOnePlusExp_isSoftplus_finiteForLargeX_andExactForVeryNegativeX() {
        Vector<F64> x = dvector("x");
        Function f = function(inputs(x), log(exp(x).plus(1)));
        double[] r = f.call(new double[] {1000, -50, 0}).toDoubleArray();
        assertThat(r[0]).isEqualTo(1000.0); // log(1 + e^1000) = 1000 + log(1 + e^-1000)
        assertThat(r[1]).isEqualTo(Math.exp(-50)); // log1p(e^-50) = e^-50 to double precision
        assertThat(r[2]).isEqualTo(Math.log(2));
        assertThat(f.ppOptimized()).isEqualTo("softplus(x)");
    }
}
