package org.symtensor.dsl;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.ir.FillOps;
import org.symtensor.ir.JoinOps;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.AbstractTensor;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.DTypes;
import org.symtensor.type.F64;
import org.symtensor.type.FloatingMarker;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/**
 * The DSL's joins and constructions: {@code concatenate}, {@code stack}, {@code split},
 * {@code repeat}, {@code tile}, {@code roll}, {@code pad}; {@code zeros}, {@code ones},
 * {@code full}, {@code alloc} with symbolic shapes; {@code arange}, {@code linspace}, {@code eye};
 * {@code shape(x)} as an int64 vector and {@code specifyShape}. Reached through
 * {@link org.symtensor.T}'s static imports.
 */
public final class ConstructionFunctions {
    private ConstructionFunctions() {}

    private static List<Variable> vars(List<? extends Tensor<?>> xs) {
        List<Variable> r = new ArrayList<>(xs.size());
        for (Tensor<?> x : xs) {
            r.add(x.variable());
        }
        return r;
    }

    private static List<Variable> vars(Tensor<?>[] xs) {
        return vars(List.of(xs));
    }

    // ---- joining and cutting --------------------------------------------------------------

    /**
     * NumPy's {@code concatenate}: the tensors end to end along {@code axis} (negative counts from the
     * end); one dtype and rank, equal lengths on the other axes.
     */
    @SafeVarargs
    public static <D extends DTypeMarker, S extends Tensor<D>> S concatenate(int axis, AbstractTensor<D, S, ?>... xs) {
        return concatenate(axis, List.of(xs));
    }

    /** {@link #concatenate(int, AbstractTensor[])} of a list. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S concatenate(int axis, List<? extends AbstractTensor<D, S, ?>> xs) {
        if (xs.isEmpty()) {
            throw new org.symtensor.error.ShapeMismatchException("concatenate needs at least one tensor, got none");
        }
        return xs.get(0).sameKind(JoinOps.concatenate(axis, vars(xs)));
    }

    /** Theano's {@code stack}: scalars laid along a new axis, a vector. */
    @SafeVarargs
    public static <D extends DTypeMarker> Vector<D> stack(Scalar<D>... xs) {
        return new Vector<>(JoinOps.stack(0, vars(xs)));
    }

    /** NumPy's {@code stack(xs, axis)}: vectors laid along a new axis at {@code axis} (0: as rows, 1 or -1: as columns). */
    @SafeVarargs
    public static <D extends DTypeMarker> Matrix<D> stack(int axis, Vector<D>... xs) {
        return new Matrix<>(JoinOps.stack(axis, vars(xs)));
    }

    /** NumPy's {@code stack(xs, axis)} of matrices: a rank-3 tensor. */
    @SafeVarargs
    public static <D extends DTypeMarker> Tensor3<D> stack(int axis, Matrix<D>... xs) {
        return new Tensor3<>(JoinOps.stack(axis, vars(xs)));
    }

    /** NumPy's {@code stack(xs, axis)} for tensors of any one rank: rank one higher. */
    public static <D extends DTypeMarker> Tensor<D> stack(int axis, List<? extends Tensor<D>> xs) {
        return Tensors.wrap(JoinOps.stack(axis, vars(xs)));
    }

