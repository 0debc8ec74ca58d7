package org.symtensor.random;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.symtensor.error.SymtensorException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.SharedLocks;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.ir.RandomOp;
import org.symtensor.ir.RandomOp.Distribution;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.DTypes;
import org.symtensor.type.FloatX;
import org.symtensor.type.FloatingMarker;
import org.symtensor.type.I64;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * Theano's {@code RandomStreams}: a factory of random variables from one seed.
 * {@code new RandomStreams(234).uniform(2, 2)} is a {@link RandomMatrix} that draws new numbers at
 * every call of a function that uses it. Each random variable gets a stream of its own: a shared
 * int64 state {@code [key, stream, counter]} with key = the seed, stream = its creation index here
 * and counter = 0, whose default update is the state after the draw. Streams of one seed never
 * overlap (they differ in the Philox counter's upper words); {@link #seed} resets them all. Float
 * samples are floatX unless a dtype marker is given; integer samples are int64. Drawn inside a
 * {@code scan} step, a stream's state is threaded through the loop, so each step draws fresh
 * numbers, and the loop's final state becomes the stream's default update.
 *
 * <p><b>Threads.</b> A stream's state is a shared variable that each call drawing from it reads
 * and updates, so the function's thread contract ({@link org.symtensor.function.Function}) covers
 * it: concurrent calls take the state's lock one after the other, each reads the counter the
 * previous one left and no two calls ever draw the same numbers. Together, N concurrent calls
 * draw exactly what N calls made one after the other draw; which thread gets which draw depends on
 * the order in which they got the lock. {@link #seed} resets every stream as one step (holding all
 * their locks), so a call sees either the old seed in every stream or the new one in every stream.
 */
public final class RandomStreams {
    private final List<SharedVector<I64>> states = new ArrayList<>();
    private final long originalSeed;
    private long seed;

    /** Streams seeded with {@code seed}: the same seed gives the same random variables the same numbers. */
    public RandomStreams(long seed) {
        this.originalSeed = seed;
        this.seed = seed;
    }

    /**
     * Theano's {@code seed()} with no argument: reseeds every stream with the seed given at
     * construction, so the draws start over from the first ones, as {@link #seed(long)} does.
     */
    public void seed() {
        seed(originalSeed);
    }

    /** The seed the streams were constructed with. */
    public long originalSeed() {
        return originalSeed;
    }

    /**
     * Reseeds every stream made so far (and those made later) as if created with {@code seed}, as one
     * step: it waits for calls that draw from these streams, and no call sees some streams reseeded
     * and others not.
     */
    public synchronized void seed(long seed) {
        this.seed = seed;
        List<SharedValue> nodes = new ArrayList<>();
        for (SharedVector<I64> s : states) {
            nodes.add(s.node());
        }
        SharedLocks.of(nodes).atomically(() -> {
            for (int k = 0; k < states.size(); k++) {
                states.get(k).setValue(initialState(seed, k));
            }
        });
    }

    /** The generator states of the random variables made so far, in creation order. */
    public synchronized List<SharedVector<I64>> states() {
        return Collections.unmodifiableList(new ArrayList<>(states));
    }

    /** The generator state of any random variable (the typed ones also have {@code rng()}). */
    public static SharedVector<I64> rng(Tensor<?> randomVariable) {
        Variable v = randomVariable.variable();
        if (v.owner() == null || !(v.owner().op() instanceof RandomOp) || v.index() != 1) {
            throw new SymtensorException("rng: " + v.describe() + " is not a random variable");
        }
        return new SharedVector<>((SharedValue) v.owner().inputs().get(0));
    }

    // ---- uniform on [low, high) ---------------------------------------------------------------

    public RandomVector<FloatX> uniform(int n) {
        return uniform(FloatX.class, n, 0, 1);
    }

    public RandomMatrix<FloatX> uniform(int rows, int cols) {
        return uniform(FloatX.class, rows, cols, 0, 1);
    }

    public RandomVector<FloatX> uniform(int n, double low, double high) {
        return uniform(FloatX.class, n, low, high);
    }

    public RandomMatrix<FloatX> uniform(int rows, int cols, double low, double high) {
        return uniform(FloatX.class, rows, cols, low, high);
    }

    public <D extends FloatingMarker> RandomVector<D> uniform(Class<D> dtype, int n) {
        return uniform(dtype, n, 0, 1);
    }

    public <D extends FloatingMarker> RandomMatrix<D> uniform(Class<D> dtype, int rows, int cols) {
        return uniform(dtype, rows, cols, 0, 1);
    }

    public <D extends FloatingMarker> RandomVector<D> uniform(Class<D> dtype, int n, double low, double high) {
        return vector(draw(Distribution.UNIFORM, DTypes.of(dtype), true, Size.of(n), c(low), c(high)));
    }

    public <D extends FloatingMarker> RandomMatrix<D> uniform(Class<D> dtype, int rows, int cols, double low, double high) {
        return matrix(draw(Distribution.UNIFORM, DTypes.of(dtype), true, Size.of(rows, cols), c(low), c(high)));
    }

    /** A vector whose length is known at call time. */
    public RandomVector<FloatX> uniform(Scalar<?> n) {
        return vector(draw(Distribution.UNIFORM, DTypes.of(FloatX.class), true, Size.of(n), c(0), c(1)));
    }

    public RandomMatrix<FloatX> uniform(Scalar<?> rows, Scalar<?> cols) {
        return matrix(draw(Distribution.UNIFORM, DTypes.of(FloatX.class), true, Size.of(rows, cols), c(0), c(1)));
    }

    /** Any size, bounds that may be symbolic scalars (then checked at each call). */
    public <D extends FloatingMarker> Tensor<D> uniform(Class<D> dtype, Size size, Scalar<?> low, Scalar<?> high) {
        return Tensors.wrap(draw(Distribution.UNIFORM, DTypes.of(dtype), true, size, low.variable(), high.variable()).sample);
    }

    // ---- normal (Box–Muller) ------------------------------------------------------------------

    public RandomVector<FloatX> normal(int n) {
        return normal(FloatX.class, n, 0, 1);
    }

    public RandomMatrix<FloatX> normal(int rows, int cols) {
        return normal(FloatX.class, rows, cols, 0, 1);
    }

    public RandomVector<FloatX> normal(int n, double mean, double std) {
        return normal(FloatX.class, n, mean, std);
    }

    public RandomMatrix<FloatX> normal(int rows, int cols, double mean, double std) {
        return normal(FloatX.class, rows, cols, mean, std);
    }

    public <D extends FloatingMarker> RandomVector<D> normal(Class<D> dtype, int n, double mean, double std) {
        return vector(draw(Distribution.NORMAL, DTypes.of(dtype), true, Size.of(n), c(mean), c(std)));
    }

    public <D extends FloatingMarker> RandomMatrix<D> normal(Class<D> dtype, int rows, int cols, double mean, double std) {
        return matrix(draw(Distribution.NORMAL, DTypes.of(dtype), true, Size.of(rows, cols), c(mean), c(std)));
    }

    public <D extends FloatingMarker> Tensor<D> normal(Class<D> dtype, Size size, Scalar<?> mean, Scalar<?> std) {
        return Tensors.wrap(draw(Distribution.NORMAL, DTypes.of(dtype), true, size, mean.variable(), std.variable()).sample);
    }

    // ---- tensor parameters, broadcast like Theano's RandomStreams --------------------------------

    /**
     * Uniform on {@code [low, high)} elementwise, with bounds that are tensors of one float dtype:
     * the sample has the broadcast shape of {@code low} and {@code high} (NumPy's rules, as
     * {@code low + high}) and their dtype; {@code low + (high - low) * u} with {@code u} uniform on
     * {@code [0, 1)}, so the CPU and OpenCL backends draw the same numbers.
     */
    public <D extends FloatingMarker> Tensor<D> uniform(Tensor<D> low, Tensor<D> high) {
        Variable l = low.variable();
        Variable h = high.variable();
        requireSameDtype("uniform", l, h);
        Variable u = draw(Distribution.UNIFORM, l.type().dtype(), true, broadcastSize(l, h), c(0.0), c(1.0)).sample;
        return Tensors.wrap(Ops.elemwise(ScalarOp.ADD, l, Ops.elemwise(ScalarOp.MUL, Ops.elemwise(ScalarOp.SUB, h, l), u)));
    }

    /** {@link #uniform(Tensor, Tensor)} of matrices: a matrix sample. */
    public <D extends FloatingMarker> Matrix<D> uniform(Matrix<D> low, Matrix<D> high) {
        return new Matrix<>(uniform((Tensor<D>) low, high).variable());
    }

    /**
     * Normal with tensor parameters of one float dtype: the sample has the broadcast shape of
     * {@code mean} and {@code std}; {@code mean + std * z} with {@code z} standard normal.
     */
    public <D extends FloatingMarker> Tensor<D> normal(Tensor<D> mean, Tensor<D> std) {
        Variable m = mean.variable();
        Variable sd = std.variable();
        requireSameDtype("normal", m, sd);
        Variable z = draw(Distribution.NORMAL, m.type().dtype(), true, broadcastSize(m, sd), c(0.0), c(1.0)).sample;
        return Tensors.wrap(Ops.elemwise(ScalarOp.ADD, m, Ops.elemwise(ScalarOp.MUL, sd, z)));
    }

    /** {@link #normal(Tensor, Tensor)} of matrices: a matrix sample. */
    public <D extends FloatingMarker> Matrix<D> normal(Matrix<D> mean, Matrix<D> std) {
        return new Matrix<>(normal((Tensor<D>) mean, std).variable());
    }

    /**
     * Theano's {@code binomial(n=n, p=p)} with a tensor of probabilities: an int64 sample of
     * {@code p}'s shape, each element the number of successes in {@code n} trials of its own
     * probability ({@code n} uniform draws {@code u} per element, counting {@code u < p}).
     */
    public Tensor<I64> binomial(long n, Tensor<? extends FloatingMarker> p) {
        return binomial(Size.of(n), p);
    }

    /** {@link #binomial(long, Tensor)} of a matrix of probabilities: a matrix sample. */
    public Matrix<I64> binomial(long n, Matrix<? extends FloatingMarker> p) {
        return new Matrix<>(binomial(Size.of(n), p).variable());
    }

    /** {@link #binomial(long, Tensor)} with a trial count known at call time (an integer scalar). */
    public Tensor<I64> binomial(Scalar<?> n, Tensor<? extends FloatingMarker> p) {
        return binomial(Size.of(n), p);
    }

    private Tensor<I64> binomial(Size trials, Tensor<? extends FloatingMarker> p) {
        Variable pv = p.variable();
        List<Object> dims = new ArrayList<>();
        dims.add(trials.dims().get(0) instanceof Constant k ? (Object) k.value().getLong(0)
                : (Object) new Scalar<I64>(trials.dims().get(0)));
        Tensor<?> ph = Tensors.wrap(pv);
        for (int i = 0; i < pv.type().rank(); i++) {
            dims.add(ph.shape(i));
        }
        Variable u = draw(Distribution.UNIFORM, pv.type().dtype(), true, Size.of(dims.toArray()), c(0.0), c(1.0))
                .sample;
        Variable hits = Ops.cast(Ops.elemwise(ScalarOp.LT, u, pv), DType.INT64);
        return Tensors.wrap(Ops.reduce(org.symtensor.ir.Reduce.Kind.SUM, hits, 0));
    }

    private static Size broadcastSize(Variable a, Variable b) {
        Tensor<?> both = Tensors.wrap(Ops.elemwise(ScalarOp.ADD, a, b));
        Object[] dims = new Object[both.variable().type().rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = both.shape(i);
        }
        return Size.of(dims);
    }

    private static void requireSameDtype(String what, Variable a, Variable b) {
        if (a.type().dtype() != b.type().dtype()) {
            throw new org.symtensor.error.DTypeMismatchException(what + ": the parameters differ in dtype: "
                    + a.describe() + " is " + a.type().dtype() + " but " + b.describe() + " is " + b.type().dtype()
                    + "; cast one of them");
        }
    }

    // ---- integer distributions (int64 samples) -------------------------------------------------

    /** Successes in {@code n} trials of probability {@code p}, per element (Theano's binomial). */
    public RandomVector<I64> binomial(int size, long n, double p) {
        return vector(draw(Distribution.BINOMIAL, DType.INT64, true, Size.of(size), c(n), c(p)));
    }

    public RandomMatrix<I64> binomial(int rows, int cols, long n, double p) {
        return matrix(draw(Distribution.BINOMIAL, DType.INT64, true, Size.of(rows, cols), c(n), c(p)));
    }

    public Tensor<I64> binomial(Size size, Scalar<?> n, Scalar<?> p) {
        return Tensors.wrap(draw(Distribution.BINOMIAL, DType.INT64, true, size, n.variable(), p.variable()).sample);
    }

    /** Uniform integers on {@code [low, high]}, both inclusive (Theano's random_integers). */
    public RandomVector<I64> integers(int size, long low, long high) {
        return vector(draw(Distribution.INTEGERS, DType.INT64, true, Size.of(size), c(low), c(high)));
    }

    public RandomMatrix<I64> integers(int rows, int cols, long low, long high) {
        return matrix(draw(Distribution.INTEGERS, DType.INT64, true, Size.of(rows, cols), c(low), c(high)));
    }

    public Tensor<I64> integers(Size size, Scalar<?> low, Scalar<?> high) {
        return Tensors.wrap(draw(Distribution.INTEGERS, DType.INT64, true, size, low.variable(), high.variable()).sample);
    }

    /** Indices into {@code range(a)}; {@code p} (one probability per item, or null for uniform) weights them. */
    public RandomVector<I64> choice(int size, int a, boolean replace, double[] p) {
        return vector(choiceDraw(Size.of(size), c(a), replace, p == null ? null : new Constant(NDArray.of(p))));
    }

    public RandomMatrix<I64> choice(int rows, int cols, int a, boolean replace, double[] p) {
        return matrix(choiceDraw(Size.of(rows, cols), c(a), replace, p == null ? null : new Constant(NDArray.of(p))));
    }

    /** Any size; {@code a} and {@code p} may be symbolic ({@code p} may be null). */
    public Tensor<I64> choice(Size size, Scalar<?> a, boolean replace, Vector<?> p) {
        return Tensors.wrap(choiceDraw(size, a.variable(), replace, p == null ? null : p.variable()).sample);
    }

    /** A random ordering of {@code 0, ..., n-1}. */
    public RandomVector<I64> permutation(int n) {
        return vector(draw(Distribution.PERMUTATION, DType.INT64, false, Size.of(), c((long) n)));
    }

    public RandomVector<I64> permutation(Scalar<?> n) {
        return vector(draw(Distribution.PERMUTATION, DType.INT64, false, Size.of(), n.variable()));
    }

    /** Per element of {@code size}, the counts of {@code n} draws over {@code len(pvals)} categories. */
    public RandomMatrix<I64> multinomial(int size, long n, double[] pvals) {
        return matrix(draw(Distribution.MULTINOMIAL, DType.INT64, true, Size.of(size), c(n),
                new Constant(NDArray.of(pvals))));
    }

    /** The sample has the size's axes plus one of {@code len(pvals)}. */
    public Tensor<I64> multinomial(Size size, Scalar<?> n, Vector<?> pvals) {
        return Tensors.wrap(draw(Distribution.MULTINOMIAL, DType.INT64, true, size, n.variable(), pvals.variable()).sample);
    }

    /** The rows of {@code x} in a random order, drawn once per call. */
    public <D extends DTypeMarker> RandomMatrix<D> shuffleRows(Matrix<D> x) {
        return matrix(draw(Distribution.SHUFFLE_ROWS, x.dtype(), false, Size.of(), x.variable()));
    }

    // ---- building ------------------------------------------------------------------------------

    private static final class Drawn {
        final Variable sample;
        final SharedVector<I64> rng;

        Drawn(Variable sample, SharedVector<I64> rng) {
            this.sample = sample;
            this.rng = rng;
        }
    }

    private Drawn choiceDraw(Size size, Variable a, boolean replace, Variable p) {
        return p == null ? draw(Distribution.CHOICE, DType.INT64, replace, size, a)
                : draw(Distribution.CHOICE, DType.INT64, replace, size, a, p);
    }

    private synchronized Drawn draw(Distribution d, DType dtype, boolean replace, Size size, Variable... params) {
        int index = states.size();
        SharedValue state = new SharedValue(TensorType.ofRank(DType.INT64, 1), NDArray.of(initialState(seed, index)),
                "rng" + index);
        List<Variable> inputs = new ArrayList<>();
        inputs.add(state);
        inputs.addAll(size.dims());
        inputs.addAll(List.of(params));
        Apply a = Apply.of(RandomOp.of(d, dtype, size.rank(), replace, params.length), inputs);
        state.setDefaultUpdate(a.outputs().get(0));
        SharedVector<I64> rng = new SharedVector<>(state);
        states.add(rng);
        return new Drawn(a.outputs().get(1), rng);
    }

    private static long[] initialState(long seed, int stream) {
        return new long[] {seed, stream, 0};
    }

    private static Variable c(double v) {
        return new Constant(NDArray.of(v));
    }

    private static Variable c(long v) {
        return new Constant(NDArray.of(v));
    }

    private static <D extends DTypeMarker> RandomVector<D> vector(Drawn d) {
        return new RandomVector<>(d.sample, d.rng);
    }

    private static <D extends DTypeMarker> RandomMatrix<D> matrix(Drawn d) {
        return new RandomMatrix<>(d.sample, d.rng);
    }
}
