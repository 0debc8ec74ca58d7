package org.symtensor.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.function.CopyOption;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionInput;
import org.symtensor.function.FunctionSpec;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.SharedLocks;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.print.Printer;
import org.symtensor.runtime.link.Plan;
import org.symtensor.value.NDArray;

/**
 * The calling surface every backend's compiled function shares: arguments are bound and checked
 * by one {@link ArgumentBinder} before anything runs, {@code call} returns the only output,
 * {@code callAll} every output. A backend implements {@link #execute}: run the graph on bound
 * arguments, store the updates, return the outputs first (updates may follow).
 *
 * <p>It also keeps the thread contract of {@link Function} for every backend: {@link #execute}
 * runs holding the {@link SharedLocks} of every shared value the function reads or updates
 * (argument conversion happens before, outside the locks), so the read of the old values, the
 * computation and the commit of the updates are one step for every other call and for
 * {@code getValue}/{@code setValue}. A function with no shared value takes no lock, and its
 * calls run fully in parallel.
 */
public abstract class BoundFunction implements Function {
    private final FunctionSpec spec;
    private final ArgumentBinder binder;
    private final int outputCount;
    private final SharedLocks locks;
    /** The inputs whose value the call's results replace (stateful inputs), and their results' position. */
    private final int[] updatedInputs;
    /** Held by calls of a function with stateful inputs and by {@code setValue}: bind, run and store as one step. */
    private final Object stateLock = new Object();

    protected BoundFunction(FunctionSpec spec, ArgumentBinder binder) {
        this.spec = spec;
        this.binder = binder;
        this.outputCount = spec.visibleOutputCount();
        this.updatedInputs = spec.updatedInputs();
        this.locks = SharedLocks.of(sharedValuesOf(spec));
    }

    /**
     * Every shared value the spec's graph reads (as written: the optimized graph and DEBUG_MODE's
     * reference read a subset) and every update target, even one whose new value reads nothing.
     */
    private static List<SharedValue> sharedValuesOf(FunctionSpec spec) {
        List<Variable> graph = new ArrayList<>(spec.outputs());
        graph.addAll(spec.updateExpressions());
        List<SharedValue> r = new ArrayList<>(spec.updateTargets());
        for (Variable v : Graphs.graphInputs(graph)) {
            if (v instanceof SharedValue s) {
                r.add(s);
            }
        }
        return r;
    }

    /** Runs on arguments already converted to the inputs' types; the first {@code outputCount} results are the outputs. */
    protected abstract NDArray[] execute(NDArray[] arguments);

    /** The linker's plan this function runs: its steps are the apply nodes in execution order. */
    public abstract Plan plan();

    /**
     * The locks a call holds: those of every shared value the function reads or updates, empty for
     * a function without shared state.
     */
    public final SharedLocks sharedLocks() {
        return locks;
    }

    /**
     * Checks, once at compile time, that {@code plan} reads no shared value outside {@link #sharedLocks}
     * (the optimizer only ever drops reads); a backend calls it for each plan it runs.
     */
    protected final void requireLocked(Plan plan) {
        for (SharedValue s : plan.sharedValues()) {
            if (!locks.contains(s)) {
                throw new IllegalStateException("the plan reads shared variable " + s.describe()
                        + ", which the function as written does not use");
            }
        }
    }

    /**
     * As {@link #execute(NDArray[])}, writing output i into {@code into[i]} (destinations already
     * checked against the outputs' types). The default runs {@link #execute(NDArray[])} and copies;
     * a backend whose kernels can write into the destinations overrides it.
     */
    protected NDArray[] execute(NDArray[] arguments, NDArray[] into) {
        NDArray[] results = execute(arguments);
        org.symtensor.function.CallInto.deliver(spec, Arrays.asList(results).subList(0, into.length), into);
        for (int i = 0; i < into.length; i++) {
            results[i] = into[i];
        }
        return results;
    }

    private NDArray[] run(NDArray[] arguments, NDArray[] into) {
        if (locks.isEmpty()) {
            return into == null ? execute(arguments) : execute(arguments, into);
        }
        locks.lock();
        try {
            return into == null ? execute(arguments) : execute(arguments, into);
        } finally {
            locks.unlock();
        }
    }

    private NDArray[] bindAndRun(Map<String, ?> keywordArgs, Object[] positionalArgs) {
        return bindAndRun(keywordArgs, positionalArgs, null);
    }

    /** Binds and runs; with stateful inputs, binding, running and storing their new values are one step. */
    private NDArray[] bindAndRun(Map<String, ?> keywordArgs, Object[] positionalArgs, NDArray[] into) {
        if (updatedInputs.length == 0) {
            return run(keywordArgs == null ? binder.bind(positionalArgs) : binder.bind(keywordArgs, positionalArgs), into);
        }
        synchronized (stateLock) {
            NDArray[] results = run(keywordArgs == null ? binder.bind(positionalArgs)
                    : binder.bind(keywordArgs, positionalArgs), into);
            for (int k = 0; k < updatedInputs.length; k++) {
                binder.setValue(updatedInputs[k], results[outputCount + k]);
            }
            return results;
        }
    }