    /**
     * NumPy's {@code split} with section sizes: consecutive pieces of x along {@code axis}, of the given
     * lengths, which must add up to the axis length (else an error naming both when the function runs).
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> List<S> split(AbstractTensor<D, S, ?> x, int[] sizes, int axis) {
        List<S> r = new ArrayList<>();
        for (Variable v : JoinOps.split(x.variable(), sizes, axis)) {
            r.add(x.sameKind(v));
        }
        return r;
    }

    /** NumPy's {@code repeat(x, repeats, axis)}: each entry along the axis repeated in place, {@code [a, b] → [a, a, b, b]}. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S repeat(AbstractTensor<D, S, ?> x, int repeats, int axis) {
        return x.sameKind(JoinOps.repeat(x.variable(), repeats, axis));
    }

    /** NumPy's {@code tile(x, reps)}: the whole of x repeated along each axis, {@code [a, b] → [a, b, a, b]}. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S tile(AbstractTensor<D, S, ?> x, int... reps) {
        return x.sameKind(JoinOps.tile(x.variable(), reps));
    }

    /** NumPy's {@code roll(x, shift, axis)}: entries shifted along the axis, wrapping around. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S roll(AbstractTensor<D, S, ?> x, long shift, int axis) {
        return x.sameKind(JoinOps.roll(x.variable(), Ops.constant(NDArray.of(shift)), axis));
    }

    /** {@code roll} by a symbolic integer shift. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S roll(AbstractTensor<D, S, ?> x, Scalar<?> shift, int axis) {
        return x.sameKind(JoinOps.roll(x.variable(), shift.variable(), axis));
    }

    /**
     * NumPy's {@code pad(x, widths, constant_values=value)}: {@code widths[i] = {before, after}} entries
     * of {@code value} on axis i ({@code new int[][] {{1, 1}}}: one on each side of every axis).
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S pad(AbstractTensor<D, S, ?> x, int[][] widths, double value) {
        return x.sameKind(JoinOps.pad(x.variable(), widths, value));
    }

    /** {@code pad} with zeros. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S pad(AbstractTensor<D, S, ?> x, int[][] widths) {
        return pad(x, widths, 0);
    }

    // ---- construction ---------------------------------------------------------------------

    /** Theano's {@code alloc(value, *shape)}: value broadcast to symbolic lengths (integer scalars). */
    public static <D extends DTypeMarker> Tensor<D> alloc(Tensor<D> value, Scalar<?>... shape) {
        return Tensors.wrap(FillOps.alloc(value.variable(), vars(shape)));
    }

    /** {@code alloc} to constant lengths. */
    public static <D extends DTypeMarker> Tensor<D> alloc(Tensor<D> value, long... shape) {
        return Tensors.wrap(FillOps.alloc(value.variable(), FillOps.lengths(shape)));
    }

    /** {@code alloc} to the lengths held by an integer vector of static length, such as {@code shape(x)}. */
    public static <D extends DTypeMarker> Tensor<D> alloc(Tensor<D> value, Vector<?> shape) {
        return Tensors.wrap(FillOps.alloc(value.variable(), FillOps.lengths(shape.variable(), "alloc")));
    }

    /** Zeros of {@code dtype} and the given lengths ({@code zeros(F32.class, 3, 4)}). */
    public static <D extends DTypeMarker> Tensor<D> zeros(Class<D> dtype, long... shape) {
        return Tensors.wrap(FillOps.full(DTypes.of(dtype), 0, FillOps.lengths(shape)));
    }

    /** Zeros of {@code dtype} and symbolic lengths ({@code zeros(F64.class, x.shape(0), n)}). */
    public static <D extends DTypeMarker> Tensor<D> zeros(Class<D> dtype, Scalar<?>... shape) {
        return Tensors.wrap(FillOps.full(DTypes.of(dtype), 0, vars(shape)));
    }

    /** Zeros of {@code dtype} and the shape held by an integer vector ({@code zeros(F64.class, shape(x))}). */
    public static <D extends DTypeMarker> Tensor<D> zeros(Class<D> dtype, Vector<?> shape) {
        return Tensors.wrap(FillOps.full(DTypes.of(dtype), 0, FillOps.lengths(shape.variable(), "zeros")));
    }

    /** Ones of {@code dtype} and the given lengths. */
    public static <D extends DTypeMarker> Tensor<D> ones(Class<D> dtype, long... shape) {
        return Tensors.wrap(FillOps.full(DTypes.of(dtype), 1, FillOps.lengths(shape)));
    }

    /** Ones of {@code dtype} and symbolic lengths. */
    public static <D extends DTypeMarker> Tensor<D> ones(Class<D> dtype, Scalar<?>... shape) {
        return Tensors.wrap(FillOps.full(DTypes.of(dtype), 1, vars(shape)));
    }

    /** Ones of {@code dtype} and the shape held by an integer vector. */
    public static <D extends DTypeMarker> Tensor<D> ones(Class<D> dtype, Vector<?> shape) {
        return Tensors.wrap(FillOps.full(DTypes.of(dtype), 1, FillOps.lengths(shape.variable(), "ones")));
    }

    /** NumPy's {@code full}: {@code value} (representable in {@code dtype}) at every position of the given lengths. */
    public static <D extends DTypeMarker> Tensor<D> full(Class<D> dtype, double value, long... shape) {
        return Tensors.wrap(FillOps.full(DTypes.of(dtype), value, FillOps.lengths(shape)));
    }

    /** {@code full} with symbolic lengths. */
    public static <D extends DTypeMarker> Tensor<D> full(Class<D> dtype, double value, Scalar<?>... shape) {
        return Tensors.wrap(FillOps.full(DTypes.of(dtype), value, vars(shape)));
    }

