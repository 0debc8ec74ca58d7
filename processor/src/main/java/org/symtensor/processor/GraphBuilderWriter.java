package org.symtensor.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes a method's graph builder {@code mGraph(...)}: the body's statements again, as straight
 * Java over the DSL ({@code return T.div(1, T.exp(x.unaryMinus()).plus(1));}), with locals as
 * {@code var}, static calls qualified by {@code T}, and calls to other symbolic methods turned into
 * calls to their graph builders. Run at run time it builds the graph the interpreter built.
 */
final class GraphBuilderWriter {
    private final Set<String> symbolicMethods;
    private final String className;

    GraphBuilderWriter(Set<String> symbolicMethods, String className) {
        this.symbolicMethods = symbolicMethods;
        this.className = className;
    }

    static String builderName(String method) {
        return method + "Graph";
    }

    static TypeName returnType(MethodModel m) {
        if (m.returnsRecord()) {
            return ClassName.get(m.recordType());
        }
        MethodModel.Output o = m.outputs().get(0);
        return Names.handle(o.rank(), o.dtype());
    }

    MethodSpec write(MethodModel m) {
        MethodSpec.Builder b = MethodSpec.methodBuilder(builderName(m.name()))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("The graph of {@link $T#$L}: its body's DSL calls, for {@code pp}, {@code grad} and other backends.\n",
                        ClassName.get((javax.lang.model.element.TypeElement) m.element().getEnclosingElement()), m.name())
                .returns(returnType(m));
        for (MethodModel.Param p : m.params()) {
            b.addParameter(Names.handle(p.rank(), p.dtype()), p.name());
        }
        for (Ast.Stmt s : m.body().statements()) {
            if (s instanceof Ast.Local) {
                Ast.Local l = (Ast.Local) s;
                b.addStatement("var $N = $L", l.name(), expr(l.init(), m));
            } else {
                b.addStatement("return $L", expr(((Ast.Return) s).value(), m));
            }
        }
        return b.build();
    }

    private CodeBlock expr(Ast.Expr e, MethodModel m) {
        if (e instanceof Ast.Literal) {
            return literal(((Ast.Literal) e).value());
        } else if (e instanceof Ast.Ident) {
            return CodeBlock.of("$N", ((Ast.Ident) e).name());
        } else if (e instanceof Ast.ClassLiteral) {
            return CodeBlock.of("$T.class", ClassName.get("org.symtensor.type", ((Ast.ClassLiteral) e).simpleName()));
        } else if (e instanceof Ast.IntArith) {
            Ast.IntArith a = (Ast.IntArith) e;
            return CodeBlock.of("($L $L $L)", expr(a.left(), m), a.op(), expr(a.right(), m));
        } else if (e instanceof Ast.NewRecord) {
            Ast.NewRecord n = (Ast.NewRecord) e;
            return CodeBlock.of("new $T($L)", ClassName.get(m.recordType()), args(n.args(), m));
        }
        Ast.Call c = (Ast.Call) e;
        if (c.receiver() != null) {
            return CodeBlock.of("$L.$N($L)", expr(c.receiver(), m), c.name(), args(c.args(), m));
        }
        boolean own = c.qualifier() == null || c.qualifier().equals(className);
        if (own && symbolicMethods.contains(c.name())) {
            return CodeBlock.of("$N($L)", builderName(c.name()), args(c.args(), m));
        }
        return CodeBlock.of("$T.$N($L)", Names.T, c.name(), args(c.args(), m));
    }

    private CodeBlock args(java.util.List<Ast.Expr> args, MethodModel m) {
        CodeBlock.Builder b = CodeBlock.builder();
        for (int i = 0; i < args.size(); i++) {
            b.add(i == 0 ? "$L" : ", $L", expr(args.get(i), m));
        }
        return b.build();
    }

    static CodeBlock literal(Object v) {
        if (v instanceof String) {
            return CodeBlock.of("$S", v);
        } else if (v instanceof Long) {
            return CodeBlock.of("$LL", v);
        } else if (v instanceof Float) {
            return CodeBlock.of("$Lf", Float.toString((Float) v));
        } else if (v instanceof Double) {
            return CodeBlock.of("$L", Double.toString((Double) v));
        }
        return CodeBlock.of("$L", v);
    }
}
