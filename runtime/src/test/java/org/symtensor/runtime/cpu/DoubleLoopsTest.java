package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.symtensor.ir.ScalarOp;

/**
 * The double block loops, every op, against the op table's reference arithmetic
 * ({@link ScalarOp#applyDouble}, element by element): the plain loops bit for bit, the Vector API
 * lanes within four ulps (bit for bit where the result is exact), tails and special values included.
 * The table itself is checked against an independent reference in {@link ScalarOpTableTest}, and
 * the lanes are checked against that reference directly below.
 */
class DoubleLoopsTest {
    private static final List<ScalarOp> INEXACT_IN_LANES = List.of(ScalarOp.CBRT, ScalarOp.EXP, ScalarOp.LOG, ScalarOp.LOG1P,
            ScalarOp.EXPM1, ScalarOp.TANH, ScalarOp.SIGMOID);

    @Test
    void simd_isEnabledInTheTestJvm() {
        // the build adds jdk.incubator.vector to the test JVM, so the lanes are the path under test here
        assertThat(Simd.ENABLED).isTrue();
    }

    /** Operands at offsets 3, 5 and 7 (c is a 0/1 condition-like mix for switch), with NaN, ±0 and overflow. */
    private static double[][] operands(ScalarOp op, int n) {
        Random rnd = new Random(7 + op.ordinal());
        boolean positive = op == ScalarOp.LOG || op == ScalarOp.SQRT || op == ScalarOp.POW;
        double[] a = new double[n + 3];
        double[] b = new double[n + 5];
        double[] c = new double[n + 7];
        for (int i = 0; i < a.length; i++) {
            a[i] = positive ? rnd.nextDouble() * 100 : rnd.nextDouble() * 40 - 20;
            if (op == ScalarOp.SWITCH || op == ScalarOp.AND || op == ScalarOp.OR || op == ScalarOp.NOT) {
                a[i] = rnd.nextInt(3) == 0 ? 0 : a[i];
            }
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextDouble() * 10 - 5;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] = rnd.nextDouble() * 10 - 5;
        }
        a[3] = op == ScalarOp.LOG1P ? -0.5 : 800; // exp overflows: sigmoid must still be 1, not NaN
        a[4] = op == ScalarOp.LOG1P ? 0.25 : -800; // sigmoid(-800) underflows to 0, not NaN
        a[5] = Double.NaN;
        b[5 + 3] = Double.NaN;
        a[3 + 4] = -0.0;
        b[5 + 4] = 0.0; // max(-0, 0) is +0, min is -0, as Math.max/min
        b[5 + 5] = b[5 + 6] = 0; // division and modulo by zero
        a[3 + 6] = a[3 + 7] = 3;
        b[5 + 7] = 3; // equal operands for the comparisons
        return new double[][] {a, b, c};
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ScalarOp.class)
    void plainLoop_everyOp_isTheOpTableBitForBit(ScalarOp op) {
        int n = 1037;
        double[][] x = operands(op, n);
        double[] got = new double[n + 2];

        DoubleLoops.apply(op, false, x[0], 3, x[1], 5, x[2], 7, got, 2, n);

        for (int i = 0; i < n; i++) {
            double want = op.applyDouble(x[0][3 + i], x[1][5 + i], x[2][7 + i]);
            assertThat(Double.doubleToLongBits(got[2 + i])).as("%s(%s, %s) at %d: got %s, want %s", op, x[0][3 + i],
                    x[1][5 + i], i, got[2 + i], want).isEqualTo(Double.doubleToLongBits(want));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ScalarOp.class)
    void lanes_everyOp_agreeWithTheOpTableWithinFourUlps(ScalarOp op) {
        int n = 1037; // not a multiple of any vector width: the scalar tail runs too
        double[][] x = operands(op, n);
        double[] got = new double[n + 2];

        DoubleLoops.apply(op, true, x[0], 3, x[1], 5, x[2], 7, got, 2, n);

        for (int i = 0; i < n; i++) {
            double w = op.applyDouble(x[0][3 + i], x[1][5 + i], x[2][7 + i]);
            double g = got[2 + i];
            boolean ok = INEXACT_IN_LANES.contains(op) && Math.abs(g - w) <= 4 * Math.ulp(w)
                    || Double.doubleToLongBits(g) == Double.doubleToLongBits(w);
            assertThat(ok).as("%s(%s, %s) at %d: lanes %s, table %s", op, x[0][3 + i], x[1][5 + i], i, g, w).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ScalarOp.class)
    void lanes_everyOp_agreeWithTheIndependentReference(ScalarOp op) {
        int n = 1037;
        double[][] x = operands(op, n);
        double[] got = new double[n + 2];

        DoubleLoops.apply(op, true, x[0], 3, x[1], 5, x[2], 7, got, 2, n);

        for (int i = 0; i < n; i++) {
            double w = ScalarReference.ofDouble(op, x[0][3 + i], x[1][5 + i], x[2][7 + i]);
            double g = got[2 + i];
            boolean ok = Double.doubleToLongBits(g) == Double.doubleToLongBits(w)
                    || INEXACT_IN_LANES.contains(op) && Math.abs(g - w) <= 4 * Math.ulp(w)
                    || (op == ScalarOp.SIGMOID || op == ScalarOp.SOFTPLUS) && Math.abs(g - w) <= 1e-14 * Math.abs(w)
                    || op == ScalarOp.MOD && g == 0 && w == 0; // sign of a zero remainder: see ScalarOpTableTest
            assertThat(ok).as("%s(%s, %s) at %d: lanes %s, reference %s", op, x[0][3 + i], x[1][5 + i], i, g, w).isTrue();
        }
    }

    @Test
    void apply_shortBlock_runsThePlainLoopAndReturnsTheCount() {
        double[] a = {1, 4, 9};
        double[] o = new double[3];

        DoubleLoops.apply(ScalarOp.SQRT, a, 0, null, 0, null, 0, o, 0, 3);

        assertThat(o).containsExactly(1, 2, 3);
        assertThat(DoubleLoops.apply(ScalarOp.NEG, true, a, 0, null, 0, null, 0, o, 0, 3)).isEqualTo(3);
        assertThat(o).containsExactly(-1, -4, -9);
    }
}
