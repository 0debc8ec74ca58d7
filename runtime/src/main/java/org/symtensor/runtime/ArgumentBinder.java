package org.symtensor.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.error.TypeMismatchException;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.Tensor;
import java.util.StringJoiner;
import org.symtensor.error.ArgumentException;
import org.symtensor.function.In;
import org.symtensor.function.FunctionSpec;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.Conversions;
import org.symtensor.value.NDArray;

/**
 * Turns the arguments of one call (for every backend) into one converted value per input, Theano's way: positional
 * arguments in input order, then keywords by input name, then defaults; every argument is checked
 * and converted before anything runs. Defaults are converted once, when the function is compiled.
 */
public final class ArgumentBinder {
    private static final int AMBIGUOUS = -1;

    private final String function;
    private final TensorType[] types;
    private final String[] what;
    private final String[] labels;
    private final Variable[] variables;
    /** The inputs' values (null where none): replaced as a whole, never mutated, so a bind reads one consistent array. */
    private volatile NDArray[] defaults;
    private final Map<String, Integer> byName = new HashMap<>();
    private final boolean allowDowncast;
    private final String signature;
    private final String expectation;

    public ArgumentBinder(FunctionSpec spec) {
        this.function = spec.name() == null ? "function" : "function '" + spec.name() + "'";
        this.allowDowncast = spec.allowInputDowncast();
        List<In> inputs = spec.inputs();
        int n = inputs.size();
        types = new TensorType[n];
        what = new String[n];
        labels = new String[n];
        NDArray[] defaults = new NDArray[n];
        variables = new Variable[n];
        StringJoiner sig = new StringJoiner(", ", "(", ")");
        int required = 0;
        for (int i = 0; i < n; i++) {
            In in = inputs.get(i);
            types[i] = in.variable().type();
            variables[i] = in.variable();
            labels[i] = in.describe(i);
            what[i] = "input " + labels[i] + (spec.name() == null ? "" : " of " + function);
            if (in.name() != null) {
                byName.merge(in.name(), i, (a, b) -> AMBIGUOUS);
            }
            String shown = in.name() != null ? in.name() : "#" + i;
            if (in.hasDefault()) {
                defaults[i] = convertDefault(in, i);
                Object d = in.defaultValue();
                sig.add(shown + "=" + (d instanceof Number || d instanceof Boolean ? d : "<default>"));
            } else {
                required++;
                sig.add(shown);
            }
        }
        this.defaults = defaults;
        signature = sig.toString();
        expectation = function + " expects " + (required == n ? String.valueOf(n) : required + " to " + n)
                + (n == 1 ? " argument " : " arguments ") + signature;
    }

    /** Java literals take the input's dtype, as they do in expressions; arrays obey the usual rules. */
    private NDArray convertDefault(In in, int i) {
        Object d = in.defaultValue();
        String label = "default value of " + what[i];
        DType want = types[i].dtype();
        boolean literal = d instanceof Number && !(d instanceof Double && Double.isInfinite((Double) d));
        if (literal) {
            double v = ((Number) d).doubleValue();
            literal = want != DType.BOOL && (want.holdsExactly(v) || want.isFloat());
        }
        return Conversions.toNDArray(d, types[i], label, allowDowncast || literal);
    }

    /** Positional arguments only: the hot path. */
    public NDArray[] bind(Object[] args) {
        if (args == null) {
            args = new Object[] {null};
        }
        int n = types.length;
        if (args.length > n) {
            throw new ArgumentException(expectation + ", got " + args.length + spreadHint(args));
        }
        NDArray[] bound = new NDArray[n];
        NDArray[] defaults = this.defaults;
        for (int i = args.length; i < n; i++) {
            if (defaults[i] == null) {
                throw new ArgumentException(expectation + ", got " + args.length + "; missing " + missingFrom(args.length)
                        + spreadHint(args));
            }
            bound[i] = defaults[i];
        }
        for (int i = 0; i < args.length; i++) {
            bound[i] = convert(args[i], i);
        }
        return bound;
    }

