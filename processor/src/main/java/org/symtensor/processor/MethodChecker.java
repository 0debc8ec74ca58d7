package org.symtensor.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.symtensor.Default;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.In;
import org.symtensor.function.Update;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.Variable;
import org.symtensor.function.FunctionSpec;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensors;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * The first three stages of the pipeline for one method: check the signature, interpret the body
 * over the DSL, check the outputs (declared dtypes, every parameter used, no free variable).
 * Returns a {@link MethodModel}, or null after reporting every error it found.
 */
final class MethodChecker {
    private static final List<String> HANDLES = List.of("Scalar", "Vector", "Matrix", "Tensor3", "Tensor4");

    private final Diagnostics diagnostics;
    private final BodyReader reader;
    private final SharedFields shared;

    MethodChecker(Diagnostics diagnostics, BodyReader reader, SharedFields shared) {
        this.diagnostics = diagnostics;
        this.reader = reader;
        this.shared = shared;
    }

    /** A handle type's rank and dtype, or null when the type is not a rank-specific handle with a concrete dtype. */
    record HandleType(int rank, DType dtype) {}

    static HandleType handleType(TypeMirror t) {
        if (t.getKind() != TypeKind.DECLARED) {
            return null;
        }
        DeclaredType d = (DeclaredType) t;
        TypeElement e = (TypeElement) d.asElement();
        String q = e.getQualifiedName().toString();
        if (!q.startsWith("org.symtensor.tensor.") || d.getTypeArguments().size() != 1) {
            return null;
        }
        int rank = HANDLES.indexOf(e.getSimpleName().toString());
        TypeMirror arg = d.getTypeArguments().get(0);
        if (rank < 0 || arg.getKind() != TypeKind.DECLARED) {
            return null;
        }
        String marker = ((TypeElement) ((DeclaredType) arg).asElement()).getQualifiedName().toString();
        DType dtype = dtypeOf(marker);
        return dtype == null ? null : new HandleType(rank, dtype);
    }

    static DType dtypeOf(String marker) {
        switch (marker) {
            case "org.symtensor.type.F32": return DType.FLOAT32;
            case "org.symtensor.type.F64": return DType.FLOAT64;
            case "org.symtensor.type.I8": return DType.INT8;
            case "org.symtensor.type.I16": return DType.INT16;
            case "org.symtensor.type.I32": return DType.INT32;
            case "org.symtensor.type.I64": return DType.INT64;
            case "org.symtensor.type.U8": return DType.UINT8;
            case "org.symtensor.type.Bool": return DType.BOOL;
            default: return null;
        }
    }

    MethodModel check(ExecutableElement m, Interpreter interpreter) {
        int before = diagnostics.errorCount();
        if (!m.getModifiers().contains(Modifier.STATIC)) {
            diagnostics.error(ErrorCode.NOT_STATIC, m.getSimpleName() + " must be static: a @SymbolicFunction is a pure"
                    + " function of its parameters; add the static modifier", m, null);
        }
        List<MethodModel.Param> params = new ArrayList<>();
        for (int i = 0; i < m.getParameters().size(); i++) {
            VariableElement p = m.getParameters().get(i);
            HandleType h = handleType(p.asType());
            if (h == null) {
                if (p.asType().getKind() != TypeKind.ERROR) {
                    diagnostics.error(ErrorCode.BAD_PARAMETER_TYPE, "parameter '" + p.getSimpleName() + "' has type " + p.asType()
                            + "; expected a handle with a concrete dtype: Scalar, Vector, Matrix, Tensor3 or Tensor4"
                            + " of F32, F64, I8, I16, I32, I64, U8 or Bool (e.g. Matrix<F64>)", p, reader.parameterPos(m, i));
                }
                continue;
            }
            params.add(new MethodModel.Param(p.getSimpleName().toString(), h.rank(), h.dtype(), defaultOf(m, i, p, h)));
        }
        List<MethodModel.Output> outputs = new ArrayList<>();
        TypeElement record = returnType(m, outputs);
        if (diagnostics.errorCount() > before) {
            return null;
        }
        Ast.Body body;
        Object result;
        List<Variable> inputs = new ArrayList<>();
        List<Object> effects = new ArrayList<>();
        try {
            body = reader.read(m, m.getEnclosingElement().getSimpleName().toString(), shared.names());
            Map<String, Object> bindings = new LinkedHashMap<>();
            for (MethodModel.Param p : params) {
                Tensor<?> h = Tensors.wrap(new Variable(TensorType.ofRank(p.dtype(), p.rank()), p.name()));
                inputs.add(h.variable());
                bindings.put(p.name(), h);
            }
            result = interpreter.run(body, bindings, 0, effects);
        } catch (Unsupported u) {
            diagnostics.error(u, m);
            return null;
        }
        Object returnPos = lastPos(body);
        List<Variable> outs = outputVariables(m, result, outputs, record, returnPos);
        if (outs == null) {
            return null;
        }
        List<Update> updates = new ArrayList<>();
        List<Variable> used = new ArrayList<>(outs);
        for (Object u : effects) {
            updates.add((Update) u);
            used.add(((Update) u).expression());
        }
        for (int i = 0; i < params.size(); i++) {
            if (!Graphs.dependsOn(used, inputs.get(i))) {
                diagnostics.error(ErrorCode.UNUSED_PARAMETER, "parameter '" + params.get(i).name() + "' is not used by the"
                        + " result or an update; remove it, or use it in the returned expression", m.getParameters().get(i),
                        reader.parameterPos(m, i));
            }
        }
        if (diagnostics.errorCount() > before) {
            return null;
        }
        try {
            List<In> ins = new ArrayList<>();
            for (int i = 0; i < params.size(); i++) {
                In in = In.of(inputs.get(i));
                ins.add(params.get(i).defaultValue() == null ? in : in.withDefault(params.get(i).defaultValue()));
            }
            FunctionSpec.build(ins, outs, updates, Map.of(), false, FunctionFlag.UnusedInput.RAISE, m.getSimpleName().toString());
        } catch (RuntimeException e) {
            diagnostics.error(Interpreter.fromDsl(e, null, returnPos), m);
            return null;
        }
        return new MethodModel(m, m.getSimpleName().toString(), params, outputs, record, body, inputs, outs, updates);
    }

