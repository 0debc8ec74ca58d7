package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.symtensor.ir.ScalarOp;

/** The Vector API loops against the plain Java loops: equal within a few ulps, tails included. */
class VectorLoopsTest {

    @Test
    void simd_isEnabledInTheTestJvm() {
        // the build adds jdk.incubator.vector to the test JVM, so the vector path is the one under test here
        assertThat(Simd.ENABLED).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ScalarOp.class, names = {"NEG", "ABS", "SQR", "SQRT", "EXP", "LOG", "LOG1P", "EXPM1", "TANH",
            "SIGMOID", "RECIPROCAL", "ADD", "SUB", "MUL", "TRUE_DIV"})
    void vectorLoop_agreesWithTheScalarLoopWithinFourUlps(ScalarOp op) {
        Random rnd = new Random(7);
        int n = 1037; // not a multiple of any vector width: the scalar tail runs too
        double[] a = new double[n + 3];
        double[] b = new double[n + 5];
        for (int i = 0; i < a.length; i++) {
            a[i] = op == ScalarOp.LOG || op == ScalarOp.SQRT ? rnd.nextDouble() * 100 : rnd.nextDouble() * 40 - 20;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextDouble() * 10 + 0.5;
        }
        a[3] = op == ScalarOp.LOG1P ? -0.5 : 800; // overflow in exp: sigmoid must still be 1, not NaN
        double[] want = new double[n];
        double[] got = new double[n + 2];

        ScalarLoops.applyDoubleScalar(op, a, 3, b, 5, null, 0, want, 0, n);
        boolean handled = op.arity() == 1 ? VectorLoops.unary(op, a, 3, got, 2, n) : VectorLoops.binary(op, a, 3, b, 5, got, 2, n);

        assertThat(handled).isTrue();
        for (int i = 0; i < n; i++) {
            double w = want[i];
            double g = got[i + 2];
            double tol = 4 * Math.ulp(w);
            assertThat(Math.abs(g - w) <= tol || g == w || Double.isNaN(g) && Double.isNaN(w)).as("%s(%s) at %d: vector %s, scalar %s", op, a[i + 3], i, g, w).isTrue();
        }
    }

    @Test
    void vectorLoop_unsupportedOp_declinesAndWritesNothing() {
        double[] a = {1, 2};
        double[] o = {5, 5};

        assertThat(VectorLoops.unary(ScalarOp.SIGN, a, 0, o, 0, 2)).isFalse();
        assertThat(o).containsExactly(5, 5);
    }
}
