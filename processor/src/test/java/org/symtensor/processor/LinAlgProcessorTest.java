package org.symtensor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Graphs with linear algebra in generated code: a single-output {@code LinAlg} node is rebuilt by
 * its factory in the generated kernel; a multi-output one ({@code slogdet}) keeps the runtime
 * function for its graph.
 */
class LinAlgProcessorTest {
    private static JavaFileObject source() {
        return JavaFileObjects.forSourceLines("test.Linear",
                "package test;",
                "",
                "import static org.symtensor.T.*;",
                "",
                "import org.symtensor.SymbolicFunction;",
                "import org.symtensor.tensor.Matrix;",
                "import org.symtensor.tensor.Scalar;",
                "import org.symtensor.tensor.Tensor3;",
                "import org.symtensor.type.F64;",
                "",
                "public final class Linear {",
                "    @SymbolicFunction",
                "    static Tensor3<F64> whiten(Matrix<F64> cov, Tensor3<F64> xs) {",
                "        return matmul(inverse(cholesky(cov)), xs);",
                "    }",
                "",
                "    @SymbolicFunction",
                "    static Scalar<F64> logDet(Matrix<F64> a) {",
                "        return slogdet(a).logAbsDet();",
                "    }",
                "}");
    }

    @Test
    void singleOutputLinAlg_isRebuiltInTheKernel_multiOutputKeepsTheRuntimeFunction() {
        Compilation c = Sources.compile(source());
        assertThat(c).succeededWithoutWarnings();
        String s = GoldenFiles.source(c, "test.LinearSymbolic");

        String whiten = s.split("class WhitenFunction")[1].split("class LogDetFunction")[0];
        assertThat(whiten).contains("class Kernel").contains("LinAlg.of(LinAlg.Kind.CHOLESKY)")
                .contains("LinAlg.of(LinAlg.Kind.INVERSE)").contains("LinAlg.of(LinAlg.Kind.MATMUL)");
        assertThat(s.split("class LogDetFunction")[1]).doesNotContain("class Kernel");
    }
}
