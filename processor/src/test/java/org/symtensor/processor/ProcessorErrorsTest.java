package org.symtensor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error code the processor reports, each pinned to its line, with the words that say how to fix it. */
class ProcessorErrorsTest {
    private static int line(int bodyLine) {
        return Sources.HEADER + bodyLine + 1;
    }

    private static void assertError(ErrorCode code, String words, int bodyLine, String... body) {
        JavaFileObject src = Sources.foo(body);
        Compilation c = Sources.compile(src);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(code.tag()).inFile(src).onLine(line(bodyLine));
        assertThat(c).hadErrorContaining(words);
    }

    @Test
    void loop_isNotSymbolic_onTheLoopLine() {
        assertError(ErrorCode.NOT_SYMBOLIC, "a loop", 2,
                "    @SymbolicFunction",
                "    static Vector<F64> f(Vector<F64> x) {",
                "        for (int i = 0; i < 3; i++) { }",
                "        return x;",
                "    }");
    }

    @Test
    void callOutsideTheDsl_isNotSymbolic_onTheCall() {
        assertError(ErrorCode.NOT_SYMBOLIC, "cannot call Math.abs", 3,
                "    @SymbolicFunction",
                "    static Vector<F64> f(Vector<F64> x) {",
                "        var y = x.plus(1);",
                "        return y.times(Math.abs(-2.0));",
                "    }");
    }

    @Test
    void fieldRead_isNotSymbolic() {
        assertError(ErrorCode.NOT_SYMBOLIC, "pass other values as parameters", 3,
                "    static final double K = 2;",
                "    @SymbolicFunction",
                "    static Vector<F64> f(Vector<F64> x) {",
                "        return x.times(K);",
                "    }");
    }

    @Test
    void instanceMethod_isNotStatic() {
        assertError(ErrorCode.NOT_STATIC, "add the static modifier", 1,
                "    @SymbolicFunction",
                "    Vector<F64> f(Vector<F64> x) {",
                "        return x;",
                "    }");
    }

    @Test
    void doubleParameter_isBadParameterType_onTheParameter() {
        assertError(ErrorCode.BAD_PARAMETER_TYPE, "expected a handle with a concrete dtype", 2,
                "    @SymbolicFunction",
                "    static Vector<F64> f(Vector<F64> x,",
                "            double k) {",
                "        return x.times(k);",
                "    }");
    }

    @Test
    void stringReturn_isBadReturnType() {
        assertError(ErrorCode.BAD_RETURN_TYPE, "or a record whose components are such handles", 1,
                "    @SymbolicFunction",
                "    static String f(Vector<F64> x) {",
                "        return pp(x);",
                "    }");
    }

    @Test
    void unparsableDefault_isBadDefault() {
        assertError(ErrorCode.BAD_DEFAULT, "expected an integer such as \"3\"", 1,
                "    @SymbolicFunction",
                "    static Scalar<I32> f(Scalar<I32> x, @Default(\"1.5\") Scalar<I32> y) {",
                "        return x.plus(y);",
                "    }");
    }

    @Test
    void defaultOnMatrix_isBadDefault() {
        assertError(ErrorCode.BAD_DEFAULT, "defaults are for Scalar parameters only", 2,
                "    @SymbolicFunction",
                "    static Matrix<F64> f(Matrix<F64> x,",
                "            @Default(\"1\") Matrix<F64> y) {",
                "        return x.plus(y);",
                "    }");
    }

    @Test
    void divOfIntMatrix_isDTypeMismatch_onTheCall() {
        assertError(ErrorCode.DTYPE_MISMATCH, "expected a float dtype, got int32", 3,
                "    @SymbolicFunction",
                "    static Matrix<I32> f(Matrix<I32> x) {",
                "        var y = x.plus(1);",
                "        return y.div(2);",
                "    }");
    }

    @Test
    void vectorPlusMatrix_isShapeMismatch() {
        assertError(ErrorCode.SHAPE_MISMATCH, "call the method on the higher-rank operand", 2,
                "    @SymbolicFunction",
                "    static Vector<F64> f(Vector<F64> v, Matrix<F64> m) {",
                "        return v.plus(m);",
                "    }");
    }

    @Test
    void parameterNotInTheResult_isUnusedParameter_onTheParameter() {
        assertError(ErrorCode.UNUSED_PARAMETER, "parameter 'y' is not used", 2,
                "    @SymbolicFunction",
                "    static Vector<F64> f(Vector<F64> x,",
                "            Vector<F64> y) {",
                "        return x.sqr();",
                "    }");
    }

    @Test
    void gradOfVector_isNonScalarCost() {
        assertError(ErrorCode.NON_SCALAR_COST, "reduce it first", 2,
                "    @SymbolicFunction",
                "    static Vector<F64> f(Vector<F64> x) {",
                "        return grad(x.sqr(), x);",
                "    }");
    }

    @Test
    void variableMadeInTheBody_isFreeVariable() {
        assertError(ErrorCode.FREE_VARIABLE, "not an input of the function", 2,
                "    @SymbolicFunction",
                "    static Vector<F64> f(Vector<F64> x) {",
                "        return x.plus(dvector(\"z\"));",
                "    }");
    }

    @Test
    void unnamedFreeVariable_isFreeVariable_namingTheLineThatMadeIt() {
        assertError(ErrorCode.FREE_VARIABLE, "created at test.Foo.f(Foo.java:" + line(2) + ")", 3,
                "    @SymbolicFunction",
                "    static Vector<F64> f(Vector<F64> x) {",
                "        var z = dvector();",
                "        return x.plus(z);",
                "    }");
    }

