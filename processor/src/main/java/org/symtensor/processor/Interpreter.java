package org.symtensor.processor;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.MissingInputException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.error.SymtensorException;
import org.symtensor.T;
import org.symtensor.error.UnusedInputException;
import org.symtensor.error.GradientException;
import org.symtensor.error.NonScalarCostException;
import org.symtensor.ir.SourceLocation;

/**
 * Evaluates an {@link Ast.Body} by calling the real DSL by reflection on symbolic handles, so the
 * graph built at {@code javac} time is the graph the same code builds at run time: no op is
 * implemented twice. Unqualified and {@code T.}-qualified calls go to {@link T}; calls on values go
 * to the value's class; calls to other {@code @SymbolicFunction} methods of the class are inlined
 * by interpreting their bodies with the arguments bound. A DSL exception becomes an
 * {@link Unsupported} with a stable code, positioned on the expression being evaluated.
 */
final class Interpreter {
    /** How the interpreter reaches the other symbolic methods of the class being processed. */
    interface Callees {
        /** The parsed body and parameter names of the symbolic method {@code name}, or null if there is none. */
        Callee find(String name) throws Unsupported;
    }

    /** Another symbolic method: its parameter names, body and (for records) component names. */
    record Callee(List<String> params, Ast.Body body, String recordName, List<String> components) {}

    /** How the interpreter reads the class's fields: a symbolic stand-in for a static final shared variable. */
    interface Fields {
        /** The stand-in handle of field {@code name} ({@code qualifier} is null or the class named in the source). */
        Object read(String qualifier, String name, Object pos) throws Unsupported;
    }

    /** A value of the method's record type: component names and handles. */
    record RecordValue(String typeName, List<String> names, List<Object> values) {}

    private static final int MAX_DEPTH = 32;

    private final Callees callees;
    private final Fields fields;
    private final String className;
    /** The origins of the bodies being run, innermost first (a lambda's block runs in its method's). */
    private final Deque<Ast.Origin> origins = new ArrayDeque<>();
    /**
     * The user's line of the DSL call running now, or null. {@link #invoke} passes it to
     * {@link SourceLocation#at} (which keys it by the calling method, so the call must stay in
     * {@code invoke}), and puts the outer call's back when a call made from a lambda returns: the
     * nodes a DSL call creates, at javac time too, then name the user's line in messages.
     */
    private SourceLocation located;

    Interpreter(Callees callees, Fields fields, String className) {
        this.callees = callees;
        this.fields = fields;
        this.className = className;
    }

    /**
     * Runs a body with its parameters bound; returns the returned value. Each {@code update(...)}
     * statement adds its {@link org.symtensor.function.Update} to {@code updates}; null means updates are not
     * allowed here (a method called from another, or a lambda).
     */
    Object run(Ast.Body body, Map<String, Object> bindings, int depth, List<Object> updates) throws Unsupported {
        if (body.origin() == null) {
            return runStatements(body, bindings, depth, updates);
        }
        origins.push(body.origin());
        try {
            return runStatements(body, bindings, depth, updates);
        } finally {
            origins.pop();
        }
    }

