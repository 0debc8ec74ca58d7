package org.symtensor.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.symtensor.T;

/**
 * The typed {@code scan} overloads reject, at {@code javac} time, a step whose result is not its
 * state's handle: each case compiles a small source against the api classes in memory and checks
 * the error javac reports (and a correct source compiles, so the harness itself is sound).
 */
class TypedScanCompileTest {
    private static final String HEADER = """
            import static org.symtensor.T.*;
            import org.symtensor.scan.TypedScanResult;
            import org.symtensor.tensor.*;
            import org.symtensor.type.*;
            class Use {
                static void use(Vector<F64> v0, Matrix<F64> a, Vector<F64> xs, Scalar<F64> s0, Scalar<I64> k) {
            """;

    @Test
    void typedScan_wellTypedSteps_compile() {
        assertThat(errors("""
                TypedScanResult<Vector<F64>, Matrix<F64>> r = scan((Vector<F64> prior, Matrix<F64> m) -> prior.dot(m),
                        outputsInfo(v0), nonSequences(a), nSteps(k));
                Matrix<F64> all = r.outputs();
                Vector<F64> last = r.outputs().get(-1);
                Vector<F64> squares = scan((Scalar<F64> x) -> x.sqr(), sequences(xs)).outputs();
                Vector<F64> sums = scan((Scalar<F64> x, Scalar<F64> acc) -> acc.plus(x), sequences(xs), outputsInfo(s0)).outputs();
                Matrix<F64> rows = scan(x -> a.get(0).times(x), sequences(xs)).outputs();
                Vector<F64> doubled = scan(p -> p.times(2), outputsInfo(v0), nSteps(3)).outputs().get(-1);
                """)).isEmpty();
    }

    @Test
    void typedScan_stepThatChangesTheStateRank_doesNotCompile() {
        List<String> e = errors("""
                scan((Vector<F64> prior, Matrix<F64> m) -> prior.dot(m).sum(), outputsInfo(v0), nonSequences(a), nSteps(k));
                """);
        assertThat(e).hasSize(1);
        assertThat(e.get(0)).contains("no suitable method found for scan");
    }

    @Test
    void typedScan_stepThatChangesTheStateDtype_doesNotCompile() {
        List<String> e = errors("""
                scan(acc -> acc.lt(1.0), outputsInfo(s0), nSteps(k));
                """);
        assertThat(e).hasSize(1);
        assertThat(e.get(0)).contains("Scalar<org.symtensor.type.Bool>").contains("Scalar<org.symtensor.type.F64>");
    }

    @Test
    void typedScan_foldWhoseAccumulatorBecomesAVector_doesNotCompile() {
        List<String> e = errors("""
                scan((x, acc) -> xs.times(x).plus(acc), sequences(xs), outputsInfo(s0));
                """);
        assertThat(e).hasSize(1);
        assertThat(e.get(0)).contains("Vector<org.symtensor.type.F64>").contains("Scalar<org.symtensor.type.F64>");
    }

    @Test
    void typedScan_stateOfTheWrongHandleForTheLambda_doesNotCompile() {
        List<String> e = errors("""
                scan((Scalar<F64> prior) -> prior.times(2), outputsInfo(v0), nSteps(k));
                """);
        assertThat(e).hasSize(1);
        assertThat(e.get(0)).contains("incompatible types").contains("Scalar<org.symtensor.type.F64>");
    }

    @Test
    void typedMap_stackedOutputHasTheHandleOneRankUp_soAMismatchedDeclarationDoesNotCompile() {
        List<String> e = errors("""
                Matrix<F64> wrong = scan((Scalar<F64> x) -> x.sqr(), sequences(xs)).outputs();
                """);
        assertThat(e).hasSize(1);
        assertThat(e.get(0)).contains("Vector<org.symtensor.type.F64>").contains("Matrix<org.symtensor.type.F64>");
    }

    /** javac's error messages for {@code body} placed in a method of a class that sees {@code T.*}. */
    private static List<String> errors(String body) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String source = HEADER + body.indent(8) + "    }\n}\n";
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Use.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            String classes = Path.of(T.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            List<String> options = new ArrayList<>(List.of("-classpath", classes + File.pathSeparator
                    + System.getProperty("java.class.path"), "-proc:none", "-d",
                    System.getProperty("java.io.tmpdir") + File.separator + "typed-scan-compile-test"));
            javac.getTask(null, files, diagnostics, options, null, List.of(file)).call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.toList());
    }
}
