package org.symtensor.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in this JVM through Symtensor's processor, as the samples module's build
 * does: {@code javac --release 17 -processor org.symtensor.processor.SymbolicProcessor} with the
 * test class path (which holds the api, runtime and processor classes). Classes and generated
 * sources go under a directory the caller owns; the classes load in a child of the test's loader.
 */
final class InProcessJavac {
    static final String PROCESSOR = "org.symtensor.processor.SymbolicProcessor";

    private InProcessJavac() {}

    /**
     * Compiles {@code sources} (qualified class name to text) into {@code dir}/classes, the generated
     * sources into {@code dir}/generated, and returns a loader for them. Fails with every error
     * javac reported when the compilation fails.
     */
    static ClassLoader compile(Path dir, Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new AssertionError("no system Java compiler: run the tests on a JDK, not a JRE");
        }
        Path classes = dir.resolve("classes");
        Path generated = dir.resolve("generated");
        List<JavaFileObject> units = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            units.add(new StringSource(e.getKey(), e.getValue()));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            Files.createDirectories(classes);
            Files.createDirectories(generated);
            files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
            files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(generated.toFile()));
            List<String> options = List.of("--release", "17", "-classpath", System.getProperty("java.class.path"),
                    "-processor", PROCESSOR, "-implicit:none", "-Xmaxerrs", "10000");
            boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
            if (!ok) {
                throw new AssertionError("javac failed on " + sources.keySet() + ":\n" + errors(diagnostics, sources));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, InProcessJavac.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The errors, each with its line of source, at most 50 of them. */
    private static String errors(DiagnosticCollector<JavaFileObject> diagnostics, Map<String, String> sources) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        int total = 0;
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            total++;
            if (shown++ >= 50) {
                continue;
            }
            String file = d.getSource() == null ? "" : d.getSource().getName();
            sb.append(file).append(':').append(d.getLineNumber()).append(": ").append(d.getMessage(null)).append('\n');
            String line = sourceLine(d, sources);
            if (line != null) {
                sb.append("    ").append(line.strip()).append('\n');
            }
        }
        if (total > 50) {
            sb.append("... and ").append(total - 50).append(" more errors\n");
        }
        return sb.toString();
    }

    private static String sourceLine(Diagnostic<? extends JavaFileObject> d, Map<String, String> sources) {
        if (!(d.getSource() instanceof StringSource) || d.getLineNumber() < 1) {
            return null;
        }
        String[] lines = sources.get(((StringSource) d.getSource()).className).split("\n", -1);
        return d.getLineNumber() <= lines.length ? lines[(int) d.getLineNumber() - 1] : null;
    }

    /** A compilation unit held in memory. */
    private static final class StringSource extends SimpleJavaFileObject {
        final String className;
        private final String text;

        StringSource(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.className = className;
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
