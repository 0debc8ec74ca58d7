package org.symtensor.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes {@code FooSymbolic}: per method {@code m}, the graph builder {@code mGraph(...)}, the
 * accessor {@code m()} and the typed function class {@code MFunction}. A typed function's
 * {@code call} takes and returns plain Java values; its {@code NDArray} overload runs the nested
 * {@code Kernel} when there is one (the optimized graph written by {@link OptimizedGraphWriter}),
 * else the runtime function, which is built once (on first use, from the graph builder, so shared
 * state is the real one) and never again: a call builds no graph and generates no code. A method with {@code update(...)} statements passes the updates its builder
 * collects to {@code function}, so each call applies them with Theano's semantics.
 */
final class SymbolicWriter {
    private final TypeElement owner;
    private final GraphBuilderWriter graphs;

    SymbolicWriter(TypeElement owner, GraphBuilderWriter graphs) {
        this.owner = owner;
        this.graphs = graphs;
    }

    static ClassName symbolicClass(TypeElement owner) {
        return Names.symbolicClass(owner);
    }

    TypeSpec write(List<MethodModel> models) {
        TypeSpec.Builder b = TypeSpec.classBuilder(symbolicClass(owner))
                .addAnnotation(AnnotationSpec.builder(Names.GENERATED).addMember("value", "$S", Names.PROCESSOR).build())
                .addJavadoc("The compiled {@code @SymbolicFunction} methods of {@link $T}: graph builders and typed functions.\n",
                        ClassName.get(owner))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (MethodModel m : models) {
            ClassName fn = symbolicClass(owner).nestedClass(Names.capitalize(m.name()) + "Function");
            b.addMethod(graphs.write(m));
            b.addMethod(MethodSpec.methodBuilder(m.name())
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addJavadoc("The compiled {@link $T#$L}.\n", ClassName.get(owner), m.name())
                    .returns(fn)
                    .addStatement("return $T.INSTANCE", fn)
                    .build());
            b.addType(functionClass(m, fn));
        }
        return b.build();
    }

    private TypeSpec functionClass(MethodModel m, ClassName fn) {
        TypeSpec.Builder b = TypeSpec.classBuilder(fn)
                .addJavadoc("{@link $T#$L}, compiled: typed calls, and the runtime {@link $T} for keyword calls.\n",
                        ClassName.get(owner), m.name(), Names.FUNCTION)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addField(FieldSpec.builder(fn, "INSTANCE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T()", fn).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("function")
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("The runtime function of the same graph, built once; inputs are named after the parameters.\n")
                        .returns(Names.FUNCTION)
                        .addStatement("return Compiled.FUNCTION")
                        .build());
        ClassName values = m.returnsRecord() ? fn.nestedClass("Values") : null;
        if (values != null) {
            b.addType(valuesRecord(m, values));
        }
        boolean typedDiffers = m.params().stream().anyMatch(p -> !Names.javaType(p.rank(), p.dtype()).equals(Names.ND_ARRAY))
                || m.params().isEmpty() && (values != null || Names.converter(m.outputs().get(0).rank(), m.outputs().get(0).dtype()) != null);
        CodeBlock link = OptimizedGraphWriter.write(m);
        b.addMethod(ndArrayCall(m, link != null));
        if (typedDiffers && !m.params().isEmpty()) {
            b.addMethod(typedCall(m, values));
        }
        addDefaultOverloads(b, m, typedDiffers && !m.params().isEmpty(), values);
        if (link != null) {
            b.addType(kernel(m, link));
        }
        b.addType(compiled(m));
        return b.build();
    }

    private static TypeName ndReturn(MethodModel m) {
        return m.returnsRecord() ? ParameterizedTypeName.get(ClassName.get(List.class), Names.ND_ARRAY) : Names.ND_ARRAY;
    }

    private static TypeName typedReturn(MethodModel m, ClassName values) {
        if (values != null) {
            return values;
        }
        MethodModel.Output o = m.outputs().get(0);
        return Names.javaType(o.rank(), o.dtype());
    }

    private static TypeSpec valuesRecord(MethodModel m, ClassName values) {
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
        for (MethodModel.Output o : m.outputs()) {
            ctor.addParameter(Names.javaType(o.rank(), o.dtype()), o.name());
        }
        return TypeSpec.recordBuilder(values)
                .addJavadoc("The values of {@link $T}'s components after a call.\n", ClassName.get(m.recordType()))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .recordConstructor(ctor.build())
                .build();
    }

