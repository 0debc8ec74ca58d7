package org.symtensor.runtime.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;
import static org.symtensor.runtime.opencl.OpenClTesting.DEVICE;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/**
 * The shape, construction and advanced indexing ops run on the host with transfers around them on
 * the OpenCL backend, and give the CPU's values, between device work (elementwise) on both sides.
 */
class ShapeOpsOnDeviceTest {
    @Test
    void shapeOpsBetweenDeviceOps_matchTheCpu() {
        assumeOpenCl();
        Matrix<F32> x = fmatrix("x");
        Vector<I64> idx = lvector("idx");
        Scalar<F32> s = fscalar("s");
        Matrix<F32> y = exp(x);
        Vector<F32> out = reshape(concatenate(1, take(y, idx, 0), pad(y, new int[][] {{0, 0}, {1, 0}}, 2)), -1);
        Vector<F32> more = setSubtensor(out, sqrt(arange(s)), slice(null, 3)).plus(1);
        Vector<F32> rolled = roll(more, 2, 0).times(ones(F32.class, shape(more)).times(3).get(slice(null, null, -1)));

        Object[] args = {new float[][] {{0.1f, -0.2f}, {0.3f, 0.4f}}, new long[] {1, 0}, 3f};
        Function cpu = function(inputs(x, idx, s), outputs(out, rolled));
        Function dev = function(inputs(x, idx, s), outputs(out, rolled), device(DEVICE));
        List<NDArray> c = cpu.callAll(args);
        List<NDArray> d = dev.callAll(args);

        assertThat(((OpenClFunction) dev).hostOps()).isNotEmpty();
        assertThat(c.get(0).size()).isEqualTo(10);
        for (int k = 0; k < 2; k++) {
            OpenClTesting.assertClose(d.get(k), c.get(k), 1e-6, 1e-6, "output " + k);
        }
    }
}
