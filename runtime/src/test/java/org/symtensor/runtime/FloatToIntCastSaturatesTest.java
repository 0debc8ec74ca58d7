package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.function.Mode;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.F64;
import org.symtensor.type.I16;
import org.symtensor.type.I32;
import org.symtensor.type.I64;
import org.symtensor.type.I8;
import org.symtensor.type.U8;
import org.symtensor.value.NDArray;

/**
 * Casting ±Inf, NaN and out-of-range floats to integers on the CPU gives Java's saturating result
 * (NaN is 0), never -1, through a plain cast node and through a fused chain.
 */
class FloatToIntCastSaturatesTest {
    static final double[] VALUES = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e300, -1e300,
        200.7, -200.7, 3.9, -3.9, 70000.5, -70000.5};
    static final List<Class<? extends DTypeMarker>> INTS = List.of(I8.class, U8.class, I16.class, I32.class, I64.class);

    /** The plain-Java oracle: NaN is 0, else truncate toward zero and clamp to the range [lo, hi]. */
    static long saturated(double v, long lo, long hi) {
        if (Double.isNaN(v)) {
            return 0;
        }
        if (v <= (double) lo) {
            return lo;
        }
        if (v >= (double) hi) {
            return hi;
        }
        return (long) (v < 0 ? Math.ceil(v) : Math.floor(v));
    }

    static long[] range(Class<? extends DTypeMarker> t) {
        if (t == I8.class) {
            return new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
        } else if (t == U8.class) {
            return new long[] {0, 255};
        } else if (t == I16.class) {
            return new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
        } else if (t == I32.class) {
            return new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
        }
        return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
    }

    @Test
    void cast_ofInfNaNAndHugeDoubles_toEveryIntDtype_saturates_andNaNIsZero() {
        Vector<F64> x = dvector("x");
        for (Class<? extends DTypeMarker> t : INTS) {
            long[] r = range(t);
            for (Mode mode : new Mode[] {Mode.FAST_RUN, Mode.NONE}) {
                Function plain = function(inputs(x), cast(x, t), mode(mode));
                Function fused = function(inputs(x), cast(x.plus(x).times(0.5), t), mode(mode));
                for (Function f : new Function[] {plain, fused}) {
                    NDArray got = f.call(VALUES);
                    for (int i = 0; i < VALUES.length; i++) {
                        assertThat(got.getLong(i)).as("%s to %s (%s)", VALUES[i], t.getSimpleName(), mode)
                                .isEqualTo(saturated(VALUES[i], r[0], r[1]));
                    }
                }
            }
        }
    }

    @Test
    void cast_ofPositiveInfinityToInt8_is127_notMinusOne() {
        Vector<F64> x = dvector("x");
        assertThat(function(inputs(x), cast(x, I8.class)).call(new double[] {Double.POSITIVE_INFINITY}).getLong(0))
                .isEqualTo(127);
    }

    @Test
    void cast_ofANarrowingInteger_wraps() {
        Vector<I32> i = ivector("i");
        assertThat(function(inputs(i), cast(i, I8.class)).call(new int[] {300, -129}).toLongArray())
                .containsExactly(44, 127);
    }
}
