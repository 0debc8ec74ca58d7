package org.symtensor.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes a method's graph builder {@code mGraph(...)}: the body's statements again, as straight
 * Java over the DSL ({@code return T.div(1, T.exp(x.unaryMinus()).plus(1));}), with locals as
 * {@code var}, static calls qualified by {@code T}, and calls to other symbolic methods turned into
 * calls to their graph builders. Run at run time it builds the graph the interpreter built. A
 * field read is written as {@code Foo.W}, the real shared variable; lambdas are written back as
 * lambdas and {@code Foo::step} as {@code FooSymbolic::stepGraph}. A method with {@code update(...)}
 * statements gets one more parameter, {@code List<Update> updates}, to which each statement adds its
 * pair: the builder returns the outputs, the caller passes the updates to {@code function}.
 */
final class GraphBuilderWriter {
    private final Set<String> symbolicMethods;
    private final String className;
    private final ClassName owner;
    private final ClassName symbolic;

    GraphBuilderWriter(Set<String> symbolicMethods, TypeElement owner) {
        this.symbolicMethods = symbolicMethods;
        this.className = owner.getSimpleName().toString();
        this.owner = ClassName.get(owner);
        this.symbolic = SymbolicWriter.symbolicClass(owner);
    }

    /** The name of the updates parameter of {@code m}'s builder: "updates", made unique against the body's names. */
    static String updatesName(MethodModel m) {
        Set<String> taken = new HashSet<>();
        for (MethodModel.Param p : m.params()) {
            taken.add(p.name());
        }
        names(m.body().statements(), taken);
        String n = "updates";
        while (taken.contains(n)) {
            n = n + "_";
        }
        return n;
    }

    private static void names(List<Ast.Stmt> stmts, Set<String> out) {
        for (Ast.Stmt s : stmts) {
            if (s instanceof Ast.Local) {
                out.add(((Ast.Local) s).name());
                names(((Ast.Local) s).init(), out);
            } else if (s instanceof Ast.Return) {
                names(((Ast.Return) s).value(), out);
            } else {
                names(((Ast.Update) s).value(), out);
            }
        }
    }

