package org.symtensor.runtime;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionSpec;
import org.symtensor.value.NDArray;

/**
 * The calling surface every backend's compiled function shares: arguments are bound and checked
 * by one {@link ArgumentBinder} before anything runs, {@code call} returns the only output,
 * {@code callAll} every output. A backend implements {@link #execute}: run the graph on bound
 * arguments, store the updates, return the outputs first (updates may follow).
 */
public abstract class BoundFunction implements Function {
    private final FunctionSpec spec;
    private final ArgumentBinder binder;
    private final int outputCount;

    protected BoundFunction(FunctionSpec spec, ArgumentBinder binder) {
        this.spec = spec;
        this.binder = binder;
        this.outputCount = spec.outputs().size();
    }

    /** Runs on arguments already converted to the inputs' types; the first {@code outputCount} results are the outputs. */
    protected abstract NDArray[] execute(NDArray[] arguments);

    @Override
    public final NDArray call(Object... args) {
        requireOneOutput();
        return execute(binder.bind(args))[0];
    }

    @Override
    public final NDArray call(Map<String, ?> keywordArgs, Object... positionalArgs) {
        requireOneOutput();
        return execute(binder.bind(keywordArgs, positionalArgs))[0];
    }

    @Override
    public final List<NDArray> callAll(Object... args) {
        return outputs(execute(binder.bind(args)));
    }

    @Override
    public final List<NDArray> callAll(Map<String, ?> keywordArgs, Object... positionalArgs) {
        return outputs(execute(binder.bind(keywordArgs, positionalArgs)));
    }

    @Override
    public final FunctionSpec spec() {
        return spec;
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
