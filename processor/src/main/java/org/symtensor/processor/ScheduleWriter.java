package org.symtensor.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.Variable;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.Reduce;
import org.symtensor.render.JavaRenderer;
import org.symtensor.type.DType;

/**
 * Writes the kernel class of a method whose graph mixes elementwise chains with products,
 * reductions and transposes: straight Java in topological order, one local {@code NDArray} per
 * step. Each maximal float elementwise chain becomes one loop rendered by {@link JavaRenderer}
 * (its array operands must have equal shapes at run time, rank-0 ones broadcast); {@code dot},
 * {@code sum}/{@code mean}/{@code max}/{@code min}/{@code prod} and dimshuffles call the runtime's
 * {@code KernelCalls}. {@code apply} returns null when a chain's operands differ in shape (general
 * broadcasting), and the typed function then runs the runtime function instead.
 */
final class ScheduleWriter {
    private static final ClassName CALLS = ClassName.get("org.symtensor.runtime.cpu", "KernelCalls");
    private static final ClassName REDUCE_KIND = ClassName.get(Reduce.Kind.class);

    private ScheduleWriter() {}

    /** Whether the method gets a schedule kernel: no updates, not a single loop, only supported ops. */
    static boolean applies(MethodModel m) {
        return !m.hasUpdates() && !KernelWriter.applies(m) && body(m) != null;
    }

    private static boolean chainNode(Apply a) {
        OpKind k = a.op().kind();
        return k == OpKind.ELEMWISE || k == OpKind.DIMSHUFFLE && a.inputs().get(0).type().rank() == 0;
    }

    private static String where(MethodModel m) {
        return m.element().getEnclosingElement().getSimpleName() + "." + m.name();
    }

    /** The statements of {@code apply}, or null when some op or operand is outside what it can write. */
    private static CodeBlock body(MethodModel m) {
        List<Variable> outs = m.outputVariables();
        Map<Variable, String> local = new IdentityHashMap<>();
        for (int k = 0; k < m.params().size(); k++) {
            local.put(m.inputVariables().get(k), KernelWriter.argName(m.params().get(k).name()));
        }
        List<Apply> apps = Graphs.toposort(outs);
        Map<Variable, Integer> uses = new IdentityHashMap<>();
        Map<Variable, Boolean> usedByStep = new IdentityHashMap<>();
        for (Apply a : apps) {
            for (Variable in : a.inputs()) {
                uses.merge(in, 1, Integer::sum);
                if (!chainNode(a)) {
                    usedByStep.put(in, true);
                }
            }
        }
        for (Variable o : outs) {
            if (o.owner() == null) {
                return null;
            }
            uses.merge(o, 2, Integer::sum);
        }
        CodeBlock.Builder code = CodeBlock.builder();
        int next = 0;
        for (Apply a : apps) {
            if (a.outputs().size() != 1) {
                return null;
            }
            Variable v = a.output();
            String name = "r" + next + "_";
            if (chainNode(a)) {
                if (uses.getOrDefault(v, 0) < 2 && !usedByStep.containsKey(v)) {
                    continue;
                }
                if (!loop(code, v, name, local)) {
                    return null;
                }
            } else {
                List<String> ins = new ArrayList<>();
                for (Variable in : a.inputs()) {
                    if (!local.containsKey(in)) {
                        return null;
                    }
                    ins.add(local.get(in));
                }
                DType d = v.type().dtype();
                OpKind kind = a.op().kind();
                if (kind != OpKind.DOT && kind != OpKind.REDUCE && kind != OpKind.DIMSHUFFLE) {
                    return null;
                }
                if (kind == OpKind.DOT) {
                    code.addStatement("$T $N = $T.dot($N, $N, $T.$L, $S)", Names.ND_ARRAY, name, CALLS,
                            ins.get(0), ins.get(1), Names.DTYPE, d.name(), where(m));
                } else if (kind == OpKind.REDUCE) {
                    Reduce r = (Reduce) a.op();
                    CodeBlock axes = r.axes() == null ? CodeBlock.of("null")
                            : CodeBlock.of("new int[] {$L}", Arrays.toString(r.axes()).replaceAll("[\\[\\]]", ""));
                    code.addStatement("$T $N = $T.reduce($T.$L, $L, $N, $T.$L, $S)", Names.ND_ARRAY, name, CALLS,
                            REDUCE_KIND, r.reduceKind().name(), axes, ins.get(0), Names.DTYPE, d.name(), where(m));
                } else {
                    code.addStatement("$T $N = $T.dimshuffle($N, $L)", Names.ND_ARRAY, name, CALLS,
                            ins.get(0), Arrays.toString(((DimShuffle) a.op()).pattern()).replaceAll("[\\[\\]]", ""));
                }
            }
            local.put(v, name);
            next++;
        }
        if (outs.size() == 1) {
            return code.addStatement("return $N", local.get(outs.get(0))).build();
        }
        CodeBlock.Builder list = CodeBlock.builder();
        for (int i = 0; i < outs.size(); i++) {
            list.add(i == 0 ? "$N" : ", $N", local.get(outs.get(i)));
        }
        return code.addStatement("return $T.of($L)", List.class, list.build()).build();
    }

