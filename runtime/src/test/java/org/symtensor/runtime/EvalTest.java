package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symtensor.tensor.Scalar;
import org.symtensor.type.F64;

/** {@code Tensor.eval}: compiles through the runtime once per set of inputs and reuses it. */
class EvalTest {

    @Test
    void eval_sumOfDscalars_returnsTheSum() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");
        Scalar<F64> z = x.plus(y);

        assertThat(z.eval(Map.of(x, 16.3, y, 12.1)).toDouble()).isCloseTo(28.4, within(1e-12));
    }

    @Test
    void eval_twiceWithTheSameInputs_compilesOnce() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");
        Scalar<F64> z = x.times(y);

        long before = CpuFunctionCompiler.compiledCount();
        double first = z.eval(Map.of(x, 3.0, y, 4.0)).toDouble();
        long afterFirst = CpuFunctionCompiler.compiledCount();
        double second = z.eval(Map.of(x, 5.0, y, 6.0)).toDouble();

        assertThat(first).isEqualTo(12.0);
        assertThat(second).isEqualTo(30.0);
        assertThat(afterFirst - before).isEqualTo(1);
        assertThat(CpuFunctionCompiler.compiledCount()).isEqualTo(afterFirst);
    }

    @Test
    void eval_constantGraph_needsNoInputs() {
        Scalar<F64> z = constant(2.0).times(constant(21.0));

        assertThat(z.eval().toDouble()).isEqualTo(42.0);
    }
}
