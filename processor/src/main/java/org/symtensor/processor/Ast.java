package org.symtensor.processor;

import java.util.List;

/**
 * The processor's own small syntax tree of a {@code @SymbolicFunction} body: what
 * {@link BodyReader} makes of javac's tree, and what {@link Interpreter} evaluates and
 * {@link GraphBuilderWriter} writes back out. Each node keeps an opaque {@code pos}, the javac tree
 * it came from, so a diagnostic can point at the exact expression; only {@link BodyReader} looks
 * inside it.
 */
final class Ast {
    private Ast() {}

    /** A statement of the body; {@code pos} is its tree. */
    sealed interface Stmt permits Local, Return, Update {
        Object pos();
    }

    /** An expression of the body. */
    sealed interface Expr permits Call, Ident, Literal, ClassLiteral, IntArith, NewRecord, Field, Lambda, MethodRef,
            Cast {}

    /**
     * {@code var name = init;} or {@code Type name = init;}. {@code type} is the declared handle type,
     * or null for {@code var} and other types: the generated code keeps it, because Java infers some
     * generic calls from it ({@code Matrix<F64> g = grad(cost, sharedW)}).
     */
    record Local(String name, TypeRef type, Expr init, Object pos) implements Stmt {}

    /** {@code return value;} */
    record Return(Expr value, Object pos) implements Stmt {}

    /**
     * {@code update(target, value);}: a shared-variable update, a statement of the method's own body
     * (not of a lambda); the generated function applies it after each call.
     */
    record Update(Expr target, Expr value, Object pos) implements Stmt {}

    /**
     * A method call. {@code receiver} is null for an unqualified call (a static import of
     * {@code T}, or another symbolic method of the class), {@code qualifier} names a class for
     * {@code T.exp(x)}; otherwise the call is on the receiver's value.
     */
    record Call(Expr receiver, String qualifier, String name, List<Expr> args, Object pos) implements Expr {}

    /** A local variable or parameter. */
    record Ident(String name, Object pos) implements Expr {}

    /** An int, long, float, double, boolean or String literal (unary minus already folded in). */
    record Literal(Object value, Object pos) implements Expr {}

    /** {@code F64.class}: a dtype marker. */
    record ClassLiteral(String simpleName, Object pos) implements Expr {}

    /** Int arithmetic for shapes and axes: {@code op} is one of {@code + - * /}. */
    record IntArith(char op, Expr left, Expr right, Object pos) implements Expr {}

    /** {@code new Stats(a, b)}: the method's record return type, one handle per component. */
    record NewRecord(String simpleName, List<Expr> args, Object pos) implements Expr {}

    /**
     * A name that is not a parameter, local or lambda parameter in scope: a field of the class
     * ({@code W}, or {@code Foo.W} with {@code qualifier} "Foo"). Only static final shared variables
     * of a handle type can be read.
     */
    record Field(String qualifier, String name, Object pos) implements Expr {}

    /** A handle type written in the source (a cast, an explicit lambda parameter type): rank and dtype marker. */
    record TypeRef(int rank, String marker) {}

    /** A lambda parameter; {@code type} is null when the source leaves it implicit. */
    record LambdaParam(String name, TypeRef type) {}

    /**
     * A lambda: an expression body ({@code body} set, {@code block} null) or a block of locals and one
     * return ({@code block} set).
     */
    record Lambda(List<LambdaParam> params, Expr body, List<Stmt> block, Object pos) implements Expr {}

    /** {@code Foo::step}: a reference to another {@code @SymbolicFunction} method of the class. */
    record MethodRef(String qualifier, String name, Object pos) implements Expr {}

    /** {@code (Scalar<F64>) s.get(0)}: a cast to a handle type, checked against the value at javac time. */
    record Cast(TypeRef type, Expr value, Object pos) implements Expr {}

    /**
     * A parsed body: its statements, and where they are in the user's source ({@code origin} is null
     * for a lambda's block, which lies inside its method's body).
     */
    record Body(List<Stmt> statements, Origin origin) {
        Body(List<Stmt> statements) {
            this(statements, null);
        }
    }

    /**
     * Where a method's body is in the user's source, as a stack trace would name it: the file's
     * simple name ({@code Foo.java}), the method ({@code pkg.Foo.m}, binary class name) and the line
     * of each tree (1-based; 0 when unknown).
     */
    interface Origin {
        String file();

        String method();

        int line(Object pos);
    }
}
