package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.symtensor.ir.ScalarOp;

/**
 * The scalar table every CPU kernel runs ({@link ScalarOp#applyDouble}, {@link ScalarOp#applyLong};
 * the loop and kernel tests check the kernels against it bit for bit) against the independent
 * {@link ScalarReference}, on a grid of special and ordinary operands: this closes the circle.
 */
class ScalarOpTableTest {
    private static final double[] D = {Double.NEGATIVE_INFINITY, -800, -31, -30.5, -7, -3, -2.5, -1, -0.5, -1e-300, -0.0,
        0.0, 1e-300, 0.5, 1, 2, 2.5, 3, 7, 30.5, 31, 800, Double.POSITIVE_INFINITY, Double.NaN};
    private static final long[] L = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1000, -7, -3, -2, -1, 0, 1, 2, 3, 7, 62, 63, 64,
        1000, Long.MAX_VALUE};
    /**
     * Ops whose table formula differs from the reference's by rounding, within a relative 1e-14: sigmoid
     * (two formulas), softplus (the table returns x above 30, Theano's cut-off, 16 ulps from the exact value).
     */
    private static final Set<ScalarOp> ROUNDED_DIFFERENTLY = Set.of(ScalarOp.SIGMOID, ScalarOp.SOFTPLUS);

    @ParameterizedTest(name = "{0}")
    @EnumSource(ScalarOp.class)
    void applyDouble_everyOp_agreesWithTheIndependentReference(ScalarOp op) {
        for (double a : D) {
            for (double b : D) {
                for (double c : new double[] {-2.5, 4}) {
                    double got = op.applyDouble(a, b, c);
                    double want = ScalarReference.ofDouble(op, a, b, c);
                    boolean same = Double.doubleToLongBits(got) == Double.doubleToLongBits(want)
                            || Double.isNaN(got) && Double.isNaN(want)
                            || ROUNDED_DIFFERENTLY.contains(op) && Math.abs(got - want) <= 1e-14 * Math.abs(want)
                            // known deviation: a zero remainder keeps the dividend's sign (C fmod), NumPy gives the divisor's
                            || op == ScalarOp.MOD && got == 0 && want == 0;
                    assertThat(same).as("%s(%s, %s, %s): table %s, reference %s", op, a, b, c, got, want).isTrue();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ScalarOp.class, mode = EnumSource.Mode.EXCLUDE, names = {"TRUE_DIV", "SQRT", "CBRT", "EXP", "LOG",
        "LOG1P", "EXPM1", "TANH", "SIGMOID", "SOFTPLUS", "RECIPROCAL"}) // float results only
    void applyLong_everyIntegerOp_agreesWithTheIndependentReference(ScalarOp op) {
        for (long a : L) {
            for (long b : L) {
                for (long c : new long[] {-5, 9}) {
                    assertThat(op.applyLong(a, b, c)).as("%s(%s, %s, %s)", op, a, b, c)
                            .isEqualTo(ScalarReference.ofLong(op, a, b, c));
                }
            }
        }
    }
}
