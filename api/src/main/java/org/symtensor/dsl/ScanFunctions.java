package org.symtensor.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.symtensor.ir.Variable;
import org.symtensor.ir.IfElse;
import org.symtensor.ir.Indexing;
import org.symtensor.ir.Ops;
import org.symtensor.scan.ScanCall;
import org.symtensor.scan.ScanOption;
import org.symtensor.scan.ScanResult;
import org.symtensor.scan.ScanStep;
import org.symtensor.scan.Tapped;
import org.symtensor.scan.TypedScan;
import org.symtensor.scan.TypedScanResult;
import org.symtensor.tensor.AbstractTensor;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Stackable;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Tensor4;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.Bool;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/**
 * Loops and conditionals of the DSL, reached through {@link org.symtensor.T}'s static imports (T delegates here): Theano's
 * {@code scan} with its named arguments as option values (typed overloads for one state, one sequence
 * and one non-sequence, whose steps javac checks; the list form for everything else), the {@code map}/{@code reduce}/{@code foldl}/
 * {@code foldr} helpers, the lazy {@code ifelse} and {@code arange}.
 */
public final class ScanFunctions {
    private ScanFunctions() {}

    /**
     * Theano's {@code scan}: {@code scan(args -> ..., sequences(x), outputsInfo(h0), nonSequences(w), nSteps(k))}.
     * The step gets the sequence slices, the prior outputs and the non-sequences, in that order,
     * and returns a tensor, a list of tensors, or {@code step(...)} with {@code until} or updates.
     */
    public static ScanResult<Tensor<?>, Tensor<?>> scan(java.util.function.Function<List<Tensor<?>>, ?> fn, ScanOption... options) {
        return ScanCall.build(fn, options);
    }

    // ---- typed forms: one state, one sequence, one non-sequence; the step's types are checked by javac ----

    /**
     * {@code state(t) = step(state(t-1))}: {@code scan(x -> x.times(2), outputsInfo(x0), nSteps(k))}. The step
     * must return the state's own handle, so a step that changes its dtype or rank does not compile.
     */
    public static <S extends Tensor<?>, R extends Tensor<?>> TypedScanResult<S, R> scan(UnaryOperator<S> step,
            ScanOption.State<S, R> outputsInfo, ScanOption.NSteps nSteps) {
        return TypedScan.recurrence(step, outputsInfo, nSteps);
    }

    /** {@code state(t) = step(state(t-1), w)}: {@code scan((Vector<F64> p, Matrix<F64> a) -> p.dot(a), outputsInfo(v0), nonSequences(a), nSteps(k))}. */
    public static <S extends Tensor<?>, R extends Tensor<?>, N extends Tensor<?>> TypedScanResult<S, R> scan(
            BiFunction<S, N, S> step, ScanOption.State<S, R> outputsInfo, ScanOption.NonSequence<N> nonSequences,
            ScanOption.NSteps nSteps) {
        return TypedScan.recurrence(step, outputsInfo, nonSequences, nSteps);
    }

    /** Theano's {@code map}: {@code scan((Scalar<F64> x) -> x.sqr(), sequences(v)).outputs()} is a {@code Vector<F64>}. */
    public static <X extends Tensor<?>, Y extends Tensor<?> & Stackable<R>, R extends Tensor<?>> TypedScanResult<Y, R> scan(
            java.util.function.Function<X, ? extends AbstractTensor<?, Y, ?>> step, ScanOption.Sequence<X> sequences) {
        return TypedScan.map(step, sequences);
    }

    /** A map with one non-sequence: {@code y[t] = step(x[t], w)}. */
    public static <X extends Tensor<?>, N extends Tensor<?>, Y extends Tensor<?> & Stackable<R>, R extends Tensor<?>>
            TypedScanResult<Y, R> scan(BiFunction<X, N, ? extends AbstractTensor<?, Y, ?>> step, ScanOption.Sequence<X> sequences,
            ScanOption.NonSequence<N> nonSequences) {
        return TypedScan.map(step, sequences, nonSequences);
    }

    /** {@code state(t) = step(x[t], state(t-1))}: {@code scan((Scalar<F64> x, Scalar<F64> acc) -> acc.plus(x), sequences(v), outputsInfo(s0))}. */
    public static <X extends Tensor<?>, S extends Tensor<?>, R extends Tensor<?>> TypedScanResult<S, R> scan(
            BiFunction<X, S, S> step, ScanOption.Sequence<X> sequences, ScanOption.State<S, R> outputsInfo) {
        return TypedScan.fold(step, sequences, outputsInfo);
    }

    /** {@code state(t) = step(x[t], state(t-1), w)}: an RNN, {@code (x, h, w) -> tanh(h.dot(w).plus(x))}. */
    public static <X extends Tensor<?>, S extends Tensor<?>, R extends Tensor<?>, N extends Tensor<?>> TypedScanResult<S, R> scan(
            org.symtensor.scan.Scan.Step3<X, S, N, S> step, ScanOption.Sequence<X> sequences,
            ScanOption.State<S, R> outputsInfo, ScanOption.NonSequence<N> nonSequences) {
        return TypedScan.fold(step, sequences, outputsInfo, nonSequences);
    }

