package org.symtensor.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.symtensor.function.Function;
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

    protected BoundFunction(FunctionSpec spec, ArgumentBinder binder) {
        this.spec = spec;
        this.binder = binder;
        this.outputCount = spec.outputs().size();
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

    private NDArray[] run(NDArray[] arguments) {
        if (locks.isEmpty()) {
            return execute(arguments);
        }
        locks.lock();
        try {
            return execute(arguments);
        } finally {
            locks.unlock();
        }
    }

    @Override
    public final NDArray call(Object... args) {
        requireOneOutput();
        return run(binder.bind(args))[0];
    }

    @Override
    public final NDArray call(Map<String, ?> keywordArgs, Object... positionalArgs) {
        requireOneOutput();
        return run(binder.bind(keywordArgs, positionalArgs))[0];
    }

    @Override
    public final List<NDArray> callAll(Object... args) {
        return outputs(run(binder.bind(args)));
    }

    @Override
    public final List<NDArray> callAll(Map<String, ?> keywordArgs, Object... positionalArgs) {
        return outputs(run(binder.bind(keywordArgs, positionalArgs)));
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