    private static Object lastPos(Ast.Body body) {
        List<Ast.Stmt> s = body.statements();
        if (s.isEmpty()) {
            return null;
        }
        Ast.Stmt last = s.get(s.size() - 1);
        return last instanceof Ast.Return ? ((Ast.Return) last).pos() : last instanceof Ast.Local
                ? ((Ast.Local) last).pos() : ((Ast.Update) last).pos();
    }

    private Object defaultOf(ExecutableElement m, int i, VariableElement p, HandleType h) {
        Default d = p.getAnnotation(Default.class);
        if (d == null) {
            return null;
        }
        String text = d.value().trim();
        String expected = h.dtype().isFloat() ? "a decimal number such as \"0.5\"" : h.dtype().isBool()
                ? "\"true\" or \"false\"" : "an integer such as \"3\"";
        if (h.rank() != 0) {
            diagnostics.error(ErrorCode.BAD_DEFAULT, "@Default on '" + p.getSimpleName() + "', a rank-" + h.rank()
                    + " handle; defaults are for Scalar parameters only", p, reader.parameterPos(m, i));
            return null;
        }
        try {
            Object v = parse(text, h.dtype());
            if (v != null) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        diagnostics.error(ErrorCode.BAD_DEFAULT, "@Default(\"" + d.value() + "\") on '" + p.getSimpleName() + "' ("
                + h.dtype() + "): expected " + expected + " that " + h.dtype() + " can hold", p, reader.parameterPos(m, i));
        return null;
    }

    /** The default as the boxed Java type of the dtype, or null when the dtype cannot hold it. */
    static Object parse(String text, DType dtype) {
        switch (dtype) {
            case FLOAT32: {
                float f = Float.parseFloat(text);
                return Float.isInfinite(f) && !text.toLowerCase().contains("infinity") ? null : f;
            }
            case FLOAT64:
                return Double.parseDouble(text);
            case BOOL:
                return text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
            default: {
                long v = Long.parseLong(text);
                if (!dtype.holdsExactly(v)) {
                    return null;
                }
                return dtype == DType.INT64 ? (Object) v : (Object) (int) v;
            }
        }
    }

    private TypeElement returnType(ExecutableElement m, List<MethodModel.Output> outputs) {
        TypeMirror r = m.getReturnType();
        HandleType h = handleType(r);
        if (h != null) {
            outputs.add(new MethodModel.Output(m.getSimpleName().toString(), h.rank(), h.dtype()));
            return null;
        }
        if (r.getKind() == TypeKind.DECLARED && ((DeclaredType) r).asElement().getKind() == ElementKind.RECORD) {
            TypeElement rec = (TypeElement) ((DeclaredType) r).asElement();
            boolean ok = !rec.getRecordComponents().isEmpty();
            for (RecordComponentElement c : rec.getRecordComponents()) {
                HandleType ch = handleType(c.asType());
                if (ch == null) {
                    ok = false;
                    break;
                }
                outputs.add(new MethodModel.Output(c.getSimpleName().toString(), ch.rank(), ch.dtype()));
            }
            if (ok) {
                return rec;
            }
            outputs.clear();
        }
        if (r.getKind() != TypeKind.ERROR) {
            diagnostics.error(ErrorCode.BAD_RETURN_TYPE, m.getSimpleName() + " returns " + r + "; expected a handle with a"
                    + " concrete dtype (e.g. Matrix<F64>), or a record whose components are such handles (several"
                    + " outputs)", m, reader.returnTypePos(m));
        }
        return null;
    }

    private List<Variable> outputVariables(ExecutableElement m, Object result, List<MethodModel.Output> outputs,
            TypeElement record, Object pos) {
        List<Object> values = new ArrayList<>();
        if (record == null) {
            values.add(result);
        } else if (result instanceof Interpreter.RecordValue
                && ((Interpreter.RecordValue) result).typeName().equals(record.getSimpleName().toString())
                && ((Interpreter.RecordValue) result).values().size() == outputs.size()) {
            values.addAll(((Interpreter.RecordValue) result).values());
        } else {
            diagnostics.error(ErrorCode.BAD_RETURN_TYPE, "return a new " + record.getSimpleName() + "(...) of handles", m, pos);
            return null;
        }
        List<Variable> outs = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            MethodModel.Output o = outputs.get(i);
            Object v = values.get(i);
            if (!(v instanceof Tensor)) {
                diagnostics.error(ErrorCode.BAD_RETURN_TYPE, "the returned value" + (record == null ? "" : " '" + o.name() + "'")
                        + " is " + v + ", not a symbolic handle", m, pos);
                return null;
            }
            Variable var = ((Tensor<?>) v).variable();
            if (var.type().dtype() != o.dtype() || var.type().rank() != o.rank()) {
                diagnostics.error(ErrorCode.DTYPE_MISMATCH, "the returned value" + (record == null ? "" : " '" + o.name() + "'")
                        + " has type " + var.type() + " but the method declares " + o.dtype() + " of rank " + o.rank()
                        + "; cast it, e.g. cast(y, " + Names.marker(o.dtype()) + ".class)", m, pos);
                return null;
            }
            outs.add(var);
        }
        return outs;
    }
}
