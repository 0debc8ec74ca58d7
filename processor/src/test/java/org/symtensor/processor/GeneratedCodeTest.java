package org.symtensor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** What the processor writes: golden files, determinism, and the shape of each generated member. */
class GeneratedCodeTest {
    private static JavaFileObject tutorial() {
        return JavaFileObjects.forSourceLines("test.Tutorial",
                "package test;",
                "",
                "import static org.symtensor.T.*;",
                "",
                "import org.symtensor.Default;",
                "import org.symtensor.SymbolicFunction;",
                "import org.symtensor.tensor.Matrix;",
                "import org.symtensor.tensor.Scalar;",
                "import org.symtensor.tensor.Tensor3;",
                "import org.symtensor.tensor.Vector;",
                "import org.symtensor.type.F32;",
                "import org.symtensor.type.F64;",
                "",
                "public final class Tutorial {",
                "    @SymbolicFunction",
                "    static Matrix<F64> logistic(Matrix<F64> x) {",
                "        return div(1, exp(x.unaryMinus()).plus(1));",
                "    }",
                "",
                "    @SymbolicFunction",
                "    static Scalar<F32> add(Scalar<F32> x, @Default(\"1\") Scalar<F32> y) {",
                "        return x.plus(y);",
                "    }",
                "",
                "    record Stats(Scalar<F64> total, Vector<F64> rowMeans) {}",
                "",
                "    @SymbolicFunction",
                "    static Stats stats(Matrix<F64> m, Vector<F64> v) {",
                "        Vector<F64> h = m.dot(v);",
                "        var rows = m.mean(1);",
                "        return new Stats(sum(h).plus(logistic(m).sum()), rows.times(2 * 3));",
                "    }",
                "",
                "    @SymbolicFunction",
                "    static Tensor3<F32> scale(Tensor3<F32> t, Scalar<F32> k) {",
                "        return t.times(k).plus(-0.5);",
                "    }",
                "}");
    }

    @Test
    void tutorial_generatesTheGoldenSources() {
        Compilation c = Sources.compile(tutorial());
        assertThat(c).succeededWithoutWarnings();
        for (String name : new String[] {"TutorialSymbolic", "TutorialLogisticKernel", "TutorialAddKernel", "TutorialScaleKernel",
            "TutorialStatsKernel"}) {
            String actual = GoldenFiles.source(c, "test." + name);
            assertThat(actual).as(name + " (rerun with -Dsymtensor.updateGoldens=true after an intended change)")
                    .isEqualTo(GoldenFiles.golden(name, actual));
        }
    }

    private static JavaFileObject stateful() {
        return JavaFileObjects.forSourceLines("test.Stateful",
                "package test;",
                "",
                "import static org.symtensor.T.*;",
                "",
                "import org.symtensor.SymbolicFunction;",
                "import org.symtensor.scan.Scan;",
                "import org.symtensor.tensor.Scalar;",
                "import org.symtensor.tensor.SharedScalar;",
                "import org.symtensor.tensor.Vector;",
                "import org.symtensor.type.F64;",
                "import org.symtensor.type.I32;",
                "import org.symtensor.type.I64;",
                "",
                "public final class Stateful {",
                "    static final SharedScalar<I32> STATE = shared(0, \"state\");",
                "",
                "    @SymbolicFunction",
                "    static Scalar<I32> accumulate(Scalar<I32> inc) {",
                "        update(STATE, STATE.plus(inc));",
                "        return STATE;",
                "    }",
                "",
                "    @SymbolicFunction",
                "    static Vector<F64> times(Vector<F64> p, Vector<F64> q) {",
                "        return p.times(q);",
                "    }",
                "",
                "    @SymbolicFunction",
                "    static Vector<F64> power(Vector<F64> a, Scalar<I64> k) {",
                "        var byLambda = Scan.from(onesLike(a)).nonSequences(a).steps(k).iterate((prior, b) -> {",
                "            var next = prior.times(b);",
                "            return next;",
                "        });",
                "        return byLambda.last().plus(Scan.from(onesLike(a)).nonSequences(a).steps(k).iterate(Stateful::times).last());",
                "    }",
                "}");
    }

