package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.symtensor.ir.Apply;
import org.symtensor.ir.LinAlg;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * The batched product kernel with OpenBLAS and with its plain loops (the path taken when OpenBLAS
 * cannot load), against a triple loop written here, for float64 and float32, a broadcast batch
 * axis, and a non-contiguous (transposed) operand.
 */
class LinAlgKernelTest {
    private static NDArray random(DType dtype, long seed, int... shape) {
        Random r = new Random(seed);
        NDArray a = NDArray.zeros(dtype, shape);
        for (int i = 0; i < a.size(); i++) {
            a.setDouble(i, Math.round(r.nextGaussian() * 64) / 16.0); // sixteenths: exact in float32
        }
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DType.class, names = {"FLOAT64", "FLOAT32"})
    void matmul_blasAndLoops_agreeWithATripleLoop(DType dtype) {
        Variable a = new Variable(TensorType.of(dtype, 1, -1, -1), "a");
        Variable b = new Variable(TensorType.of(dtype, -1, -1, -1), "b");
        Apply node = Apply.of(LinAlg.of(LinAlg.Kind.MATMUL), List.of(a, b));
        NDArray av = random(dtype, 1, 1, 5, 7);
        // b as the transpose of a contiguous (3, 6, 7) array: a strided view
        NDArray bv = random(dtype, 2, 3, 6, 7).dimshuffle(0, 2, 1);

        for (boolean blas : new boolean[] {true, false}) {
            NDArray c = new LinAlgKernel(node, blas).run(new NDArray[] {av, bv})[0];

            assertThat(c.dtype()).isEqualTo(dtype);
            assertThat(c.shape()).containsExactly(3, 5, 6);
            for (int t = 0; t < 3; t++) {
                for (int i = 0; i < 5; i++) {
                    for (int j = 0; j < 6; j++) {
                        double s = 0;
                        for (int k = 0; k < 7; k++) {
                            s += av.getDoubleAt(0, i, k) * bv.getDoubleAt(t, k, j);
                        }
                        // sixteenths times sixteenths summed seven times: exact in both dtypes
                        assertThat(c.getDoubleAt(t, i, j)).as("blas=%s [%d, %d, %d]", blas, t, i, j).isCloseTo(s, within(0.0));
                    }
                }
            }
        }
    }
}
