package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.runtime.cpu.KernelTesting.run;
import static org.symtensor.runtime.cpu.KernelTesting.var;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce.Kind;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * Sums, maxima and minima over all elements and over the last axis, which fold contiguous float
 * runs in Vector API lanes, against plain-Java loops: max and min exactly (NaN included), sums
 * within a rounding bound. Lengths are odd so every vector tail runs; transposed inputs take the
 * strided path and must agree too.
 */
class VectorReduceTest {
    private static final int ROWS = 3;
    private static final int COLS = 2077; // crosses two 1024-element chunks and ends in a ragged tail

    private static NDArray data(DType dt, long seed, int... shape) {
        Random rnd = new Random(seed);
        NDArray x = NDArray.zeros(dt, shape);
        for (int i = 0; i < x.size(); i++) {
            x.setDouble(i, (float) (rnd.nextDouble() * 200 - 100));
        }
        return x;
    }

    /** The plain-Java fold of row {@code r} of a (rows, cols) view, in double. */
    private static double fold(Kind kind, NDArray x, int r) {
        double t = kind == Kind.MAX ? Double.NEGATIVE_INFINITY : kind == Kind.MIN ? Double.POSITIVE_INFINITY : 0;
        for (int j = 0; j < x.shape(1); j++) {
            double v = x.getDoubleAt(r, j);
            t = kind == Kind.MAX ? Math.max(t, v) : kind == Kind.MIN ? Math.min(t, v) : t + v;
        }
        return t;
    }

    private static void check(Kind kind, DType dt, NDArray x) {
        NDArray rows = run(Ops.reduce(kind, var("x", dt, -1, -1), 1), x);
        NDArray all = run(Ops.reduce(kind, var("x", dt, -1, -1)), x);

        double total = kind == Kind.SUM ? 0 : fold(kind, x, 0);
        for (int r = 0; r < x.shape(0); r++) {
            double want = fold(kind, x, r);
            total = kind == Kind.MAX ? Math.max(total, want) : kind == Kind.MIN ? Math.min(total, want) : total + want;
            checkOne(kind, dt, rows.getDouble(r), want, x.shape(1));
        }
        checkOne(kind, dt, all.toDouble(), total, x.size());
    }

    private static void checkOne(Kind kind, DType dt, double got, double want, int n) {
        if (kind != Kind.SUM) {
            assertThat(got).isEqualTo(dt == DType.FLOAT32 ? (float) want : want);
            return;
        }
        // a reordered sum of n terms of magnitude <= 100: float lanes err by at most ~n * 100 * 2^-24
        double bound = dt == DType.FLOAT32 ? n * 100 * 0x1p-24 + Math.ulp((float) want) : n * 100 * 0x1p-52;
        assertThat(got).isCloseTo(want, within(bound));
    }

    @ParameterizedTest(name = "{0} {1}")
    @EnumSource(value = Kind.class, names = {"SUM", "MAX", "MIN"})
    void reduce_contiguousFloat32_matchesPlainJava(Kind kind) {
        check(kind, DType.FLOAT32, data(DType.FLOAT32, 1, ROWS, COLS));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Kind.class, names = {"SUM", "MAX", "MIN"})
    void reduce_contiguousFloat64_matchesPlainJava(Kind kind) {
        check(kind, DType.FLOAT64, data(DType.FLOAT64, 2, ROWS, COLS));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Kind.class, names = {"SUM", "MAX", "MIN"})
    void reduce_transposedFloat32_matchesPlainJava(Kind kind) {
        check(kind, DType.FLOAT32, data(DType.FLOAT32, 3, 37, 5).transpose());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void max_withNaNInsideAVectorAndInTheTail_isNaN(DType dt) {
        NDArray x = data(dt, 4, 2, 1037);
        x.setDoubleAt(Double.NaN, 0, 17);
        x.setDoubleAt(Double.NaN, 1, 1036);

        NDArray rows = run(Ops.reduce(Kind.MAX, var("x", dt, -1, -1), 1), x);
        NDArray mins = run(Ops.reduce(Kind.MIN, var("x", dt, -1, -1), 1), x);

        assertThat(rows.getDouble(0)).isNaN();
        assertThat(rows.getDouble(1)).isNaN();
        assertThat(mins.getDouble(0)).isNaN();
        assertThat(mins.getDouble(1)).isNaN();
    }
}
