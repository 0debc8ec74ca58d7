package org.symtensor.runtime.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;
import static org.symtensor.runtime.opencl.OpenClTesting.DEVICE;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.random.RandomStreams;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.value.NDArray;

/**
 * The function API on the OpenCL backend: random draws with tensor parameters identical to the
 * CPU's, {@code copy} with swap and stateful inputs.
 */
class OpenClFunctionApiTest {

    @BeforeEach
    void needsOpenCl() {
        assumeOpenCl();
    }

    private static NDArray[] draws(String dev, long seed) {
        Matrix<F64> p = dmatrix("p");
        Matrix<F32> low = fmatrix("low");
        Matrix<F32> high = fmatrix("high");
        Matrix<F64> mu = dmatrix("mu");
        RandomStreams srng = new RandomStreams(seed);
        Function f = function(inputs(p, low, high, mu),
                outputs(srng.binomial(7, p), srng.uniform(low, high), srng.normal(mu, mu.times(0.5))), device(dev));
        double[][] pv = new double[3][5];
        float[][] lo = new float[3][5];
        float[][] hi = new float[3][5];
        double[][] m = new double[3][5];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 5; j++) {
                pv[i][j] = (i * 5 + j) / 14.0;
                lo[i][j] = -j;
                hi[i][j] = i + 1;
                m[i][j] = i - j;
            }
        }
        var first = f.callAll(pv, lo, hi, m);
        var second = f.callAll(pv, lo, hi, m);
        return new NDArray[] {first.get(0), first.get(1), first.get(2), second.get(0), second.get(1), second.get(2)};
    }

    @Test
    void randomWithTensorParameters_onOpenCl_drawsWhatTheCpuDraws() {
        NDArray[] cpu = draws("cpu", 42);
        NDArray[] cl = draws(DEVICE, 42);

        for (int k = 0; k < cpu.length; k++) {
            assertThat(cl[k].shape()).containsExactly(3, 5);
            if (k % 3 == 2) {
                // normals: the device's log/cos/sin are not fdlibm's (RandomConformanceTest's bound)
                OpenClTesting.assertClose(cl[k], cpu[k], 1e-13, 1e-13, "draw " + k);
            } else {
                assertThat(cl[k]).as("draw " + k).isEqualTo(cpu[k]);
            }
        }
        assertThat(cl[0]).isNotEqualTo(cl[3]);
    }

    @Test
    void copyWithSwapAndStatefulInput_onOpenCl_matchTheCpuSemantics() {
        SharedScalar<I32> state = shared(0, "state");
        SharedScalar<I32> other = shared(100, "other");
        Scalar<I32> inc = iscalar("inc");
        Scalar<I32> s = iscalar("s");
        Function acc = function(inputs(inc, in(s).withValue(1).withUpdate(s.times(2))), state.plus(s),
                updates(update(state, state.plus(inc))), device(DEVICE));

        assertThat(acc.call(5).toInt()).isEqualTo(1);       // state 0 + s 1; then state 5, s 2
        Function acc2 = acc.copy(swap(state, other));
        assertThat(acc2).isInstanceOf(OpenClFunction.class);
        assertThat(acc2.call(1).toInt()).isEqualTo(102);    // other 100 + s 2 (copied); then other 101, s 4
        assertThat(other.getValue().toInt()).isEqualTo(101);
        assertThat(state.getValue().toInt()).isEqualTo(5);
        assertThat(acc.value(s).toInt()).isEqualTo(2);
        assertThat(acc2.value(s).toInt()).isEqualTo(4);
    }
}
