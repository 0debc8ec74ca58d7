package org.symtensor.runtime.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;
import static org.symtensor.runtime.opencl.OpenClTesting.DEVICE;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;

import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.function.Mode;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;

/** {@code debugprint(f)} on the device numbers the nodes by the device's own step order: the CPU's plan. */
class DebugprintOnDeviceTest {

    @Test
    void debugprint_onTheDevice_numbersNodesByTheDeviceSchedulesSteps() {
        assumeOpenCl();
        Vector<F32> x = fvector("x");
        SharedScalar<F32> acc = shared(0f, "acc");
        Function f = function(inputs(x), outputs(exp(x).times(2)), updates(update(acc, acc.plus(x.sum()))),
                mode(Mode.FAST_COMPILE), device(DEVICE));

        assertThat(f.debugprint()).isEqualTo(
                "Elemwise{mul} [id A] <float32, (?,)>   2\n"
                + " |Elemwise{exp} [id B] <float32, (?,)>   0\n"
                + " | |x [id C] <float32, (?,)>\n"
                + " |DimShuffle{x} [id D] <float32, (1,)>   1\n"
                + " | |Constant{2.0} [id E] <float32, ()>\n"
                + "Elemwise{add} [id F] <float32, ()>   4 (update of acc)\n"
                + " |acc [id G] <float32, ()>\n"
                + " |Sum{acc_dtype} [id H] <float32, ()>   3\n"
                + " | |x [id C] <float32, (?,)>\n");
        assertThat(((OpenClFunction) f).plan().steps()).extracting(s -> s.node().op().name())
                .containsExactly("Elemwise{exp}", "DimShuffle{x}", "Elemwise{mul}", "Sum{acc_dtype}", "Elemwise{add}");
        assertThat(f.call(new float[] {0, 1}).toFloatArray()).containsExactly(2f, 2 * (float) Math.exp(1));
        assertThat(acc.getValue().getDouble(0)).isEqualTo(1.0);
    }
}
