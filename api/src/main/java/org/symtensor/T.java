package org.symtensor;

import org.symtensor.function.Mode;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.SymtensorException;
import org.symtensor.function.Config;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.FunctionInput;
import org.symtensor.function.FunctionOption;
import org.symtensor.function.Givens;
import org.symtensor.function.In;
import org.symtensor.function.Inputs;
import org.symtensor.function.NoDefaultUpdates;
import org.symtensor.function.Outputs;
import org.symtensor.function.SharedVariable;
import org.symtensor.function.Update;
import org.symtensor.function.Updates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.ir.NNet;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.print.Printer;
import org.symtensor.spi.Backends;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.FunctionSpec;
import org.symtensor.tensor.AbstractTensor;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedTensor3;
import org.symtensor.tensor.SharedTensor4;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Tensor4;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.Bool;
import org.symtensor.type.DType;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.DTypes;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.FloatingMarker;
import org.symtensor.type.I32;
import org.symtensor.type.I64;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * The DSL's top-level functions, meant to be imported statically ({@code import static org.symtensor.T.*}):
 * variable factories (inherited from {@link TensorFactories}), math functions, constants,
 * {@code function}, {@code shared}, {@code pp} and {@code debugprint}.
 */
public final class T extends GradFunctions {
    static {
        DTypes.setFloatXSource(() -> Config.current().floatX());
    }

    private T() {}

    // ---- casts --------------------------------------------------------------------------------

    /** Converts to another dtype (float to int truncates toward zero, as NumPy's astype). */
    public static <E extends DTypeMarker> Scalar<E> cast(Scalar<?> x, Class<E> dtype) {
        return new Scalar<>(Ops.cast(x.variable(), DTypes.of(dtype)));
    }

    public static <E extends DTypeMarker> Vector<E> cast(Vector<?> x, Class<E> dtype) {
        return new Vector<>(Ops.cast(x.variable(), DTypes.of(dtype)));
    }

    public static <E extends DTypeMarker> Matrix<E> cast(Matrix<?> x, Class<E> dtype) {
        return new Matrix<>(Ops.cast(x.variable(), DTypes.of(dtype)));
    }

    public static <E extends DTypeMarker> Tensor3<E> cast(Tensor3<?> x, Class<E> dtype) {
        return new Tensor3<>(Ops.cast(x.variable(), DTypes.of(dtype)));
    }

    public static <E extends DTypeMarker> Tensor4<E> cast(Tensor4<?> x, Class<E> dtype) {
        return new Tensor4<>(Ops.cast(x.variable(), DTypes.of(dtype)));
    }

    public static <E extends DTypeMarker> Tensor<E> cast(Tensor<?> x, Class<E> dtype) {
        return Tensors.wrap(Ops.cast(x.variable(), DTypes.of(dtype)));
    }

    // ---- products and reductions --------------------------------------------------------------

    /** {@code (k)·(k) → ()}. */
    public static <D extends DTypeMarker> Scalar<D> dot(Vector<D> a, Vector<D> b) {
        return a.dot(b);
    }

    /** {@code (m×k)·(k) → (m)}. */
    public static <D extends DTypeMarker> Vector<D> dot(Matrix<D> a, Vector<D> b) {
        return a.dot(b);
    }

    /** {@code (k)·(k×n) → (n)}. */
    public static <D extends DTypeMarker> Vector<D> dot(Vector<D> a, Matrix<D> b) {
        return a.dot(b);
    }

    /** {@code (m×k)·(k×n) → (m×n)}. */
    public static <D extends DTypeMarker> Matrix<D> dot(Matrix<D> a, Matrix<D> b) {
        return a.dot(b);
    }

    /** The sum of all elements. */
    public static <D extends DTypeMarker> Scalar<D> sum(Tensor<D> x) {
        return x.sum();
    }

    /** The mean of all elements. */
    public static <D extends FloatingMarker> Scalar<D> mean(Tensor<D> x) {
        return x.mean();
    }

    // ---- neural-network composites --------------------------------------------------------------

