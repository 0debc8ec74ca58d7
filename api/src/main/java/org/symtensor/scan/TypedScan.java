package org.symtensor.scan;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.AbstractTensor;
import org.symtensor.tensor.Stackable;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensors;

/**
 * The bodies of the typed {@code T.scan} overloads: each wraps the step's inner variables in the
 * handles its typed options name, builds the loop through {@link ScanCall} and hands back a
 * {@link TypedScanResult}. The type checking happens in the signatures of {@code T.scan}: a
 * recurrent step is a {@code UnaryOperator<S>}, {@code BiFunction<..., S>} or {@code Step3<..., S>}
 * whose result must be the state's own handle {@code S}.
 */
public final class TypedScan {
    private TypedScan() {}

    /** {@code state(t) = step(state(t-1))}, for {@code nSteps} steps. */
    public static <S extends Tensor<?>, R extends Tensor<?>> TypedScanResult<S, R> recurrence(UnaryOperator<S> step,
            ScanOption.State<S, R> state, ScanOption.NSteps nSteps) {
        return typed(ScanCall.build(a -> step.apply(wrap(state.wrapState(), a.get(0))), state, nSteps), state);
    }

    /** {@code state(t) = step(state(t-1), w)}, for {@code nSteps} steps. */
    public static <S extends Tensor<?>, R extends Tensor<?>, N extends Tensor<?>> TypedScanResult<S, R> recurrence(
            BiFunction<S, N, S> step, ScanOption.State<S, R> state, ScanOption.NonSequence<N> w, ScanOption.NSteps nSteps) {
        return typed(ScanCall.build(a -> step.apply(wrap(state.wrapState(), a.get(0)), w.value()), state, w, nSteps), state);
    }

    /** {@code state(t) = step(x[t], state(t-1))}. */
    public static <X extends Tensor<?>, S extends Tensor<?>, R extends Tensor<?>> TypedScanResult<S, R> fold(
            BiFunction<X, S, S> step, ScanOption.Sequence<X> x, ScanOption.State<S, R> state) {
        return typed(ScanCall.build(a -> step.apply(wrap(x.wrapSlice(), a.get(0)), wrap(state.wrapState(), a.get(1))),
                x, state), state);
    }

    /** {@code state(t) = step(x[t], state(t-1), w)}. */
    public static <X extends Tensor<?>, S extends Tensor<?>, R extends Tensor<?>, N extends Tensor<?>> TypedScanResult<S, R> fold(
            Scan.Step3<X, S, N, S> step, ScanOption.Sequence<X> x, ScanOption.State<S, R> state, ScanOption.NonSequence<N> w) {
        return typed(ScanCall.build(a -> step.apply(wrap(x.wrapSlice(), a.get(0)), wrap(state.wrapState(), a.get(1)), w.value()),
                x, state, w), state);
    }

    /** Theano's {@code map}: {@code y[t] = step(x[t])}, stacked. */
    public static <X extends Tensor<?>, Y extends Tensor<?> & Stackable<R>, R extends Tensor<?>> TypedScanResult<Y, R> map(
            Function<X, ? extends AbstractTensor<?, Y, ?>> step, ScanOption.Sequence<X> x) {
        AtomicReference<AbstractTensor<?, Y, ?>> made = new AtomicReference<>();
        ScanResult<Tensor<?>, Tensor<?>> r = ScanCall.build(a -> remember(made, step.apply(wrap(x.wrapSlice(), a.get(0)))), x);
        return mapped(r, made);
    }

    /** {@code y[t] = step(x[t], w)}, stacked. */
    public static <X extends Tensor<?>, N extends Tensor<?>, Y extends Tensor<?> & Stackable<R>, R extends Tensor<?>>
            TypedScanResult<Y, R> map(BiFunction<X, N, ? extends AbstractTensor<?, Y, ?>> step, ScanOption.Sequence<X> x,
            ScanOption.NonSequence<N> w) {
        AtomicReference<AbstractTensor<?, Y, ?>> made = new AtomicReference<>();
        ScanResult<Tensor<?>, Tensor<?>> r = ScanCall.build(a -> remember(made, step.apply(wrap(x.wrapSlice(), a.get(0)), w.value())),
                x, w);
        return mapped(r, made);
    }

    private static <H> H wrap(Function<Variable, H> wrap, Tensor<?> t) {
        return wrap.apply(t.variable());
    }

    private static <Y extends Tensor<?>> AbstractTensor<?, Y, ?> remember(AtomicReference<AbstractTensor<?, Y, ?>> made,
            AbstractTensor<?, Y, ?> y) {
        made.set(y);
        return y;
    }

    private static <S extends Tensor<?>, R extends Tensor<?>> TypedScanResult<S, R> typed(ScanResult<Tensor<?>, Tensor<?>> r,
            ScanOption.State<S, R> state) {
        return new TypedScanResult<>(r.typed(state.wrapState(), state.wrapStacked()));
    }

    /**
     * A map's result seen through the plain handle {@code Y} of the step's result (a step that returns
     * a shared variable gives its rank's plain handle) and its {@link Stackable} stack.
     */
    @SuppressWarnings("unchecked")
    private static <Y extends Tensor<?>, R extends Tensor<?>> TypedScanResult<Y, R> mapped(ScanResult<Tensor<?>, Tensor<?>> r,
            AtomicReference<AbstractTensor<?, Y, ?>> made) {
        AbstractTensor<?, Y, ?> like = made.get();
        Function<Variable, Y> wrapY = like::sameKind;
        Function<Variable, R> wrapR = v -> (R) Tensors.wrap(v);
        return new TypedScanResult<>(r.typed(wrapY, wrapR));
    }
}