    /** {@code full} with the shape held by an integer vector, such as {@code shape(x)}. */
    public static <D extends DTypeMarker> Tensor<D> full(Class<D> dtype, double value, Vector<?> shape) {
        return Tensors.wrap(FillOps.full(DTypes.of(dtype), value, FillOps.lengths(shape.variable(), "full")));
    }

    /** NumPy's {@code arange(start, stop, step)} over symbolic scalars of one dtype. */
    public static <D extends DTypeMarker> Vector<D> arange(Scalar<D> start, Scalar<D> stop, Scalar<D> step) {
        return new Vector<>(FillOps.arange(start.variable(), stop.variable(), step.variable()));
    }

    /** {@code arange(start, stop)} with step 1 in the bounds' dtype. */
    public static <D extends DTypeMarker> Vector<D> arange(Scalar<D> start, Scalar<D> stop) {
        return new Vector<>(FillOps.arange(start.variable(), stop.variable(),
                Ops.constant(1, start.variable().type().dtype())));
    }

    /** {@code arange(stop)}: {@code 0, 1, ..., stop - 1} in stop's dtype (symbolic stop). */
    public static <D extends DTypeMarker> Vector<D> arange(Scalar<D> stop) {
        DType d = stop.variable().type().dtype();
        return new Vector<>(FillOps.arange(Ops.constant(0, d), stop.variable(), Ops.constant(1, d)));
    }

    /** {@code arange(start, stop, step)} of Java longs: an int64 vector (NumPy's default integer). */
    public static Vector<I64> arange(long start, long stop, long step) {
        return new Vector<>(FillOps.arange(Ops.constant(NDArray.of(start)), Ops.constant(NDArray.of(stop)),
                Ops.constant(NDArray.of(step))));
    }

    /** {@code arange(start, stop, step)} of Java doubles: a float64 vector of {@code ceil((stop - start) / step)} values. */
    public static Vector<F64> arange(double start, double stop, double step) {
        return new Vector<>(FillOps.arange(Ops.constant(start, DType.FLOAT64), Ops.constant(stop, DType.FLOAT64),
                Ops.constant(step, DType.FLOAT64)));
    }

    /** NumPy's {@code linspace(start, stop, num)}: num evenly spaced values from start to stop inclusive. */
    public static <D extends FloatingMarker> Vector<D> linspace(Scalar<D> start, Scalar<D> stop, long num) {
        return new Vector<>(FillOps.linspace(start.variable(), stop.variable(), Ops.constant(NDArray.of(num))));
    }

    /** {@code linspace} with a symbolic count. */
    public static <D extends FloatingMarker> Vector<D> linspace(Scalar<D> start, Scalar<D> stop, Scalar<?> num) {
        return new Vector<>(FillOps.linspace(start.variable(), stop.variable(), num.variable()));
    }

    /** {@code linspace} of Java doubles: a float64 vector. */
    public static Vector<F64> linspace(double start, double stop, long num) {
        return new Vector<>(FillOps.linspace(Ops.constant(start, DType.FLOAT64), Ops.constant(stop, DType.FLOAT64),
                Ops.constant(NDArray.of(num))));
    }

    /** The n×n identity matrix of {@code dtype}, NumPy's {@code eye(n)}. */
    public static <D extends DTypeMarker> Matrix<D> eye(Class<D> dtype, long n) {
        return new Matrix<>(FillOps.eye(DTypes.of(dtype), Ops.constant(NDArray.of(n))));
    }

    /** The identity matrix of a symbolic size. */
    public static <D extends DTypeMarker> Matrix<D> eye(Class<D> dtype, Scalar<?> n) {
        return new Matrix<>(FillOps.eye(DTypes.of(dtype), n.variable()));
    }

    /** NumPy's {@code x.shape}: the run-time lengths of x's axes as an int64 vector of x's rank. */
    public static Vector<I64> shape(Tensor<?> x) {
        return new Vector<>(FillOps.shape(x.variable()));
    }

    /**
     * Theano's {@code specify_shape}: x with a promised shape (-1 leaves an axis free), which later ops
     * see statically; a value of another shape fails when the function runs, naming x and both shapes.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S specifyShape(AbstractTensor<D, S, ?> x, int... shape) {
        return x.sameKind(FillOps.specifyShape(x.variable(), shape));
    }
}