    /**
     * Row-wise softmax, {@code (m×n) → (m×n)}: {@code exp(x - max(x, axis 1) as a column)} divided by
     * its row sums, so large inputs do not overflow. Rows sum to 1.
     */
    public static <D extends FloatingMarker> Matrix<D> softmax(Matrix<D> x) {
        return new Matrix<>(NNet.softmax(x.variable()));
    }

    /** Row-wise {@code log(softmax(x))}, {@code (m×n) → (m×n)}, as {@code (x - m) - log Σ exp(x - m)} with m the row max. */
    public static <D extends FloatingMarker> Matrix<D> logSoftmax(Matrix<D> x) {
        return new Matrix<>(NNet.logSoftmax(x.variable()));
    }

    /**
     * Theano's {@code categorical_crossentropy} with one-hot (or any distribution) targets:
     * {@code -Σ_j t[i, j] log p[i, j]} per row, {@code (m×n), (m×n) → (m)}.
     */
    public static <D extends FloatingMarker> Vector<D> categoricalCrossentropy(Matrix<D> probabilities,
            Matrix<D> oneHotTargets) {
        return new Vector<>(NNet.categoricalCrossentropy(probabilities.variable(), oneHotTargets.variable()));
    }

    // ---- constants ----------------------------------------------------------------------------

    public static Scalar<F64> constant(double value) {
        return new Scalar<>(Ops.constant(NDArray.of(value)));
    }

    public static Scalar<F32> constant(float value) {
        return new Scalar<>(Ops.constant(NDArray.of(value)));
    }

    public static Scalar<I32> constant(int value) {
        return new Scalar<>(Ops.constant(NDArray.of(value)));
    }

    public static Scalar<I64> constant(long value) {
        return new Scalar<>(Ops.constant(NDArray.of(value)));
    }

    public static Vector<F64> constant(double[] value) {
        return new Vector<>(Ops.constant(NDArray.of(value)));
    }

    public static Vector<F32> constant(float[] value) {
        return new Vector<>(Ops.constant(NDArray.of(value)));
    }

    public static Matrix<F64> constant(double[][] value) {
        return new Matrix<>(Ops.constant(NDArray.of(value)));
    }

    public static Matrix<F32> constant(float[][] value) {
        return new Matrix<>(Ops.constant(NDArray.of(value)));
    }

    // ---- shared variables ---------------------------------------------------------------------

    private static SharedValue sharedNode(NDArray value, String name) {
        return new SharedValue(TensorType.ofRank(value.dtype(), value.rank()), value.copy(), name);
    }

    public static SharedScalar<I32> shared(int value) {
        return shared(value, null);
    }

    /** A shared int32 scalar holding {@code value}. */
    public static SharedScalar<I32> shared(int value, String name) {
        return new SharedScalar<>(sharedNode(NDArray.of(value), name));
    }

    public static SharedScalar<I64> shared(long value, String name) {
        return new SharedScalar<>(sharedNode(NDArray.of(value), name));
    }

    public static SharedScalar<F32> shared(float value, String name) {
        return new SharedScalar<>(sharedNode(NDArray.of(value), name));
    }

    public static SharedScalar<F64> shared(double value, String name) {
        return new SharedScalar<>(sharedNode(NDArray.of(value), name));
    }

    public static SharedVector<F64> shared(double[] value, String name) {
        return new SharedVector<>(sharedNode(NDArray.of(value), name));
    }

    public static SharedVector<F32> shared(float[] value, String name) {
        return new SharedVector<>(sharedNode(NDArray.of(value), name));
    }

    public static SharedVector<I32> shared(int[] value, String name) {
        return new SharedVector<>(sharedNode(NDArray.of(value), name));
    }

    public static SharedMatrix<F64> shared(double[][] value, String name) {
        return new SharedMatrix<>(sharedNode(NDArray.of(value), name));
    }

    public static SharedMatrix<F32> shared(float[][] value, String name) {
        return new SharedMatrix<>(sharedNode(NDArray.of(value), name));
    }

