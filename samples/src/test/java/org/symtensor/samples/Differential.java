package org.symtensor.samples;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The two ways to run a {@code @SymbolicFunction}, side by side: the typed {@code call(NDArray...)}
 * of its generated function object and the runtime {@code function().callAll(...)} of the same
 * graph. Both are reached by reflection, by name (the runtime {@code Function} type may move between
 * packages), each on its own copy of the inputs; outcomes agree when every output has the same
 * dtype, shape and bits (NaN equals NaN, -0.0 differs from 0.0), or when both throw the same class.
 */
final class Differential {
    private Differential() {}

    /** What one path returned, or what it threw (unwrapped from reflection and class initialization). */
    record Outcome(List<NDArray> values, Throwable error) {}

    /** A generated function object ({@code FooSymbolic.m()}) with its typed call and its runtime function. */
    static final class Entry {
        final Object target;
        final Method typedCall;
        private final Method function;
        private Method callAll;

        private Entry(Object target, Method typedCall, Method function) {
            this.target = target;
            this.typedCall = typedCall;
            this.function = function;
        }

        /** The entry of a static no-arg accessor such as {@code FooSymbolic.m()}, or null if it returns no function object. */
        static Entry of(Method accessor) throws ReflectiveOperationException {
            Class<?> type = accessor.getReturnType();
            Method function;
            try {
                function = type.getMethod("function");
            } catch (NoSuchMethodException e) {
                return null;
            }
            Method typed = null;
            for (Method m : type.getMethods()) {
                if (m.getName().equals("call") && m.getParameterCount() > 0
                        && Arrays.stream(m.getParameterTypes()).allMatch(p -> p == NDArray.class)
                        && (typed == null || m.getParameterCount() > typed.getParameterCount())) {
                    typed = m;
                }
            }
            if (typed == null) {
                throw new AssertionError(type.getName() + " has no call(NDArray...) overload");
            }
            return new Entry(accessor.invoke(null), typed, function);
        }

        int arity() {
            return typedCall.getParameterCount();
        }

