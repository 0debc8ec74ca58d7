package org.symtensor.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Indexing;
import org.symtensor.tensor.AbstractTensor;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DTypeMarker;

/**
 * The typed face of {@code scan} for the common shapes: one state, optionally one sequence and one
 * non-sequence. The step is a lambda over typed handles, and it must return the state's exact
 * handle type, so a step that changes the state's dtype or rank does not compile:
 * <pre>{@code
 * ScanResult<Vector<F64>, Matrix<F64>> r = Scan.from(ones).nonSequences(a).steps(k).iterate((prior, a) -> prior.times(a));
 * Vector<F64> power = r.last();                       // A ** k, keeping O(1) states
 * }</pre>
 * For several states, taps, until or updates, use the general {@code T.scan}.
 */
public final class Scan {
    private Scan() {}

    /** A step of three arguments. */
    @FunctionalInterface
    public interface Step3<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    public static <D extends DTypeMarker> From<Scalar<D>, Vector<D>> from(Scalar<D> init) {
        return new From<>(init, Scalar::new, Vector::new, null, List.of());
    }

    public static <D extends DTypeMarker> From<Vector<D>, Matrix<D>> from(Vector<D> init) {
        return new From<>(init, Vector::new, Matrix::new, null, List.of());
    }

    public static <D extends DTypeMarker> From<Matrix<D>, Tensor3<D>> from(Matrix<D> init) {
        return new From<>(init, Matrix::new, Tensor3::new, null, List.of());
    }

    /** Iterates over the entries of a vector. */
    public static <D extends DTypeMarker> Over<Scalar<D>> over(Vector<D> sequence) {
        return new Over<>(sequence, Scalar::new);
    }

    /** Iterates over the rows of a matrix. */
    public static <D extends DTypeMarker> Over<Vector<D>> over(Matrix<D> sequence) {
        return new Over<>(sequence, Vector::new);
    }