    @Test
    void overloadedSymbolicMethods_areInvalid() {
        assertError(ErrorCode.INVALID, "cannot be overloaded", 5,
                "    @SymbolicFunction",
                "    static Vector<F64> f(Vector<F64> x) {",
                "        return x;",
                "    }",
                "    @SymbolicFunction",
                "    static Matrix<F64> f(Matrix<F64> x) {",
                "        return x;",
                "    }");
    }

    @Test
    void oneBadMethod_reportsAlone_andTheOthersStillGenerate(@TempDir Path out) throws IOException {
        JavaFileObject src = Sources.foo(
                "    @SymbolicFunction",
                "    static Matrix<F64> good(Matrix<F64> x) {",
                "        return exp(x);",
                "    }",
                "    @SymbolicFunction",
                "    static Matrix<I32> bad(Matrix<I32> x) {",
                "        return x.div(2);",
                "    }");
        Compilation c = Sources.compile(src);
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining(ErrorCode.DTYPE_MISMATCH.tag()).inFile(src).onLine(line(6));

        // compile-testing hides generated files of a failed compilation: run javac itself, sources only
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaCompiler.CompilationTask task = javac.getTask(null, null, diagnostics,
                List.of("-proc:only", "-s", out.toString(), "-cp", System.getProperty("java.class.path")), null, List.of(src));
        task.setProcessors(List.of(new SymbolicProcessor()));
        task.call();
        String generated = Files.readString(out.resolve("test/FooSymbolic.java"));
        assertThat(generated).contains("goodGraph(Matrix<F64> x)").doesNotContain("badGraph");
        assertThat(generated).contains("class GoodFunction").contains("class Kernel");
    }

    @Test
    void bugInTheProcessor_isInternal_withTheStackTraceToReport() {
        JavaFileObject src = Sources.foo(
                "    @SymbolicFunction",
                "    static Vector<F64> f(Vector<F64> x) {",
                "        return x;",
                "    }");
        Compilation c = Compiler.javac().withProcessors(new SymbolicProcessor(m -> {
            throw new IllegalStateException("planted", new ArithmeticException("planted cause"));
        })).compile(src);
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining(ErrorCode.INTERNAL.tag() + " the Symtensor processor failed on this element")
                .inFile(src).onLine(line(1));
        String message = c.errors().get(0).getMessage(null);
        assertThat(message).contains("java.lang.IllegalStateException: planted")
                .containsPattern("\\tat org\\.symtensor\\.processor\\.SymbolicProcessor\\.processClass"
                        + "\\(SymbolicProcessor\\.java:\\d+\\)")
                .contains("Caused by: java.lang.ArithmeticException: planted cause");
    }

    private static final String[] NESTED_A_B = {
        "package test;",
        "",
        "import org.symtensor.SymbolicFunction;",
        "import org.symtensor.tensor.Vector;",
        "import org.symtensor.type.F64;",
        "",
        "public final class A {",
        "    public static final class B {",
        "        @SymbolicFunction",
        "        static Vector<F64> f(Vector<F64> x) {",
        "            return x.plus(1);",
        "        }",
        "    }",
        "}",
    };

    @Test
    void nestedClass_generatesOuter_InnerSymbolic() {
        JavaFileObject a = JavaFileObjects.forSourceLines("test.A", NESTED_A_B);
        JavaFileObject use = JavaFileObjects.forSourceLines("test.Use",
                "package test;",
                "",
                "final class Use {",
                "    static double[] run() {",
                "        return A_BSymbolic.f().call(new double[] {1, 2});",
                "    }",
                "}");
        Compilation c = Sources.compile(a, use);
        assertThat(c).succeeded();
        assertThat(c).generatedSourceFile("test.A_BSymbolic");
        assertThat(GoldenFiles.source(c, "test.A_BSymbolic")).contains("public static Vector<F64> fGraph(Vector<F64> x)");
    }

    @Test
    void nestedAndTopLevelClass_withOneGeneratedName_areNameClash_onBoth() {
        JavaFileObject a = JavaFileObjects.forSourceLines("test.A", NESTED_A_B);
        JavaFileObject ab = JavaFileObjects.forSourceLines("test.A_B",
                "package test;",
                "",
                "import org.symtensor.SymbolicFunction;",
                "import org.symtensor.tensor.Vector;",
                "import org.symtensor.type.F64;",
                "",
                "public final class A_B {",
                "    @SymbolicFunction",
                "    static Vector<F64> g(Vector<F64> x) {",
                "        return x.plus(2);",
                "    }",
                "}");
        Compilation c = Sources.compile(a, ab);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(ErrorCode.NAME_CLASH.tag() + " test.A.B and test.A_B would both generate"
                + " test.A_BSymbolic; rename one of the classes").inFile(a).onLine(8);
        assertThat(c).hadErrorContaining(ErrorCode.NAME_CLASH.tag() + " test.A_B and test.A.B would both generate")
                .inFile(ab).onLine(7);
    }

    @Test
    void generatedNameTakenByASourceClass_isNameClash() {
        JavaFileObject src = Sources.foo(
                "    @SymbolicFunction",
                "    static Vector<F64> f(Vector<F64> x) {",
                "        return x;",
                "    }");
        JavaFileObject taken = JavaFileObjects.forSourceLines("test.FooSymbolic",
                "package test;",
                "",
                "final class FooSymbolic {",
                "}");
        Compilation c = Sources.compile(src, taken);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(ErrorCode.NAME_CLASH.tag() + " the class generated for test.Foo,"
                + " test.FooSymbolic, would replace a class of the sources").inFile(src).onLine(Sources.HEADER);
    }
}
