package org.symtensor.ir;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * Graph building for construction with symbolic shapes: alloc and its constant fills, arange,
 * linspace, eye, the shape of a tensor as an int64 vector, and specifyShape.
 */
public final class FillOps {
    private FillOps() {}

    /** Theano's {@code alloc(value, *shape)}: value broadcast to the given lengths (int scalars). */
    public static Variable alloc(Variable value, List<Variable> lengths) {
        List<Variable> in = new ArrayList<>(lengths.size() + 1);
        in.add(value);
        for (int k = 0; k < lengths.size(); k++) {
            Variable s = lengths.get(k);
            if (s.type().rank() != 0 || !s.type().dtype().isInteger()) {
                throw new DTypeMismatchException("alloc: the length of axis " + k + " must be an integer scalar, got "
                        + s.describe() + " of type " + s.type());
            }
            in.add(s instanceof Constant ? s : Ops.cast(s, DType.INT64));
        }
        return Apply.of(Alloc.of(lengths.size()), in).output();
    }

    /** The lengths of a shape given as Java numbers, as int64 constants. */
    public static List<Variable> lengths(long... shape) {
        List<Variable> r = new ArrayList<>(shape.length);
        for (long s : shape) {
            r.add(ShapeOps.length(s));
        }
        return r;
    }

    /** The lengths held by an integer vector whose length is known statically. */
    public static List<Variable> lengths(Variable shapeVector, String what) {
        if (shapeVector.type().rank() != 1 || !shapeVector.type().dtype().isInteger()) {
            throw new DTypeMismatchException(what + ": the shape " + shapeVector.describe()
                    + " must be an integer vector, got " + shapeVector.type());
        }
        int n = shapeVector.type().dim(0);
        if (n == TensorType.UNKNOWN) {
            throw new ShapeMismatchException(what + ": the length of the shape vector " + shapeVector.describe()
                    + " is not known when the graph is built, so the rank of the result is not either");
        }
        List<Variable> r = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            r.add(ShapeOps.entry(shapeVector, k));
        }
        return r;
    }

    /** A tensor of {@code dtype} filled with {@code value} (which must be representable), of the given lengths. */
    public static Variable full(DType dtype, double value, List<Variable> lengths) {
        if (!dtype.isFloat() && !dtype.holdsExactly(value)) {
            throw new DTypeMismatchException("full: the value " + value + " cannot be represented as " + dtype);
        }
        return alloc(Ops.constant(value, dtype), lengths);
    }

    /**
     * NumPy's {@code arange(start, stop, step)} over numeric scalars; the dtype is the upcast of the
     * three (int64 for Java longs, float64 once one is float64), as NumPy and Theano choose it.
     */
    public static Variable arange(Variable start, Variable stop, Variable step) {
        DType d = DType.upcast(start.type().dtype(), stop.type().dtype(), step.type().dtype());
        return Apply.output(Arange.of(d), start, stop, step);
    }

    /**
     * NumPy's {@code linspace(start, stop, num)} with the end point: {@code num} evenly spaced float
     * values, the last exactly {@code stop}. Built from arange, so it is differentiable in start and stop.
     */
    public static Variable linspace(Variable start, Variable stop, Variable num) {
        DType d = DType.upcast(start.type().dtype(), stop.type().dtype());
        if (!d.isFloat()) {
            throw new DTypeMismatchException("linspace: start " + start.describe() + " and stop " + stop.describe()
                    + " must be float scalars (cast them), got " + start.type() + " and " + stop.type());
        }
        if (num.type().rank() != 0 || !num.type().dtype().isInteger()) {
            throw new DTypeMismatchException("linspace: num " + num.describe() + " must be an integer scalar, got " + num.type());
        }
        Long n = Reshape.staticLong(num);
        if (n != null && n < 0) {
            throw new ShapeMismatchException("linspace: num is " + n + "; it must be non-negative");
        }
        Variable a = Ops.cast(start, d);
        Variable b = Ops.cast(stop, d);
        Variable count = Ops.cast(num, DType.INT64);
        Variable i = Ops.cast(Apply.output(Arange.of(DType.INT64), ShapeOps.length(0), count, ShapeOps.length(1)), d);
        // step = (stop - start) / max(num - 1, 1); the last entry is set to stop exactly, as NumPy does
        Variable last = Ops.elemwise(ScalarOp.SUB, count, ShapeOps.length(1));
        Variable div = Ops.cast(Ops.elemwise(ScalarOp.MAXIMUM, last, ShapeOps.length(1)), d);
        Variable step = Ops.elemwise(ScalarOp.TRUE_DIV, Ops.elemwise(ScalarOp.SUB, b, a), div);
        Variable values = Ops.elemwise(ScalarOp.ADD, a, Ops.elemwise(ScalarOp.MUL, i, step));
        Variable lastD = Ops.cast(last, d);
        Variable isLast = Ops.elemwise(ScalarOp.AND, Ops.elemwise(ScalarOp.EQ, i, lastD),
                Ops.elemwise(ScalarOp.GT, lastD, Ops.constant(0, d)));
        return Ops.elemwise(ScalarOp.SWITCH, isLast, Ops.elemwise(ScalarOp.SECOND, values, b), values);
    }

    /** The n×n identity of {@code dtype} ({@link Eye}). */
    public static Variable eye(DType dtype, Variable n) {
        if (n.type().rank() != 0 || !n.type().dtype().isInteger()) {
            throw new DTypeMismatchException("eye: the size " + n.describe() + " must be an integer scalar, got " + n.type());
        }
        Long c = Reshape.staticLong(n);
        if (c != null && c < 0) {
            throw new ShapeMismatchException("eye: the size is " + c + "; it must be non-negative");
        }
        return Apply.output(Eye.of(dtype), n instanceof Constant ? n : Ops.cast(n, DType.INT64));
    }

    /**
     * NumPy's {@code x.shape} as an int64 vector of x's rank: a constant when every length is
     * static, else the axis lengths ({@link ShapeOf}) stacked.
     */
    public static Variable shape(Variable x) {
        int rank = x.type().rank();
        if (x.type().isShapeKnown()) {
            long[] s = new long[rank];
            for (int i = 0; i < rank; i++) {
                s[i] = x.type().dim(i);
            }
            return Ops.constant(NDArray.of(s));
        }
        List<Variable> axes = new ArrayList<>(rank);
        for (int i = 0; i < rank; i++) {
            axes.add(Ops.shape(x, i));
        }
        return JoinOps.stack(0, axes);
    }

    /** Theano's {@code specify_shape(x, shape)}: -1 leaves an axis free. */
    public static Variable specifyShape(Variable x, int... shape) {
        return Apply.output(SpecifyShape.of(shape), x);
    }
}