    private MethodSpec ndArrayCall(MethodModel m, boolean linked) {
        MethodSpec.Builder b = MethodSpec.methodBuilder("call")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Calls with arrays; arguments of other dtypes are converted under Theano's rules.\n")
                .returns(ndReturn(m));
        CodeBlock.Builder args = CodeBlock.builder();
        for (int i = 0; i < m.params().size(); i++) {
            b.addParameter(Names.ND_ARRAY, m.params().get(i).name());
            args.add(i == 0 ? "$N" : ", $N", m.params().get(i).name());
        }
        if (linked) {
            b.beginControlFlow("if ($L$LKernel.LINKED != null)", argumentsMatch(m), m.params().isEmpty() ? "" : "\n        && ");
            b.addStatement("return Kernel.LINKED.$L($L)", m.returnsRecord() ? "callAll" : "call", args.build());
            b.endControlFlow();
        }
        if (m.returnsRecord()) {
            return b.addStatement("return function().callAll(new Object[] {$L})", args.build()).build();
        }
        return b.addStatement("return function().call(new Object[] {$L})", args.build()).build();
    }

    private static CodeBlock argumentsMatch(MethodModel m) {
        CodeBlock.Builder cond = CodeBlock.builder();
        for (int i = 0; i < m.params().size(); i++) {
            MethodModel.Param p = m.params().get(i);
            cond.add(i == 0 ? "" : "\n        && ");
            cond.add("$N.dtype() == $T.$L && $N.rank() == $L", p.name(), Names.DTYPE, p.dtype().name(), p.name(), p.rank());
        }
        return cond.build();
    }

    /**
     * The kernel of the method: its graph as the optimizer left it at javac time, rebuilt and linked
     * once when the class initializes; null under flags that ask for another mode or device.
     */
    private TypeSpec kernel(MethodModel m, CodeBlock link) {
        return TypeSpec.classBuilder("Kernel")
                .addJavadoc("The optimized graph of {@link $T#$L}, written at javac time by the pipeline that\n"
                        + "{@code function()} runs, and linked once into the runtime's schedule.\n", ClassName.get(owner), m.name())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addField(FieldSpec.builder(OptimizedGraphWriter.LINKED, "LINKED", Modifier.STATIC, Modifier.FINAL)
                        .initializer("link()").build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("link")
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .returns(OptimizedGraphWriter.LINKED)
                        .addCode(link)
                        .build())
                .build();
    }

    private static MethodSpec typedCall(MethodModel m, ClassName values) {
        MethodSpec.Builder b = MethodSpec.methodBuilder("call")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Calls with plain Java values of the declared dtypes and ranks.\n")
                .returns(typedReturn(m, values));
        CodeBlock.Builder args = CodeBlock.builder();
        for (int i = 0; i < m.params().size(); i++) {
            MethodModel.Param p = m.params().get(i);
            TypeName t = Names.javaType(p.rank(), p.dtype());
            b.addParameter(t, p.name());
            args.add(i == 0 ? "" : ", ");
            args.add(t.equals(Names.ND_ARRAY) ? CodeBlock.of("$N", p.name()) : CodeBlock.of("$T.of($N)", Names.ND_ARRAY, p.name()));
        }
        if (values == null) {
            MethodModel.Output o = m.outputs().get(0);
            String conv = Names.converter(o.rank(), o.dtype());
            return conv == null ? b.addStatement("return call($L)", args.build()).build()
                    : b.addStatement("return call($L).$L()", args.build(), conv).build();
        }
        b.addStatement("$T r = call($L)", ndReturn(m), args.build());
        CodeBlock.Builder vals = CodeBlock.builder();
        for (int i = 0; i < m.outputs().size(); i++) {
            MethodModel.Output o = m.outputs().get(i);
            String conv = Names.converter(o.rank(), o.dtype());
            vals.add(i == 0 ? "" : ", ");
            vals.add(conv == null ? CodeBlock.of("r.get($L)", i) : CodeBlock.of("r.get($L).$L()", i, conv));
        }
        return b.addStatement("return new $T($L)", values, vals.build()).build();
    }

