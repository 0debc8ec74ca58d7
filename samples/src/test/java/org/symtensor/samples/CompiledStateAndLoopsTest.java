package org.symtensor.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.scan.Scan;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.type.I64;

/**
 * The functions generated from {@link CompiledStateAndLoops}: updates of the real shared variables
 * with Theano's semantics (hand-computed values), and scan against {@code Math.pow} and against
 * the same scan built with the dynamic API.
 */
class CompiledStateAndLoopsTest {
    @Test
    void accumulate_returnsTheOldState_andAddsTheIncrement() {
        CompiledStateAndLoops.STATE.setValue(0);
        assertThat(CompiledStateAndLoopsSymbolic.accumulate().call(1)).isEqualTo(0);
        assertThat(CompiledStateAndLoopsSymbolic.accumulate().call(300)).isEqualTo(1);
        assertThat(CompiledStateAndLoops.STATE.getValue().toInt()).isEqualTo(301);
        assertThat(CompiledStateAndLoopsSymbolic.decrement().call(2)).isEqualTo(301);
        assertThat(CompiledStateAndLoops.STATE.getValue().toInt()).isEqualTo(299);
    }

    @Test
    void accumulate_seesValuesSetBetweenCalls_throughTheRuntimeFunctionToo() {
        CompiledStateAndLoops.STATE.setValue(-1);
        assertThat(CompiledStateAndLoopsSymbolic.accumulate().function().call(3).toInt()).isEqualTo(-1);
        assertThat(CompiledStateAndLoops.STATE.getValue().toInt()).isEqualTo(2);
    }

    @Test
    void sgdStep_returnsTheCostOfTheOldWeights_andStepsAlongTheGradient() {
        CompiledStateAndLoops.W.setValue(new double[][] {{1, 2}, {3, 4}});
        // W x = [3, 7], cost = 9 + 49; d cost / dW = 2 (W x) x^T = [[6, 6], [14, 14]]
        assertThat(CompiledStateAndLoopsSymbolic.sgdStep().call(new double[] {1, 1})).isCloseTo(58, within(1e-12));
        double[][] w = CompiledStateAndLoops.W.getValue().toDoubleMatrix();
        assertThat(w[0]).containsExactly(new double[] {0.4, 1.4}, within(1e-12));
        assertThat(w[1]).containsExactly(new double[] {1.6, 2.6}, within(1e-12));
    }

    @Test
    void power_matchesMathPow_andTheDynamicScan() {
        Vector<F64> a = dvector("A");
        Scalar<I64> k = lscalar("k");
        Function dynamic = function(inputs(a, k), Scan.from(onesLike(a)).nonSequences(a).steps(k)
                .iterate((prior, base) -> prior.times(base)).last());
        double[] x = {0, 1, 2, 3, 0.5, -1.5};
        double[] lambda = CompiledStateAndLoopsSymbolic.power().call(x, 7L);
        double[] reference = CompiledStateAndLoopsSymbolic.powerByReference().call(x, 7L);
        double[] dyn = dynamic.call(x, 7L).toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            assertThat(lambda[i]).isCloseTo(Math.pow(x[i], 7), within(1e-12));
            assertThat(reference[i]).isEqualTo(lambda[i]);
            assertThat(dyn[i]).isEqualTo(lambda[i]);
        }
    }

    @Test
    void total_ofTheGeneralScan_isTheSum() {
        assertThat(CompiledStateAndLoopsSymbolic.total().call(new double[] {1, 2, 3, 4})).isEqualTo(10.0);
    }
}
