import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Writes {@code org/symtensor/T.java}: one public static one-line delegator for every public static
 * method of the DSL's implementation classes in {@code org.symtensor.dsl}, with the same generic
 * signature and the first sentence of the implementation's Javadoc. T.java is committed as normal
 * source; rerun this after adding or changing a DSL method (FacadeTest fails until T matches):
 *
 * <pre>java api/tools/GenerateFacade.java   # from the repository root</pre>
 */
public final class GenerateFacade {
    private static final Path DSL = Path.of("api/src/main/java/org/symtensor/dsl");
    private static final Path OUT = Path.of("api/src/main/java/org/symtensor/T.java");
    private static final int WIDTH = 120;

    /** The implementation classes, in the order T lists them, with the title of their section. */
    private static final String[][] SECTIONS = {
        {"TensorFactories", "symbolic variables: floatX, float32, float64 and any dtype"},
        {"IntTensorFactories", "symbolic variables: int8, int16, int32, int64"},
        {"ConstantFactories", "constants"},
        {"SharedFactories", "shared variables"},
        {"MathFunctions", "elementwise math and casts"},
        {"ReductionFunctions", "products and reductions"},
        {"AxisReductionFunctions", "reductions over axes, with keepdims; var, std, argmax, all, logsumexp"},
        {"AxisFunctions", "along one axis: cumsum, cumprod, sort, argsort, topk, takeAlongAxis"},
        {"BitwiseFunctions", "bitwise operations and shifts on integers"},
        {"NNetFunctions", "neural-network composites"},
        {"GradFunctions", "gradients"},
        {"ScanFunctions", "loops and conditionals"},
        {"FunctionFactories", "compiled functions"},
        {"PrintFunctions", "printing"},
        {"LinAlgFunctions", "linear algebra"},
        {"ShapeFunctions", "shape, construction and indexing"},
        {"ConstructionFunctions", "joins and constructions with symbolic shapes"},
        {"IndexFunctions", "indexing, setSubtensor and incSubtensor"},
    };

    private static final Pattern LINK = Pattern.compile("\\{@(link|linkplain)\\s+([\\w.]*)(#[^}\\s]*(?:\\([^)]*\\))?)?([^}]*)}");

    private GenerateFacade() {}

