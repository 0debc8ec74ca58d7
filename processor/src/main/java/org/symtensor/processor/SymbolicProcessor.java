package org.symtensor.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import org.symtensor.SymbolicFunction;

/**
 * The {@code javac} plugin: a thin loop over the classes that hold {@code @SymbolicFunction}
 * methods. Per method it runs {@link MethodChecker} (signature, interpretation over the DSL,
 * checks); per class it writes {@code FooSymbolic} with the methods that passed, each with its
 * kernel (the optimized graph) nested inside. One bad method reports its errors and the rest still
 * generate; two classes whose generated names collide are reported ({@link ErrorCode#NAME_CLASH})
 * and skipped, never one silently replacing the other. It never claims the annotation and never
 * lets an exception escape {@link #process}.
 */
@AutoService(Processor.class)
public final class SymbolicProcessor extends AbstractProcessor {
    private BodyReader reader;
    private Diagnostics diagnostics;
    /** The qualified names of the classes written so far, and the qualified name of the owner each was written for. */
    private final Map<String, String> written = new HashMap<>();
    /** The qualified names of the top-level classes of the sources, over all rounds so far. */
    private final Set<String> sourceTypes = new HashSet<>();
    private final Consumer<ExecutableElement> beforeCheck;

    /** The processor javac runs (found through {@code META-INF/services}). */
    public SymbolicProcessor() {
        this(m -> { });
    }

