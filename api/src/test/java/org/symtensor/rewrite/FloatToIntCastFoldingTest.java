package org.symtensor.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Ops;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/** Casting ±Inf, NaN and out-of-range floats to integers saturates (NaN is 0) when folded and in astype. */
class FloatToIntCastFoldingTest {
    static final double[] VALUES = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e300, -1e300,
        200.7, -200.7, 3.9, -3.9, 70000.5, -70000.5};
    static final DType[] INTS = {DType.INT8, DType.UINT8, DType.INT16, DType.INT32, DType.INT64};

    /** The plain-Java oracle: NaN is 0, else truncate toward zero and clamp to the dtype's range. */
    static long saturated(double v, DType to) {
        if (Double.isNaN(v)) {
            return 0;
        }
        double lo = switch (to) {
            case INT8 -> -128;
            case UINT8 -> 0;
            case INT16 -> -32768;
            case INT32 -> -2147483648.0;
            default -> -9223372036854775808.0;
        };
        double hi = switch (to) {
            case INT8 -> 127;
            case UINT8 -> 255;
            case INT16 -> 32767;
            case INT32 -> 2147483647.0;
            default -> 9223372036854775807.0;
        };
        if (v <= lo) {
            return to == DType.INT64 ? Long.MIN_VALUE : (long) lo;
        }
        if (v >= hi) {
            return to == DType.INT64 ? Long.MAX_VALUE : (long) hi;
        }
        return (long) (v < 0 ? Math.ceil(v) : Math.floor(v));
    }

    @Test
    void foldedCast_ofInfNaNAndHugeFloats_saturates_andNaNIsZero() {
        NDArray x = NDArray.of(VALUES);
        for (DType to : INTS) {
            Apply node = Ops.cast(Ops.constant(x), to).owner();
            NDArray r = Evaluator.evaluate(node, new NDArray[] {x});
            assertThat(r.dtype()).isEqualTo(to);
            for (int i = 0; i < VALUES.length; i++) {
                assertThat(r.getLong(i)).as("%s to %s", VALUES[i], to).isEqualTo(saturated(VALUES[i], to));
            }
        }
    }

    @Test
    void astype_ofInfNaNAndHugeFloats_saturates_fromFloat64AndFloat32() {
        for (DType from : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
            NDArray x = NDArray.of(VALUES).astype(from);
            for (DType to : INTS) {
                NDArray r = x.astype(to);
                for (int i = 0; i < VALUES.length; i++) {
                    assertThat(r.getLong(i)).as("%s %s to %s", from, VALUES[i], to).isEqualTo(saturated(x.getDouble(i), to));
                }
            }
        }
    }

    @Test
    void astype_ofIntegersToANarrowerInteger_wraps() {
        NDArray x = NDArray.of(new long[] {300, -129, 65536 + 7});
        assertThat(x.astype(DType.INT8).toLongArray()).containsExactly(44, 127, 7);
        assertThat(x.astype(DType.UINT8).toLongArray()).containsExactly(44, 127, 7);
        assertThat(x.astype(DType.INT16).toLongArray()).containsExactly(300, -129, 7);
    }
}
