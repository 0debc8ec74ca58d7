package org.symtensor.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.FunctionSpec;
import org.symtensor.function.In;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Composite;
import org.symtensor.ir.Constant;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Dot;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.Eye;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.IncSubtensor;
import org.symtensor.ir.Op;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.ShapeOf;
import org.symtensor.ir.SourceLocation;
import org.symtensor.ir.Subtensor;
import org.symtensor.ir.Variable;
import org.symtensor.spi.Pipeline;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * Writes a method's optimized graph as Java: the graph its body builds goes through the same
 * {@link Pipeline} that {@code function()} runs (under {@link CompileOptions#defaults()}), and
 * every node of the result becomes one statement that rebuilds it with the op's public factory.
 * Each statement is also carried out here, and the rebuilt graph must equal the optimized one node
 * for node (op, type, inputs), so what runs is exactly what the optimizer produced. Graphs with
 * nodes that have no such factory form (scan, random draws, lazy conditionals, shared variables,
 * updates) are not written: their typed calls run the runtime function, compiled from the graph
 * builder by the same pipeline.
 */
final class OptimizedGraphWriter {
    static final ClassName LINKER = ClassName.get("org.symtensor.runtime", "Linker");
    static final ClassName LINKED = LINKER.nestedClass("Linked");
    private static final String IR = "org.symtensor.ir";
    private static final ClassName APPLY = ClassName.get(IR, "Apply");
    private static final ClassName CONSTANT = ClassName.get(IR, "Constant");
    private static final ClassName ELEMWISE = ClassName.get(IR, "Elemwise");
    private static final ClassName SCALAR_OP = ClassName.get(IR, "ScalarOp");
    private static final ClassName COMPOSITE = ClassName.get(IR, "Composite");
    private static final ClassName STEP = COMPOSITE.nestedClass("Step");
    private static final ClassName DIM_SHUFFLE = ClassName.get(IR, "DimShuffle");
    private static final ClassName REDUCE = ClassName.get(IR, "Reduce");
    private static final ClassName REDUCE_KIND = REDUCE.nestedClass("Kind");
    private static final ClassName DOT = ClassName.get(IR, "Dot");
    private static final ClassName SHAPE_OF = ClassName.get(IR, "ShapeOf");
    private static final ClassName EYE = ClassName.get(IR, "Eye");
    private static final ClassName SUBTENSOR = ClassName.get(IR, "Subtensor");
    private static final ClassName INC_SUBTENSOR = ClassName.get(IR, "IncSubtensor");
    private static final ClassName COMPILE_OPTIONS = ClassName.get("org.symtensor.function", "CompileOptions");
    private static final int MAX_CONSTANT_ELEMENTS = 4096;

    private OptimizedGraphWriter() {}

    /** An op's factory call as source, and the op that the same call returns here. */
    private record Rendered(CodeBlock code, Op op) {}

    /** The method's graph after the optimizer, outputs in order. */
    static List<Variable> optimize(MethodModel m) {
        List<In> ins = new ArrayList<>();
        for (Variable v : m.inputVariables()) {
            ins.add(In.of(v));
        }
        FunctionSpec spec = FunctionSpec.build(ins, m.outputVariables(), List.of(), Map.of(), false,
                FunctionFlag.UnusedInput.IGNORE, null);
        // the CPU's passes, as the runtime's CpuFunctionCompiler runs them: generated kernels link on the CPU
        return Pipeline.optimize(spec, org.symtensor.rewrite.SoftmaxRows.beforeFusion(CompileOptions.defaults().mode().passes()))
                .outputs();
    }

    /**
     * The body of {@code link()}: statements rebuilding the optimized graph and the call that links
     * it, or null when the method keeps the runtime function (see the class comment).
     */
    static CodeBlock write(MethodModel m) {
        if (m.hasUpdates()) {
            return null;
        }
        List<Variable> outputs = optimize(m);
        Map<Variable, String> names = new IdentityHashMap<>();
        Map<Variable, Variable> rebuilt = new IdentityHashMap<>();
        CodeBlock.Builder code = CodeBlock.builder();
        List<String> inputNames = new ArrayList<>();
        for (int k = 0; k < m.inputVariables().size(); k++) {
            Variable in = m.inputVariables().get(k);
            String name = local(m.params().get(k).name());
            TensorType t = in.type();
            code.addStatement("$T $N = new $T($T.ofRank($T.$L, $L), $S)", Names.VARIABLE, name, Names.VARIABLE,
                    Names.TENSOR_TYPE, Names.DTYPE, t.dtype().name(), t.rank(), in.name());
            Variable copy = new Variable(TensorType.ofRank(t.dtype(), t.rank()), in.name());
            if (!copy.type().equals(t)) {
                return null;
            }
            names.put(in, name);
            rebuilt.put(in, copy);
            inputNames.add(name);
        }
        int next = 0;
        for (Variable v : Graphs.ancestors(outputs)) {
            if (v.owner() == null && !names.containsKey(v)) {
                if (!(v instanceof Constant) || ((Constant) v).value().size() > MAX_CONSTANT_ELEMENTS) {
                    return null; // a shared variable or another free variable: the runtime function keeps it
                }
                String name = "c" + next++ + "_";
                NDArray value = ((Constant) v).value();
                Constant copy = new Constant(value);
                if (!copy.type().equals(v.type())) {
                    return null;
                }
                code.addStatement("$T $N = new $T($L)", Names.VARIABLE, name, CONSTANT, array(value));
                names.put(v, name);
                rebuilt.put(v, copy);
            }
        }
        String located = null;
        for (Apply a : Graphs.toposort(outputs)) {
            Rendered r = render(a.op());
            if (r == null || a.outputs().size() != 1 || !r.op().equals(a.op())) {
                return null;
            }
            List<Variable> ins = new ArrayList<>();
            CodeBlock.Builder args = CodeBlock.builder();
            for (Variable in : a.inputs()) {
                ins.add(rebuilt.get(in));
                args.add(", $N", names.get(in));
            }
            Variable copy = Apply.output(r.op(), ins.toArray(new Variable[0]));
            if (!copy.type().equals(a.output().type())) {
                return null;
            }
            SourceLocation at = a.createdAt();
            if (at.line() > 0 && at.file().endsWith(".java") && !at.toString().equals(located)) {
                // run-time errors of this node then name the user's line, as those of the runtime function do
                code.addStatement("$T.at($S, $L, $S)", Names.SOURCE_LOCATION, at.file(), at.line(), at.method());
                located = at.toString();
            }
            String name = "n" + next++ + "_";
            code.addStatement("$T $N = $T.output($L$L)", Names.VARIABLE, name, APPLY, r.code(), args.build());
            names.put(a.output(), name);
            rebuilt.put(a.output(), copy);
        }
        CodeBlock.Builder outs = CodeBlock.builder();
        for (int i = 0; i < outputs.size(); i++) {
            outs.add(i == 0 ? "$N" : ", $N", names.get(outputs.get(i)));
        }
        CodeBlock.Builder inList = CodeBlock.builder();
        for (int i = 0; i < inputNames.size(); i++) {
            inList.add(i == 0 ? "$N" : ", $N", inputNames.get(i));
        }
        code.addStatement("return $T.link($T.of($L), $T.of($L), $T.compileOptions())", LINKER, List.class,
                inList.build(), List.class, outs.build(), Names.T);
        return code.build();
    }

    /** The processor's own local names never clash with a parameter's. */
    private static String local(String param) {
        return param.matches("[cn][0-9]+_") ? param + "_" : param;
    }

    /** The op's factory call, or null for an op kind without one (its graph keeps the runtime function). */
    private static Rendered render(Op op) {
        return switch (op.kind()) {
            case ELEMWISE -> elemwise((Elemwise) op);
            case COMPOSITE -> composite((Composite) op);
            case DIMSHUFFLE -> {
                int[] p = ((DimShuffle) op).pattern();
                yield new Rendered(CodeBlock.of("$T.of($L)", DIM_SHUFFLE, ints(p)), DimShuffle.of(p));
            }
            case REDUCE -> {
                Reduce r = (Reduce) op;
                int[] axes = r.axes();
                yield new Rendered(CodeBlock.of("$T.of($T.$L, $L)", REDUCE, REDUCE_KIND, r.reduceKind().name(),
                        axes == null ? "null" : CodeBlock.of("new int[] {$L}", ints(axes))), Reduce.of(r.reduceKind(), axes));
            }
            case DOT -> new Rendered(CodeBlock.of("$T.INSTANCE", DOT), Dot.INSTANCE);
            case SHAPE -> new Rendered(CodeBlock.of("$T.of($L)", SHAPE_OF, ((ShapeOf) op).axis()),
                    ShapeOf.of(((ShapeOf) op).axis()));
            case EYE -> new Rendered(CodeBlock.of("$T.of($T.$L)", EYE, Names.DTYPE, ((Eye) op).dtype().name()),
                    Eye.of(((Eye) op).dtype()));
            case INDEX -> subtensor((Subtensor) op);
            case INC_INDEX -> {
                Rendered view = subtensor(((IncSubtensor) op).view());
                yield new Rendered(CodeBlock.of("$T.of($L)", INC_SUBTENSOR, view.code()),
                        IncSubtensor.of((Subtensor) view.op()));
            }
            case GRAD_MARK, RANDOM, SCAN, IFELSE -> null;
            case LINALG -> {
                org.symtensor.ir.LinAlg.Kind k = ((org.symtensor.ir.LinAlg) op).linAlgKind();
                ClassName linAlg = ClassName.get(IR, "LinAlg");
                yield new Rendered(CodeBlock.of("$T.of($T.$L)", linAlg, linAlg.nestedClass("Kind"), k.name()),
                        org.symtensor.ir.LinAlg.of(k));
            }
            case CONV2D, POOL2D -> null; // the runtime function runs graphs with these
            case RESHAPE -> {
                int ndim = ((org.symtensor.ir.Reshape) op).ndim();
                yield new Rendered(CodeBlock.of("$T.of($L)", ClassName.get(IR, "Reshape"), ndim),
                        org.symtensor.ir.Reshape.of(ndim));
            }
            case JOIN -> {
                int axis = ((org.symtensor.ir.Join) op).axis();
                yield new Rendered(CodeBlock.of("$T.of($L)", ClassName.get(IR, "Join"), axis), org.symtensor.ir.Join.of(axis));
            }
            case ALLOC -> {
                int ndim = ((org.symtensor.ir.Alloc) op).ndim();
                yield new Rendered(CodeBlock.of("$T.of($L)", ClassName.get(IR, "Alloc"), ndim), org.symtensor.ir.Alloc.of(ndim));
            }
            case ARANGE -> {
                org.symtensor.type.DType d = ((org.symtensor.ir.Arange) op).dtype();
                yield new Rendered(CodeBlock.of("$T.of($T.$L)", ClassName.get(IR, "Arange"), Names.DTYPE, d.name()),
                        org.symtensor.ir.Arange.of(d));
            }
            case SPECIFY_SHAPE -> {
                int[] s = ((org.symtensor.ir.SpecifyShape) op).shape();
                yield new Rendered(CodeBlock.of("$T.of($L)", ClassName.get(IR, "SpecifyShape"), ints(s)),
                        org.symtensor.ir.SpecifyShape.of(s));
            }
            // the advanced indexing ops keep the runtime function for graphs that hold them
            case ADVANCED_INDEX, ADVANCED_INC -> null;
            case CUMULATIVE -> {
                org.symtensor.ir.Cumulative c = (org.symtensor.ir.Cumulative) op;
                yield new Rendered(CodeBlock.of("$T.of($T.$L, $L, $L)", ClassName.get(IR, "Cumulative"),
                        ClassName.get(IR, "Cumulative").nestedClass("Kind"), c.cumulativeKind().name(), c.axis(), c.reverse()),
                        org.symtensor.ir.Cumulative.of(c.cumulativeKind(), c.axis(), c.reverse()));
            }
            case SORT -> {
                org.symtensor.ir.ArgSort s = (org.symtensor.ir.ArgSort) op;
                yield new Rendered(CodeBlock.of("$T.of($L, $L, $L)", ClassName.get(IR, "ArgSort"), s.axis(), s.descending(), s.k()),
                        org.symtensor.ir.ArgSort.of(s.axis(), s.descending(), s.k()));
            }
            case TAKE_ALONG -> {
                org.symtensor.ir.TakeAlongAxis t = (org.symtensor.ir.TakeAlongAxis) op;
                yield new Rendered(CodeBlock.of("$T.of($T.$L, $L)", ClassName.get(IR, "TakeAlongAxis"),
                        ClassName.get(IR, "TakeAlongAxis").nestedClass("Mode"), t.mode().name(), t.axis()),
                        org.symtensor.ir.TakeAlongAxis.of(t.mode(), t.axis()));
            }
            case SOFTMAX -> {
                int axis = ((org.symtensor.ir.Softmax) op).axis();
                yield new Rendered(CodeBlock.of("$T.of($L)", ClassName.get(IR, "Softmax"), axis), org.symtensor.ir.Softmax.of(axis));
            }
        };
    }

    private static Rendered elemwise(Elemwise e) {
        if (e.scalarOp() == ScalarOp.CAST) {
            return new Rendered(CodeBlock.of("$T.cast($T.$L)", ELEMWISE, Names.DTYPE, e.castTo().name()),
                    Elemwise.cast(e.castTo()));
        }
        return new Rendered(CodeBlock.of("$T.of($T.$L)", ELEMWISE, SCALAR_OP, e.scalarOp().name()),
                Elemwise.of(e.scalarOp()));
    }

    private static Rendered subtensor(Subtensor s) {
        if (s.form() == Subtensor.Form.INDEX) {
            return new Rendered(CodeBlock.of("$T.index($L)", SUBTENSOR, s.axis()), Subtensor.index(s.axis()));
        }
        return new Rendered(CodeBlock.of("$T.slice($L, $L, $L, $L)", SUBTENSOR, s.axis(), s.hasStart(), s.hasStop(),
                s.step()), Subtensor.slice(s.axis(), s.hasStart(), s.hasStop(), s.step()));
    }

    private static Rendered composite(Composite c) {
        CodeBlock.Builder dtypes = CodeBlock.builder();
        for (int i = 0; i < c.inputDtypes().size(); i++) {
            dtypes.add(i == 0 ? "$T.$L" : ", $T.$L", Names.DTYPE, c.inputDtypes().get(i).name());
        }
        CodeBlock.Builder consts = CodeBlock.builder();
        for (int i = 0; i < c.constants().size(); i++) {
            consts.add(i == 0 ? "$L" : ", $L", array(c.constants().get(i)));
        }
        CodeBlock.Builder steps = CodeBlock.builder().indent().indent();
        List<Composite.Step> copies = new ArrayList<>();
        for (int i = 0; i < c.steps().size(); i++) {
            Composite.Step s = c.steps().get(i);
            Rendered op = elemwise(s.op());
            steps.add(i == 0 ? "\n$T.of($L, $T.$L, $L)" : ",\n$T.of($L, $T.$L, $L)", STEP, op.code(), Names.DTYPE,
                    s.dtype().name(), ints(s.args()));
            copies.add(Composite.Step.of((Elemwise) op.op(), s.dtype(), s.args()));
        }
        steps.unindent().unindent();
        Composite copy = Composite.program(c.inputDtypes(), c.constants(), copies);
        CodeBlock program = CodeBlock.of("$T.program($T.of($L), $T.of($L), $T.of($L))", COMPOSITE, List.class,
                dtypes.build(), List.class, consts.build(), List.class, steps.build());
        if (c.reduce() == null) {
            return new Rendered(program, copy);
        }
        // a reduce tail: the program, then the reduction it folds into
        Reduce r = c.reduce();
        int[] axes = r.axes();
        return new Rendered(CodeBlock.of("$L.withReduce($T.of($T.$L, $L))", program, REDUCE, REDUCE_KIND, r.reduceKind().name(),
                axes == null ? "null" : CodeBlock.of("new int[] {$L}", ints(axes))), copy.withReduce(Reduce.of(r.reduceKind(), axes)));
    }

    private static String ints(int[] values) {
        return Arrays.toString(values).replaceAll("[\\[\\]]", "");
    }

    /** {@code NDArray.wrap(dtype, shape, data)} with the exact elements of {@code value}. */
    static CodeBlock array(NDArray value) {
        DType d = value.dtype();
        CodeBlock.Builder data = CodeBlock.builder();
        int n = value.size();
        for (int i = 0; i < n; i++) {
            data.add(i == 0 ? "$L" : ", $L", element(value, i));
        }
        String storage = switch (d) {
            case BOOL, INT8, UINT8 -> "byte";
            case INT16 -> "short";
            case INT32 -> "int";
            case INT64 -> "long";
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
        };
        return CodeBlock.of("$T.wrap($T.$L, new int[] {$L}, new $L[] {$L})", Names.ND_ARRAY, Names.DTYPE, d.name(),
                ints(value.shape()), storage, data.build());
    }

    private static String element(NDArray value, int i) {
        return switch (value.dtype()) {
            case FLOAT64 -> doubleLiteral(value.getDouble(i));
            case FLOAT32 -> floatLiteral((float) value.getDouble(i));
            case INT64 -> value.getLong(i) + "L";
            case INT32 -> Long.toString(value.getLong(i));
            case INT16 -> "(short) " + value.getLong(i);
            case BOOL, INT8 -> "(byte) " + value.getLong(i);
            case UINT8 -> "(byte) " + (byte) value.getLong(i);
        };
    }

    /** A Java literal with exactly this value (Double.toString round-trips; NaN and infinities by name). */
    private static String doubleLiteral(double v) {
        if (Double.isNaN(v)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return Double.toString(v);
    }

    private static String floatLiteral(float v) {
        if (Float.isNaN(v)) {
            return "Float.NaN";
        }
        if (Float.isInfinite(v)) {
            return v > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY";
        }
        return Float.toString(v) + "f";
    }
}