    private static void names(Ast.Expr e, Set<String> out) {
        if (e instanceof Ast.Lambda) {
            Ast.Lambda l = (Ast.Lambda) e;
            l.params().forEach(p -> out.add(p.name()));
            if (l.body() != null) {
                names(l.body(), out);
            } else {
                names(l.block(), out);
            }
        } else if (e instanceof Ast.Call) {
            Ast.Call c = (Ast.Call) e;
            if (c.receiver() != null) {
                names(c.receiver(), out);
            }
            c.args().forEach(a -> names(a, out));
        } else if (e instanceof Ast.Cast) {
            names(((Ast.Cast) e).value(), out);
        } else if (e instanceof Ast.NewRecord) {
            ((Ast.NewRecord) e).args().forEach(a -> names(a, out));
        }
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
                        owner, m.name())
                .returns(returnType(m));
        for (MethodModel.Param p : m.params()) {
            b.addParameter(Names.handle(p.rank(), p.dtype()), p.name());
        }
        String updates = m.hasUpdates() ? updatesName(m) : null;
        if (updates != null) {
            b.addJavadoc("Each {@code update(...)} of the body is added to {@code $L}; pass them to {@code function}.\n",
                    updates);
            b.addParameter(ParameterizedTypeName.get(ClassName.get(List.class), Names.UPDATE), updates);
        }
        CodeBlock.Builder code = CodeBlock.builder();
        statements(code, m.body().statements(), m, updates, false);
        return b.addCode(code.build()).build();
    }

    /** Statements of the method ({@code updates} set or null), or of a lambda block ({@code inLambda}: no $[ nesting). */
    private void statements(CodeBlock.Builder b, List<Ast.Stmt> stmts, MethodModel m, String updates, boolean inLambda) {
        for (Ast.Stmt s : stmts) {
            if (!inLambda) {
                locate(b, m, s);
            }
            CodeBlock c;
            if (s instanceof Ast.Local) {
                Ast.Local l = (Ast.Local) s;
                c = l.type() == null ? CodeBlock.of("var $N = $L", l.name(), expr(l.init(), m))
                        : CodeBlock.of("$T $N = $L", typeName(l.type()), l.name(), expr(l.init(), m));
            } else if (s instanceof Ast.Update) {
                Ast.Update u = (Ast.Update) s;
                c = CodeBlock.of("$N.add($T.update($L, $L))", updates, Names.T, expr(u.target(), m), expr(u.value(), m));
            } else {
                c = CodeBlock.of("return $L", expr(((Ast.Return) s).value(), m));
            }
            if (inLambda) {
                b.add("$L;\n", c);
            } else {
                b.addStatement("$L", c);
            }
        }
    }

    /**
     * {@code SourceLocation.at("Foo.java", 12, "pkg.Foo.m");} before statement {@code s}: the nodes it
     * creates (lambdas in it included) then name the user's line in errors, not this file's.
     */
    private static void locate(CodeBlock.Builder b, MethodModel m, Ast.Stmt s) {
        Ast.Origin o = m.body().origin();
        int line = o == null ? 0 : o.line(s.pos());
        if (line > 0) {
            b.addStatement("$T.at($S, $L, $S)", Names.SOURCE_LOCATION, o.file(), line, o.method());
        }
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
        } else if (e instanceof Ast.Field) {
            return CodeBlock.of("$T.$N", owner, ((Ast.Field) e).name());
        } else if (e instanceof Ast.Cast) {
            Ast.Cast c = (Ast.Cast) e;
            return CodeBlock.of("(($T) $L)", typeName(c.type()), expr(c.value(), m));
        } else if (e instanceof Ast.MethodRef) {
            return CodeBlock.of("$T::$N", symbolic, builderName(((Ast.MethodRef) e).name()));
        } else if (e instanceof Ast.Lambda) {
            return lambda((Ast.Lambda) e, m);
        }
        Ast.Call c = (Ast.Call) e;
        if (c.receiver() != null) {
            return CodeBlock.of("$L.$N($L)", expr(c.receiver(), m), c.name(), args(c.args(), m));
        }
        boolean own = c.qualifier() == null || c.qualifier().equals(className);
        if (own && symbolicMethods.contains(c.name())) {
            return CodeBlock.of("$N($L)", builderName(c.name()), args(c.args(), m));
        }
        if ("Scan".equals(c.qualifier())) {
            return CodeBlock.of("$T.$N($L)", Names.SCAN, c.name(), args(c.args(), m));
        }
        return CodeBlock.of("$T.$N($L)", Names.T, c.name(), args(c.args(), m));
    }

    private CodeBlock lambda(Ast.Lambda l, MethodModel m) {
        CodeBlock.Builder ps = CodeBlock.builder();
        for (int i = 0; i < l.params().size(); i++) {
            Ast.LambdaParam p = l.params().get(i);
            ps.add(i == 0 ? "" : ", ");
            if (p.type() == null) {
                ps.add("$N", p.name());
            } else {
                ps.add("$T $N", typeName(p.type()), p.name());
            }
        }
        if (l.body() != null) {
            return CodeBlock.of("($L) -> $L", ps.build(), expr(l.body(), m));
        }
        CodeBlock.Builder b = CodeBlock.builder().add("($L) -> {\n$>", ps.build());
        statements(b, l.block(), m, null, true);
        return b.add("$<}").build();
    }

    /** {@code Matrix<F64>} for a type reference (the reader accepts known markers only). */
    private static TypeName typeName(Ast.TypeRef t) {
        return Names.handle(t.rank(), MethodChecker.dtypeOf("org.symtensor.type." + t.marker()));
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
