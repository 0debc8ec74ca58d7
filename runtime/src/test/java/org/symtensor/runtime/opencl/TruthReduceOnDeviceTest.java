package org.symtensor.runtime.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;
import static org.symtensor.runtime.opencl.OpenClTesting.DEVICE;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.value.NDArray;

/**
 * {@code all} and {@code any} run as device kernels (ClReduce folds 0/1 truth values with min and
 * max), with the CPU's answers for NaN (true), zeros, empty groups (all: true, any: false) and a
 * reduction long enough for the two-pass path; {@code argmax} agrees (ClArgReduce, on the device).
 */
class TruthReduceOnDeviceTest {
    @Test
    void allAny_onTheDevice_matchTheCpu_withNaNZerosEmptyAndTwoPasses() {
        assumeOpenCl();
        Matrix<F32> m = fmatrix("m");
        Function dev = function(inputs(m), outputs(all(m, 1), any(m, 1), all(m), any(m)), device(DEVICE));
        assertThat(((OpenClFunction) dev).hostOps()).as("all and any run on the device").isEmpty();
        Function cpu = function(inputs(m), outputs(all(m, 1), any(m, 1), all(m), any(m)));
        float[][] x = {{Float.NaN, 1}, {0, 0}, {0, -2}};
        for (Object arg : new Object[] {x, NDArray.zeros(DType.FLOAT32, 2, 0)}) {
            List<NDArray> d = dev.callAll(arg);
            List<NDArray> c = cpu.callAll(arg);
            for (int k = 0; k < 4; k++) {
                assertThat(d.get(k)).as("output " + k).isEqualTo(c.get(k));
            }
        }
        assertThat(dev.callAll((Object) x).get(0).toJava()).isEqualTo(new boolean[] {true, false, false});
        Vector<F32> v = fvector("v");
        Function big = function(inputs(v), outputs(all(v), any(v)), device(DEVICE));
        float[] ones = new float[100_000];
        java.util.Arrays.fill(ones, 1);
        ones[77_777] = 0;
        List<NDArray> r = big.callAll(ones);
        assertThat(r.get(0).toBoolean()).isFalse();
        assertThat(r.get(1).toBoolean()).isTrue();
    }

    @Test
    void argmax_onTheDevicePath_agrees() {
        assumeOpenCl();
        Matrix<F32> m = fmatrix("m");
        Function dev = function(inputs(m), argmax(m, 1), device(DEVICE));
        NDArray r = dev.call((Object) new float[][] {{1, 3, 3}, {Float.NaN, 5, Float.NaN}});
        assertThat(r.toLongArray()).containsExactly(1, 0);
    }
}
