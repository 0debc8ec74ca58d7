package org.symtensor.grad;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.symtensor.dsl.AxisFunctions;
import org.symtensor.dsl.AxisReductionFunctions;
import org.symtensor.dsl.BitwiseFunctions;
import org.symtensor.dsl.ConstructionFunctions;
import org.symtensor.dsl.IndexFunctions;
import org.symtensor.dsl.LinAlgFunctions;
import org.symtensor.dsl.MathFunctions;
import org.symtensor.dsl.NNetFunctions;
import org.symtensor.dsl.ReductionFunctions;
import org.symtensor.dsl.ShapeFunctions;

/**
 * docs/ops.md cannot go stale: every public function of the op library's DSL classes has a table
 * row in the section that documents its class (the name and an opening parenthesis, in backticks,
 * on a line of a table). A new DSL function without a row fails here, naming it.
 */
class OpsDocCoverageTest {
    /** Each DSL class and the heading of the docs/ops.md section that lists its functions. */
    private static final Map<Class<?>, String> SECTIONS = Map.of(
            MathFunctions.class, "# Ops",
            ReductionFunctions.class, "## Reductions, sorting and bitwise ops|## Linear algebra",
            AxisReductionFunctions.class, "## Reductions, sorting and bitwise ops|## Linear algebra",
            AxisFunctions.class, "## Reductions, sorting and bitwise ops",
            BitwiseFunctions.class, "# Ops",
            ShapeFunctions.class, "## Shape, construction and indexing",
            ConstructionFunctions.class, "## Shape, construction and indexing",
            IndexFunctions.class, "## Shape, construction and indexing",
            LinAlgFunctions.class, "## Linear algebra",
            NNetFunctions.class, "## Neural networks");

    @Test
    void everyOpFunction_hasARowInItsSection() throws IOException {
        Path doc = Path.of("..", "docs", "ops.md");
        String text = Files.readString(doc);
        List<String> missing = new ArrayList<>();
        SECTIONS.forEach((dsl, heading) -> {
            StringBuilder section = new StringBuilder();
            for (String h : heading.split("\\|")) {
                section.append(section(text, h, doc));
            }
            for (String name : publicFunctions(dsl)) {
                Pattern row = Pattern.compile("(?m)^\\|.*`([^`]*[ .(,])?" + Pattern.quote(name) + "\\(");
                if (!row.matcher(section).find()) {
                    missing.add(dsl.getSimpleName() + "." + name + " (section \"" + heading + "\")");
                }
            }
        });
        assertThat(missing).as("DSL functions without a row in " + doc).isEmpty();
    }

    @Test
    void theCheckSeesTheLibrary() {
        assertThat(publicFunctions(NNetFunctions.class)).contains("conv2d", "maxPool2d", "softmax");
        assertThat(publicFunctions(LinAlgFunctions.class)).contains("inverse", "einsum");
        assertThat(publicFunctions(ShapeFunctions.class)).contains("reshape");
    }

    private static String section(String text, String heading, Path doc) {
        int start = text.indexOf(heading + "\n");
        assertThat(start).as("section " + heading + " in " + doc).isNotNegative();
        int end = text.indexOf("\n## ", start + 1);
        if (heading.startsWith("# ")) {
            // the elementwise table and the composites after it
            int composites = text.indexOf("## Composites");
            end = composites < 0 ? end : text.indexOf("\n## ", composites + 1);
        }
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static List<String> publicFunctions(Class<?> dsl) {
        return Arrays.stream(dsl.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).distinct().sorted().toList();
    }
}
