package org.symtensor.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import javax.tools.Diagnostic;
import org.symtensor.SymbolicFunction;

/**
 * The {@code javac} plugin: a thin loop over the classes that hold {@code @SymbolicFunction}
 * methods. Per method it runs {@link MethodChecker} (signature, interpretation over the DSL,
 * checks); per class it writes {@code FooSymbolic} with the methods that passed, each with its
 * kernel (the optimized graph) nested inside. One bad method reports its errors and the rest still generate.
 * It never claims the annotation and never lets an exception escape {@link #process}.
 */
@AutoService(Processor.class)
public final class SymbolicProcessor extends AbstractProcessor {
    private BodyReader reader;
    private Diagnostics diagnostics;
    private final Set<String> written = new HashSet<>();

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
            Map<String, TypeElement> owners = new TreeMap<>();
            for (Element e : round.getElementsAnnotatedWith(SymbolicFunction.class)) {
                if (e.getKind() == ElementKind.METHOD && e.getEnclosingElement() instanceof TypeElement) {
                    TypeElement owner = (TypeElement) e.getEnclosingElement();
                    owners.put(owner.getQualifiedName().toString(), owner);
                }
            }
            for (TypeElement owner : owners.values()) {
                if (reader == null) {
                    diagnostics.error("Sym/Environment", "the Symtensor processor cannot read method bodies in this"
                            + " compiler: its processing environment is wrapped (an IDE?) and could not be unwrapped;"
                            + " build with javac or Maven, or enable annotation processing with the real javac",
                            owner, null);
                    continue;
                }
                processClass(owner);
            }
        } catch (RuntimeException | Error e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "[Sym/Internal] the Symtensor processor"
                    + " failed (" + e + "); this is a bug, please report it");
        }
        return false;
    }

    private void processClass(TypeElement owner) {
        Map<String, ExecutableElement> methods = new LinkedHashMap<>();
        for (Element e : owner.getEnclosedElements()) {
            if (e.getKind() == ElementKind.METHOD && e.getAnnotation(SymbolicFunction.class) != null) {
                ExecutableElement m = (ExecutableElement) e;
                if (methods.containsKey(m.getSimpleName().toString())) {
                    diagnostics.error("Sym/Invalid", "a second @SymbolicFunction named " + m.getSimpleName()
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
        for (TypeSpec t : types) {
            String name = pkg.isEmpty() ? t.name() : pkg + "." + t.name();
            if (!written.add(name)) {
                continue;
            }
            try {
                JavaFile.builder(pkg, t.toBuilder().addOriginatingElement(owner).build())
                        .skipJavaLangImports(true).indent("    ").build()
                        .writeTo(processingEnv.getFiler());
            } catch (IOException e) {
                diagnostics.error("Sym/Internal", "cannot write " + name + ": " + e.getMessage(), owner, null);
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
