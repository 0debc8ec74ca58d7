package org.symtensor.tensor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.FunctionSpec;
import org.symtensor.function.In;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Variable;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.spi.Backends;
import org.symtensor.type.Bool;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/**
 * The one implementation of the operator methods of {@link Tensor}, shared by every rank.
 * {@code S} is the handle type of the same rank and dtype, {@code B} the same rank with bool
 * dtype; subclasses only say how to wrap a variable.
 *
 * @param <D> dtype marker
 * @param <S> this rank's handle type
 * @param <B> this rank's bool handle type
 */
public abstract class AbstractTensor<D extends DTypeMarker, S extends Tensor<D>, B extends Tensor<Bool>> implements Tensor<D> {
    private final Variable variable;
    private Map<Set<Variable>, CachedEval> evalCache;

    protected AbstractTensor(Variable variable, int rank) {
        if (rank >= 0 && variable.type().rank() != rank) {
            throw new ShapeMismatchException("a rank-" + rank + " handle cannot hold " + variable.describe()
                    + " of rank " + variable.type().rank() + " (type " + variable.type() + ")");
        }
        this.variable = variable;
    }

    /** Wraps a variable of this handle's rank and dtype. */
    protected abstract S wrap(Variable v);

    /** Wraps a bool variable of this handle's rank. */
    protected abstract B wrapBool(Variable v);

    @Override
    public final Variable variable() {
        return variable;
    }

    @Override
    @SuppressWarnings("unchecked")
    public S named(String name) {
        variable.setName(name);
        return (S) this;
    }

    // ---- arithmetic -------------------------------------------------------------------------

    /** Applies a binary scalar op to this and a same-dtype operand whose rank is at most ours. */
    protected final Variable binary(String what, ScalarOp op, Tensor<?> other) {
        Variable o = java.util.Objects.requireNonNull(other, () -> what + ": the operand of " + variable.describe()
                + " is null").variable();
        Ops.requireSameDtype(what, variable, o);
        if (o.type().rank() > rank()) {
            throw new ShapeMismatchException(what + ": the result would have rank " + o.type().rank()
                    + " (from " + o.describe() + ") but the receiver " + variable.describe() + " has rank " + rank()
                    + "; call the method on the higher-rank operand, or use the static form T." + what + "(a, b)");
        }
        return Ops.elemwise(op, variable, o);
    }

    /** A literal as a constant of this handle's dtype, or an error saying why it does not fit. */
    public final Constant literal(String what, double value) {
        Constant c = Ops.literalFor(value, dtype());
        if (c.type().dtype() != dtype()) {
            throw new DTypeMismatchException(what + ": the literal " + literalText(value) + " cannot be represented as "
                    + dtype() + " (the dtype of " + variable.describe() + "); cast " + variable.describe()
                    + " first, e.g. cast(x, F64.class)");
        }
        return c;
    }

