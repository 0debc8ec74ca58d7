package org.symtensor.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.SymtensorException;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.CopyOption;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.FunctionInput;
import org.symtensor.function.FunctionOption;
import org.symtensor.function.FunctionSpec;
import org.symtensor.function.Givens;
import org.symtensor.function.In;
import org.symtensor.function.Inputs;
import org.symtensor.function.Mode;
import org.symtensor.function.NoDefaultUpdates;
import org.symtensor.function.Outputs;
import org.symtensor.function.Update;
import org.symtensor.function.Updates;
import org.symtensor.ir.RandomOp;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.spi.Backends;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.tensor.Tensor;
import org.symtensor.type.DTypeMarker;

/**
 * Theano's {@code function} and what it takes: inputs (handles, or {@code in(x)} with options),
 * outputs, updates, givens and flags. Unwraps the typed handles into IR variables, checks the call
 * ({@link FunctionSpec#build}) and compiles it through {@link Backends} under the options the
 * process flags give. Reached through {@link org.symtensor.T}'s static imports (T delegates here).
 */
public final class FunctionFactories {
    private FunctionFactories() {}

    /** The inputs of a function, in call order: handles, or {@code in(x).withDefault(...)}. */
    public static Inputs inputs(FunctionInput... inputs) {
        List<In> list = new ArrayList<>(inputs.length);
        for (int k = 0; k < inputs.length; k++) {
            if (inputs[k] == null) {
                throw new ArgumentException("inputs(...): input #" + k + " is null");
            }
            list.add(inputs[k].asInput());
        }
        return Inputs.of(list);
    }

    /** An input with options: {@code in(y).withDefault(1)}, {@code in(x).named("x0")}. */
    public static In in(Tensor<?> x) {
        return In.of(x.variable());
    }

    /**
     * Theano's {@code f.copy(swap={a: b})}: {@code f.copy(swap(a, b))} reads and updates shared
     * variable {@code b} where {@code f} uses {@code a}; both hold values of the same type.
     */
    public static <H extends Tensor<?>> CopyOption swap(SharedVariable<H> original, SharedVariable<H> replacement) {
        return CopyOption.swap(original.node(), replacement.node());
    }

    /** Theano's {@code f.copy(delete_updates=True)}: {@code f.copy(deleteUpdates())} has no updates. */
    public static CopyOption deleteUpdates() {
        return CopyOption.deleteUpdates();
    }

    /** The outputs of a function, in order: {@code function(inputs(x), outputs(a, b))} returns both. */
    public static Outputs outputs(Tensor<?>... outputs) {
        List<Variable> list = new ArrayList<>(outputs.length);
        for (int k = 0; k < outputs.length; k++) {
            if (outputs[k] == null) {
                throw new ArgumentException("outputs(...): output #" + k + " is null");
            }
            list.add(outputs[k].variable());
        }
        return Outputs.of(list);
    }

    /** One shared-variable update: after the call, {@code target} takes {@code newValue}. */
    public static <D extends DTypeMarker> Update update(SharedVariable<? extends Tensor<D>> target, Tensor<D> newValue) {
        return Update.of(target.node(), newValue.variable());
    }

    /** The updates of a function, applied together after each call: {@code updates(update(w, w.minus(g)))}. */
    public static Updates updates(Update... pairs) {
        return Updates.of(List.of(pairs));
    }

    /** Updates from a map of shared variable to new value (iteration order is kept). */
    public static Updates updates(Map<? extends SharedVariable<?>, ? extends Tensor<?>> pairs) {
        List<Update> list = new ArrayList<>();
        for (Map.Entry<? extends SharedVariable<?>, ? extends Tensor<?>> e : pairs.entrySet()) {
            list.add(Update.of(e.getKey().node(), e.getValue().variable()));
        }
        return Updates.of(list);
    }

    /** One replacement for {@link #givens}. */
    public static <D extends DTypeMarker> Map.Entry<Variable, Variable> given(Tensor<D> replaced, Tensor<D> by) {
        return Map.entry(replaced.variable(), by.variable());
    }

    /** Theano's {@code givens}: each replaced variable is replaced in the graph before compiling. */
    @SafeVarargs
    public static Givens givens(Map.Entry<Variable, Variable>... pairs) {
        Map<Variable, Variable> m = new LinkedHashMap<>();
        for (Map.Entry<Variable, Variable> e : pairs) {
            m.put(e.getKey(), e.getValue());
        }
        return Givens.of(m);
    }

    /** Theano's {@code allow_input_downcast=True}: call arguments may be converted to a narrower dtype. */
    public static FunctionFlag allowInputDowncast() {
        return FunctionFlag.allowInputDowncast();
    }

    /** Theano's {@code on_unused_input}: what to do with an input the outputs do not use. */
    public static FunctionFlag onUnusedInput(FunctionFlag.UnusedInput policy) {
        return FunctionFlag.onUnusedInput(policy);
    }