        /** The runtime {@code Function}, whatever its package. */
        Object function() throws Throwable {
            try {
                return function.invoke(target);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        /** Calls {@code name} with no arguments on the runtime function (e.g. {@code spec}), by reflection. */
        Method functionMethod(String name, Class<?>... params) throws NoSuchMethodException {
            return function.getReturnType().getMethod(name, params);
        }

        Outcome typed(NDArray[] args) {
            try {
                Object r = typedCall.invoke(target, (Object[]) copies(args));
                return new Outcome(asList(r), null);
            } catch (Throwable t) {
                return new Outcome(null, unwrap(t));
            }
        }

        Outcome runtime(NDArray[] args) {
            try {
                if (callAll == null) {
                    callAll = functionMethod("callAll", Object[].class);
                }
                Object r = callAll.invoke(function(), new Object[] {copies(args)});
                return new Outcome(asList(r), null);
            } catch (Throwable t) {
                return new Outcome(null, unwrap(t));
            }
        }
    }

    private static NDArray[] copies(NDArray[] args) {
        NDArray[] c = new NDArray[args.length];
        for (int i = 0; i < args.length; i++) {
            c[i] = args[i].copy();
        }
        return c;
    }

    @SuppressWarnings("unchecked")
    private static List<NDArray> asList(Object r) {
        if (r instanceof NDArray) {
            return List.of((NDArray) r);
        }
        if (r instanceof List) {
            return (List<NDArray>) r;
        }
        throw new AssertionError("expected an NDArray or a List<NDArray>, got " + r);
    }

    /** The exception user code would see: without reflection's and class initialization's wrappers. */
    static Throwable unwrap(Throwable t) {
        while ((t instanceof InvocationTargetException || t instanceof ExceptionInInitializerError
                || t instanceof NoClassDefFoundError) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Null when the outcomes agree, else what differs first (per output: dtype, shape, first element). */
    static String difference(Outcome typed, Outcome function) {
        if (typed.error() != null || function.error() != null) {
            if (typed.error() != null && function.error() != null
                    && typed.error().getClass() == function.error().getClass()) {
                return null;
            }
            return "typed " + describe(typed) + "; function " + describe(function);
        }
        if (typed.values().size() != function.values().size()) {
            return "typed returned " + typed.values().size() + " outputs; function " + function.values().size();
        }
        for (int o = 0; o < typed.values().size(); o++) {
            String d = difference(typed.values().get(o), function.values().get(o), LANE_ULPS);
            if (d != null) {
                return (typed.values().size() > 1 ? "output " + o + ": " : "") + d;
            }
        }
        return null;
    }

    /**
     * How far two float results of the two paths may be apart, in units in the last place: the
     * issue allows 2 where a transcendental runs in vector lanes. Both paths run the same kernels,
     * but the Vector API computes exp, tanh and the like with the JIT's intrinsic once the loop is
     * compiled and with a Java fallback before, one ulp apart, and the JIT may finish compiling
     * between the typed call and the function call. Zeros, signs, NaN and infinities stay exact.
     */
    static final int LANE_ULPS = 2;

    /** Null when the arrays have the same dtype, shape and element bits. */
    static String difference(NDArray a, NDArray b) {
        return difference(a, b, 0);
    }

    /** Null when the arrays have the same dtype and shape, and elements equal or within {@code ulps} (see {@link #LANE_ULPS}). */
    static String difference(NDArray a, NDArray b, int ulps) {
        if (a.dtype() != b.dtype()) {
            return "dtype " + a.dtype() + " (typed) vs " + b.dtype() + " (function)";
        }
        if (!Arrays.equals(a.shape(), b.shape())) {
            return "shape " + NDArray.shapeToString(a.shape()) + " (typed) vs " + NDArray.shapeToString(b.shape())
                    + " (function)";
        }
        int differing = 0;
        int first = -1;
        for (int i = 0; i < a.size(); i++) {
            if (bits(a, i) != bits(b, i) && !withinUlps(a, b, i, ulps)) {
                differing++;
                first = first < 0 ? i : first;
            }
        }
        if (differing == 0) {
            return null;
        }
        return String.format(Locale.ROOT, "element %s of shape %s (%d of %d differ): typed %s, function %s",
                Arrays.toString(index(a.shape(), first)), NDArray.shapeToString(a.shape()), differing, a.size(),
                show(a, first), show(b, first));
    }

    /** Whether two finite, non-zero float elements of one sign are at most {@code ulps} apart. */
    private static boolean withinUlps(NDArray a, NDArray b, int i, int ulps) {
        if (ulps == 0 || !a.dtype().isFloat()) {
            return false;
        }
        double x = a.getDouble(i);
        double y = b.getDouble(i);
        if (!Double.isFinite(x) || !Double.isFinite(y) || x == 0 || y == 0 || (x < 0) != (y < 0)) {
            return false;
        }
        double ulp = a.dtype() == DType.FLOAT32 ? Math.ulp((float) Math.max(Math.abs(x), Math.abs(y)))
                : Math.ulp(Math.max(Math.abs(x), Math.abs(y)));
        return Math.abs(x - y) <= ulps * ulp;
    }

    /** The element's bits: float32 as its float bits, float64 as its double bits, NaN canonical; integers as values. */
    private static long bits(NDArray a, int i) {
        if (a.dtype() == DType.FLOAT32) {
            return Float.floatToIntBits((float) a.getDouble(i));
        }
        if (a.dtype().isFloat()) {
            return Double.doubleToLongBits(a.getDouble(i));
        }
        return a.getLong(i);
    }

    private static String show(NDArray a, int i) {
        if (a.dtype() == DType.FLOAT32) {
            float f = (float) a.getDouble(i);
            return f + " (0x" + Integer.toHexString(Float.floatToRawIntBits(f)) + ")";
        }
        if (a.dtype().isFloat()) {
            double v = a.getDouble(i);
            return v + " (0x" + Long.toHexString(Double.doubleToRawLongBits(v)) + ")";
        }
        return Long.toString(a.getLong(i));
    }

    private static int[] index(int[] shape, int flat) {
        int[] idx = new int[shape.length];
        for (int k = shape.length - 1; k >= 0; k--) {
            idx[k] = flat % shape[k];
            flat /= shape[k];
        }
        return idx;
    }

    private static String describe(Outcome o) {
        if (o.error() != null) {
            return "threw " + o.error().getClass().getName() + ": " + o.error().getMessage();
        }
        List<String> shapes = new ArrayList<>();
        for (NDArray v : o.values()) {
            shapes.add(v.dtype() + NDArray.shapeToString(v.shape()));
        }
        return "returned " + shapes;
    }

    /**
     * Random values of one dtype and shape: mostly uniform in [-2, 2], with some tiny magnitudes
     * (where log1p and expm1 differ from their naive forms), zeros and larger values. Integer
     * dtypes get small values in [-3, 3].
     */
    static NDArray draw(SplittableRandom r, DType dtype, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (!dtype.isFloat()) {
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextInt(-3, 4);
            }
            return NDArray.wrap(DType.INT64, shape, v).astype(dtype);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(20);
            if (kind < 14) {
                v[i] = r.nextDouble(-2, 2);
            } else if (kind < 17) {
                v[i] = (r.nextBoolean() ? 1 : -1) * Math.pow(10, r.nextDouble(-20, -5));
            } else if (kind < 18) {
                v[i] = 0;
            } else {
                v[i] = r.nextDouble(-10, 10);
            }
        }
        if (dtype == DType.FLOAT32) {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = (float) v[i];
            }
            return NDArray.wrap(dtype, shape, f);
        }
        return NDArray.wrap(DType.FLOAT64, shape, v);
    }
}