    @Override
    public final NDArray call(Object... args) {
        requireOneOutput();
        return bindAndRun(null, args)[0];
    }

    @Override
    public final NDArray call(Map<String, ?> keywordArgs, Object... positionalArgs) {
        requireOneOutput();
        return bindAndRun(keywordArgs, positionalArgs)[0];
    }

    @Override
    public final void callInto(NDArray[] outputs, Object... args) {
        org.symtensor.function.CallInto.requireDestinations(spec, outputs);
        bindAndRun(null, args, outputs);
    }

    @Override
    public final List<NDArray> callAll(Object... args) {
        return outputs(bindAndRun(null, args));
    }

    @Override
    public final List<NDArray> callAll(Map<String, ?> keywordArgs, Object... positionalArgs) {
        return outputs(bindAndRun(keywordArgs, positionalArgs));
    }

    @Override
    public final NDArray value(FunctionInput input) {
        int i = indexOf(input);
        synchronized (stateLock) {
            NDArray v = binder.value(i);
            if (v == null) {
                throw new IllegalArgumentException(binder.functionName() + ": input " + binder.label(i)
                        + " has no value; give it one with in(x).withValue(...) or setValue(x, ...)");
            }
            return v.copy();
        }
    }

    @Override
    public final NDArray value(String inputName) {
        return value(input(inputName));
    }

    @Override
    public final void setValue(FunctionInput input, Object value) {
        int i = indexOf(input);
        NDArray v = binder.convertValue(value, i).copy();
        synchronized (stateLock) {
            binder.setValue(i, v);
        }
    }

    @Override
    public final void setValue(String inputName, Object value) {
        setValue(input(inputName), value);
    }

    private FunctionInput input(String inputName) {
        int i = binder.indexOf(inputName);
        if (i < 0) {
            throw new IllegalArgumentException(binder.functionName() + " has no input named '" + inputName
                    + "' (or several)");
        }
        return spec.inputs().get(i);
    }

    private int indexOf(FunctionInput input) {
        Variable v = input.asInput().variable();
        int i = binder.indexOf(v);
        if (i < 0) {
            throw new IllegalArgumentException(v.describe() + " is not an input of " + binder.functionName());
        }
        return i;
    }

    @Override
    public final Function copy(CopyOption... options) {
        Map<SharedValue, SharedValue> swap = new IdentityHashMap<>();
        boolean deleteUpdates = false;
        for (CopyOption o : options) {
            if (o instanceof CopyOption.Swap s) {
                if (swap.put(s.original(), s.replacement()) != null) {
                    throw new org.symtensor.error.InvalidValueException("copy: shared variable "
                            + s.original().describe() + " is swapped twice");
                }
            } else if (o instanceof CopyOption.DeleteUpdates) {
                deleteUpdates = true;
            }
        }
        List<Object> values = new ArrayList<>();
        synchronized (stateLock) {
            for (int i = 0; i < spec.inputs().size(); i++) {
                NDArray v = binder.value(i);
                values.add(v == null ? null : v.copy());
            }
        }
        return recompile(spec.copy(swap, deleteUpdates, values));
    }

    /**
     * Compiles {@code copy} for the same backend, mode and passes as this function ({@link #copy});
     * a backend that cannot says so.
     */
    protected BoundFunction recompile(FunctionSpec copy) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support copy()");
    }

    @Override
    public final FunctionSpec spec() {
        return spec;
    }

    /**
     * Theano's {@code debugprint(f)}: the optimized outputs, then the update values, as trees whose
     * apply nodes end with their position in the plan's step order, the order the backend runs them.
     */
    @Override
    public String debugprint() {
        Plan p = plan();
        List<org.symtensor.ir.Apply> order = new ArrayList<>();
        for (Plan.Step s : p.steps()) {
            order.add(s.node());
        }
        return Printer.debugprint(p.results(), order, p.spec().updateTargets());
    }

    protected final int outputCount() {
        return outputCount;
    }

    private List<NDArray> outputs(NDArray[] results) {
        return Collections.unmodifiableList(Arrays.asList(results.length == outputCount
                ? results : Arrays.copyOf(results, outputCount)));
    }

    private void requireOneOutput() {
        if (outputCount != 1) {
            throw new IllegalStateException((spec.name() == null ? "this function" : "function '" + spec.name() + "'")
                    + " has " + outputCount + " outputs; call(...) returns exactly one, use callAll(...) instead");
        }
    }
}
