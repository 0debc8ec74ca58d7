package org.symtensor.scan;

import java.util.List;
import java.util.function.Function;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.Tensor;

/**
 * The named arguments of {@code scan}, as values: {@code sequences(...)}, {@code outputsInfo(...)},
 * {@code nonSequences(...)}, {@code nSteps(k)}, {@code goBackwards()}, {@code truncateGradient(k)}.
 * Made by the static factories of {@link org.symtensor.T}. With one argument, {@code sequences},
 * {@code outputsInfo} and {@code nonSequences} give the typed options ({@link Sequence}, {@link State},
 * {@link NonSequence}) that select the typed {@code scan} overloads; every option also works in the
 * general list form.
 */
public sealed interface ScanOption {
    /** The sequences iterated over, each with its taps ({@code [0]} unless given). */
    record Sequences(List<Tapped> list) implements ScanOption {}

    /** One entry per output of the step: an initial value with taps, or {@link Tapped#none()}. */
    record OutputsInfo(List<Tapped> list) implements ScanOption {}

    /** Values passed unchanged to every step, after the slices and prior outputs. */
    record NonSequences(List<Variable> list) implements ScanOption {}

    /** The number of steps, an integer scalar, at least 0; every sequence must be long enough for it. */
    record NSteps(Variable steps) implements ScanOption {}

    /** Theano's {@code go_backwards}: the sequences are read from their last element to their first. */
    record GoBackwards() implements ScanOption {}

    /** Theano's {@code truncate_gradient}: backpropagation through time goes at most {@code steps} steps back. */
    record TruncateGradient(int steps) implements ScanOption {}

    /** One sequence, typed: {@code X} is the handle of one slice ({@code sequences(Vector<D>)} slices are {@code Scalar<D>}). */
    record Sequence<X extends Tensor<?>>(Variable sequence, Function<Variable, X> wrapSlice) implements ScanOption {}

    /** One recurrent state with tap -1, typed: {@code S} the state's handle, {@code R} the handle of the states stacked. */
    record State<S extends Tensor<?>, R extends Tensor<?>>(Variable init, Function<Variable, S> wrapState,
            Function<Variable, R> wrapStacked) implements ScanOption {}

    /** One non-sequence, typed: the step receives {@code value} itself. */
    record NonSequence<N extends Tensor<?>>(N value) implements ScanOption {}
}
