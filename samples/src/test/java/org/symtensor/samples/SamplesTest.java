package org.symtensor.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Choosing samples by name ({@code -Dsample=...}), as the README says. */
class SamplesTest {
    @Test
    void select_blank_isEverySampleInOrder() {
        assertThat(Samples.select("")).isEqualTo(Samples.ALL);
    }

    @Test
    void select_namesInAnyCase_pickThoseInTheGivenOrder() {
        assertThat(Samples.select("rnn, Tutorial")).extracting(Samples.Sample::name).containsExactly("Rnn", "Tutorial");
    }

    @Test
    void select_unknownName_failsListingTheNames() {
        assertThatThrownBy(() -> Samples.select("Rnm"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no sample named 'Rnm'")
                .hasMessageContaining("Rnn ")
                .hasMessageContaining("LogisticRegression ");
    }

    @Test
    void all_listsEveryClassOfThePackageWithAMain() throws Exception {
        Path dir = Path.of(Samples.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/symtensor/samples");
        Set<String> withMain = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String file = f.getFileName().toString();
                if (!file.endsWith(".class") || file.contains("$")) {
                    continue;
                }
                Class<?> c = Class.forName("org.symtensor.samples." + file.substring(0, file.length() - ".class".length()));
                boolean hasMain = Arrays.stream(c.getDeclaredMethods()).anyMatch(m -> m.getName().equals("main")
                        && Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()));
                if (hasMain && c != Samples.class) {
                    withMain.add(c.getSimpleName());
                }
            }
        }
        assertThat(Samples.ALL).extracting(Samples.Sample::name).containsExactlyInAnyOrderElementsOf(withMain);
    }
}