    private Object runStatements(Ast.Body body, Map<String, Object> bindings, int depth, List<Object> updates)
            throws Unsupported {
        Map<String, Object> env = new HashMap<>(bindings);
        for (Ast.Stmt s : body.statements()) {
            if (s instanceof Ast.Local) {
                Ast.Local l = (Ast.Local) s;
                env.put(l.name(), eval(l.init(), env, depth));
            } else if (s instanceof Ast.Update) {
                Ast.Update u = (Ast.Update) s;
                if (updates == null) {
                    throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "update(...) in a @SymbolicFunction that another one calls;"
                            + " only the called method's own body may update shared variables", u.pos());
                }
                updates.add(SharedFields.update(eval(u.target(), env, depth), eval(u.value(), env, depth), u.pos()));
            } else {
                return eval(((Ast.Return) s).value(), env, depth);
            }
        }
        throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "the body has no return statement; return the result handle", null);
    }

    private Object eval(Ast.Expr e, Map<String, Object> env, int depth) throws Unsupported {
        if (e instanceof Ast.Field) {
            Ast.Field f = (Ast.Field) e;
            return fields.read(f.qualifier(), f.name(), f.pos());
        } else if (e instanceof Ast.Lambda) {
            return new Closures.Closure((Ast.Lambda) e, null, null, env, depth);
        } else if (e instanceof Ast.MethodRef) {
            Ast.MethodRef r = (Ast.MethodRef) e;
            Callee callee = r.qualifier().equals(className) ? callees.find(r.name()) : null;
            if (callee == null) {
                throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "the method reference " + r.qualifier() + "::" + r.name()
                        + " is not a @SymbolicFunction method of " + className + "; write a lambda, or refer to one"
                        + " (" + className + "::step)", r.pos());
            }
            return new Closures.Closure(null, r, callee, env, depth);
        } else if (e instanceof Ast.Cast) {
            Ast.Cast c = (Ast.Cast) e;
            Object v = eval(c.value(), env, depth);
            Closures.checkType(c.type(), v, "the cast", c.pos());
            return v;
        } else if (e instanceof Ast.Literal) {
            return ((Ast.Literal) e).value();
        } else if (e instanceof Ast.Ident) {
            Ast.Ident id = (Ast.Ident) e;
            if (!env.containsKey(id.name())) {
                throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "'" + id.name() + "' is not a parameter or local of the body;"
                        + " fields and constants from outside cannot be read at javac time, pass them as parameters", id.pos());
            }
            return env.get(id.name());
        } else if (e instanceof Ast.ClassLiteral) {
            return classLiteral((Ast.ClassLiteral) e);
        } else if (e instanceof Ast.IntArith) {
            return arith((Ast.IntArith) e, env, depth);
        } else if (e instanceof Ast.NewRecord) {
            Ast.NewRecord n = (Ast.NewRecord) e;
            List<Object> vals = new ArrayList<>();
            for (Ast.Expr a : n.args()) {
                vals.add(eval(a, env, depth));
            }
            return new RecordValue(n.simpleName(), null, vals);
        }
        return call((Ast.Call) e, env, depth);
    }

    private static Object classLiteral(Ast.ClassLiteral c) throws Unsupported {
        try {
            return Class.forName("org.symtensor.type." + c.simpleName());
        } catch (ClassNotFoundException ex) {
            throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "the class literal " + c.simpleName() + ".class is not a dtype marker;"
                    + " use F32.class, F64.class, I32.class, ...", c.pos());
        }
    }

    private Object arith(Ast.IntArith a, Map<String, Object> env, int depth) throws Unsupported {
        Object l = eval(a.left(), env, depth);
        Object r = eval(a.right(), env, depth);
        if (!(l instanceof Integer) || !(r instanceof Integer)) {
            throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "the Java operator " + a.op() + " works on int literals and locals"
                    + " only (shapes and axes), found " + describe(l) + " and " + describe(r)
                    + "; for tensors write plus/minus/times/div", a.pos());
        }
        int x = (Integer) l;
        int y = (Integer) r;
        switch (a.op()) {
            case '+': return x + y;
            case '-': return x - y;
            case '*': return x * y;
            default:
                if (y == 0) {
                    throw new Unsupported(ErrorCode.INVALID, "integer division by zero", a.pos());
                }
                return x / y;
        }
    }

    private Object call(Ast.Call c, Map<String, Object> env, int depth) throws Unsupported {
        Object[] args = new Object[c.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = eval(c.args().get(i), env, depth);
        }
        if (c.receiver() == null) {
            boolean own = c.qualifier() == null || c.qualifier().equals(className);
            Callee callee = own ? callees.find(c.name()) : null;
            if (callee != null) {
                return inline(c, callee, args, depth);
            }
            if ("Scan".equals(c.qualifier())) {
                return invoke(org.symtensor.scan.Scan.class, null, c, args);
            }
            if (c.qualifier() != null && !c.qualifier().equals("T")) {
                throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "cannot call " + c.qualifier() + "." + c.name()
                        + " in a @SymbolicFunction body: only the DSL (T's functions, handle methods) and other"
                        + " @SymbolicFunction methods of " + className + " are interpreted", c.pos());
            }
            return invoke(T.class, null, c, args);
        }
        Object recv = eval(c.receiver(), env, depth);
        if (recv instanceof List) {
            return Closures.listCall((List<?>) recv, c, args);
        }
        if (recv instanceof RecordValue) {
            RecordValue r = (RecordValue) recv;
            int k = r.names() == null ? -1 : r.names().indexOf(c.name());
            if (k < 0 || args.length != 0) {
                throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "a " + r.typeName() + " has no component " + c.name() + "()", c.pos());
            }
            return r.values().get(k);
        }
        if (recv == null || recv instanceof Number || recv instanceof String || recv instanceof Boolean) {
            throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "cannot call " + c.name() + " on " + describe(recv)
                    + "; only symbolic handles have DSL methods", c.pos());
        }
        return invoke(recv.getClass(), recv, c, args);
    }

    private Object inline(Ast.Call c, Callee callee, Object[] args, int depth) throws Unsupported {
        if (depth >= MAX_DEPTH) {
            throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "the call to " + c.name() + " recurses more than " + MAX_DEPTH
                    + " levels deep; symbolic methods cannot recurse (use scan)", c.pos());
        }
        if (callee.params().size() != args.length) {
            throw new Unsupported(ErrorCode.INVALID, c.name() + " takes " + callee.params().size() + " arguments, got "
                    + args.length, c.pos());
        }
        Map<String, Object> b = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            b.put(callee.params().get(i), args[i]);
        }
        Object r = run(callee.body(), b, depth + 1, null);
        if (r instanceof RecordValue) {
            RecordValue rv = (RecordValue) r;
            return new RecordValue(rv.typeName(), callee.components(), rv.values());
        }
        return r;
    }

    /** Runs a closure on the arguments a DSL method passed to its functional interface (see {@link Closures}). */
    Object apply(Closures.Closure c, Object[] args) throws Unsupported {
        if (c.callee() != null) {
            if (c.depth() >= MAX_DEPTH) {
                throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "the method reference " + c.ref().name() + " recurses more"
                        + " than " + MAX_DEPTH + " levels deep", c.ref().pos());
            }
            Map<String, Object> b = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                b.put(c.callee().params().get(i), args[i]);
            }
            Object r = run(c.callee().body(), b, c.depth() + 1, null);
            if (r instanceof RecordValue) {
                throw new Unsupported(ErrorCode.NOT_SYMBOLIC, c.ref().name() + " returns a record; a method used as a"
                        + " step must return one handle", c.ref().pos());
            }
            return r;
        }
        Ast.Lambda l = c.lambda();
        Map<String, Object> env = new HashMap<>(c.env());
        for (int i = 0; i < args.length; i++) {
            Ast.LambdaParam p = l.params().get(i);
            if (p.type() != null) {
                Closures.checkType(p.type(), args[i], "lambda parameter '" + p.name() + "'", l.pos());
            }
            env.put(p.name(), args[i]);
        }
        if (l.body() != null) {
            return eval(l.body(), env, c.depth() + 1);
        }
        return run(new Ast.Body(l.block()), env, c.depth() + 1, null);
    }

    private Object invoke(Class<?> owner, Object recv, Ast.Call c, Object[] args) throws Unsupported {
        Overloads.Chosen m = Overloads.resolve(owner, c.name(), recv == null, args);
        if (m == null) {
            String where = recv == null ? "T" : "a " + owner.getSimpleName();
            if (!Overloads.exists(owner, c.name(), recv == null)) {
                throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "cannot interpret the call " + c.name() + "(...): " + where
                        + " has no DSL method of that name; only the DSL (T's functions, handle methods) and other"
                        + " @SymbolicFunction methods of the class can be called", c.pos());
            }
            throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "no " + c.name() + " of " + where + " takes (" + describeAll(args)
                    + "); write the arguments as DSL handles, literals or dtype class literals", c.pos());
        }
        Object r;
        SourceLocation outer = located;
        Ast.Origin o = origins.peek();
        int line = o == null ? 0 : o.line(c.pos());
        located = line > 0 ? SourceLocation.of(o.file(), line, o.method()) : outer;
        try {
            if (located != null) {
                SourceLocation.at(located.file(), located.line(), located.method()); // keyed by this method: see field
            }
            r = m.method().invoke(recv, Closures.adapt(this, m.method(), m.args()));
        } catch (InvocationTargetException ex) {
            Unsupported inLambda = Closures.failure(ex.getCause());
            if (inLambda != null) {
                throw inLambda;
            }
            throw fromDsl(ex.getCause(), c, c.pos());
        } catch (IllegalAccessException ex) {
            throw new Unsupported(ErrorCode.INTERNAL, "cannot call " + m.method() + "; this is a bug, please report it"
                    + " with the method's source and this trace:", c.pos(), ex);
        } finally {
            if (outer != null && outer != located) {
                SourceLocation.at(outer.file(), outer.line(), outer.method());
            }
            located = outer;
        }
        if (r == null && m.method().getReturnType() != void.class) {
            throw new Unsupported(ErrorCode.INVALID, c.name() + "(...) gave no value here (for grad: the cost does not"
                    + " depend on that variable); rewrite the expression", c.pos());
        }
        return r;
    }

    /**
     * Maps a DSL exception to a stable code by its class, keeping the DSL's message (it names
     * variables, dtypes and shapes). {@code c} is the call that threw (null when none); the error
     * is put on {@code pos}. Anything but a Symtensor exception or an {@link IllegalArgumentException}
     * is a bug: {@link ErrorCode#INTERNAL}, with the exception kept for its trace.
     */
    static Unsupported fromDsl(Throwable t, Ast.Call c, Object pos) {
        String msg = t.getMessage() == null ? t.toString() : t.getMessage();
        String what = c == null || msg.startsWith(c.name() + ":") ? "" : c.name() + ": ";
        if (t instanceof DTypeMismatchException) {
            return new Unsupported(ErrorCode.DTYPE_MISMATCH, what + msg, pos);
        } else if (t instanceof ShapeMismatchException) {
            return new Unsupported(ErrorCode.SHAPE_MISMATCH, what + msg, pos);
        } else if (t instanceof NonScalarCostException) {
            return new Unsupported(ErrorCode.NON_SCALAR_COST, what + msg, pos);
        } else if (t instanceof GradientException) {
            return new Unsupported(ErrorCode.GRADIENT, what + msg, pos);
        } else if (t instanceof UnusedInputException) {
            return new Unsupported(ErrorCode.UNUSED_PARAMETER, msg, pos);
        } else if (t instanceof MissingInputException) {
            return new Unsupported(ErrorCode.FREE_VARIABLE, msg, pos);
        } else if (t instanceof SymtensorException || t instanceof IllegalArgumentException) {
            return new Unsupported(ErrorCode.INVALID, what + msg, pos);
        }
        return new Unsupported(ErrorCode.INTERNAL, what + "the DSL threw " + t + "; this is a bug, please report it"
                + " with the method's source and this trace:", pos, t);
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Closures.Closure) {
            return "a lambda of " + ((Closures.Closure) v).arity() + " parameter(s)";
        }
        if (v instanceof org.symtensor.tensor.Tensor) {
            org.symtensor.tensor.Tensor<?> t = (org.symtensor.tensor.Tensor<?>) v;
            return "a " + v.getClass().getSimpleName() + " of " + t.dtype();
        }
        return "the " + v.getClass().getSimpleName().toLowerCase() + " " + v;
    }

    private static String describeAll(Object[] args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(describe(args[i]));
        }
        return sb.toString();
    }
}
