package org.symtensor.spark;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.symtensor.error.SymtensorException;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Tensor4;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.train.Params;
import org.symtensor.type.DType;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.DTypes;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * How an executor rebuilds a model function without receiving any code: a small serializable value
 * that {@link #build()} turns back into an IR graph whose inputs are the model's parameters (first, in
 * the order of {@link #paramNames()}) and then its data inputs (row blocks: vectors or matrices with
 * one row per example). Two kinds:
 *
 * <ul>
 *   <li>{@link #symbolic}: a {@code @SymbolicFunction} class and method. Only the names travel; the
 *       executor loads the generated {@code FooSymbolic} class from its own class path (the
 *       application jar) and calls {@code mGraph} on fresh inputs. The shared variables the method
 *       reads and that are named in the recipe become parameter inputs.</li>
 *   <li>{@link #graph}: a graph built on the driver, carried in the versioned binary IR format of
 *       {@link GraphIr}; the listed shared variables become parameter inputs.</li>
 * </ul>
 *
 * Two recipes with the same {@link #key()} build the same graph, which is what the per-JVM function
 * cache keys on. Immutable.
 */
public final class FunctionRecipe implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What a recipe builds: parameter inputs, data inputs and outputs of one graph. */
    public record Model(List<Variable> params, List<Variable> data, List<Variable> outputs) {}

    private enum Kind { SYMBOLIC, GRAPH }

    private final Kind kind;
    private final String className;
    private final String methodName;
    private final byte[] graph;
    private final List<String> paramNames;
    private final String key;

    private FunctionRecipe(Kind kind, String className, String methodName, byte[] graph, List<String> paramNames) {
        this.kind = kind;
        this.className = className;
        this.methodName = methodName;
        this.graph = graph;
        this.paramNames = List.copyOf(paramNames);
        this.key = kind == Kind.SYMBOLIC
                ? "symbolic:" + className + "#" + methodName + paramNames
                : "graph:" + sha256(graph) + paramNames;
    }

    /**
     * The {@code @SymbolicFunction} method {@code method} of {@code modelClass}, with the shared
     * variables of {@code params} (by name) as parameter inputs. The method's own arguments are the data
     * inputs.
     */
    public static FunctionRecipe symbolic(Class<?> modelClass, String method, Params params) {
        return symbolic(modelClass.getName(), method, params.names());
    }

    /** As {@link #symbolic(Class, String, Params)}, by class name (binary name: {@code pkg.Outer$Inner}). */
    public static FunctionRecipe symbolic(String className, String method, List<String> paramNames) {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(method, "method");
        return new FunctionRecipe(Kind.SYMBOLIC, className, method, null, paramNames);
    }

    /**
     * A graph built here: {@code outputs} as functions of the shared variables in {@code params} and of
     * the data inputs {@code data}, serialized now ({@link GraphIr}). Any other leaf is an error.
     */
    public static FunctionRecipe graph(Params params, List<? extends Tensor<?>> data, Tensor<?>... outputs) {
        List<Variable> inputs = new ArrayList<>();
        for (SharedVariable<?> p : params) {
            inputs.add(p.node());
        }
        for (Tensor<?> d : data) {
            inputs.add(d.variable());
        }
        List<Variable> outs = new ArrayList<>();
        for (Tensor<?> o : outputs) {
            outs.add(o.variable());
        }
        if (outs.isEmpty()) {
            throw new RecipeException("FunctionRecipe.graph: no outputs");
        }
        return new FunctionRecipe(Kind.GRAPH, null, null, GraphIr.write(inputs, outs), params.names());
    }

    /** The names of the parameter inputs, in order. */
    public List<String> paramNames() {
        return paramNames;
    }

    /** A string that identifies the graph this recipe builds (the function cache's key). */
    public String key() {
        return key;
    }

    /** The serialized graph of a {@link #graph} recipe (a copy), or null for a symbolic one. */
    public byte[] graphBytes() {
        return graph == null ? null : graph.clone();
    }

    /** Rebuilds the graph in this JVM. A missing class or method is a {@link RecipeException}. */
    public Model build() {
        return kind == Kind.SYMBOLIC ? buildSymbolic() : buildGraph();
    }

    /**
     * Checks {@code values} (by parameter name) against the parameter inputs' dtypes and shapes and returns
     * them in input order; a missing name, a dtype or a shape that does not fit is a {@link RecipeException}.
     */
    public static NDArray[] ordered(Model model, List<String> names, Map<String, NDArray> values) {
        NDArray[] out = new NDArray[names.size()];
        for (int i = 0; i < out.length; i++) {
            String name = names.get(i);
            NDArray v = values.get(name);
            if (v == null) {
                throw new RecipeException("recipe: no value for parameter '" + name + "'; the values given are "
                        + values.keySet());
            }
            TensorType t = model.params().get(i).type();
            if (v.dtype() != t.dtype() || !t.acceptsShape(v.shape())) {
                throw new RecipeException("recipe: parameter '" + name + "' is " + t + " in the model, but its value is "
                        + v.dtype() + NDArray.shapeToString(v.shape()));
            }
            out[i] = v;
        }
        return out;
    }

    private Model buildGraph() {
        GraphIr.Graph g = GraphIr.read(graph);
        int k = paramNames.size();
        if (g.inputs().size() < k) {
            throw new RecipeException("recipe: the serialized graph has " + g.inputs().size() + " inputs, fewer than its "
                    + k + " parameters");
        }
        return new Model(g.inputs().subList(0, k), g.inputs().subList(k, g.inputs().size()), g.outputs());
    }

    private Model buildSymbolic() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = FunctionRecipe.class.getClassLoader();
        }
        try {
            Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new RecipeException("recipe: the model class '" + className + "' is not on this JVM's class path ("
                    + e + "); ship the application jar to the executors (spark-submit --jars or the application jar)");
        }
        String generated = generatedName(className);
        Class<?> gen;
        try {
            gen = Class.forName(generated, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new RecipeException("recipe: '" + generated + "' (the class Symtensor's processor generates for "
                    + className + ") is not on the class path; compile " + className
                    + " with symtensor-processor on the annotation processor path");
        }
        String builder = methodName + "Graph";
        Method found = null;
        for (Method m : gen.getMethods()) {
            if (m.getName().equals(builder) && Modifier.isStatic(m.getModifiers())) {
                if (found != null) {
                    throw new RecipeException("recipe: " + generated + " has several methods named " + builder);
                }
                found = m;
            }
        }
        if (found == null) {
            throw new RecipeException("recipe: " + className + " has no @SymbolicFunction method '" + methodName + "' ("
                    + generated + "." + builder + " does not exist)");
        }
        Type[] types = found.getGenericParameterTypes();
        Object[] args = new Object[types.length];
        List<Variable> data = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            Variable v = new Variable(argumentType(found, i, types[i]), found.getParameters()[i].getName());
            data.add(v);
            args[i] = Tensors.wrap(v);
        }
        Object result;
        try {
            result = found.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SymtensorException s) {
                throw s;
            }
            throw new RecipeException("recipe: " + generated + "." + builder + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new RecipeException("recipe: cannot call " + generated + "." + builder + ": " + e, e);
        }
        List<Variable> outputs = new ArrayList<>();
        if (result instanceof Tensor<?> t) {
            outputs.add(t.variable());
        } else if (result != null && result.getClass().isRecord()) {
            for (RecordComponent c : result.getClass().getRecordComponents()) {
                try {
                    outputs.add(((Tensor<?>) c.getAccessor().invoke(result)).variable());
                } catch (ReflectiveOperationException | ClassCastException e) {
                    throw new RecipeException("recipe: cannot read output '" + c.getName() + "' of " + builder, e);
                }
            }
        } else {
            throw new RecipeException("recipe: " + generated + "." + builder + " returned " + result
                    + ", not a tensor handle or a record of them");
        }
        Map<String, SharedValue> shared = new LinkedHashMap<>();
        for (Variable leaf : Graphs.graphInputs(outputs)) {
            if (leaf instanceof SharedValue s && s.name() != null) {
                shared.put(s.name(), s);
            }
        }
        Map<Variable, Variable> replace = new IdentityHashMap<>();
        List<Variable> params = new ArrayList<>();
        for (String name : paramNames) {
            SharedValue s = shared.get(name);
            if (s == null) {
                throw new RecipeException("recipe: parameter '" + name + "' is not a shared variable that " + className
                        + "." + methodName + " reads; it reads " + shared.keySet());
            }
            Variable in = new Variable(s.type(), name);
            replace.put(s, in);
            params.add(in);
        }
        return new Model(List.copyOf(params), List.copyOf(data), Graphs.replace(outputs, replace));
    }

    /** {@code pkg.Foo} → {@code pkg.FooSymbolic}; {@code pkg.A$B} → {@code pkg.A_BSymbolic} (the processor's rule). */
    static String generatedName(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        String pkg = dot < 0 ? "" : binaryName.substring(0, dot + 1);
        return pkg + binaryName.substring(dot + 1).replace('$', '_') + "Symbolic";
    }

    private TensorType argumentType(Method m, int i, Type t) {
        Class<?> raw = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
        int rank = raw == Scalar.class ? 0 : raw == Vector.class ? 1 : raw == Matrix.class ? 2
                : raw == Tensor3.class ? 3 : raw == Tensor4.class ? 4 : -1;
        if (rank < 0 || !(t instanceof ParameterizedType p)
                || !(p.getActualTypeArguments()[0] instanceof Class<?> marker)
                || !DTypeMarker.class.isAssignableFrom(marker)) {
            throw new RecipeException("recipe: parameter " + i + " of " + m.getDeclaringClass().getName() + "." + m.getName()
                    + " is " + t.getTypeName() + ", not a handle with a concrete dtype (Matrix<F64>, ...)");
        }
        @SuppressWarnings("unchecked")
        Class<? extends DTypeMarker> d = (Class<? extends DTypeMarker>) marker;
        DType dtype = DTypes.of(d);
        return TensorType.ofRank(dtype, rank);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionRecipe r && r.key.equals(key) && Arrays.equals(r.graph, graph);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return kind == Kind.SYMBOLIC ? "FunctionRecipe[" + className + "." + methodName + ", params " + paramNames + "]"
                : "FunctionRecipe[graph sha256 " + key.substring(6, 18) + "..., params " + paramNames + "]";
    }
}