    public static void main(String[] args) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Map<String, String> imports = new TreeMap<>();
        StringBuilder body = new StringBuilder();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            for (String[] section : SECTIONS) {
                Path source = DSL.resolve(section[0] + ".java");
                JavacTask task = (JavacTask) javac.getTask(null, files, null, List.of("-proc:none"), null,
                        files.getJavaFileObjects(source));
                CompilationUnitTree unit = task.parse().iterator().next();
                String text = Files.readString(source);
                Map<String, String> unitImports = importsOf(unit);
                for (Map.Entry<String, String> e : unitImports.entrySet()) {
                    String before = imports.putIfAbsent(e.getKey(), e.getValue());
                    if (before != null && !before.equals(e.getValue())) {
                        throw new IllegalStateException(section[0] + " imports " + e.getValue() + " but another DSL class"
                                + " imports " + before + " under the same simple name: write one of them qualified");
                    }
                }
                imports.put(section[0], "org.symtensor.dsl." + section[0]);
                body.append("\n    // ---- ").append(section[1]).append(" (").append(section[0]).append(") ")
                        .append("-".repeat(Math.max(4, 96 - section[0].length() - section[1].length()))).append("\n");
                writeSection(task, unit, text, section[0], unitImports, body);
            }
        }
        Files.writeString(OUT, header(imports, body.toString()) + body + "}\n");
        System.out.println("wrote " + OUT);
    }

    private static Map<String, String> importsOf(CompilationUnitTree unit) {
        Map<String, String> m = new TreeMap<>();
        for (ImportTree i : unit.getImports()) {
            if (!i.isStatic()) {
                String fqn = i.getQualifiedIdentifier().toString();
                m.put(fqn.substring(fqn.lastIndexOf('.') + 1), fqn);
            }
        }
        return m;
    }

    private static void writeSection(JavacTask task, CompilationUnitTree unit, String text, String owner,
            Map<String, String> unitImports, StringBuilder out) {
        DocTrees docs = DocTrees.instance(task);
        SourcePositions pos = docs.getSourcePositions();
        for (Tree type : unit.getTypeDecls()) {
            for (Tree member : ((ClassTree) type).getMembers()) {
                if (!(member instanceof MethodTree)) {
                    continue;
                }
                MethodTree m = (MethodTree) member;
                if (!m.getModifiers().getFlags().containsAll(List.of(Modifier.PUBLIC, Modifier.STATIC))) {
                    continue;
                }
                DocCommentTree doc = docs.getDocCommentTree(TreePath.getPath(unit, m));
                if (doc == null || doc.getFirstSentence().isEmpty()) {
                    throw new IllegalStateException(owner + "." + m.getName() + " has no Javadoc: T copies its first sentence");
                }
                StringBuilder sentence = new StringBuilder();
                for (DocTree d : doc.getFirstSentence()) {
                    sentence.append(d);
                }
                out.append('\n').append(javadoc(qualifyLinks(sentence.toString().replaceAll("\\s+", " ").trim(), owner,
                        unitImports)));
                for (AnnotationTree a : m.getModifiers().getAnnotations()) {
                    if (!a.getAnnotationType().toString().equals("Override")) {
                        out.append("    ").append(source(text, pos, unit, a)).append('\n');
                    }
                }
                List<String> typeParams = new ArrayList<>();
                for (TypeParameterTree t : m.getTypeParameters()) {
                    typeParams.add(source(text, pos, unit, t));
                }
                List<String> params = new ArrayList<>();
                List<String> names = new ArrayList<>();
                for (VariableTree p : m.getParameters()) {
                    params.add(source(text, pos, unit, p));
                    names.add(p.getName().toString());
                }
                String returnType = source(text, pos, unit, m.getReturnType());
                out.append(wrap(typeParams.isEmpty() ? "" : "<" + String.join(", ", typeParams) + "> ",
                        returnType + " " + m.getName() + "(", params)).append(" {\n");
                out.append("        ").append(returnType.equals("void") ? "" : "return ").append(owner).append('.')
                        .append(m.getName()).append('(').append(String.join(", ", names)).append(");\n    }\n");
            }
        }
    }

    /** The exact source text of a tree, whitespace collapsed. */
    private static String source(String text, SourcePositions pos, CompilationUnitTree unit, Tree t) {
        return text.substring((int) pos.getStartPosition(unit, t), (int) pos.getEndPosition(unit, t))
                .replaceAll("\\s+", " ");
    }

    /** Class names in {@code {@link}}s, made to resolve from T: fully qualified unless T imports them. */
    private static String qualifyLinks(String s, String owner, Map<String, String> unitImports) {
        Matcher m = LINK.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String cls = m.group(2);
            String member = m.group(3) == null ? "" : m.group(3);
            String rest = m.group(4);
            String fqn;
            if (cls.isEmpty()) {
                fqn = "";
            } else if (cls.contains(".")) {
                fqn = cls;
            } else if (unitImports.containsKey(cls)) {
                fqn = unitImports.get(cls);
            } else if (Files.exists(DSL.resolve(cls + ".java"))) {
                fqn = "org.symtensor.dsl." + cls;
            } else {
                fqn = "java.lang." + cls;
            }
            m.appendReplacement(b, Matcher.quoteReplacement("{@" + m.group(1) + " " + fqn + member + rest + "}"));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String javadoc(String sentence) {
        String one = "    /** " + sentence + " */\n";
        if (one.length() - 1 <= WIDTH) {
            return one;
        }
        StringBuilder b = new StringBuilder("    /**\n");
        StringBuilder line = new StringBuilder("     *");
        for (String word : words(sentence)) {
            if (line.length() + 1 + word.length() > WIDTH - 10 && line.length() > 6) {
                b.append(line).append('\n');
                line = new StringBuilder("     *");
            }
            line.append(' ').append(word);
        }
        return b.append(line).append("\n     */\n").toString();
    }

    /** The words of a sentence, an inline tag ({@code {@code a b}}) kept whole so that no line breaks inside it. */
    private static List<String> words(String sentence) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        int depth = 0;
        for (char c : sentence.toCharArray()) {
            if (c == ' ' && depth == 0) {
                words.add(w.toString());
                w.setLength(0);
                continue;
            }
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            w.append(c);
        }
        words.add(w.toString());
        return words;
    }

    private static String wrap(String typeParams, String rest, List<String> params) {
        String oneLine = "    public static " + typeParams + rest;
        StringBuilder b;
        int lineStart = 0;
        if (!typeParams.isEmpty() && oneLine.length() > WIDTH - 30) {
            b = new StringBuilder("    public static " + typeParams.trim() + "\n");
            lineStart = b.length();
            b.append("            ").append(rest);
        } else {
            b = new StringBuilder(oneLine);
        }
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i) + (i + 1 < params.size() ? "," : ")");
            if (b.length() - lineStart + 1 + p.length() + 2 > WIDTH && i > 0) {
                b.append('\n');
                lineStart = b.length();
                b.append("            ");
            } else if (i > 0) {
                b.append(' ');
            }
            b.append(p);
        }
        if (params.isEmpty()) {
            b.append(')');
        }
        return b.toString();
    }

    private static String header(Map<String, String> imports, String body) {
        TreeSet<String> used = new TreeSet<>();
        for (Map.Entry<String, String> e : imports.entrySet()) {
            if (Pattern.compile("(?<![\\w.])" + Pattern.quote(e.getKey()) + "\\b").matcher(body).find()) {
                used.add(e.getValue());
            }
        }
        StringBuilder b = new StringBuilder("package org.symtensor;\n\n");
        for (String i : used) {
            if (!i.startsWith("java.lang.") || i.indexOf('.', "java.lang.".length()) >= 0) {
                b.append("import ").append(i).append(";\n");
            }
        }
        return b.append("""

                /**
                 * The DSL's top-level functions, meant to be imported statically ({@code import static org.symtensor.T.*}):
                 * variable factories ({@code fscalar}, {@code dmatrix}, ...), constants and shared variables, math,
                 * gradients, {@code scan}, {@code function} and its options, {@code pp} and {@code debugprint}.
                 *
                 * <p>One flat facade, as AssertJ's {@code Assertions}: every method is a one-line delegator to a small
                 * implementation class of {@code org.symtensor.dsl} (none extends another), where its full
                 * documentation lives. This file is generated from those classes by {@code api/tools/GenerateFacade.java}
                 * and committed as source; {@code FacadeTest} checks that it delegates every DSL method and nothing else.
                 */
                public final class T {
                    private T() {}
                """).toString();
    }
}