    /** One sequence whose slices are scalars: selects the typed {@code scan}. */
    public static <D extends DTypeMarker> ScanOption.Sequence<Scalar<D>> sequences(Vector<D> x) {
        return new ScanOption.Sequence<>(x.variable(), Scalar::new);
    }

    /** One sequence whose slices are vectors (its rows). */
    public static <D extends DTypeMarker> ScanOption.Sequence<Vector<D>> sequences(Matrix<D> x) {
        return new ScanOption.Sequence<>(x.variable(), Vector::new);
    }

    /** One sequence whose slices are matrices. */
    public static <D extends DTypeMarker> ScanOption.Sequence<Matrix<D>> sequences(Tensor3<D> x) {
        return new ScanOption.Sequence<>(x.variable(), Matrix::new);
    }

    /** One sequence whose slices are tensor3s. */
    public static <D extends DTypeMarker> ScanOption.Sequence<Tensor3<D>> sequences(Tensor4<D> x) {
        return new ScanOption.Sequence<>(x.variable(), Tensor3::new);
    }

    /** One scalar state (tap -1): the step must return a {@code Scalar<D>}; the states stack to a {@code Vector<D>}. */
    public static <D extends DTypeMarker> ScanOption.State<Scalar<D>, Vector<D>> outputsInfo(Scalar<D> init) {
        return new ScanOption.State<>(init.variable(), Scalar::new, Vector::new);
    }

    /** One vector state (tap -1): the states stack to a {@code Matrix<D>}. */
    public static <D extends DTypeMarker> ScanOption.State<Vector<D>, Matrix<D>> outputsInfo(Vector<D> init) {
        return new ScanOption.State<>(init.variable(), Vector::new, Matrix::new);
    }

    /** One matrix state (tap -1): the states stack to a {@code Tensor3<D>}. */
    public static <D extends DTypeMarker> ScanOption.State<Matrix<D>, Tensor3<D>> outputsInfo(Matrix<D> init) {
        return new ScanOption.State<>(init.variable(), Matrix::new, Tensor3::new);
    }

    /** One tensor3 state (tap -1): the states stack to a {@code Tensor4<D>}. */
    public static <D extends DTypeMarker> ScanOption.State<Tensor3<D>, Tensor4<D>> outputsInfo(Tensor3<D> init) {
        return new ScanOption.State<>(init.variable(), Tensor3::new, Tensor4::new);
    }

    /** One non-sequence; the step receives it as itself, with its own handle type. */
    public static <N extends Tensor<?>> ScanOption.NonSequence<N> nonSequences(N value) {
        return new ScanOption.NonSequence<>(value);
    }

    // ---- the general form's options ----

    /** Sequences to iterate over: tensors (tap 0) or {@code taps(x, -1, 0, 1)}. */
    public static ScanOption.Sequences sequences(Object... sequences) {
        List<Tapped> list = new ArrayList<>();
        for (Object o : sequences) {
            list.add(o instanceof Tapped t ? t : Tapped.of(((Tensor<?>) o).variable(), 0));
        }
        return new ScanOption.Sequences(list);
    }

    /** One entry per output: an initial value (tap -1), {@code taps(init, -2, -1)}, or {@code noInitial()} (or null). */
    public static ScanOption.OutputsInfo outputsInfo(Object... infos) {
        List<Tapped> list = new ArrayList<>();
        for (Object o : infos) {
            list.add(o == null ? Tapped.none() : o instanceof Tapped t ? t : Tapped.of(((Tensor<?>) o).variable(), -1));
        }
        return new ScanOption.OutputsInfo(list);
    }

    /** A sequence or initial value with explicit taps, passed to the step in the order listed. */
    public static Tapped taps(Tensor<?> x, int... taps) {
        return Tapped.of(x.variable(), taps);
    }

    /** Theano's {@code None} in {@code outputsInfo}: an output that is not fed back (a map output). */
    public static Tapped noInitial() {
        return Tapped.none();
    }

    /** The non-sequences of the general form: passed to every step, after the sequences and the states. */
    public static ScanOption.NonSequences nonSequences(Tensor<?>... values) {
        List<Variable> list = new ArrayList<>();
        for (Tensor<?> t : values) {
            list.add(t.variable());
        }
        return new ScanOption.NonSequences(list);
    }

    /** The number of steps, when no sequence fixes it (or to stop before the shortest one ends). */
    public static ScanOption.NSteps nSteps(long n) {
        return new ScanOption.NSteps(Indexing.at(n));
    }

    /** The number of steps as a symbolic integer scalar. */
    public static ScanOption.NSteps nSteps(Scalar<?> n) {
        return new ScanOption.NSteps(n.variable());
    }