    /** Iterates over the matrices of a rank-3 tensor. */
    public static <D extends DTypeMarker> Over<Matrix<D>> over(Tensor3<D> sequence) {
        return new Over<>(sequence, Matrix::new);
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrapAs(Function<Variable, T> wrap, Tensor<?> t) {
        return wrap.apply(t.variable());
    }

    private static ScanOption[] options(Tensor<?> sequence, Tensor<?> init, Tensor<?> nonSeq, Variable steps) {
        List<ScanOption> o = new ArrayList<>();
        if (sequence != null) {
            o.add(new ScanOption.Sequences(List.of(Tapped.of(sequence.variable(), 0))));
        }
        if (init != null) {
            o.add(new ScanOption.OutputsInfo(List.of(Tapped.of(init.variable(), -1))));
        }
        if (nonSeq != null) {
            o.add(new ScanOption.NonSequences(List.of(nonSeq.variable())));
        }
        if (steps != null) {
            o.add(new ScanOption.NSteps(steps));
        }
        return o.toArray(new ScanOption[0]);
    }

    /** A recurrence from an initial state; fix the number of steps before iterating. */
    public static final class From<S extends Tensor<?>, R extends Tensor<?>> {
        private final S init;
        private final Function<Variable, S> wrapS;
        private final Function<Variable, R> wrapR;
        private final Variable steps;
        private final List<Tensor<?>> sequence;

        From(S init, Function<Variable, S> wrapS, Function<Variable, R> wrapR, Variable steps, List<Tensor<?>> sequence) {
            this.init = init;
            this.wrapS = wrapS;
            this.wrapR = wrapR;
            this.steps = steps;
            this.sequence = sequence;
        }

        public From<S, R> steps(long n) {
            return new From<>(init, wrapS, wrapR, Indexing.at(n), sequence);
        }

        public From<S, R> steps(Scalar<?> n) {
            return new From<>(init, wrapS, wrapR, n.variable(), sequence);
        }

        public <N extends Tensor<?>> From1<S, R, N> nonSequences(N nonSequence) {
            return new From1<>(this, nonSequence);
        }

        /** Runs {@code state(t) = step(state(t-1))}. */
        public ScanResult<S, R> iterate(UnaryOperator<S> step) {
            return ScanCall.build(args -> step.apply(wrapAs(wrapS, args.get(0))), options(null, init, null, steps))
                    .typed(wrapS, wrapR);
        }
    }

    /** A recurrence with one non-sequence. */
    public static final class From1<S extends Tensor<?>, R extends Tensor<?>, N extends Tensor<?>> {
        private final From<S, R> from;
        private final N nonSeq;

        From1(From<S, R> from, N nonSeq) {
            this.from = from;
            this.nonSeq = nonSeq;
        }

        public From1<S, R, N> steps(long n) {
            return new From1<>(from.steps(n), nonSeq);
        }

        public From1<S, R, N> steps(Scalar<?> n) {
            return new From1<>(from.steps(n), nonSeq);
        }

        /** Runs {@code state(t) = step(state(t-1), nonSequence)}. */
        @SuppressWarnings("unchecked")
        public ScanResult<S, R> iterate(BiFunction<S, N, S> step) {
            Function<Variable, N> wrapN = v -> (N) Tensors.wrap(v);
            return ScanCall.build(args -> step.apply(wrapAs(from.wrapS, args.get(0)), wrapAs(wrapN, args.get(1))),
                    options(null, from.init, nonSeq, from.steps)).typed(from.wrapS, from.wrapR);
        }
    }

    /** A loop over a sequence, whose slices have handle type X. */
    public static final class Over<X extends Tensor<?>> {
        private final Tensor<?> sequence;
        private final Function<Variable, X> wrapX;

        Over(Tensor<?> sequence, Function<Variable, X> wrapX) {
            this.sequence = sequence;
            this.wrapX = wrapX;
        }

        public <D extends DTypeMarker> OverFrom<X, Scalar<D>, Vector<D>> from(Scalar<D> init) {
            return new OverFrom<>(this, init, Scalar::new, Vector::new);
        }

        public <D extends DTypeMarker> OverFrom<X, Vector<D>, Matrix<D>> from(Vector<D> init) {
            return new OverFrom<>(this, init, Vector::new, Matrix::new);
        }

        /** Theano's {@code map}: one output per slice, stacked. */
        public <Y extends Tensor<?>> ScanResult<Y, Tensor<?>> map(Function<X, ? extends AbstractTensor<?, Y, ?>> step) {
            java.util.concurrent.atomic.AtomicReference<AbstractTensor<?, Y, ?>> made = new java.util.concurrent.atomic.AtomicReference<>();
            ScanResult<Tensor<?>, Tensor<?>> r = ScanCall.build(args -> {
                AbstractTensor<?, Y, ?> y = step.apply(wrapAs(wrapX, args.get(0)));
                made.set(y);
                return y;
            }, options(sequence, null, null, null));
            Function<Variable, Y> wrapY = v -> made.get().sameKind(v);
            return r.typed(wrapY, Tensors::wrap);
        }
    }

    /** A recurrence driven by a sequence. */
    public static final class OverFrom<X extends Tensor<?>, S extends Tensor<?>, R extends Tensor<?>> {
        private final Over<X> over;
        private final S init;
        private final Function<Variable, S> wrapS;
        private final Function<Variable, R> wrapR;

        OverFrom(Over<X> over, S init, Function<Variable, S> wrapS, Function<Variable, R> wrapR) {
            this.over = over;
            this.init = init;
            this.wrapS = wrapS;
            this.wrapR = wrapR;
        }

        /** Runs {@code state(t) = step(x[t], state(t-1))}. */
        public ScanResult<S, R> iterate(BiFunction<X, S, S> step) {
            return ScanCall.build(args -> step.apply(wrapAs(over.wrapX, args.get(0)), wrapAs(wrapS, args.get(1))),
                    options(over.sequence, init, null, null)).typed(wrapS, wrapR);
        }

        /** Runs {@code state(t) = step(x[t], state(t-1), nonSequence)}. */
        @SuppressWarnings("unchecked")
        public <N extends Tensor<?>> ScanResult<S, R> iterate(N nonSequence, Step3<X, S, N, S> step) {
            Function<Variable, N> wrapN = v -> (N) Tensors.wrap(v);
            return ScanCall.build(args -> step.apply(wrapAs(over.wrapX, args.get(0)), wrapAs(wrapS, args.get(1)),
                    wrapAs(wrapN, args.get(2))), options(over.sequence, init, nonSequence, null)).typed(wrapS, wrapR);
        }
    }
}