    static String literalText(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private void requireFloat(String what) {
        if (!dtype().isFloat()) {
            throw new DTypeMismatchException(what + " of " + variable.describe() + ": expected a float dtype, got "
                    + dtype() + "; cast first, e.g. cast(x, F64.class)" + (what.equals("div")
                    ? "; for Theano's int / int use trueDiv(a, b) (float64), or intDiv(a, b) for floor division" : ""));
        }
    }

    @Override
    public S plus(Tensor<D> other) {
        return wrap(binary("plus", ScalarOp.ADD, other));
    }

    @Override
    public S plus(double literal) {
        return wrap(Ops.elemwise(ScalarOp.ADD, variable, literal("plus", literal)));
    }

    @Override
    public S minus(Tensor<D> other) {
        return wrap(binary("minus", ScalarOp.SUB, other));
    }

    @Override
    public S minus(double literal) {
        return wrap(Ops.elemwise(ScalarOp.SUB, variable, literal("minus", literal)));
    }

    @Override
    public S times(Tensor<D> other) {
        return wrap(binary("times", ScalarOp.MUL, other));
    }

    @Override
    public S times(double literal) {
        return wrap(Ops.elemwise(ScalarOp.MUL, variable, literal("times", literal)));
    }

    @Override
    public S div(Tensor<D> other) {
        requireFloat("div");
        return wrap(binary("div", ScalarOp.TRUE_DIV, other));
    }

    @Override
    public S div(double literal) {
        requireFloat("div");
        return wrap(Ops.elemwise(ScalarOp.TRUE_DIV, variable, literal("div", literal)));
    }

    @Override
    public S intDiv(Tensor<D> other) {
        return wrap(binary("intDiv", ScalarOp.INT_DIV, other));
    }

    @Override
    public S rem(Tensor<D> other) {
        return wrap(binary("rem", ScalarOp.MOD, other));
    }

    @Override
    public S rem(double literal) {
        return wrap(Ops.elemwise(ScalarOp.MOD, variable, literal("rem", literal)));
    }

    @Override
    public S pow(Tensor<D> exponent) {
        return wrap(binary("pow", ScalarOp.POW, exponent));
    }

    @Override
    public S pow(double exponent) {
        return wrap(Ops.elemwise(ScalarOp.POW, variable, literal("pow", exponent)));
    }

    @Override
    public S maximum(Tensor<D> other) {
        return wrap(binary("maximum", ScalarOp.MAXIMUM, other));
    }

    @Override
    public S maximum(double literal) {
        return wrap(Ops.elemwise(ScalarOp.MAXIMUM, variable, literal("maximum", literal)));
    }

    @Override
    public S minimum(Tensor<D> other) {
        return wrap(binary("minimum", ScalarOp.MINIMUM, other));
    }

    @Override
    public S minimum(double literal) {
        return wrap(Ops.elemwise(ScalarOp.MINIMUM, variable, literal("minimum", literal)));
    }

    @Override
    public S unaryMinus() {
        return wrap(Ops.elemwise(ScalarOp.NEG, variable));
    }

    @Override
    public S abs() {
        return wrap(Ops.elemwise(ScalarOp.ABS, variable));
    }

    @Override
    public S sqr() {
        return wrap(Ops.elemwise(ScalarOp.SQR, variable));
    }

    /** Applies a float function such as exp; used by the static functions of {@link org.symtensor.T}. */
    public S applyFloat(ScalarOp op) {
        requireFloat(op.theanoName());
        return wrap(Ops.elemwise(op, variable));
    }

    /** Applies a test such as isnan, with a bool result of this handle's rank; used by {@link org.symtensor.T}'s static functions. */
    public B applyTest(ScalarOp op) {
        return wrapBool(Ops.elemwise(op, variable));
    }

    /** Wraps another variable of this handle's rank and dtype (for DSL functions that keep the type). */
    public S sameKind(Variable v) {
        return wrap(v);
    }

    // ---- comparisons ------------------------------------------------------------------------

    private B compare(String what, ScalarOp op, Tensor<?> other) {
        return wrapBool(binary(what, op, other));
    }

    private B compare(String what, ScalarOp op, double literal) {
        return wrapBool(Ops.elemwise(op, variable, literal(what, literal)));
    }

    @Override
    public B lt(Tensor<D> other) {
        return compare("lt", ScalarOp.LT, other);
    }

    @Override
    public B lt(double literal) {
        return compare("lt", ScalarOp.LT, literal);
    }

    @Override
    public B le(Tensor<D> other) {
        return compare("le", ScalarOp.LE, other);
    }

    @Override
    public B le(double literal) {
        return compare("le", ScalarOp.LE, literal);
    }

    @Override
    public B gt(Tensor<D> other) {
        return compare("gt", ScalarOp.GT, other);
    }

    @Override
    public B gt(double literal) {
        return compare("gt", ScalarOp.GT, literal);
    }

    @Override
    public B ge(Tensor<D> other) {
        return compare("ge", ScalarOp.GE, other);
    }

    @Override
    public B ge(double literal) {
        return compare("ge", ScalarOp.GE, literal);
    }

    @Override
    public B eq(Tensor<D> other) {
        return compare("eq", ScalarOp.EQ, other);
    }

    @Override
    public B eq(double literal) {
        return compare("eq", ScalarOp.EQ, literal);
    }

    @Override
    public B neq(Tensor<D> other) {
        return compare("neq", ScalarOp.NEQ, other);
    }

    @Override
    public B neq(double literal) {
        return compare("neq", ScalarOp.NEQ, literal);
    }

    // ---- reductions and shapes --------------------------------------------------------------

    /** A reduction whose result keeps this handle's dtype (integer sums are cast back from int64). */
    protected final Variable reduceVar(Reduce.Kind kind, int... axes) {
        String what = kind.name().toLowerCase(java.util.Locale.ROOT);
        if (kind == Reduce.Kind.MEAN && !dtype().isFloat()) {
            throw new DTypeMismatchException("mean of " + variable.describe() + ": the mean of " + dtype()
                    + " values is float64 (Theano's rule), which this handle's mean() cannot declare; call mean(x)"
                    + " (T.mean, typed Scalar<F64>), or cast first, e.g. cast(x, F64.class).mean()");
        }
        Variable r = Ops.reduce(kind, variable, axes);
        if (r.type().dtype() != dtype()) {
            // sums and products of integers accumulate in int64: casting back would wrap silently
            throw new DTypeMismatchException(what + " of " + variable.describe() + ": the " + what + " of " + dtype()
                    + " values accumulates in " + r.type().dtype() + " (Theano's rule, so it never wraps), which this"
                    + " handle's " + what + "() cannot declare; call " + what + "(x) (T." + what + ", typed as "
                    + r.type().dtype() + "), or cast first, e.g. cast(x, I64.class)." + what + "()");
        }
        return r;
    }

    /** The reduction as the IR types it (int64 sums of integers, float64 means of integers): for the static forms. */
    public final Variable reduceAccumulated(Reduce.Kind kind, int... axes) {
        return Ops.reduce(kind, variable, axes);
    }

    @Override
    public Scalar<D> sum() {
        return new Scalar<>(reduceVar(Reduce.Kind.SUM));
    }

    @Override
    public Tensor<D> sum(int axis) {
        return Tensors.wrap(reduceVar(Reduce.Kind.SUM, axis));
    }

    @Override
    public Scalar<D> mean() {
        return new Scalar<>(reduceVar(Reduce.Kind.MEAN));
    }

    @Override
    public Tensor<D> mean(int axis) {
        return Tensors.wrap(reduceVar(Reduce.Kind.MEAN, axis));
    }

    @Override
    public Scalar<D> max() {
        return new Scalar<>(reduceVar(Reduce.Kind.MAX));
    }

    @Override
    public Tensor<D> max(int axis) {
        return Tensors.wrap(reduceVar(Reduce.Kind.MAX, axis));
    }

    @Override
    public Scalar<D> min() {
        return new Scalar<>(reduceVar(Reduce.Kind.MIN));
    }

    @Override
    public Tensor<D> min(int axis) {
        return Tensors.wrap(reduceVar(Reduce.Kind.MIN, axis));
    }

    @Override
    public Tensor<D> dimshuffle(Object... pattern) {
        return Tensors.wrap(Ops.dimshuffle(variable, parsePattern(pattern)));
    }

    static int[] parsePattern(Object... pattern) {
        int[] p = new int[pattern.length];
        for (int i = 0; i < p.length; i++) {
            Object o = pattern[i];
            if ("x".equals(o)) {
                p[i] = DimShuffle.NEW_AXIS;
            } else if (o instanceof Integer) {
                p[i] = (Integer) o;
            } else {
                throw new IllegalArgumentException("dimshuffle pattern entry " + i + " is " + o
                        + "; expected an axis number or \"x\"");
            }
        }
        return p;
    }

    @Override
    public Tensor<D> get(long i) {
        return Tensors.wrap(indexVar(org.symtensor.ir.Indexing.at(i)));
    }

    @Override
    public Tensor<D> get(Scalar<?> i) {
        return Tensors.wrap(indexVar(i.variable()));
    }

    @Override
    public S get(Slice s) {
        return wrap(org.symtensor.ir.IndexOps.get(variable, List.of(s.range())));
    }

    @Override
    public Tensor<D> get(Slice first, Object... rest) {
        return Tensors.wrap(org.symtensor.ir.IndexOps.get(variable, IndexItems.of(first, rest)));
    }

    @Override
    public Tensor<D> get(Tensor<?> index) {
        return Tensors.wrap(org.symtensor.ir.IndexOps.get(variable, List.of(index.variable())));
    }

    /** {@code this[i]} on the leading axis, as a variable. */
    protected final Variable indexVar(Variable i) {
        if (rank() == 0) {
            throw new ShapeMismatchException("get: " + variable.describe() + " is a scalar; only tensors of rank 1 or more can be indexed");
        }
        if (i.type().rank() != 0 || !i.type().dtype().isInteger()) {
            throw new DTypeMismatchException("get: the index " + i.describe() + " must be an integer scalar, got " + i.type());
        }
        return org.symtensor.ir.Indexing.index(variable, 0, i);
    }

    @Override
    public Scalar<I64> shape(int axis) {
        int a = axis < 0 ? axis + rank() : axis;
        if (a < 0 || a >= rank()) {
            throw new ShapeMismatchException("shape(" + axis + ") of " + variable.describe() + ", which has rank " + rank());
        }
        return new Scalar<>(Ops.shape(variable, a));
    }

    // ---- evaluation -------------------------------------------------------------------------

    @Override
    public NDArray eval() {
        return eval(Map.of());
    }

    @Override
    public synchronized NDArray eval(Map<? extends Tensor<?>, ?> inputs) {
        Map<Variable, Object> byVariable = new HashMap<>();
        List<Tensor<?>> order = new ArrayList<>(inputs.keySet());
        for (Map.Entry<? extends Tensor<?>, ?> e : inputs.entrySet()) {
            byVariable.put(e.getKey().variable(), e.getValue());
        }
        Set<Variable> key = new HashSet<>(byVariable.keySet());
        if (evalCache == null) {
            evalCache = new HashMap<>();
        }
        CachedEval c = evalCache.get(key);
        if (c == null) {
            c = new CachedEval(order, compileEval(order));
            evalCache.put(key, c);
        }
        Object[] args = new Object[c.order.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = byVariable.get(c.order.get(i).variable());
        }
        return c.function.call(args);
    }

    /** The function {@code eval} calls: what {@code function(inputs(order...), this)} compiles, through the SPI. */
    private Function compileEval(List<Tensor<?>> order) {
        List<In> ins = new ArrayList<>(order.size());
        for (Tensor<?> t : order) {
            ins.add(t.asInput());
        }
        FunctionSpec spec = FunctionSpec.build(ins, List.of(variable), List.of(), Map.of(), false,
                FunctionFlag.UnusedInput.RAISE, null);
        return Backends.compile(spec, CompileOptions.current());
    }

    private static final class CachedEval {
        final List<Tensor<?>> order;
        final Function function;

        CachedEval(List<Tensor<?>> order, Function function) {
            this.order = order;
            this.function = function;
        }
    }

    /** Two handles are equal when they stand for the same variable. */
    @Override
    public final boolean equals(Object o) {
        return o instanceof Tensor && ((Tensor<?>) o).variable() == variable;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(variable);
    }

    @Override
    public String toString() {
        return variable.toString();
    }
}
