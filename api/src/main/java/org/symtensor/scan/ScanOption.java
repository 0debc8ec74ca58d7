package org.symtensor.scan;

import java.util.List;
import org.symtensor.graph.Variable;

/**
 * The named arguments of {@code scan}, as values: {@code sequences(...)}, {@code outputsInfo(...)},
 * {@code nonSequences(...)}, {@code nSteps(k)}, {@code goBackwards()}, {@code truncateGradient(k)}.
 * Made by the static factories of {@link org.symtensor.T}.
 */
public sealed interface ScanOption {
    /** The sequences iterated over, each with its taps ({@code [0]} unless given). */
    record Sequences(List<Tapped> list) implements ScanOption {}

    /** One entry per output of the step: an initial value with taps, or {@link Tapped#none()}. */
    record OutputsInfo(List<Tapped> list) implements ScanOption {}

    /** Values passed unchanged to every step, after the slices and prior outputs. */
    record NonSequences(List<Variable> list) implements ScanOption {}

    /** The number of steps, an integer scalar (the sequences may shorten it). */
    record NSteps(Variable steps) implements ScanOption {}

    /** Theano's {@code go_backwards}: the sequences are read from their last element to their first. */
    record GoBackwards() implements ScanOption {}

    /** Theano's {@code truncate_gradient}: backpropagation through time goes at most {@code steps} steps back. */
    record TruncateGradient(int steps) implements ScanOption {}
}
