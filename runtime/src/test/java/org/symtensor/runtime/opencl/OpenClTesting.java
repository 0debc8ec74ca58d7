package org.symtensor.runtime.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensors;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * Shared helpers of the OpenCL tests: skip (with what to install) on a machine without an OpenCL
 * platform, but fail in CI ({@code CI=true}), where PoCL must be installed; random inputs per
 * dtype; comparison of device results with the CPU backend's within a stated tolerance.
 */
final class OpenClTesting {
    static final String DEVICE = "opencl0";

    private OpenClTesting() {}

    static void assumeOpenCl() {
        String problem = OpenClPlatforms.get().problem();
        if (problem != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true but no OpenCL platform: " + problem);
        }
        Assumptions.assumeTrue(problem == null, () -> "OpenCL tests skipped: " + problem);
    }

    static Tensor<?> input(DType dtype, String name, int rank) {
        int[] shape = new int[rank];
        java.util.Arrays.fill(shape, TensorType.UNKNOWN);
        return Tensors.wrap(new Variable(TensorType.of(dtype, shape), name));
    }

    /** Values in a small range that exercises signs and zero: floats in [-3, 3], ints in [-6, 6], bools 0/1. */
    static NDArray random(DType dtype, long seed, int... shape) {
        Random r = new Random(seed);
        NDArray a = NDArray.zeros(dtype, shape);
        for (int i = 0; i < a.size(); i++) {
            switch (dtype) {
                case FLOAT32, FLOAT64 -> a.setDouble(i, Math.round((r.nextDouble() * 6 - 3) * 1000) / 1000.0);
                case BOOL -> a.setLong(i, r.nextInt(2));
                case UINT8 -> a.setLong(i, r.nextInt(13));
                default -> a.setLong(i, r.nextInt(13) - 6);
            }
        }
        return a;
    }

    /** Equal dtype and shape, and every element within {@code atol + rtol·|cpu|}; NaN matches NaN, infinities match exactly. */
    static void assertClose(NDArray device, NDArray cpu, double rtol, double atol, String what) {
        assertThat(device.dtype()).as(what + " dtype").isEqualTo(cpu.dtype());
        assertThat(device.shape()).as(what + " shape").containsExactly(cpu.shape());
        for (int i = 0; i < cpu.size(); i++) {
            double d = device.getDouble(i);
            double c = cpu.getDouble(i);
            boolean ok = d == c || (Double.isNaN(d) && Double.isNaN(c)) || Math.abs(d - c) <= atol + rtol * Math.abs(c);
            if (!ok) {
                throw new AssertionError(what + ": element " + i + " is " + d + " on the device, " + c + " on the CPU"
                        + " (rtol " + rtol + ", atol " + atol + ")");
            }
        }
    }

    /** Like {@link #assertClose(NDArray, NDArray, double, double, String)} with a bound of its own for each element. */
    static void assertWithin(NDArray device, NDArray cpu, double[] bound, String what) {
        assertThat(device.dtype()).as(what + " dtype").isEqualTo(cpu.dtype());
        assertThat(device.shape()).as(what + " shape").containsExactly(cpu.shape());
        assertThat(bound).as(what + " bounds").hasSize(cpu.size());
        for (int i = 0; i < cpu.size(); i++) {
            double d = device.getDouble(i);
            double c = cpu.getDouble(i);
            boolean ok = d == c || (Double.isNaN(d) && Double.isNaN(c)) || Math.abs(d - c) <= bound[i];
            if (!ok) {
                throw new AssertionError(what + ": element " + i + " is " + d + " on the device, " + c + " on the CPU"
                        + " (bound " + bound[i] + ")");
            }
        }
    }

    /** The unit roundoff of a float dtype: 2^-24 for float32, 2^-53 for float64. */
    static double eps(DType d) {
        return d == DType.FLOAT32 ? 0x1p-24 : 0x1p-53;
    }
}