    /** Theano's {@code mode=}: {@code function(inputs(x), y, mode(Mode.FAST_COMPILE))}. */
    public static FunctionFlag mode(Mode mode) {
        return FunctionFlag.mode(mode);
    }

    /**
     * Turns off every default update (Theano's {@code no_default_updates=True}): random variables
     * then draw the same numbers at every call.
     */
    public static NoDefaultUpdates noDefaultUpdates() {
        return NoDefaultUpdates.all();
    }

    /**
     * Turns off the default updates of these random variables (their generator states) or shared
     * variables; the others still apply.
     */
    public static NoDefaultUpdates noDefaultUpdates(Tensor<?>... variables) {
        List<SharedValue> targets = new ArrayList<>();
        for (Tensor<?> t : variables) {
            Variable v = t.variable();
            if (v instanceof SharedValue) {
                targets.add((SharedValue) v);
            } else if (v.owner() != null && v.owner().op() instanceof RandomOp
                    && v.owner().inputs().get(0) instanceof SharedValue) {
                targets.add((SharedValue) v.owner().inputs().get(0));
            } else {
                throw new SymtensorException("noDefaultUpdates: " + v.describe() + " is neither a random variable"
                        + " nor a shared variable, so it has no default update");
            }
        }
        return NoDefaultUpdates.of(targets);
    }

    /** Runs one function on a device ({@code cpu}, {@code opencl0}, ...), overriding the {@code device} flag. */
    public static FunctionFlag device(String deviceName) {
        return FunctionFlag.device(deviceName);
    }

    /**
     * Theano's {@code profile=True}: {@code function(inputs(x), y, profile())} times every apply node
     * of the compiled function, and {@code f.profile()} prints per-node time, calls and share of the
     * total, sorted by time. CPU backend only.
     */
    public static FunctionFlag profile() {
        return FunctionFlag.profile();
    }

    /** Compiles a function of one output. */
    public static Function function(Inputs inputs, Tensor<?> output, FunctionOption... options) {
        if (output == null) {
            throw new ArgumentException("function(...): the output is null");
        }
        return function(inputs, Outputs.of(List.of(output.variable())), options);
    }

    /** Compiles a function with no outputs (updates only, say). */
    public static Function function(Inputs inputs, FunctionOption... options) {
        return function(inputs, Outputs.of(List.of()), options);
    }

    /** Compiles a function: checked here, then handed to the runtime found on the class path. */
    public static Function function(Inputs inputs, Outputs outputs, FunctionOption... options) {
        List<Update> updates = new ArrayList<>();
        Map<Variable, Variable> givens = new LinkedHashMap<>();
        boolean downcast = false;
        FunctionFlag.UnusedInput unused = FunctionFlag.UnusedInput.RAISE;
        String name = null;
        Mode mode = null;
        NoDefaultUpdates noDefaults = NoDefaultUpdates.none();
        String device = null;
        boolean profile = false;
        for (FunctionOption o : options) {
            if (o instanceof Updates) {
                updates.addAll(((Updates) o).pairs());
            } else if (o instanceof Givens) {
                givens.putAll(((Givens) o).replacements());
            } else if (o instanceof NoDefaultUpdates) {
                noDefaults = noDefaults.and((NoDefaultUpdates) o);
            } else if (o instanceof FunctionFlag) {
                FunctionFlag f = (FunctionFlag) o;
                if (f.allowInputDowncastSetting() != null) {
                    downcast = f.allowInputDowncastSetting();
                }
                if (f.onUnusedInputSetting() != null) {
                    unused = f.onUnusedInputSetting();
                }
                if (f.nameSetting() != null) {
                    name = f.nameSetting();
                }
                if (f.modeSetting() != null) {
                    mode = f.modeSetting();
                }
                if (f.deviceSetting() != null) {
                    device = f.deviceSetting();
                }
                profile |= f.profileSetting();
            } else {
                throw new IllegalArgumentException("unknown function option " + o);
            }
        }
        FunctionSpec spec = FunctionSpec.build(inputs.list(), outputs.list(), updates, givens, downcast, unused, name,
                noDefaults);
        if (mode != null) {
            spec = spec.withMode(mode);
        }
        if (profile) {
            spec = spec.withProfile(true);
        }
        return compile(device == null ? spec : spec.withDevice(device));
    }

    /** Compiles an already checked spec with the runtime on the class path, under the process flags. */
    public static Function compile(FunctionSpec spec) {
        return Backends.compile(spec, compileOptions());
    }

    /**
     * The options the flags of this process ask for ({@code SYMTENSOR_FLAGS}, {@code -Dsymtensor.flags}):
     * what {@code function(...)} compiles under. Generated kernel classes ask it whether they may run
     * the graph the processor optimized.
     */
    public static CompileOptions compileOptions() {
        return CompileOptions.current();
    }
}