    /** A shared vector of the given dtype marker (the NDArray must have that dtype and rank 1). */
    public static <D extends DTypeMarker> SharedVector<D> sharedVector(NDArray value, Class<D> dtype, String name) {
        return new SharedVector<>(sharedNode(checkShared(value, dtype, 1, name), name));
    }

    public static <D extends DTypeMarker> SharedMatrix<D> sharedMatrix(NDArray value, Class<D> dtype, String name) {
        return new SharedMatrix<>(sharedNode(checkShared(value, dtype, 2, name), name));
    }

    public static <D extends DTypeMarker> SharedTensor3<D> sharedTensor3(NDArray value, Class<D> dtype, String name) {
        return new SharedTensor3<>(sharedNode(checkShared(value, dtype, 3, name), name));
    }

    public static <D extends DTypeMarker> SharedTensor4<D> sharedTensor4(NDArray value, Class<D> dtype, String name) {
        return new SharedTensor4<>(sharedNode(checkShared(value, dtype, 4, name), name));
    }

    private static NDArray checkShared(NDArray value, Class<? extends DTypeMarker> dtype, int rank, String name) {
        DType d = DTypes.of(dtype);
        if (value.dtype() != d || value.rank() != rank) {
            throw new DTypeMismatchException("shared '" + name + "': expected a " + d + " array of rank " + rank
                    + ", got " + value.dtype() + " of shape " + NDArray.shapeToString(value.shape()));
        }
        return value;
    }

    // ---- function -----------------------------------------------------------------------------

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
        return In.of(x);
    }

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

    @SafeVarargs
    public static Givens givens(Map.Entry<Variable, Variable>... pairs) {
        Map<Variable, Variable> m = new LinkedHashMap<>();
        for (Map.Entry<Variable, Variable> e : pairs) {
            m.put(e.getKey(), e.getValue());
        }
        return Givens.of(m);
    }

    public static FunctionFlag allowInputDowncast() {
        return FunctionFlag.allowInputDowncast();
    }

    public static FunctionFlag onUnusedInput(FunctionFlag.UnusedInput policy) {
        return FunctionFlag.onUnusedInput(policy);
    }

    /** Theano's {@code mode=}: {@code function(inputs(x), y, mode(Mode.FAST_COMPILE))}. */
    public static FunctionFlag mode(org.symtensor.function.Mode mode) {
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
            } else if (v.owner() != null && v.owner().op() instanceof org.symtensor.ir.RandomOp
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
        org.symtensor.function.Mode mode = null;
        NoDefaultUpdates noDefaults = NoDefaultUpdates.none();
        String device = null;
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
            } else {
                throw new IllegalArgumentException("unknown function option " + o);
            }
        }
        FunctionSpec spec = FunctionSpec.build(inputs.list(), outputs.list(), updates, givens, downcast, unused, name,
                noDefaults);
        if (mode != null) {
            spec = spec.withMode(mode);
        }
        return compile(device == null ? spec : spec.withDevice(device));
    }

    /** Compiles an already checked spec with the runtime on the class path. */
    public static Function compile(FunctionSpec spec) {
        return Backends.compile(spec, compileOptions());
    }

    /**
     * The options the flags of this process ask for ({@code SYMTENSOR_FLAGS}, {@code -Dsymtensor.flags}):
     * the one place below which no code reads the flags. Generated kernel classes ask it whether
     * they may run the graph the processor optimized.
     */
    public static CompileOptions compileOptions() {
        return CompileOptions.fromFlags(Config.current());
    }

    // ---- printing -----------------------------------------------------------------------------

    /** Theano's pretty print: {@code pp(x.plus(y))} is {@code (x + y)}. */
    public static String pp(Tensor<?> x) {
        return Printer.pp(x.variable());
    }

    /** The graph as an indented tree with op, dtype, static shape and a stable id per node. */
    public static String debugprint(Tensor<?>... outputs) {
        List<Variable> vs = new ArrayList<>();
        for (Tensor<?> t : outputs) {
            vs.add(t.variable());
        }
        return Printer.debugprint(vs);
    }
}
