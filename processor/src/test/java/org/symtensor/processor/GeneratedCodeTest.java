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
        for (String name : new String[] {"TutorialSymbolic"}) {
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
    void regression_generatesTheGoldenSource() {
        Compilation c = Sources.compile(regression());
        assertThat(c).succeededWithoutWarnings();
        String actual = GoldenFiles.source(c, "test.RegressionSymbolic");
        assertThat(actual).as("RegressionSymbolic (rerun with -Dsymtensor.updateGoldens=true after an intended change)")
                .isEqualTo(GoldenFiles.golden("RegressionSymbolic", actual));
    }

    @Test
    void kernel_isTheOptimizedGraph_notTheGraphAsWritten() {
        String s = GoldenFiles.source(Sources.compile(regression()), "test.RegressionSymbolic");
        // 1 / (1 + exp(-x)) as written; the optimizer's sigmoid is what the kernel rebuilds and links
        // (in meanLogistic it is the program of a composite that ends in the mean)
        assertThat(s).contains("Composite.Step.of(Elemwise.of(ScalarOp.SIGMOID), DType.FLOAT64, 0))).withReduce(")
                .doesNotContain("ScalarOp.EXP").doesNotContain("ScalarOp.TRUE_DIV")
                .contains("Apply.output(Dot.INSTANCE, x, w)")
                .contains("return Linker.link(List.of(x, w, b), List.of(");
        assertThat(s).contains("return Kernel.LINKED.call(x, w, b);")
                .contains("return function().call(new Object[] {x, w, b});");
    }

    @Test
    void fusedChains_becomeOneCompositeWithItsExactProgram() {
        JavaFileObject src = JavaFileObjects.forSourceLines("test.Fused",
                "package test;",
                "",
                "import static org.symtensor.T.*;",
                "",
                "import org.symtensor.SymbolicFunction;",
                "import org.symtensor.tensor.Vector;",
                "import org.symtensor.type.F32;",
                "",
                "public final class Fused {",
                "    @SymbolicFunction",
                "    static Vector<F32> chain(Vector<F32> a, Vector<F32> b) {",
                "        return tanh(a.times(b).plus(2)).times(a);",
                "    }",
                "}");
        String s = GoldenFiles.source(Sources.compile(src), "test.FusedSymbolic");
        assertThat(s).contains("Composite.program(List.of(DType.FLOAT32, DType.FLOAT32), List.of(")
                .contains("Composite.Step.of(Elemwise.of(ScalarOp.TANH), DType.FLOAT32");
    }

    @Test
    void graphsWithAScanOrUpdates_keepTheRuntimeFunction() {
        String s = GoldenFiles.source(Sources.compile(stateful()), "test.StatefulSymbolic");
        assertThat(s.split("class PowerFunction")[1]).doesNotContain("class Kernel");
        assertThat(s.split("class AccumulateFunction")[1].split("class TimesFunction")[0]).doesNotContain("class Kernel");
        assertThat(s.split("class TimesFunction")[1].split("class PowerFunction")[0]).contains("class Kernel");
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
