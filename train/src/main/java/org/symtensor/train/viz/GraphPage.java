package org.symtensor.train.viz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.symtensor.function.Function;
import org.symtensor.tensor.Tensor;

/**
 * A self-contained, interactive HTML page of a graph, in the spirit of Theano's d3viz: the DOT of
 * {@link Dot} rendered in the browser by Graphviz compiled to WebAssembly (the npm package
 * {@code @viz-js/viz} 3.31.0, MIT, inlined into the page, so the file works offline and needs no
 * server). Zoom with the wheel, pan by dragging, click a node for its op, types and the line that
 * created it (its neighbours stay lit), type to highlight nodes. The page sets
 * {@code body[data-rendered]} to the number of apply nodes drawn once rendering is done, and shows
 * any script error in the page.
 */
public final class GraphPage {
    private static final String VIZ = "viz-global.js";
    private static final String TEMPLATE = "graph-page.html";

    private GraphPage() {}

    /** The page of what {@code f} runs (optimized, fused nodes opened up). */
    public static void write(Path html, Function f) {
        write(html, Dot.of(f));
    }

    /** The page of the graph of {@code outputs} as built. */
    public static void write(Path html, Tensor<?>... outputs) {
        write(html, Dot.of(outputs));
    }

    public static void write(Path html, Dot dot) {
        try {
            Files.writeString(html, html(dot), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + html + ": " + e.getMessage(), e);
        }
    }

    /** The page's HTML. */
    public static String html(Dot dot) {
        String template = resource(TEMPLATE);
        // fill the template's markers only, so that nothing inside the inserted text is ever replaced
        String[] parts = template.split("@@", -1);
        StringBuilder sb = new StringBuilder(template.length() + 1_400_000);
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) {
                sb.append(parts[i]);
                continue;
            }
            switch (parts[i]) {
                case "TITLE" -> sb.append(escapeHtml(dot.title()));
                case "VIZ" -> sb.append(resource(VIZ));
                case "DOT_JSON" -> sb.append(json(dot.text()));
                case "DETAILS_JSON" -> sb.append(json(dot.details()));
                default -> throw new IllegalStateException("unknown marker @@" + parts[i] + "@@ in " + TEMPLATE);
            }
        }
        return sb.toString();
    }

    private static String resource(String name) {
        try (InputStream in = GraphPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + GraphPage.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON string literal that is also safe inside a script element ({@code <} escaped). */
    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String json(Map<String, String> m) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (sb.length() > 1) {
                sb.append(",\n");
            }
            sb.append(json(e.getKey())).append(": ").append(json(e.getValue()));
        }
        return sb.append('}').toString();
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
