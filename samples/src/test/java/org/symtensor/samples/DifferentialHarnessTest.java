package org.symtensor.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The pieces of {@link GeneratedVsFunctionTest} on their own: the in-process compilation through
 * the processor gives working typed calls (checked against hand-computed values), the comparison
 * sees one ulp and treats NaN as NaN, and the generator is deterministic.
 */
class DifferentialHarnessTest {
    private static final String LOGISTIC = String.join("\n",
            "package difftest;",
            "import static org.symtensor.T.*;",
            "import org.symtensor.SymbolicFunction;",
            "import org.symtensor.tensor.Matrix;",
            "import org.symtensor.type.F64;",
            "public final class Sanity {",
            "    @SymbolicFunction",
            "    static Matrix<F64> logistic(Matrix<F64> x) {",
            "        return div(1, exp(x.unaryMinus()).plus(1));",
            "    }",
            "}");

    @TempDir
    Path dir;

    @Test
    void compiledLogistic_typedCallAndFunction_giveOneHalfAtZero_andAgree() throws Exception {
        ClassLoader loader = InProcessJavac.compile(dir, Map.of("difftest.Sanity", LOGISTIC));
        Class<?> symbolic = Class.forName("difftest.SanitySymbolic", true, loader);
        Differential.Entry e = Differential.Entry.of(symbolic.getMethod("logistic"));
        NDArray[] x = {NDArray.of(new double[][] {{0, 0}, {0, 0}})};

        Differential.Outcome typed = e.typed(x);
        Differential.Outcome function = e.runtime(x);

        assertThat(typed.error()).isNull();
        assertThat(typed.values()).hasSize(1);
        assertThat(typed.values().get(0).toDoubleMatrix()).isEqualTo(new double[][] {{0.5, 0.5}, {0.5, 0.5}});
        assertThat(function.values().get(0).toDoubleMatrix()).isEqualTo(new double[][] {{0.5, 0.5}, {0.5, 0.5}});
        assertThat(Differential.difference(typed, function)).isNull();
    }

    @Test
    void compile_withATypeError_failsWithJavacsMessageAndTheLine() {
        String bad = LOGISTIC.replace("return div(1, exp(x.unaryMinus()).plus(1));", "return x.plus(\"one\");");

        assertThatThrownBy(() -> InProcessJavac.compile(dir, Map.of("difftest.Sanity", bad)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("difftest/Sanity.java:9")
                .hasMessageContaining("return x.plus(\"one\");");
    }

    @Test
    void difference_seesOneUlp_andNamesTheElementAndBothValues() {
        NDArray a = NDArray.of(new double[] {1, 2, 3});
        NDArray b = NDArray.of(new double[] {1, Math.nextUp(2.0), 3});

        assertThat(Differential.difference(a, b))
                .contains("element [1]", "1 of 3 differ", "typed 2.0", "function 2.0000000000000004");
        assertThat(Differential.difference(a, a.copy())).isNull();
    }

    @Test
    void difference_treatsNaNAsEqual_butTellsZeroFromMinusZero() {
        float otherNaN = Float.intBitsToFloat(0x7fc00001);

        assertThat(Differential.difference(NDArray.of(new float[] {Float.NaN}), NDArray.of(new float[] {otherNaN})))
                .isNull();
        assertThat(Differential.difference(NDArray.of(0.0), NDArray.of(-0.0))).contains("typed 0.0", "function -0.0");
    }

    @Test
    void difference_ofShapesDtypesAndExceptions() {
        NDArray v = NDArray.of(new double[] {1, 2});

        assertThat(Differential.difference(v, NDArray.of(new double[][] {{1, 2}}))).startsWith("shape");
        assertThat(Differential.difference(v, v.astype(DType.FLOAT32))).startsWith("dtype");
        Differential.Outcome argumentError = new Differential.Outcome(null, new IllegalArgumentException("a"));
        Differential.Outcome otherArgumentError = new Differential.Outcome(null, new IllegalArgumentException("b"));
        Differential.Outcome stateError = new Differential.Outcome(null, new IllegalStateException("c"));
        Differential.Outcome value = new Differential.Outcome(List.of(v), null);
        assertThat(Differential.difference(argumentError, otherArgumentError)).isNull();
        assertThat(Differential.difference(argumentError, stateError)).contains("IllegalArgumentException: a", "IllegalStateException: c");
        assertThat(Differential.difference(value, argumentError)).contains("returned [float64(2,)]", "threw");
    }

    @Test
    void generator_isDeterministic_andDeclaresEveryParameterItUses() {
        RandomGraphSource.Source a = RandomGraphSource.generate("Random", 42, 20);
        RandomGraphSource.Source b = RandomGraphSource.generate("Random", 42, 20);

        assertThat(a.text()).isEqualTo(b.text());
        assertThat(a.methods()).hasSize(20);
        assertThat(a.methods()).extracting(RandomGraphSource.Method::dtype).contains(DType.FLOAT32, DType.FLOAT64);
        for (RandomGraphSource.Method m : a.methods()) {
            assertThat(m.params()).as(m.name()).isNotEmpty();
            for (RandomGraphSource.Param p : m.params()) {
                assertThat(m.body()).as(m.name()).contains(p.name());
            }
        }
    }
}
