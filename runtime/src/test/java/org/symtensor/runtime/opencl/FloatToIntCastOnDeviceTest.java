package org.symtensor.runtime.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;
import static org.symtensor.runtime.opencl.OpenClTesting.DEVICE;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.F32;
import org.symtensor.type.I16;
import org.symtensor.type.I32;
import org.symtensor.type.I64;
import org.symtensor.type.I8;
import org.symtensor.type.U8;
import org.symtensor.value.NDArray;

/** OpenCL casts ±Inf, NaN and out-of-range floats to integers as the CPU does: saturating, NaN is 0. */
class FloatToIntCastOnDeviceTest {
    static final float[] VALUES = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1e30f, -1e30f,
        200.7f, -200.7f, 3.9f, -3.9f, 70000.5f, -70000.5f};

    @Test
    void cast_ofInfNaNAndHugeFloats_toEveryIntDtype_saturates_andNaNIsZero() {
        assumeOpenCl();
        Vector<F32> x = fvector("x");
        for (Class<? extends DTypeMarker> t : List.of(I8.class, U8.class, I16.class, I32.class, I64.class)) {
            long lo = t == I8.class ? Byte.MIN_VALUE : t == U8.class ? 0 : t == I16.class ? Short.MIN_VALUE
                    : t == I32.class ? Integer.MIN_VALUE : Long.MIN_VALUE;
            long hi = t == I8.class ? Byte.MAX_VALUE : t == U8.class ? 255 : t == I16.class ? Short.MAX_VALUE
                    : t == I32.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
            Function f = function(inputs(x), cast(x, t), device(DEVICE));
            NDArray got = f.call(VALUES);
            for (int i = 0; i < VALUES.length; i++) {
                double v = VALUES[i];
                long want = Double.isNaN(v) ? 0 : v <= lo ? lo : v >= hi ? hi : (long) (v < 0 ? Math.ceil(v) : Math.floor(v));
                assertThat(got.getLong(i)).as("%s to %s", v, t.getSimpleName()).isEqualTo(want);
            }
        }
    }
}
