package org.symtensor.processor;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.symtensor.tensor.Tensor;

/**
 * Lambdas and method references in a body. The interpreter evaluates one to a {@link Closure}
 * (the syntax plus the locals it captures); when a DSL method takes a functional interface
 * ({@code iterate(BiFunction)}, {@code scan(Function, ...)}), {@link #adapt} hands it a
 * {@link Proxy} of that interface whose single abstract method interprets the body with the
 * parameters bound. An error inside travels out of the DSL call as a {@link Failure} and is
 * reported on the expression inside the lambda where it happened.
 */
final class Closures {
    private Closures() {}

    /** A lambda ({@code lambda} set) or a reference to a symbolic method ({@code ref} and {@code callee} set). */
    record Closure(Ast.Lambda lambda, Ast.MethodRef ref, Interpreter.Callee callee, Map<String, Object> env, int depth) {
        int arity() {
            return lambda != null ? lambda.params().size() : callee.params().size();
        }
    }

    /** An {@link Unsupported} thrown through DSL code that only lets unchecked exceptions pass. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Unsupported cause;

        Failure(Unsupported cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }
    }

    /** The single abstract method of a functional interface, or null when {@code type} is not one. */
    static Method sam(Class<?> type) {
        if (!type.isInterface()) {
            return null;
        }
        Method found = null;
        for (Method m : type.getMethods()) {
            if (!Modifier.isAbstract(m.getModifiers()) || isObjectMethod(m)) {
                continue;
            }
            if (found != null && !(found.getName().equals(m.getName())
                    && found.getParameterCount() == m.getParameterCount())) {
                return null;
            }
            found = m;
        }
        return found;
    }

    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The arguments with every closure replaced by a proxy of the parameter's functional interface. */
    static Object[] adapt(Interpreter interpreter, Method target, Object[] args) {
        Object[] out = args.clone();
        Class<?>[] types = target.getParameterTypes();
        for (int i = 0; i < out.length && i < types.length; i++) {
            if (out[i] instanceof Closure) {
                out[i] = proxy(interpreter, types[i], (Closure) out[i]);
            }
        }
        return out;
    }

    private static Object proxy(Interpreter interpreter, Class<?> type, Closure c) {
        Method sam = sam(type);
        InvocationHandler h = (self, m, a) -> {
            if (Modifier.isAbstract(m.getModifiers()) && m.getName().equals(sam.getName())
                    && m.getParameterCount() == sam.getParameterCount()) {
                try {
                    return interpreter.apply(c, a == null ? new Object[0] : a);
                } catch (Unsupported u) {
                    throw new Failure(u);
                }
            }
            if (m.isDefault()) {
                return InvocationHandler.invokeDefault(self, m, a);
            }
            switch (m.getName()) {
                case "equals": return self == a[0];
                case "hashCode": return System.identityHashCode(self);
                default: return "symbolic lambda";
            }
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
    }

    /** The {@link Unsupported} behind a {@link Failure} anywhere in the cause chain, or null. */
    static Unsupported failure(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof Failure) {
                return ((Failure) x).cause;
            }
        }
        return null;
    }

    /** Checks a cast or a typed lambda parameter: the value must be a handle of that rank and dtype. */
    static void checkType(Ast.TypeRef type, Object v, String what, Object pos) throws Unsupported {
        String want = Names.HANDLE_NAMES.get(type.rank()) + "<" + type.marker() + ">";
        if (!(v instanceof Tensor)) {
            throw new Unsupported(ErrorCode.NOT_SYMBOLIC, what + " expects a " + want + " but the value is " + v
                    + "; only symbolic handles can be cast", pos);
        }
        Tensor<?> t = (Tensor<?>) v;
        if (t.rank() != type.rank() || !Names.marker(t.dtype()).equals(type.marker())) {
            throw new Unsupported(t.rank() != type.rank() ? ErrorCode.SHAPE_MISMATCH : ErrorCode.DTYPE_MISMATCH, what
                    + " expects a " + want + " but the value " + t.variable().describe() + " has type "
                    + t.variable().type() + "; change the type to " + Names.HANDLE_NAMES.get(t.rank()) + "<"
                    + Names.marker(t.dtype()) + ">, or cast(x, " + type.marker() + ".class) for another dtype", pos);
        }
    }

    /** {@code s.get(i)} and {@code s.size()} on the list a general scan step receives. */
    static Object listCall(List<?> list, Ast.Call c, Object[] args) throws Unsupported {
        if (c.name().equals("get") && args.length == 1 && args[0] instanceof Integer) {
            int i = (Integer) args[0];
            if (i < 0 || i >= list.size()) {
                throw new Unsupported(ErrorCode.INVALID, "get(" + i + ") on a list of " + list.size() + " step arguments"
                        + " (sequence slices, prior outputs, non-sequences in that order)", c.pos());
            }
            return list.get(i);
        } else if (c.name().equals("size") && args.length == 0) {
            return list.size();
        }
        throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "cannot call " + c.name() + " on the step's argument list; use"
                + " get(i) with a literal index", c.pos());
    }
}
