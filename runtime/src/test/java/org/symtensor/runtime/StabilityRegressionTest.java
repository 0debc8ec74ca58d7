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

    @Test
    void gradOfLogSigmoid_isOneMinusSigmoid_finiteAtMinus1000() {
        Vector<F64> x = dvector("x");
        Function f = function(inputs(x), grad(log(sigmoid(x)).sum(), x));
        double[] at = {-1000, -30, 0, 30};
        double[] r = f.call(at).toDoubleArray();
        for (int i = 0; i < at.length; i++) {
            // d/dx log σ(x) = 1 - σ(x) = σ(-x) = 1 / (1 + e^x)
            double want = 1 / (1 + Math.exp(at[i]));
            assertThat(r[i]).as("x = %s", at[i]).isCloseTo(want, org.assertj.core.data.Percentage.withPercentage(1e-10));
        }
    }

    @Test
    void categoricalCrossentropyOfSoftmax_ofFloat32LogitsWithAGapOf200_isFinite_andSoIsItsGradient() {
        Matrix<F32> z = fmatrix("z");
        Matrix<F32> t = fmatrix("t");
        Vector<F32> ce = categoricalCrossentropy(softmax(z), t);
        Function f = function(inputs(z, t), outputs(ce, grad(ce.sum(), z)));
        float[][] logits = {{0f, -200f}, {0f, -200f}};
        float[][] targets = {{0f, 1f}, {1f, 0f}};
        java.util.List<NDArray> r = f.callAll(logits, targets);
        // ce = -log softmax(z)[target] = logsumexp(z) - z[target]; logsumexp = log(1 + e^-200) = 0 in float32
        assertThat(r.get(0).toFloatArray()).containsExactly(new float[] {200f, 0f}, org.assertj.core.data.Offset.offset(1e-6f));
        // d ce / d z = softmax(z) - t: softmax = [1, e^-200] = [1, 0] in float32
        float[] g = r.get(1).reshape(4).toFloatArray();
        assertThat(g).containsExactly(new float[] {1f, -1f, 0f, 0f}, org.assertj.core.data.Offset.offset(1e-6f));
        // built from the logits, so even the unoptimized graph is finite
        Function naive = function(inputs(z, t), outputs(ce, grad(ce.sum(), z)), mode(Mode.NONE));
        java.util.List<NDArray> n = naive.callAll(logits, targets);
        assertThat(n.get(0).toFloatArray()).containsExactly(new float[] {200f, 0f}, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(n.get(1).reshape(4).toFloatArray()).containsExactly(new float[] {1f, -1f, 0f, 0f}, org.assertj.core.data.Offset.offset(1e-6f));
    }
}
