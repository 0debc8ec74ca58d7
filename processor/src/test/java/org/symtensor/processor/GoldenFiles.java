package org.symtensor.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;

/**
 * Reads generated sources and the golden files they are compared with. Run the tests with
 * {@code -Dsymtensor.updateGoldens=true} to rewrite the golden files from the current output.
 */
final class GoldenFiles {
    private static final Path DIR = Path.of("src/test/resources/golden");

    private GoldenFiles() {}

    static String source(Compilation c, String qualifiedName) {
        JavaFileObject f = c.generatedSourceFile(qualifiedName)
                .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName));
        try {
            return f.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden text for {@code simpleName}; rewritten first when the update property is set. */
    static String golden(String simpleName, String actual) {
        Path p = DIR.resolve(simpleName + ".java");
        try {
            if (Boolean.getBoolean("symtensor.updateGoldens")) {
                Files.createDirectories(DIR);
                Files.writeString(p, actual, StandardCharsets.UTF_8);
            }
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