    @Test
    void stateAndLoops_generateTheGoldenSource() {
        Compilation c = Sources.compile(stateful());
        assertThat(c).succeededWithoutWarnings();
        String actual = GoldenFiles.source(c, "test.StatefulSymbolic");
        assertThat(actual).as("StatefulSymbolic (rerun with -Dsymtensor.updateGoldens=true after an intended change)")
                .isEqualTo(GoldenFiles.golden("StatefulSymbolic", actual));
        assertThat(GoldenFiles.source(Sources.compile(stateful()), "test.StatefulSymbolic")).isEqualTo(actual);
    }

    @Test
    void sameInput_givesByteIdenticalOutput() {
        String first = GoldenFiles.source(Sources.compile(tutorial()), "test.TutorialSymbolic");
        String second = GoldenFiles.source(Sources.compile(tutorial()), "test.TutorialSymbolic");
        assertThat(second).isEqualTo(first);
    }

    private static JavaFileObject regression() {
        return JavaFileObjects.forSourceLines("test.Regression",
                "package test;",
                "",
                "import static org.symtensor.T.*;",
                "",
                "import org.symtensor.SymbolicFunction;",
                "import org.symtensor.tensor.Matrix;",
                "import org.symtensor.tensor.Scalar;",
                "import org.symtensor.tensor.Vector;",
                "import org.symtensor.type.F64;",
                "",
                "public final class Regression {",
                "    @SymbolicFunction",
                "    static Vector<F64> predict(Matrix<F64> x, Vector<F64> w, Scalar<F64> b) {",
                "        return sigmoid(x.dot(w).plus(b));",
                "    }",
                "",
                "    @SymbolicFunction",
                "    static Scalar<F64> meanLogistic(Matrix<F64> x) {",
                "        return mean(div(1, exp(x.unaryMinus()).plus(1)));",
                "    }",
                "}");
    }

    @Test
    void regression_generatesTheGoldenScheduleKernels() {
        Compilation c = Sources.compile(regression());
        assertThat(c).succeededWithoutWarnings();
        for (String name : new String[] {"RegressionPredictKernel", "RegressionMeanLogisticKernel"}) {
            String actual = GoldenFiles.source(c, "test." + name);
            assertThat(actual).as(name + " (rerun with -Dsymtensor.updateGoldens=true after an intended change)")
                    .isEqualTo(GoldenFiles.golden(name, actual));
        }
        assertThat(GoldenFiles.source(Sources.compile(regression()), "test.RegressionPredictKernel"))
                .isEqualTo(GoldenFiles.source(c, "test.RegressionPredictKernel"));
    }

    @Test
    void graphWithAProduct_getsAScheduleKernel_thatCallsTheRuntimeForTheProduct() {
        Compilation c = Sources.compile(regression());
        assertThat(GoldenFiles.source(c, "test.RegressionPredictKernel"))
                .contains("NDArray r0_ = KernelCalls.dot(x, w, DType.FLOAT64, \"Regression.predict\");")
                .contains("for (int i = 0; i < r1_d.length; i++) {");
        assertThat(GoldenFiles.source(c, "test.RegressionSymbolic"))
                .contains("NDArray r = RegressionPredictKernel.apply(x, w, b);")
                .contains("return function().call(new Object[] {x, w, b});");
    }

    @Test
    void graphsWithAScanOrUpdates_getNoKernel() {
        Compilation c = Sources.compile(stateful());
        assertThat(c.generatedSourceFile("test.StatefulPowerKernel")).isEmpty();
        assertThat(c.generatedSourceFile("test.StatefulAccumulateKernel")).isEmpty();
    }

    @Test
    void logisticKernel_isOneLoopOverTheElements() {
        String kernel = GoldenFiles.source(Sources.compile(tutorial()), "test.TutorialLogisticKernel");
        assertThat(kernel).contains("public static void apply(int n, double[] x, double[] out)")
                .contains("double t1 = Math.exp(t0);").contains("out[i] = t3;");
    }

    @Test
    void default_generatesAnOverloadWithoutTheParameter() {
        String s = GoldenFiles.source(Sources.compile(tutorial()), "test.TutorialSymbolic");
        assertThat(s).contains("public float call(float x) {\n            return call(x, 1.0f);");
        assertThat(s).contains("T.in(y).withDefault(1.0f)");
    }

    @Test
    void callsToOtherSymbolicMethods_becomeCallsToTheirGraphBuilders() {
        String s = GoldenFiles.source(Sources.compile(tutorial()), "test.TutorialSymbolic");
        assertThat(s).contains("return new Tutorial.Stats(T.sum(h).plus(logisticGraph(m).sum()), rows.times((2 * 3)));");
    }
}
