package org.symtensor.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.SymbolicFunction;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * Regression tests for the two answers one {@code @SymbolicFunction} used to give: the generated
 * kernel rendered the graph as written while {@code function()} ran the optimized one, so
 * {@code log(x + 1)} at {@code x = 1e-17} was 0 through the typed call and 1e-17 through the
 * function (the optimizer's {@code log1p} never reached the kernel), and {@code exp(y) - 1} lost
 * {@code expm1} the same way. Both paths now run the optimized graph.
 */
class OneCompilePathTest {
    @SymbolicFunction
    static Scalar<F64> logOnePlus(Scalar<F64> x) {
        return log(x.plus(1));
    }

    @SymbolicFunction
    static Vector<F64> expMinusOne(Vector<F64> y) {
        return exp(y).minus(1);
    }

    @SymbolicFunction
    static Vector<F32> logOnePlus32(Vector<F32> x) {
        return log(x.plus(1));
    }

    @Test
    void logOfXPlusOne_atTinyX_isXOnBothPaths() {
        // log1p(x) = x - x²/2 + ...: at 1e-17 the answer is 1e-17 to double precision, while log(1 + 1e-17) = log(1) = 0
        assertThat(OneCompilePathTestSymbolic.logOnePlus().call(1e-17)).isEqualTo(1e-17);
        assertThat(OneCompilePathTestSymbolic.logOnePlus().function().call(1e-17).toDouble()).isEqualTo(1e-17);
    }

    @Test
    void expOfYMinusOne_atTinyY_isYOnBothPaths() {
        double[] y = {1e-20, -3e-18, 0};
        NDArray typed = OneCompilePathTestSymbolic.expMinusOne().call(NDArray.of(y));
        NDArray dynamic = OneCompilePathTestSymbolic.expMinusOne().function().call(NDArray.of(y));
        for (int i = 0; i < y.length; i++) {
            // expm1(y) = y + y²/2 + ...: exactly y at these magnitudes
            assertThat(typed.getDouble(i)).isEqualTo(y[i]);
            assertThat(dynamic.getDouble(i)).isEqualTo(y[i]);
        }
    }

    @Test
    void float32Argument_takesTheSameOptimizedGraph() {
        float[] x = {1e-10f, 2e-9f};
        NDArray typed = OneCompilePathTestSymbolic.logOnePlus32().call(NDArray.of(x));
        NDArray dynamic = OneCompilePathTestSymbolic.logOnePlus32().function().call(NDArray.of(x));
        assertThat(typed.toFloatArray()).containsExactly(dynamic.toFloatArray());
        // in float32, 1 + 1e-10 rounds to 1: only log1p keeps the value
        assertThat(typed.toFloatArray()[0]).isEqualTo(1e-10f);
    }

    @Test
    void float32Kernel_atOrdinaryValues_isLog1pRoundedToFloat() {
        NDArray x = NDArray.of(new float[] {0.5f});
        assertThat(OneCompilePathTestSymbolic.logOnePlus32().call(x).toFloatArray()[0])
                .isEqualTo((float) Math.log1p(0.5f));
    }
}
