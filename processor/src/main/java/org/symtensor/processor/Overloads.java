package org.symtensor.processor;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Java's overload resolution, in the small, over run-time argument values: the applicable public
 * methods by name (first without, then with varargs), then the most specific one. Primitive
 * parameters accept boxed values under widening ({@code int} literal to {@code double}), which is
 * how {@code div(1, x)} finds {@code T.div(double, H)}.
 */
final class Overloads {
    private Overloads() {}

    /** A chosen method and the arguments ready for {@link Method#invoke} (varargs packed). */
    record Chosen(Method method, Object[] args) {}

    /** The most specific applicable method, or null when none applies. */
    static Chosen resolve(Class<?> owner, String name, boolean wantStatic, Object[] args) {
        for (boolean varargs : new boolean[] {false, true}) {
            List<Method> applicable = new ArrayList<>();
            for (Method m : owner.getMethods()) {
                if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) == wantStatic && !m.isBridge()
                        && applies(m, args, varargs)) {
                    applicable.add(m);
                }
            }
            Method best = mostSpecific(applicable);
            if (best != null) {
                return new Chosen(best, varargs ? pack(best, args) : args);
            }
        }
        return null;
    }

    /** Whether any public method of that name and staticness exists (to tell "no such method" from "wrong arguments"). */
    static boolean exists(Class<?> owner, String name, boolean wantStatic) {
        for (Method m : owner.getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) == wantStatic) {
                return true;
            }
        }
        return false;
    }

    private static boolean applies(Method m, Object[] args, boolean varargs) {
        Class<?>[] p = m.getParameterTypes();
        if (!varargs) {
            if (p.length != args.length) {
                return false;
            }
            for (int i = 0; i < p.length; i++) {
                if (!accepts(p[i], args[i])) {
                    return false;
                }
            }
            return true;
        }
        if (!m.isVarArgs() || args.length < p.length - 1) {
            return false;
        }
        for (int i = 0; i < p.length - 1; i++) {
            if (!accepts(p[i], args[i])) {
                return false;
            }
        }
        Class<?> component = p[p.length - 1].getComponentType();
        for (int i = p.length - 1; i < args.length; i++) {
            if (!accepts(component, args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Object[] pack(Method m, Object[] args) {
        Class<?>[] p = m.getParameterTypes();
        Object[] out = new Object[p.length];
        System.arraycopy(args, 0, out, 0, p.length - 1);
        Class<?> component = p[p.length - 1].getComponentType();
        Object rest = Array.newInstance(component, args.length - (p.length - 1));
        for (int i = p.length - 1; i < args.length; i++) {
            Array.set(rest, i - (p.length - 1), widen(component, args[i]));
        }
        out[p.length - 1] = rest;
        return out;
    }

    private static Object widen(Class<?> to, Object v) {
        if (!to.isPrimitive() || !(v instanceof Number)) {
            return v;
        }
        Number n = (Number) v;
        if (to == long.class) {
            return n.longValue();
        } else if (to == float.class) {
            return n.floatValue();
        } else if (to == double.class) {
            return n.doubleValue();
        }
        return v;
    }

    /** Method-invocation conversion of a run-time value to a parameter type. */
    static boolean accepts(Class<?> p, Object v) {
        if (v == null) {
            return !p.isPrimitive();
        }
        if (v instanceof Closures.Closure) {
            java.lang.reflect.Method sam = Closures.sam(p);
            return sam != null && sam.getParameterCount() == ((Closures.Closure) v).arity();
        }
        if (!p.isPrimitive()) {
            return p.isInstance(v);
        }
        int want = primitiveRank(p);
        int have = v instanceof Integer ? 1 : v instanceof Long ? 2 : v instanceof Float ? 3 : v instanceof Double ? 4 : -1;
        if (p == boolean.class) {
            return v instanceof Boolean;
        }
        return have > 0 && want >= have;
    }

    private static int primitiveRank(Class<?> p) {
        return p == int.class ? 1 : p == long.class ? 2 : p == float.class ? 3 : p == double.class ? 4 : 0;
    }

    private static Method mostSpecific(List<Method> ms) {
        Method best = null;
        for (Method m : ms) {
            boolean beatsAll = true;
            for (Method o : ms) {
                if (o != m && !moreSpecific(m, o)) {
                    beatsAll = false;
                    break;
                }
            }
            if (beatsAll && (best == null || Modifier.isAbstract(best.getModifiers()))) {
                best = m;
            }
        }
        return best;
    }

    private static boolean moreSpecific(Method a, Method b) {
        Class<?>[] pa = a.getParameterTypes();
        Class<?>[] pb = b.getParameterTypes();
        if (pa.length != pb.length) {
            return pa.length < pb.length;
        }
        for (int i = 0; i < pa.length; i++) {
            if (pa[i].isPrimitive() && pb[i].isPrimitive()) {
                if (primitiveRank(pa[i]) > primitiveRank(pb[i])) {
                    return false;
                }
            } else if (!pb[i].isAssignableFrom(pa[i])) {
                return false;
            }
        }
        return true;
    }
}
