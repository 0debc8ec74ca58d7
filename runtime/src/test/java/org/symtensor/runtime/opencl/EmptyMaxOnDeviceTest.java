package org.symtensor.runtime.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.symtensor.T.*;
import static org.symtensor.runtime.opencl.OpenClTesting.DEVICE;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;

import org.junit.jupiter.api.Test;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.type.I32;
import org.symtensor.value.NDArray;

/**
 * {@code max}/{@code min} of nothing has no identity (NumPy: "zero-size array to reduction operation
 * maximum which has no identity"): on the device it is the CPU's error, message for message, not
 * {@code -inf} or {@code LONG_MIN}. Sums of nothing stay 0, and reducing a non-empty axis of an
 * empty array is no error.
 */
class EmptyMaxOnDeviceTest {

    /** Calls the same graph on the CPU and on the device with {@code arg}; returns the two failures. */
    private static Throwable[] failures(Tensor<?> in, Tensor<?> out, Object arg) {
        Function cpu = function(inputs(in), out);
        Function dev = function(inputs(in), out, device(DEVICE));
        assertThat(((OpenClFunction) dev).hostOps()).as("the reduction runs on the device").isEmpty();
        return new Throwable[] {catchThrowable(() -> cpu.call(arg)), catchThrowable(() -> dev.call(arg))};
    }

    @Test
    void maxOfAnEmptyVector_onTheDevice_isTheCpusError() {
        assumeOpenCl();
        Vector<F32> v = fvector("v");
        Throwable[] e = failures(v, v.max(), new float[0]);

        assertThat(e[0]).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining(": cannot take the max over axis 0 of input shape (0,), which has length 0; max"
                        + " has no identity (node created at ");
        assertThat(e[1]).isInstanceOf(ShapeMismatchException.class).hasMessage(e[0].getMessage());
    }

    @Test
    void maxOverAnAxisOfLengthZero_onTheDevice_isTheCpusError() {
        assumeOpenCl();
        Matrix<F32> m = fmatrix("m");
        Throwable[] e = failures(m, m.max(1), NDArray.zeros(org.symtensor.type.DType.FLOAT32, 2, 0));

        assertThat(e[0]).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("cannot take the max over axis 1 of input shape (2, 0), which has length 0");
        assertThat(e[1]).isInstanceOf(ShapeMismatchException.class).hasMessage(e[0].getMessage());
    }

    @Test
    void minOfAnEmptyIntegerVector_onTheDevice_isTheCpusError() {
        assumeOpenCl();
        Vector<I32> v = ivector("v");
        Throwable[] e = failures(v, v.min(), new int[0]);

        assertThat(e[0]).isInstanceOf(ShapeMismatchException.class).hasMessageContaining("min has no identity");
        assertThat(e[1]).isInstanceOf(ShapeMismatchException.class).hasMessage(e[0].getMessage());
    }

    @Test
    void maxOverANonEmptyAxisOfAnEmptyMatrix_andSumOfNothing_areNoError() {
        assumeOpenCl();
        Matrix<F32> m = fmatrix("m");
        Function max = function(inputs(m), m.max(1), device(DEVICE));
        NDArray r = max.call(NDArray.zeros(org.symtensor.type.DType.FLOAT32, 0, 3));
        assertThat(r.shape()).containsExactly(0);

        Vector<F32> v = fvector("v");
        Scalar<F32> s = v.sum();
        assertThat(function(inputs(v), s, device(DEVICE)).call(new float[0]).getDouble(0)).isEqualTo(0.0);
    }
}
