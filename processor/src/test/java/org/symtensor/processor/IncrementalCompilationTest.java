package org.symtensor.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental builds: the processor writes {@code FooSymbolic} from {@code Foo} alone (its one
 * originating element), so a build tool that recompiles only the edited class gets only that class's
 * generated code rewritten, and the generated classes of the others stay as they were and keep
 * working. Compiled with the real {@code javac} on files, as Gradle or an IDE would.
 */
class IncrementalCompilationTest {
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    @TempDir
    Path dir;

    private static String source(String name, int addend) {
        return String.join("\n",
                "package test;",
                "",
                "import org.symtensor.SymbolicFunction;",
                "import org.symtensor.tensor.Scalar;",
                "import org.symtensor.type.F32;",
                "",
                "public final class " + name + " {",
                "    @SymbolicFunction",
                "    static Scalar<F32> f(Scalar<F32> x) {",
                "        return x.plus(" + addend + ");",
                "    }",
                "}",
                "");
    }

    /** Runs javac with the processor on {@code sources}, classes to out/, generated sources to gen/, out/ on the class path. */
    private void javac(Path... sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path out = Files.createDirectories(dir.resolve("out"));
        Path gen = Files.createDirectories(dir.resolve("gen"));
        List<String> args = new ArrayList<>(List.of(
                "-d", out.toString(), "-s", gen.toString(),
                "-classpath", out + File.pathSeparator + System.getProperty("java.class.path"),
                "-processor", SymbolicProcessor.class.getName(), "-implicit:none"));
        for (Path s : sources) {
            args.add(s.toString());
        }
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, args.toArray(new String[0]));
        assertThat(rc).as("javac %s: %s", args, diagnostics.toString(StandardCharsets.UTF_8)).isZero();
    }

    private float callF(String owner) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("out").toUri().toURL()},
                IncrementalCompilationTest.class.getClassLoader())) {
            Object function = loader.loadClass("test." + owner + "Symbolic").getMethod("f").invoke(null);
            return (float) function.getClass().getMethod("call", float.class).invoke(function, 1f);
        }
    }

    @Test
    void recompilingOneClass_rewritesOnlyItsGeneratedClass() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/test"));
        Path a = Files.writeString(src.resolve("A.java"), source("A", 1));
        Path b = Files.writeString(src.resolve("B.java"), source("B", 10));
        javac(a, b);
        Path aGenerated = dir.resolve("gen/test/ASymbolic.java");
        Path bGenerated = dir.resolve("gen/test/BSymbolic.java");
        Path bClass = dir.resolve("out/test/BSymbolic.class");
        assertThat(aGenerated).exists();
        assertThat(bGenerated).exists();
        assertThat(callF("A")).isEqualTo(2f);
        assertThat(callF("B")).isEqualTo(11f);
        String bBefore = Files.readString(bGenerated, StandardCharsets.UTF_8);
        byte[] bClassBefore = Files.readAllBytes(bClass);
        Files.setLastModifiedTime(aGenerated, LONG_AGO);
        Files.setLastModifiedTime(bGenerated, LONG_AGO);
        Files.setLastModifiedTime(bClass, LONG_AGO);

        Files.writeString(a, source("A", 2));
        javac(a);

        assertThat(Files.getLastModifiedTime(aGenerated)).isNotEqualTo(LONG_AGO);
        assertThat(Files.readString(aGenerated, StandardCharsets.UTF_8)).contains("plus(2)");
        assertThat(Files.getLastModifiedTime(bGenerated)).isEqualTo(LONG_AGO);
        assertThat(Files.getLastModifiedTime(bClass)).isEqualTo(LONG_AGO);
        assertThat(Files.readString(bGenerated, StandardCharsets.UTF_8)).isEqualTo(bBefore);
        assertThat(Files.readAllBytes(bClass)).isEqualTo(bClassBefore);
        assertThat(callF("A")).isEqualTo(3f);
        assertThat(callF("B")).isEqualTo(11f);
    }

    @Test
    void gradleMetadata_declaresTheProcessorIsolating() throws Exception {
        String path = "META-INF/gradle/incremental.annotation.processors";
        try (InputStream in = SymbolicProcessor.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            String line = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(line).isEqualTo(SymbolicProcessor.class.getName() + ",isolating");
            assertThat(Processor.class.isAssignableFrom(Class.forName(line.split(",")[0]))).isTrue();
        }
    }
}
