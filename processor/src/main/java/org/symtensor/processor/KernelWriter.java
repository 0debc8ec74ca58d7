package org.symtensor.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import org.symtensor.render.JavaRenderer;
import org.symtensor.type.DType;

/**
 * Writes a method's kernel class, {@code FooMKernel}: the schedule as straight Java. A graph of
 * float elementwise ops becomes one loop written by the api's {@link JavaRenderer}; the typed
 * function calls it when the arguments have the declared dtypes and equal shapes, and otherwise
 * (and for every other graph) runs the runtime's compiled function, built once.
 */
final class KernelWriter {
    private static final Set<String> RESERVED = Set.of("n", "i", "out");

    private KernelWriter() {}

    /** Whether the method's graph is one elementwise loop. */
    static boolean applies(MethodModel m) {
        return m.outputVariables().size() == 1 && !m.hasUpdates() && JavaRenderer.canRenderLoop(m.inputVariables(), m.outputVariables().get(0));
    }

    static ClassName kernelClass(TypeElement owner, MethodModel m) {
        ClassName o = ClassName.get(owner);
        return ClassName.get(o.packageName(), String.join("", o.simpleNames()) + Names.capitalize(m.name()) + "Kernel");
    }

    static String argName(String param) {
        return RESERVED.contains(param) || param.matches("t[0-9]+") ? param + "_" : param;
    }

    static TypeName element(DType d) {
        return d == DType.FLOAT32 ? TypeName.FLOAT : TypeName.DOUBLE;
    }

    static TypeSpec write(TypeElement owner, MethodModel m) {
        MethodModel.Output o = m.outputs().get(0);
        TypeName elem = element(o.dtype());
        MethodSpec.Builder apply = MethodSpec.methodBuilder("apply")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("{@code out[i]} for {@code i < n}: arrays hold the $L elements of full-rank arguments in"
                        + " C order;\nscalar arguments broadcast.\n", o.dtype())
                .addParameter(TypeName.INT, "n");
        List<String> names = new ArrayList<>();
        for (MethodModel.Param p : m.params()) {
            String name = argName(p.name());
            names.add(name);
            apply.addParameter(p.rank() == 0 ? elem : ArrayTypeName.of(elem), name);
        }
        apply.addParameter(ArrayTypeName.of(elem), "out");
        apply.addCode(JavaRenderer.renderLoop(m.inputVariables(), names, m.outputVariables().get(0), "out", "n"));
        return TypeSpec.classBuilder(kernelClass(owner, m))
                .addAnnotation(AnnotationSpec.builder(Names.GENERATED).addMember("value", "$S", Names.PROCESSOR).build())
                .addJavadoc("The kernel of {@link $T#$L}, one loop over the elements, written at javac time.\n",
                        ClassName.get(owner), m.name())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(apply.build())
                .build();
    }
}
