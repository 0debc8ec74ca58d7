package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;

/** {@code cbrt(x)}: the cube root, elementwise, its dtype rule, printing and gradient {@code 1/(3 cbrt(x)^2)}. */
class CbrtTest {
    /** Perfect cubes and their roots, by hand; 20 elements, so the vector lanes and the tail both run. */
    private static final double[] CUBES = {27, -8, 0.125, 1000, 0, -0.001, 64, 1, -1, 343,
        27, -8, 0.125, 1000, 0, -0.001, 64, 1, -1, 343};
    private static final double[] ROOTS = {3, -2, 0.5, 10, 0, -0.1, 4, 1, -1, 7,
        3, -2, 0.5, 10, 0, -0.1, 4, 1, -1, 7};

    @Test
    void cbrt_float64Vector_isTheCubeRoot() {
        Vector<F64> x = dvector("x");

        double[] r = function(inputs(x), cbrt(x)).call((Object) CUBES).toDoubleArray();

        for (int i = 0; i < ROOTS.length; i++) {
            assertThat(r[i]).as("cbrt(%s)", CUBES[i]).isCloseTo(ROOTS[i], within(1e-12));
        }
    }

    @Test
    void cbrt_float32Vector_isTheCubeRootInFloat32() {
        Vector<F32> x = fvector("x");
        float[] cubes = new float[CUBES.length];
        for (int i = 0; i < cubes.length; i++) {
            cubes[i] = (float) CUBES[i];
        }

        Vector<F32> y = cbrt(x);
        float[] r = function(inputs(x), y).call((Object) cubes).toFloatArray();

        assertThat(y.variable().type().dtype()).isEqualTo(DType.FLOAT32);
        for (int i = 0; i < ROOTS.length; i++) {
            assertThat((double) r[i]).as("cbrt(%s)", cubes[i]).isCloseTo(ROOTS[i], within(1e-6));
        }
    }

    @Test
    void cbrt_printsAsACall() {
        Scalar<F64> x = dscalar("x");

        assertThat(pp(cbrt(x))).isEqualTo("cbrt(x)");
    }

    @Test
    void grad_cbrtAt8_isOneTwelfth() {
        Scalar<F64> x = dscalar("x");

        double g = function(inputs(x), grad(cbrt(x), x)).call(8.0).toDouble();

        assertThat(g).isCloseTo(1.0 / 12, within(1e-12)); // 1 / (3 * 2^2)
    }

    @Test
    void cbrt_ofIntegers_upgradesToFloatLikeTheOtherFunctions() {
        assertThat(org.symtensor.ir.ScalarOp.CBRT.outputDtype(DType.INT32)).isEqualTo(DType.FLOAT64);
        assertThat(org.symtensor.ir.ScalarOp.CBRT.outputDtype(DType.INT8)).isEqualTo(DType.FLOAT32);
    }
}
