package org.symtensor.runtime.opencl;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/** On OpenCL, a product too large for one array is the CPU's shape error (it used to return 0.0). */
class HugeShapesOpenClTest {
    @Test
    void outerProductOf65536_onOpenCl_isTheSameErrorAsOnTheCpu_notAZero() {
        OpenClTesting.assumeOpenCl();
        Matrix<F64> a = dmatrix("a");
        Matrix<F64> b = dmatrix("b");
        Function f = function(inputs(a, b), a.dot(b), device(OpenClTesting.DEVICE));
        assertThatThrownBy(() -> f.call(NDArray.full(DType.FLOAT64, 1, 65536, 1), NDArray.full(DType.FLOAT64, 1, 1, 65536)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("4294967296 elements");
    }
}