    private static void addDefaultOverloads(TypeSpec.Builder b, MethodModel m, boolean typed, ClassName values) {
        List<MethodModel.Param> ps = m.params();
        for (int keep = ps.size() - 1; keep >= 0 && ps.get(keep).defaultValue() != null; keep--) {
            MethodSpec.Builder o = MethodSpec.methodBuilder("call")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("Calls with the trailing parameters at their {@code @Default} values.\n")
                    .returns(typed ? typedReturn(m, values) : ndReturn(m));
            CodeBlock.Builder args = CodeBlock.builder();
            for (int i = 0; i < ps.size(); i++) {
                MethodModel.Param p = ps.get(i);
                TypeName t = typed ? Names.javaType(p.rank(), p.dtype()) : Names.ND_ARRAY;
                args.add(i == 0 ? "" : ", ");
                if (i < keep) {
                    o.addParameter(t, p.name());
                    args.add("$N", p.name());
                } else if (t.equals(Names.ND_ARRAY)) {
                    args.add("$T.of($L)", Names.ND_ARRAY, GraphBuilderWriter.literal(p.defaultValue()));
                } else {
                    args.add("$L", GraphBuilderWriter.literal(p.defaultValue()));
                }
            }
            b.addMethod(o.addStatement("return call($L)", args.build()).build());
        }
    }

    private static boolean paramNamed(MethodModel m, String name) {
        return m.params().stream().anyMatch(p -> p.name().equals(name));
    }

    private static TypeSpec compiled(MethodModel m) {
        MethodSpec.Builder build = MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(Names.FUNCTION);
        CodeBlock.Builder inputs = CodeBlock.builder();
        CodeBlock.Builder graphArgs = CodeBlock.builder();
        for (int i = 0; i < m.params().size(); i++) {
            MethodModel.Param p = m.params().get(i);
            build.addStatement("$T $N = new $T<>(new $T($T.ofRank($T.$L, $L), $S))", Names.handle(p.rank(), p.dtype()),
                    p.name(), Names.handleClass(p.rank()), Names.VARIABLE, Names.TENSOR_TYPE, Names.DTYPE,
                    p.dtype().name(), p.rank(), p.name());
            inputs.add(i == 0 ? "" : ", ");
            inputs.add(p.defaultValue() == null ? CodeBlock.of("$N", p.name())
                    : CodeBlock.of("$T.in($N).withDefault($L)", Names.T, p.name(), GraphBuilderWriter.literal(p.defaultValue())));
            graphArgs.add(i == 0 ? "$N" : ", $N", p.name());
        }
        String builder = GraphBuilderWriter.builderName(m.name());
        CodeBlock options = CodeBlock.of("");
        if (m.hasUpdates()) {
            String updates = GraphBuilderWriter.updatesName(m);
            build.addStatement("$T $N = new $T<>()", ParameterizedTypeName.get(ClassName.get(List.class), Names.UPDATE),
                    updates, ClassName.get(java.util.ArrayList.class));
            graphArgs.add(m.params().isEmpty() ? "$N" : ", $N", updates);
            options = CodeBlock.of(", $T.of($N)", Names.UPDATES, updates);
        }
        if (m.returnsRecord()) {
            build.addStatement("$T r = $N($L)", ClassName.get(m.recordType()), builder, graphArgs.build());
            CodeBlock.Builder outs = CodeBlock.builder();
            for (int i = 0; i < m.outputs().size(); i++) {
                outs.add(i == 0 ? "r.$N()" : ", r.$N()", m.outputs().get(i).name());
            }
            build.addStatement("return $T.function($T.inputs($L), $T.outputs($L)$L)", Names.T, Names.T, inputs.build(),
                    Names.T, outs.build(), options);
        } else if (m.hasUpdates()) {
            MethodModel.Output o = m.outputs().get(0);
            String out = "out";
            while (out.equals(GraphBuilderWriter.updatesName(m)) || paramNamed(m, out)) {
                out = out + "_";
            }
            build.addStatement("$T $N = $N($L)", Names.handle(o.rank(), o.dtype()), out, builder, graphArgs.build());
            build.addStatement("return $T.function($T.inputs($L), $N$L)", Names.T, Names.T, inputs.build(), out, options);
        } else {
            build.addStatement("return $T.function($T.inputs($L), $N($L))", Names.T, Names.T, inputs.build(), builder,
                    graphArgs.build());
        }
        return TypeSpec.classBuilder("Compiled")
                .addJavadoc("Holds the runtime function: built when first needed, then reused by every call.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addField(FieldSpec.builder(Names.FUNCTION, "FUNCTION", Modifier.STATIC, Modifier.FINAL)
                        .initializer("build()").build())
                .addMethod(build.build())
                .build();
    }
}