    /** Writes the loop computing chain output {@code v} into {@code name}; false when it cannot. */
    private static boolean loop(CodeBlock.Builder code, Variable v, String name, Map<Variable, String> local) {
        List<Variable> leaves = new ArrayList<>();
        collectLeaves(v, local, leaves, true);
        Map<Variable, Variable> fresh = new IdentityHashMap<>();
        List<Variable> freshList = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < leaves.size(); k++) {
            Variable f = new Variable(leaves.get(k).type(), "k" + k + "_");
            fresh.put(leaves.get(k), f);
            freshList.add(f);
            names.add("k" + k + "_");
        }
        Variable out = Graphs.replace(List.of(v), fresh).get(0);
        if (!JavaRenderer.canRenderLoop(freshList, out)) {
            return false;
        }
        DType d = v.type().dtype();
        TypeName elem = KernelWriter.element(d);
        int rank = v.type().rank();
        String first = null;
        for (Variable l : leaves) {
            if (rank > 0 && l.type().rank() == rank) {
                if (first == null) {
                    first = local.get(l);
                } else {
                    code.beginControlFlow("if (!$T.equals($N.shape(), $N.shape()))", Arrays.class, first, local.get(l))
                            .addStatement("return null").endControlFlow();
                }
            }
        }
        if (rank > 0 && first == null) {
            return false;
        }
        code.addStatement("$T[] $N = new $T[$L]", elem, name + "d", elem, first == null ? "1" : first + ".size()");
        code.add("{\n").indent();
        for (int k = 0; k < leaves.size(); k++) {
            if (leaves.get(k).type().rank() == rank && rank > 0) {
                code.addStatement("$T[] $N = ($T[]) $N.contiguous().data()", elem, names.get(k), elem, local.get(leaves.get(k)));
            } else {
                code.addStatement("$T $N = $N.$L()", elem, names.get(k), local.get(leaves.get(k)),
                        d == DType.FLOAT32 ? "toFloat" : "toDouble");
            }
        }
        code.add(JavaRenderer.renderLoop(freshList, names, out, name + "d", name + "d.length"));
        code.unindent().add("}\n");
        code.addStatement("$T $N = $T.wrap($T.$L, $L, $N)", Names.ND_ARRAY, name, Names.ND_ARRAY, Names.DTYPE, d.name(),
                first == null ? "new int[0]" : first + ".shape()", name + "d");
        return true;
    }

    private static void collectLeaves(Variable v, Map<Variable, String> local, List<Variable> leaves, boolean root) {
        if (!root && local.containsKey(v)) {
            if (!leaves.contains(v)) {
                leaves.add(v);
            }
            return;
        }
        if (v.owner() == null) {
            if (!(v instanceof Constant) && !leaves.contains(v)) {
                leaves.add(v);
            }
            return;
        }
        for (Variable in : v.owner().inputs()) {
            collectLeaves(in, local, leaves, false);
        }
    }

    static com.palantir.javapoet.TypeSpec write(TypeElement owner, MethodModel m) {
        TypeName ret = m.returnsRecord() ? ParameterizedTypeName.get(ClassName.get(List.class), Names.ND_ARRAY) : Names.ND_ARRAY;
        MethodSpec.Builder apply = MethodSpec.methodBuilder("apply")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("The outputs for arguments of the declared dtypes and ranks, or null when an elementwise step"
                        + "\nwould broadcast between arrays of different shapes (run the runtime function then).\n")
                .returns(ret);
        for (MethodModel.Param p : m.params()) {
            apply.addParameter(Names.ND_ARRAY, KernelWriter.argName(p.name()));
        }
        apply.addCode(body(m));
        return com.palantir.javapoet.TypeSpec.classBuilder(KernelWriter.kernelClass(owner, m))
                .addAnnotation(AnnotationSpec.builder(Names.GENERATED).addMember("value", "$S", Names.PROCESSOR).build())
                .addJavadoc("The kernel of {@link $T#$L}: its schedule as straight Java, written at javac time.\n",
                        ClassName.get(owner), m.name())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(apply.build())
                .build();
    }
}
