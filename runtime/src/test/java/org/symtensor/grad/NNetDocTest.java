package org.symtensor.grad;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.dsl.NNetFunctions;

/**
 * docs/ops.md's "Neural networks" table cannot go stale: every public DSL function of
 * {@link NNetFunctions} has a row there (its name followed by an opening parenthesis in the first
 * column).
 */
class NNetDocTest {
    @Test
    void everyNNetFunction_hasARowInTheNeuralNetworksSection() throws IOException {
        Path doc = Path.of("..", "docs", "ops.md");
        String text = Files.readString(doc);
        int start = text.indexOf("## Neural networks");
        assertThat(start).as("section heading in " + doc).isNotNegative();
        int end = text.indexOf("\n## ", start + 1);
        String section = text.substring(start, end < 0 ? text.length() : end);
        List<String> names = Arrays.stream(NNetFunctions.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).distinct().sorted().toList();
        assertThat(names).contains("conv2d", "maxPool2d", "softmax");
        for (String name : names) {
            assertThat(section).as("a row for " + name).containsPattern("\\| `" + name + "\\(|, `" + name + "\\(");
        }
    }
}