    /** One argument to the input's type; a symbolic handle where a value belongs is its own mistake. */
    private NDArray convert(Object arg, int i) {
        if (arg instanceof Variable || arg instanceof Tensor) {
            throw new TypeMismatchException(what[i] + " expects a value (a number, an array or an NDArray) but got the"
                    + " symbolic " + (arg instanceof Tensor ? ((Tensor<?>) arg).variable().describe() : ((Variable) arg).describe())
                    + "; symbolic variables are inputs(...) of function(...), or are replaced with givens(...)");
        }
        return Conversions.toNDArray(arg, types[i], what[i], allowDowncast);
    }

    /**
     * Java's varargs spread an array of arrays given alone ({@code f.call(matrix)} with a
     * {@code double[][]}) into its rows; the count is then wrong, and this says why.
     */
    private static String spreadHint(Object[] args) {
        Class<?> c = args.getClass().getComponentType();
        if (c != null && c.isArray()) {
            return "; a " + c.getSimpleName() + "[] passed alone is spread by Java's varargs into its "
                    + args.length + " rows: write call((Object) x) to pass it as one argument";
        }
        return "";
    }

    /** Positional arguments first, then keywords by input name, then defaults. */
    public NDArray[] bind(Map<String, ?> keywords, Object[] positional) {
        if (keywords == null || keywords.isEmpty()) {
            return bind(positional == null ? new Object[0] : positional);
        }
        Object[] pos = positional == null ? new Object[0] : positional;
        int n = types.length;
        if (pos.length + keywords.size() > n) {
            throw new ArgumentException(expectation + ", got " + given(pos, keywords));
        }
        Object[] raw = new Object[n];
        boolean[] present = new boolean[n];
        for (int i = 0; i < pos.length; i++) {
            raw[i] = pos[i];
            present[i] = true;
        }
        for (Map.Entry<String, ?> e : keywords.entrySet()) {
            Integer i = byName.get(e.getKey());
            if (i == null) {
                throw new ArgumentException(function + " has no input named '" + e.getKey() + "'; its inputs are "
                        + signature);
            }
            if (i == AMBIGUOUS) {
                throw new ArgumentException(function + " has several inputs named '" + e.getKey()
                        + "'; pass them by position");
            }
            if (present[i]) {
                throw new ArgumentException(function + ": input '" + e.getKey() + "' is given both by position (#"
                        + i + ") and by keyword");
            }
            raw[i] = e.getValue();
            present[i] = true;
        }
        NDArray[] bound = new NDArray[n];
        NDArray[] defaults = this.defaults;
        for (int i = 0; i < n; i++) {
            if (present[i]) {
                continue;
            }
            if (defaults[i] == null) {
                throw new ArgumentException(expectation + ", got " + given(pos, keywords) + "; missing "
                        + missing(present));
            }
            bound[i] = defaults[i];
        }
        for (int i = 0; i < n; i++) {
            if (present[i]) {
                bound[i] = convert(raw[i], i);
            }
        }
        return bound;
    }

    /** The position of the input whose variable is {@code v}, or -1. */
    int indexOf(Variable v) {
        for (int i = 0; i < variables.length; i++) {
            if (variables[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** The position of the input named {@code name}, or -1 (also when several inputs have that name). */
    int indexOf(String name) {
        Integer i = byName.get(name);
        return i == null || i == AMBIGUOUS ? -1 : i;
    }

    /** The value held for input {@code i} (its default or state), or null. */
    NDArray value(int i) {
        return defaults[i];
    }

    /** Replaces the value held for input {@code i}; {@code v} is already of the input's type. */
    void setValue(int i, NDArray v) {
        NDArray[] d = defaults.clone();
        d[i] = v;
        defaults = d;
    }

    /** {@code value} converted to input {@code i}'s type, as a call argument would be. */
    NDArray convertValue(Object value, int i) {
        return convert(value, i);
    }

    String label(int i) {
        return labels[i];
    }

    String functionName() {
        return function;
    }

    private String missingFrom(int given) {
        boolean[] present = new boolean[types.length];
        for (int i = 0; i < given; i++) {
            present[i] = true;
        }
        return missing(present);
    }

    private String missing(boolean[] present) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            if (!present[i] && defaults[i] == null) {
                names.add(labels[i]);
            }
        }
        return String.join(", ", names);
    }

    private static String given(Object[] pos, Map<String, ?> keywords) {
        return pos.length + " positional " + (pos.length == 1 ? "argument" : "arguments") + " and keywords "
                + keywords.keySet();
    }

    int inputCount() {
        return types.length;
    }
}
