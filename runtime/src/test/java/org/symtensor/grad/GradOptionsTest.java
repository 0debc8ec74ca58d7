package org.symtensor.grad;

import org.symtensor.error.GradientException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;
import static org.symtensor.grad.GradOption.considerConstant;
import static org.symtensor.grad.GradOption.disconnectedInputs;
import static org.symtensor.grad.GradOption.knownGrads;
import static org.symtensor.grad.GradOption.returnDisconnected;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I32;

/** Theano's options of grad: considerConstant, disconnectedInputs, returnDisconnected, knownGrads, and grad marks. */
class GradOptionsTest {

    private static double value(Tensor<?> t, Scalar<F64> x, double at) {
        return function(inputs(x), t).call(at).toDouble();
    }

    @Test
    void considerConstant_productWithConstantFactor_givesTheFactor() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");
        Scalar<F64> g = grad(x.times(y), x, considerConstant(y));

        // the seed is ones_like(x * y), as in Theano, so the gradient function takes x too
        assertThat(function(inputs(x, y), g).call(2.0, 5.0).toDouble()).isEqualTo(5.0);
    }

    @Test
    void considerConstant_onIntermediate_stopsTheGradientThere() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> z = x.times(x);
        // d(z * x)/dx with z constant is z = x², not 3x²
        Scalar<F64> g = grad(z.times(x), x, considerConstant(z));

        assertThat(value(g, x, 3.0)).isEqualTo(9.0);
    }

    @Test
    void considerConstant_onTheOnlyPath_makesTheInputDisconnected() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> z = exp(x).named("z");

        assertThatThrownBy(() -> grad(z.times(2), x, considerConstant(z)))
                .isInstanceOf(GradientException.class)
                .hasMessageContaining("does not depend on 'x'");
    }

    @Test
    void disconnectedInputs_raise_namesTheVariable() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> unused = dscalar("unused");

        assertThatThrownBy(() -> grad(x.times(2), unused))
                .isInstanceOf(GradientException.class)
                .hasMessageContaining("'unused'")
                .hasMessageContaining("float64")
                .hasMessageContaining("disconnectedInputs(IGNORE)");
    }

    @Test
    void disconnectedInputs_warn_logsAndReturnsZeros() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> unused = dscalar("lonely");
        List<LogRecord> records = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(Gradients.class.getName());
        log.addHandler(h);
        try {
            Scalar<F64> g = grad(x.times(2), unused, disconnectedInputs(GradOptions.Disconnected.WARN));
            assertThat(value(g, unused, 4.0)).isEqualTo(0.0);
        } finally {
            log.removeHandler(h);
        }
        assertThat(records).singleElement().satisfies(r -> assertThat(r.getMessage()).contains("'lonely'"));
    }

    @Test
    void disconnectedInputs_ignore_returnsZerosShapedLikeTheInput() {
        Scalar<F64> x = dscalar("x");
        Vector<F64> unused = dvector("unused");
        Vector<F64> g = grad(x.times(2), unused, disconnectedInputs(GradOptions.Disconnected.IGNORE));

        assertThat(function(inputs(unused), g).call((Object) new double[] {1, 2, 3}).toDoubleArray())
                .containsExactly(0, 0, 0);
    }

    @Test
    void returnDisconnected_none_givesNull() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> unused = dscalar("unused");
        List<Tensor<?>> gs = grad(x.times(2), List.of(x, unused), disconnectedInputs(GradOptions.Disconnected.IGNORE),
                returnDisconnected(GradOptions.ReturnDisconnected.NONE));

        assertThat(gs.get(1)).isNull();
        assertThat(gs.get(0).eval(Map.of(x, 1.5)).toDouble()).isEqualTo(2.0);
    }

    @Test
    void knownGrads_withoutCost_backpropagatesFromTheKnownGradient() {
        Vector<F64> x = dvector("x");
        Vector<F64> y = x.times(3);
        Vector<F64> gy = dvector("gy");
        Vector<F64> gx = grad(null, x, knownGrads(Map.of(y, gy)));

        assertThat(function(inputs(gy), gx).call((Object) new double[] {1, -2}).toDoubleArray()).containsExactly(3, -6);
    }

    @Test
    void knownGrads_withCost_addsToTheCostsGradient() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = x.times(x);
        Scalar<F64> cost = y.times(2);
        // d cost/dy = 2 from the cost, plus 10 given: (2 + 10) * 2x
        Scalar<F64> g = grad(cost, x, knownGrads(Map.of(y, constant(10.0))));

        assertThat(value(g, x, 1.5)).isEqualTo(36.0);
    }

    @Test
    void knownGrads_ofWrongRank_failsNamingTheVariable() {
        Vector<F64> x = dvector("x");
        Vector<F64> y = x.times(3).named("y");

        assertThatThrownBy(() -> grad(null, x, knownGrads(Map.of(y, dmatrix("g")))))
                .isInstanceOf(GradientException.class)
                .hasMessageContaining("'y'")
                .hasMessageContaining("rank 2");
    }

    @Test
    void zeroGrad_givesZeroGradientButStaysConnected() {
        Vector<F64> x = dvector("x");
        Vector<F64> g = grad(zeroGrad(x).times(x).sum(), x);

        // d(c * x)/dx with c = x held at zero gradient: c = x
        assertThat(function(inputs(x), g).call((Object) new double[] {2, -3}).toDoubleArray()).containsExactly(2, -3);
        Vector<F64> g0 = grad(exp(zeroGrad(x)).sum(), x);
        assertThat(function(inputs(x), g0).call((Object) new double[] {2, -3}).toDoubleArray()).containsExactly(0, 0);
    }

    @Test
    void disconnectedGrad_onTheOnlyPath_raisesUnlessIgnored() {
        Vector<F64> x = dvector("x");
        Scalar<F64> cost = exp(disconnectedGrad(x)).sum();

        assertThatThrownBy(() -> grad(cost, x)).isInstanceOf(GradientException.class).hasMessageContaining("'x'");
        Vector<F64> g = grad(cost, x, disconnectedInputs(GradOptions.Disconnected.IGNORE));
        assertThat(function(inputs(x), g).call((Object) new double[] {2, -3}).toDoubleArray()).containsExactly(0, 0);
    }

    @Test
    void disconnectedGrad_onOnePath_keepsTheOtherPath() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> g = grad(x.times(disconnectedGrad(x)), x);

        assertThat(value(g, x, 4.0)).isEqualTo(4.0);
    }

    @Test
    void grad_wrtIntegerVariable_isZeros() {
        Vector<I32> n = ivector("n");
        Vector<F64> x = dvector("x");
        Scalar<F64> cost = cast(n, F64.class).times(x).sum();
        Vector<I32> g = grad(cost, n);

        assertThat(function(inputs(n), g).call((Object) new int[] {4, 5}).toIntArray()).containsExactly(0, 0);
    }

    @Test
    void grad_float32Cost_givesFloat32Gradients() {
        Matrix<F32> w = fmatrix("w");
        Vector<F32> x = fvector("x");
        Matrix<F32> g = grad(tanh(w.dot(x)).sum(), w);

        assertThat(g.dtype()).isEqualTo(org.symtensor.type.DType.FLOAT32);
        float[][] v = function(inputs(w, x), g).call(new float[][] {{0, 0}}, new float[] {1f, -2f}).toFloatMatrix();
        assertThat(v).isEqualTo(new float[][] {{1f, -2f}});
    }
}
