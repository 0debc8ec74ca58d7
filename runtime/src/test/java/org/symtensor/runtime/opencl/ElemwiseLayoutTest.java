package org.symtensor.runtime.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;
import static org.symtensor.runtime.opencl.OpenClTesting.DEVICE;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;

import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;

/**
 * One elementwise node runs one generated program per input layout (same shape, one element,
 * strided): a program made for one layout is never reused for another.
 */
class ElemwiseLayoutTest {

    @Test
    void vectorOfOneElementFirst_thenLongerVectors_eachReadElementwise() {
        assumeOpenCl();
        Vector<F32> x = fvector("x");
        Scalar<F32> k = fscalar("k");
        Function f = function(inputs(x, k), x.times(k).plus(1), device(DEVICE));

        // x of length 1 and k are both read at index 0; then x must be read at each index
        assertThat(f.call(new float[] {5}, 2f).toFloatArray()).containsExactly(11f);
        assertThat(f.call(new float[] {1, 2, 3}, 2f).toFloatArray()).containsExactly(3f, 5f, 7f);
        assertThat(f.call(new float[] {4}, 3f).toFloatArray()).containsExactly(13f);
    }
}
