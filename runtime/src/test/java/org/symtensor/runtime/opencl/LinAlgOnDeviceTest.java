package org.symtensor.runtime.opencl;

import static org.symtensor.T.*;
import static org.symtensor.runtime.opencl.OpenClTesting.assertClose;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.dsl.LinAlgFunctions.NormOrd;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Tensor3;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * The linear algebra ops run on the host inside an OpenCL function (the host fallback), between
 * device kernels, and agree with the CPU backend; their gradients too.
 */
class LinAlgOnDeviceTest {
    private static final double[][] A = {{4, -2, 1}, {3, 6, -1}, {-1, 0.5, 5}};
    private static final double[][][] S = {{{1, 2, 0}, {0, 1, 3}, {2, 0, 1}}, {{-1, 0.5, 2}, {1, 1, 1}, {0, 3, -2}}};

    @Test
    void decompositionsAndBatchedProducts_onTheDevice_matchTheCpu_float64() {
        assumeOpenCl();
        Matrix<F64> a = dmatrix("a");
        Tensor3<F64> s = dtensor3("s");
        Matrix<F64> y = exp(inverse(a.times(2.0))).plus(cholesky(matmul(a, a.transpose())));
        Tensor3<F64> z = tanh(matmul(a, s));
        List<org.symtensor.tensor.Tensor<?>> outs = List.of(y, z, det(a), norm(a, NormOrd.TWO),
                einsum("bij,bjk->bik", s, s), grad(sum(y), a));
        Function cpu = function(inputs(a, s), outputs(outs.toArray(new org.symtensor.tensor.Tensor<?>[0])));
        Function dev = function(inputs(a, s), outputs(outs.toArray(new org.symtensor.tensor.Tensor<?>[0])),
                device(OpenClTesting.DEVICE));

        List<NDArray> c = cpu.callAll(A, S);
        List<NDArray> d = dev.callAll(A, S);

        for (int i = 0; i < c.size(); i++) {
            assertClose(d.get(i), c.get(i), 1e-12, 1e-12, "output " + i);
        }
    }

    @Test
    void inverse_float32_onTheDevice_matchesTheCpu() {
        assumeOpenCl();
        Matrix<F32> a = fmatrix("a");
        Matrix<F32> y = inverse(a).times(3.0);
        float[][] v = {{4, 7}, {2, 6}};

        NDArray c = function(inputs(a), y).call((Object) v);
        NDArray d = function(inputs(a), y, device(OpenClTesting.DEVICE)).call((Object) v);

        assertClose(d, c, 1e-6, 1e-6, "inverse");
    }
}
