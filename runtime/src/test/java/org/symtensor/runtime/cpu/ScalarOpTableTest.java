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
    @org.junit.jupiter.params.provider.MethodSource("integerOps")
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

    @org.junit.jupiter.api.Test
    void numpyOracleCoversEachOpWhoseReferenceIsTheNumpyDataFile() throws java.io.IOException {
        String data;
        try (var in = ScalarOpTableTest.class.getResourceAsStream("/org/symtensor/runtime/elementwise_expected.txt")) {
            data = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (ScalarOp op : ScalarReference.CHECKED_AGAINST_NUMPY_DATA) {
            String name = switch (op) {
                case ARCSINH -> "arcsinh";
                case ARCCOSH -> "arccosh";
                case ARCTANH -> "arctanh";
                case LOG2 -> "log2";
                case EXP2 -> "exp2";
                case ERF -> "erf";
                case ERFC -> "erfc";
                case ERFINV -> "erfinv";
                case GAMMALN -> "gammaln";
                case DIGAMMA -> "digamma";
                case TRIGAMMA -> "trigamma";
                default -> throw new AssertionError(op);
            };
            assertThat(data).as("NumPy data for " + op).containsPattern("(?m)^" + name + " float64 ");
        }
    }

    /** Every op with an integer form (float-only ops have none). */
    static java.util.stream.Stream<ScalarOp> integerOps() {
        return java.util.Arrays.stream(ScalarOp.values()).filter(op -> !op.hasFloatResult());
    }
}