    /** Iterates over the sequences from the last entry to the first (Theano's {@code go_backwards}). */
    public static ScanOption.GoBackwards goBackwards() {
        return new ScanOption.GoBackwards();
    }

    /** Backpropagates through at most {@code steps} steps (Theano's {@code truncate_gradient}). */
    public static ScanOption.TruncateGradient truncateGradient(int steps) {
        return new ScanOption.TruncateGradient(steps);
    }

    /** A step's result with more than outputs: {@code step(a, b).until(done).withUpdates(...)}. */
    public static ScanStep step(Tensor<?>... outputs) {
        return ScanStep.of(List.of(outputs));
    }

    /** Theano's {@code map}: {@code fn} applied to each slice of the sequences, stacked. */
    public static ScanResult<Tensor<?>, Tensor<?>> map(java.util.function.Function<List<Tensor<?>>, ?> fn, Tensor<?>... sequences) {
        return ScanCall.build(fn, sequences((Object[]) sequences));
    }

    /**
     * Theano's {@code reduce} (= {@code foldl}): {@code acc = fn(x[t], acc)} over a vector; returns the
     * final accumulator, computed by a loop that keeps O(1) states.
     */
    public static <D extends DTypeMarker, S extends Tensor<?>> S reduce(BiFunction<Scalar<D>, S, S> fn, Vector<D> sequence,
            AbstractTensor<?, S, ?> init) {
        return fold(fn, sequence, init, false);
    }

    /** Theano's {@code foldl}: {@code acc = fn(x[t], acc)} from the first entry to the last (as {@code reduce}). */
    public static <D extends DTypeMarker, S extends Tensor<?>> S foldl(BiFunction<Scalar<D>, S, S> fn, Vector<D> sequence,
            AbstractTensor<?, S, ?> init) {
        return fold(fn, sequence, init, false);
    }

    /** {@code foldl} from the last entry to the first. */
    public static <D extends DTypeMarker, S extends Tensor<?>> S foldr(BiFunction<Scalar<D>, S, S> fn, Vector<D> sequence,
            AbstractTensor<?, S, ?> init) {
        return fold(fn, sequence, init, true);
    }

    /** The accumulator is seen through init's plain handle {@code S} (a shared init's accumulator is no shared variable). */
    @SuppressWarnings("unchecked")
    private static <D extends DTypeMarker, S extends Tensor<?>> S fold(BiFunction<Scalar<D>, S, S> fn, Vector<D> sequence,
            AbstractTensor<?, S, ?> init, boolean backwards) {
        ScanOption[] o = backwards
                ? new ScanOption[] {sequences(sequence), outputsInfo(init), goBackwards()}
                : new ScanOption[] {sequences(sequence), outputsInfo(init)};
        ScanResult<Tensor<?>, Tensor<?>> r = ScanCall.build(args -> fn.apply((Scalar<D>) args.get(0),
                init.sameKind(args.get(1).variable())), o);
        return init.sameKind(r.last(0).variable());
    }

    /**
     * Theano's lazy {@code ifelse}: {@code a} if the bool scalar {@code cond} is true, else {@code b};
     * only the branch taken is computed (unlike {@code where}, which computes both).
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S ifelse(Tensor<Bool> cond, AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return a.sameKind(IfElse.build(cond.variable(), a.variable(), b.variable()));
    }

    /** {@code ifelse} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> ifelse(Tensor<Bool> cond, Tensor<D> a, Tensor<D> b) {
        return ifelse(cond, Tensors.handle(a), b);
    }

    /**
     * Theano's {@code ifelse(cond, [a, b], [c, d])}: one output per pair, {@code then.get(k)} if the
     * bool scalar {@code cond} is true, else {@code otherwise.get(k)}; the pairs must have the same
     * dtype and rank. Only the branch taken is computed: each output is a lazy {@code ifelse} node
     * on the same condition (a subexpression that two outputs of one branch share and nothing else
     * uses is computed once per output that needs it).
     */
    public static List<Tensor<?>> ifelse(Tensor<Bool> cond, List<? extends Tensor<?>> then,
            List<? extends Tensor<?>> otherwise) {
        if (then.size() != otherwise.size()) {
            throw new org.symtensor.error.InvalidValueException("ifelse: the branches have " + then.size() + " and "
                    + otherwise.size() + " outputs; give one else-output per then-output");
        }
        List<Tensor<?>> r = new ArrayList<>(then.size());
        for (int k = 0; k < then.size(); k++) {
            r.add(Tensors.wrap(IfElse.build(cond.variable(), then.get(k).variable(), otherwise.get(k).variable())));
        }
        return java.util.Collections.unmodifiableList(r);
    }

    /** The int64 vector {@code [0, 1, ..., n-1]}. */
    public static Vector<I64> arange(int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return new Vector<>(Ops.constant(NDArray.of(v)));
    }
}