    /**
     * A processor that runs {@code beforeCheck} on each method before checking it: tests make it throw
     * to see how a bug in the processor is reported.
     */
    SymbolicProcessor(Consumer<ExecutableElement> beforeCheck) {
        this.beforeCheck = beforeCheck;
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        reader = BodyReader.create(env);
        diagnostics = new Diagnostics(env.getMessager(), reader);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(SymbolicFunction.class.getName());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            for (Element e : round.getRootElements()) {
                if (e instanceof TypeElement) {
                    sourceTypes.add(((TypeElement) e).getQualifiedName().toString());
                }
            }
            Map<String, TypeElement> owners = new TreeMap<>();
            for (Element e : round.getElementsAnnotatedWith(SymbolicFunction.class)) {
                if (e.getKind() == ElementKind.METHOD && e.getEnclosingElement() instanceof TypeElement) {
                    TypeElement owner = (TypeElement) e.getEnclosingElement();
                    owners.put(owner.getQualifiedName().toString(), owner);
                }
            }
            Set<TypeElement> clashing = nameClashes(owners.values());
            for (TypeElement owner : owners.values()) {
                if (clashing.contains(owner)) {
                    continue;
                }
                if (reader == null) {
                    diagnostics.error(ErrorCode.ENVIRONMENT, "the Symtensor processor cannot read method bodies in this"
                            + " compiler: its processing environment is wrapped (an IDE?) and could not be unwrapped;"
                            + " build with javac or Maven, or enable annotation processing with the real javac",
                            owner, null);
                    continue;
                }
                processClass(owner);
            }
        } catch (RuntimeException | Error e) {
            diagnostics.internal(e, null);
        }
        return false;
    }

    /**
     * The owners whose {@code ...Symbolic} class cannot be written, each reported as
     * {@link ErrorCode#NAME_CLASH}: two owners of this round that map to one name, or an owner whose
     * generated name is a class of the sources (or one this processor wrote for another owner).
     */
    private Set<TypeElement> nameClashes(Collection<TypeElement> owners) {
        Map<String, List<TypeElement>> byName = new TreeMap<>();
        for (TypeElement owner : owners) {
            byName.computeIfAbsent(Names.symbolicClass(owner).canonicalName(), k -> new ArrayList<>()).add(owner);
        }
        Set<TypeElement> clashing = new HashSet<>();
        for (Map.Entry<String, List<TypeElement>> e : byName.entrySet()) {
            String name = e.getKey();
            List<TypeElement> same = e.getValue();
            if (same.size() > 1) {
                for (TypeElement owner : same) {
                    StringBuilder others = new StringBuilder();
                    for (TypeElement o : same) {
                        if (o != owner) {
                            others.append(others.length() == 0 ? "" : " and ").append(o.getQualifiedName());
                        }
                    }
                    diagnostics.error(ErrorCode.NAME_CLASH, owner.getQualifiedName() + " and " + others + " would both"
                            + " generate " + name + "; rename one of the classes", owner, null);
                }
                clashing.addAll(same);
            } else if (written.containsKey(name) || sourceTypes.contains(name)) {
                taken(same.get(0), name, written.get(name));
                clashing.add(same.get(0));
            }
        }
        return clashing;
    }

    /**
     * Reports that {@code name}, the class generated for {@code owner}, is taken: by the class
     * generated for {@code other}, or (when null) by a class of the sources.
     */
    private void taken(TypeElement owner, String name, String other) {
        diagnostics.error(ErrorCode.NAME_CLASH, "the class generated for " + owner.getQualifiedName() + ", " + name
                + ", would replace " + (other != null ? "the class generated for " + other : "a class of the sources")
                + "; rename one of them", owner, null);
    }

    private void processClass(TypeElement owner) {
        Map<String, ExecutableElement> methods = new LinkedHashMap<>();
        for (Element e : owner.getEnclosedElements()) {
            if (e.getKind() == ElementKind.METHOD && e.getAnnotation(SymbolicFunction.class) != null) {
                ExecutableElement m = (ExecutableElement) e;
                if (methods.containsKey(m.getSimpleName().toString())) {
                    diagnostics.error(ErrorCode.INVALID, "a second @SymbolicFunction named " + m.getSimpleName()
                            + "; symbolic methods cannot be overloaded, give it another name", m, null);
                    continue;
                }
                methods.put(m.getSimpleName().toString(), m);
            }
        }
        SharedFields shared = new SharedFields(owner);
        Interpreter interpreter = new Interpreter(callees(methods, owner, shared), shared, owner.getSimpleName().toString());
        MethodChecker checker = new MethodChecker(diagnostics, reader, shared);
        List<MethodModel> models = new ArrayList<>();
        for (ExecutableElement m : methods.values()) {
            try {
                beforeCheck.accept(m);
                MethodModel model = checker.check(m, interpreter);
                if (model != null) {
                    models.add(model);
                }
            } catch (RuntimeException | Error e) {
                diagnostics.internal(e, m);
            }
        }
        GraphBuilderWriter graphs = new GraphBuilderWriter(methods.keySet(), owner);
        List<TypeSpec> types = new ArrayList<>();
        try {
            types.add(new SymbolicWriter(owner, graphs).write(models));
        } catch (RuntimeException e) {
            diagnostics.internal(e, owner);
            return;
        }
        String pkg = processingEnv.getElementUtils().getPackageOf(owner).getQualifiedName().toString();
        String ownerName = owner.getQualifiedName().toString();
        for (TypeSpec t : types) {
            String name = pkg.isEmpty() ? t.name() : pkg + "." + t.name();
            String other = written.putIfAbsent(name, ownerName);
            if (other != null || sourceTypes.contains(name)) {
                taken(owner, name, other);
                continue;
            }
            try {
                JavaFile.builder(pkg, t.toBuilder().addOriginatingElement(owner).build())
                        .skipJavaLangImports(true).indent("    ").build()
                        .writeTo(processingEnv.getFiler());
            } catch (IOException e) {
                diagnostics.error(ErrorCode.INTERNAL, "cannot write " + name + ": " + e.getMessage(), owner, null);
            }
        }
    }

    private Interpreter.Callees callees(Map<String, ExecutableElement> methods, TypeElement owner, SharedFields shared) {
        Map<String, Interpreter.Callee> cache = new HashMap<>();
        return name -> {
            ExecutableElement m = methods.get(name);
            if (m == null) {
                return null;
            }
            Interpreter.Callee c = cache.get(name);
            if (c == null) {
                List<String> params = new ArrayList<>();
                for (VariableElement p : m.getParameters()) {
                    params.add(p.getSimpleName().toString());
                }
                String recordName = null;
                List<String> components = null;
                if (m.getReturnType().getKind() == TypeKind.DECLARED) {
                    Element r = ((DeclaredType) m.getReturnType()).asElement();
                    if (r.getKind() == ElementKind.RECORD) {
                        recordName = r.getSimpleName().toString();
                        components = new ArrayList<>();
                        for (Element rc : ((TypeElement) r).getRecordComponents()) {
                            components.add(rc.getSimpleName().toString());
                        }
                    }
                }
                c = new Interpreter.Callee(params, reader.read(m, owner.getSimpleName().toString(), shared.names()), recordName, components);
                cache.put(name, c);
            }
            return c;
        };
    }
}
