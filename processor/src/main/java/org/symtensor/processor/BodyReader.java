package org.symtensor.processor;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * The one class that touches {@code com.sun.source}: finds a method's body through {@link Trees},
 * turns it into the processor's {@link Ast}, and prints messages on exact trees. IDEs wrap the
 * processing environment (IntelliJ hands out a proxy, and {@code Trees.instance} rejects it), so
 * {@link #create} first unwraps it; when that fails the processor reports one clear error.
 */
final class BodyReader {
    private final Trees trees;
    private final Elements elements;

    private BodyReader(Trees trees, Elements elements) {
        this.trees = trees;
        this.elements = elements;
    }

    /** A reader for this environment, or null when javac's trees are not reachable (the caller reports it). */
    static BodyReader create(ProcessingEnvironment env) {
        ProcessingEnvironment unwrapped = unwrap(env);
        try {
            return new BodyReader(Trees.instance(unwrapped), env.getElementUtils());
        } catch (IllegalArgumentException | LinkageError e) {
            return null;
        }
    }

    /** Unwraps IDE proxies: IntelliJ's {@code APIWrappers.unwrap}, then a {@code delegate} field, then the proxy's handler. */
    private static ProcessingEnvironment unwrap(ProcessingEnvironment env) {
        try {
            Class<?> wrappers = env.getClass().getClassLoader() == null ? null
                    : Class.forName("org.jetbrains.jps.javac.APIWrappers", false, env.getClass().getClassLoader());
            if (wrappers != null) {
                Object r = wrappers.getDeclaredMethod("unwrap", Class.class, Object.class)
                        .invoke(null, ProcessingEnvironment.class, env);
                if (r instanceof ProcessingEnvironment) {
                    return (ProcessingEnvironment) r;
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not IntelliJ's wrapper: try the generic forms below
        }
        Object target = Proxy.isProxyClass(env.getClass()) ? Proxy.getInvocationHandler(env) : env;
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField("delegate");
                f.setAccessible(true);
                Object d = f.get(target);
                if (d instanceof ProcessingEnvironment && d != env) {
                    return unwrap((ProcessingEnvironment) d);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // no usable field on this class: look at the superclass
            }
        }
        return env;
    }

    /**
     * The body of {@code method} as an {@link Ast.Body}; a construct that is not symbolic is an
     * {@link Unsupported}. {@code fields} are the names of the class's fields: a name that is not in
     * scope becomes an {@link Ast.Field}, and so does a receiver {@code W} or {@code Owner.W} naming one.
     */
    Ast.Body read(ExecutableElement method, String owner, Set<String> fields) throws Unsupported {
        MethodTree tree = trees.getTree(method);
        if (tree == null || tree.getBody() == null) {
            throw new Unsupported(ErrorCode.INTERNAL, "the source of " + method.getSimpleName()
                    + " is not available to the processor; compile it from source", null);
        }
        Scope scope = new Scope(owner, fields, new HashSet<>());
        for (VariableTree p : tree.getParameters()) {
            scope.names().add(p.getName().toString());
        }
        BlockTree body = tree.getBody();
        List<Ast.Stmt> out = new ArrayList<>();
        for (StatementTree s : body.getStatements()) {
            out.add(statement(s, scope, true));
        }
        return new Ast.Body(out, origin(method));
    }

    /** Where {@code method} is: its file's simple name, its binary name, and lines through the unit's line map. */
    private Ast.Origin origin(ExecutableElement method) {
        TreePath path = trees.getPath(method);
        if (path == null) {
            return null;
        }
        CompilationUnitTree unit = path.getCompilationUnit();
        String name = unit.getSourceFile().getName();
        String file = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String owner = elements.getBinaryName((TypeElement) method.getEnclosingElement()).toString();
        String qualified = owner + "." + method.getSimpleName();
        SourcePositions positions = trees.getSourcePositions();
        LineMap lines = unit.getLineMap();
        return new Ast.Origin() {
            @Override
            public String file() {
                return file;
            }

            @Override
            public String method() {
                return qualified;
            }

            @Override
            public int line(Object pos) {
                if (!(pos instanceof Tree) || lines == null) {
                    return 0;
                }
                long start = positions.getStartPosition(unit, (Tree) pos);
                return start < 0 ? 0 : (int) lines.getLineNumber(start);
            }
        };
    }

    /** The names in scope (parameters, locals, lambda parameters), and the class's name and field names. */
    private record Scope(String owner, Set<String> fields, Set<String> names) {
        Scope inner(List<String> more) {
            Set<String> n = new HashSet<>(names);
            n.addAll(more);
            return new Scope(owner, fields, n);
        }
    }

    /** The tree of a parameter, to point a diagnostic at it (null when unknown). */
    Object parameterPos(ExecutableElement method, int index) {
        MethodTree tree = trees.getTree(method);
        return tree == null ? null : tree.getParameters().get(index);
    }

    /** The tree of the method's return type (null when unknown). */
    Object returnTypePos(ExecutableElement method) {
        MethodTree tree = trees.getTree(method);
        return tree == null ? null : tree.getReturnType();
    }

    /** Prints a message on {@code pos} (a tree from this reader) in the compilation unit of {@code element}. */
    boolean print(Diagnostic.Kind kind, String message, Object pos, Element element) {
        TreePath path = trees.getPath(element);
        if (path == null || !(pos instanceof Tree)) {
            return false;
        }
        CompilationUnitTree unit = path.getCompilationUnit();
        trees.printMessage(kind, message, (Tree) pos, unit);
        return true;
    }

    private Ast.Stmt statement(StatementTree s, Scope scope, boolean topLevel) throws Unsupported {
        switch (s.getKind()) {
            case VARIABLE: {
                VariableTree v = (VariableTree) s;
                if (v.getInitializer() == null) {
                    throw notSymbolic(s, "a local without initializer", "declare and initialize it in one statement");
                }
                Ast.TypeRef type = v.getType() instanceof ParameterizedTypeTree ? handleTypeRef(v.getType()) : null;
                Ast.Local l = new Ast.Local(v.getName().toString(), type, expression(v.getInitializer(), scope), s);
                scope.names().add(l.name());
                return l;
            }
            case RETURN:
                return new Ast.Return(expression(((ReturnTree) s).getExpression(), scope), s);
            case EXPRESSION_STATEMENT: {
                ExpressionTree e = ((ExpressionStatementTree) s).getExpression();
                if (isUpdate(e)) {
                    List<? extends ExpressionTree> a = ((MethodInvocationTree) e).getArguments();
                    if (!topLevel) {
                        throw notSymbolic(s, "update(...) inside a lambda", "write update(...) as a statement of the"
                                + " method's own body; a scan step returns step(...).withUpdates(...)");
                    }
                    return new Ast.Update(expression(a.get(0), scope), expression(a.get(1), scope), e);
                }
                throw notSymbolic(s, "a statement whose value is dropped (an assignment or a call for its effect)",
                        "bind the value to a local (var y = ...) or return it; the one such statement allowed is"
                        + " update(sharedVariable, newValue);");
            }
            case FOR_LOOP: case ENHANCED_FOR_LOOP: case WHILE_LOOP: case DO_WHILE_LOOP:
                throw notSymbolic(s, "a loop", "express the computation on whole tensors (elementwise ops, sum(axis), dot)");
            case IF:
                throw notSymbolic(s, "an if statement", "use where(cond, a, b) for an elementwise choice");
            default:
                throw notSymbolic(s, "a " + s.getKind().toString().toLowerCase().replace('_', ' ') + " statement",
                        "write local declarations, update(...) statements and one return");
        }
    }

    private static boolean isUpdate(ExpressionTree e) {
        if (!(e instanceof MethodInvocationTree) || ((MethodInvocationTree) e).getArguments().size() != 2) {
            return false;
        }
        ExpressionTree select = ((MethodInvocationTree) e).getMethodSelect();
        if (select instanceof IdentifierTree) {
            return ((IdentifierTree) select).getName().contentEquals("update");
        }
        MemberSelectTree m = (MemberSelectTree) select;
        String q = m.getExpression().toString();
        return m.getIdentifier().contentEquals("update") && (q.equals("T") || q.equals("org.symtensor.T"));
    }

    private Ast.Expr expression(ExpressionTree e, Scope scope) throws Unsupported {
        switch (e.getKind()) {
            case PARENTHESIZED:
                return expression(((ParenthesizedTree) e).getExpression(), scope);
            case IDENTIFIER: {
                String name = ((IdentifierTree) e).getName().toString();
                return scope.names().contains(name) ? new Ast.Ident(name, e) : new Ast.Field(null, name, e);
            }
            case TYPE_CAST: {
                TypeCastTree c = (TypeCastTree) e;
                return new Ast.Cast(typeRef(c.getType(), "a cast"), expression(c.getExpression(), scope), e);
            }
            case LAMBDA_EXPRESSION:
                return lambda((LambdaExpressionTree) e, scope);
            case MEMBER_REFERENCE: {
                MemberReferenceTree r = (MemberReferenceTree) e;
                if (r.getMode() != MemberReferenceTree.ReferenceMode.INVOKE || r.getTypeArguments() != null) {
                    throw notSymbolic(e, "the constructor reference " + e, "write a lambda");
                }
                return new Ast.MethodRef(r.getQualifierExpression().toString(), r.getName().toString(), e);
            }
            case INT_LITERAL: case LONG_LITERAL: case FLOAT_LITERAL: case DOUBLE_LITERAL: case BOOLEAN_LITERAL:
            case STRING_LITERAL:
                return new Ast.Literal(((LiteralTree) e).getValue(), e);
            case UNARY_MINUS: {
                ExpressionTree operand = ((UnaryTree) e).getExpression();
                Ast.Expr inner = expression(operand, scope);
                if (inner instanceof Ast.Literal && ((Ast.Literal) inner).value() instanceof Number) {
                    return new Ast.Literal(negate((Number) ((Ast.Literal) inner).value()), e);
                }
                throw notSymbolic(e, "the Java operator - on a non-literal", "write x.unaryMinus()");
            }
            case PLUS: case MINUS: case MULTIPLY: case DIVIDE: {
                BinaryTree b = (BinaryTree) e;
                char op = e.getKind() == Tree.Kind.PLUS ? '+' : e.getKind() == Tree.Kind.MINUS ? '-'
                        : e.getKind() == Tree.Kind.MULTIPLY ? '*' : '/';
                return new Ast.IntArith(op, expression(b.getLeftOperand(), scope), expression(b.getRightOperand(), scope), e);
            }
            case MEMBER_SELECT: {
                MemberSelectTree m = (MemberSelectTree) e;
                if (m.getIdentifier().contentEquals("class")) {
                    return new Ast.ClassLiteral(simpleName(m.getExpression()), e);
                }
                if (m.getExpression() instanceof IdentifierTree && !scope.names().contains(m.getExpression().toString())) {
                    return new Ast.Field(m.getExpression().toString(), m.getIdentifier().toString(), e);
                }
                throw notSymbolic(e, "the field " + e, "use locals, parameters and DSL calls only");
            }
            case METHOD_INVOCATION:
                return call((MethodInvocationTree) e, scope);
            case NEW_CLASS: {
                NewClassTree n = (NewClassTree) e;
                if (n.getClassBody() != null) {
                    throw notSymbolic(e, "an anonymous class", "return the method's record of handles");
                }
                List<Ast.Expr> args = new ArrayList<>();
                for (ExpressionTree a : n.getArguments()) {
                    args.add(expression(a, scope));
                }
                return new Ast.NewRecord(simpleName(n.getIdentifier()), args, e);
            }
            default:
                throw notSymbolic(e, "the expression " + e + " (" + e.getKind().toString().toLowerCase().replace('_', ' ') + ")",
                        "use DSL calls on handles, T's functions, locals and literals");
        }
    }

    private Ast.Expr lambda(LambdaExpressionTree l, Scope scope) throws Unsupported {
        List<Ast.LambdaParam> params = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (VariableTree p : l.getParameters()) {
            Tree type = p.getType();
            boolean implicit = type == null || type.toString().isEmpty() || type.toString().equals("var");
            params.add(new Ast.LambdaParam(p.getName().toString(), implicit ? null : typeRef(type, "a lambda parameter")));
            names.add(p.getName().toString());
        }
        Scope inner = scope.inner(names);
        if (l.getBodyKind() == LambdaExpressionTree.BodyKind.EXPRESSION) {
            return new Ast.Lambda(params, expression((ExpressionTree) l.getBody(), inner), null, l);
        }
        List<Ast.Stmt> block = new ArrayList<>();
        for (StatementTree s : ((BlockTree) l.getBody()).getStatements()) {
            block.add(statement(s, inner, false));
        }
        return new Ast.Lambda(params, null, block, l);
    }

    /** {@code Scalar<F64>} (simple or qualified names) as rank and marker; anything else is not symbolic. */
    private static Ast.TypeRef typeRef(Tree t, String where) throws Unsupported {
        Ast.TypeRef r = handleTypeRef(t);
        if (r != null) {
            return r;
        }
        throw notSymbolic(t, "the type " + t + " in " + where, "use a handle type with a concrete dtype such as"
                + " Scalar<F64>, or leave a lambda parameter's type out");
    }

    /** {@code Scalar<F64>} (simple or qualified names) as rank and marker, or null. */
    private static Ast.TypeRef handleTypeRef(Tree t) {
        if (t instanceof ParameterizedTypeTree) {
            ParameterizedTypeTree p = (ParameterizedTypeTree) t;
            int rank = List.of("Scalar", "Vector", "Matrix", "Tensor3", "Tensor4").indexOf(simpleName(p.getType()));
            String marker = p.getTypeArguments().size() == 1 ? simpleName(p.getTypeArguments().get(0)) : "";
            if (rank >= 0 && List.of("F32", "F64", "I8", "I16", "I32", "I64", "U8", "Bool").contains(marker)) {
                return new Ast.TypeRef(rank, marker);
            }
        }
        return null;
    }

    private Ast.Expr call(MethodInvocationTree c, Scope scope) throws Unsupported {
        if (!c.getTypeArguments().isEmpty()) {
            throw notSymbolic(c, "explicit type arguments", "drop them; javac infers them");
        }
        List<Ast.Expr> args = new ArrayList<>();
        for (ExpressionTree a : c.getArguments()) {
            args.add(expression(a, scope));
        }
        ExpressionTree select = c.getMethodSelect();
        if (select instanceof IdentifierTree) {
            return new Ast.Call(null, null, ((IdentifierTree) select).getName().toString(), args, c);
        }
        MemberSelectTree m = (MemberSelectTree) select;
        String name = m.getIdentifier().toString();
        ExpressionTree recv = m.getExpression();
        String qualified = recv.toString();
        if (qualified.equals("T") || qualified.equals("org.symtensor.T")) {
            return new Ast.Call(null, "T", name, args, c);
        }
        if (qualified.equals("Scan") || qualified.equals("org.symtensor.scan.Scan")) {
            return new Ast.Call(null, "Scan", name, args, c);
        }
        boolean field = recv instanceof IdentifierTree && !scope.names().contains(qualified)
                && scope.fields().contains(qualified)
                || recv instanceof MemberSelectTree && ((MemberSelectTree) recv).getExpression().toString().equals(scope.owner())
                && scope.fields().contains(((MemberSelectTree) recv).getIdentifier().toString());
        if (field) {
            return new Ast.Call(expression(recv, scope), null, name, args, c);
        }
        if (recv instanceof IdentifierTree && Character.isUpperCase(qualified.charAt(0))
                || recv instanceof MemberSelectTree && looksQualified(qualified)) {
            return new Ast.Call(null, qualified, name, args, c);
        }
        return new Ast.Call(expression(recv, scope), null, name, args, c);
    }

    private static boolean looksQualified(String text) {
        String last = text.substring(text.lastIndexOf('.') + 1);
        return !last.isEmpty() && Character.isUpperCase(last.charAt(0)) && !text.contains("(");
    }

    private static String simpleName(Tree t) {
        String s = t.toString();
        int lt = s.indexOf('<');
        if (lt >= 0) {
            s = s.substring(0, lt);
        }
        return s.substring(s.lastIndexOf('.') + 1);
    }

    private static Number negate(Number n) {
        if (n instanceof Integer) {
            return -n.intValue();
        } else if (n instanceof Long) {
            return -n.longValue();
        } else if (n instanceof Float) {
            return -n.floatValue();
        }
        return -n.doubleValue();
    }

    private static Unsupported notSymbolic(Tree t, String what, String fix) {
        return new Unsupported(ErrorCode.NOT_SYMBOLIC, "cannot interpret " + what + " in a @SymbolicFunction body; " + fix, t);
    }
}
