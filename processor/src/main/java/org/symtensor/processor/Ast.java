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

    /** A statement of the body. */
    sealed interface Stmt permits Local, Return {}

    /** An expression of the body. */
    sealed interface Expr permits Call, Ident, Literal, ClassLiteral, IntArith, NewRecord {}

    /** {@code var name = init;} or {@code Type name = init;} (the declared type is not needed: values carry it). */
    record Local(String name, Expr init, Object pos) implements Stmt {}

    /** {@code return value;} */
    record Return(Expr value, Object pos) implements Stmt {}

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

    /** A parsed body: its statements, or the first construct that is not symbolic. */
    record Body(List<Stmt> statements) {}
}
