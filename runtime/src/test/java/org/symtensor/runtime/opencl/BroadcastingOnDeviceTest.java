package org.symtensor.runtime.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;
import static org.symtensor.runtime.opencl.OpenClTesting.DEVICE;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;

import org.junit.jupiter.api.Test;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;

/** OpenCL applies the CPU's broadcasting rule: only axes declared broadcastable stretch. */
class BroadcastingOnDeviceTest {

    @Test
    void add_ofTwoFvectorsOfLengths2And1_isAShapeError_namingTheInputAndTheAxis() {
        assumeOpenCl();
        Vector<F32> x = fvector("x");
        Vector<F32> y = fvector("y");
        Function f = function(inputs(x, y), x.plus(y), device(DEVICE));
        assertThatThrownBy(() -> f.call(new float[] {1, 2}, new float[] {10}))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("input 1 'y'")
                .hasMessageContaining("has length 1 on axis 0");
    }

    @Test
    void frow_plusFmatrix_stretchesTheRow() {
        assumeOpenCl();
        Matrix<F32> row = frow("r");
        Matrix<F32> m = fmatrix("m");
        Function f = function(inputs(row, m), row.plus(m), device(DEVICE));
        float[] r = f.call(new float[][] {{10, 20}}, new float[][] {{1, 2}, {3, 4}}).reshape(4).toFloatArray();
        assertThat(r).containsExactly(11, 22, 13, 24);
    }
}
