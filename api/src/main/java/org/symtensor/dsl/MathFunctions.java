package org.symtensor.dsl;

import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.tensor.AbstractTensor;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Tensor4;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.Bool;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.DTypes;
import org.symtensor.type.F64;
import org.symtensor.type.FloatingMarker;

/**
 * The DSL's elementwise math that keeps its argument's handle type, reached through {@link org.symtensor.T}'s
 * static imports. Each function comes twice: for a concrete handle ({@code AbstractTensor<D, S, B>})
 * it returns {@code S}, the plain handle of that rank, so {@code exp(w)} of a {@code SharedMatrix<F64>}
 * is a {@code Matrix<F64>} even under {@code var}; for a value typed as the {@code Tensor<D>}
 * interface it returns {@code Tensor<D>}. javac and the processor pick the first for every handle
 * (it is the more specific); neither form needs an unchecked cast. Also {@code cast}, the
 * elementwise conversion to another dtype.
 */
public final class MathFunctions {
    private MathFunctions() {}

    /** {@code e^x}, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S exp(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.EXP);
    }

    /** {@code exp} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> exp(Tensor<D> x) {
        return exp(Tensors.handle(x));
    }

    /** Natural logarithm, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S log(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.LOG);
    }

    /** {@code log} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> log(Tensor<D> x) {
        return log(Tensors.handle(x));
    }

    /** {@code log(1 + x)}, accurate for small x. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S log1p(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.LOG1P);
    }

    /** {@code log1p} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> log1p(Tensor<D> x) {
        return log1p(Tensors.handle(x));
    }

    /** {@code e^x - 1}, accurate for small x. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S expm1(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.EXPM1);
    }

    /** {@code expm1} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> expm1(Tensor<D> x) {
        return expm1(Tensors.handle(x));
    }

    /** Square root, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S sqrt(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.SQRT);
    }

    /** {@code sqrt} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> sqrt(Tensor<D> x) {
        return sqrt(Tensors.handle(x));
    }

    /** Cube root, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S cbrt(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.CBRT);
    }

    /** {@code cbrt} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> cbrt(Tensor<D> x) {
        return cbrt(Tensors.handle(x));
    }

    /** Hyperbolic tangent, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S tanh(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.TANH);
    }

    /** {@code tanh} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> tanh(Tensor<D> x) {
        return tanh(Tensors.handle(x));
    }

    /** The logistic function {@code 1 / (1 + e^-x)}, computed without overflow. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S sigmoid(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.SIGMOID);
    }

    /** {@code sigmoid} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> sigmoid(Tensor<D> x) {
        return sigmoid(Tensors.handle(x));
    }

    /** {@code log(1 + e^x)}, computed without overflow. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S softplus(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.SOFTPLUS);
    }

    /** {@code softplus} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> softplus(Tensor<D> x) {
        return softplus(Tensors.handle(x));
    }

    /** Absolute value, elementwise. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S abs(AbstractTensor<D, S, ?> x) {
        return x.sameKind(Ops.elemwise(ScalarOp.ABS, x.variable()));
    }

    /** {@code abs} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> abs(Tensor<D> x) {
        return abs(Tensors.handle(x));
    }

    /** {@code x * x}, elementwise. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S sqr(AbstractTensor<D, S, ?> x) {
        return x.sameKind(Ops.elemwise(ScalarOp.SQR, x.variable()));
    }

    /** {@code sqr} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> sqr(Tensor<D> x) {
        return sqr(Tensors.handle(x));
    }

    /** Elementwise maximum of two tensors of one dtype; {@code b} may have lower rank. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S maximum(AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return a.sameKind(a.maximum(b).variable());
    }

    /** {@code maximum} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> maximum(Tensor<D> a, Tensor<D> b) {
        return maximum(Tensors.handle(a), b);
    }

    /** Elementwise minimum of two tensors of one dtype; {@code b} may have lower rank. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S minimum(AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return a.sameKind(a.minimum(b).variable());
    }

    /** {@code minimum} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> minimum(Tensor<D> a, Tensor<D> b) {
        return minimum(Tensors.handle(a), b);
    }

    /** {@code literal + x}, the literal taking x's dtype; built in the order written, so {@code pp} shows {@code (1 + x)}. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S plus(double literal, AbstractTensor<D, S, ?> x) {
        return x.sameKind(Ops.elemwise(ScalarOp.ADD, x.literal("plus", literal), x.variable()));
    }

    /** {@code plus} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> plus(double literal, Tensor<D> x) {
        return plus(literal, Tensors.handle(x));
    }

    /** {@code literal - x}. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S minus(double literal, AbstractTensor<D, S, ?> x) {
        return x.sameKind(Ops.elemwise(ScalarOp.SUB, x.literal("minus", literal), x.variable()));
    }

    /** {@code minus} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> minus(double literal, Tensor<D> x) {
        return minus(literal, Tensors.handle(x));
    }

    /** {@code literal * x}. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S times(double literal, AbstractTensor<D, S, ?> x) {
        return x.sameKind(Ops.elemwise(ScalarOp.MUL, x.literal("times", literal), x.variable()));
    }

    /** {@code times} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> times(double literal, Tensor<D> x) {
        return times(literal, Tensors.handle(x));
    }

    /** {@code literal / x}: {@code div(1, exp(x.unaryMinus()).plus(1))} is the logistic function. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S div(double literal, AbstractTensor<D, S, ?> x) {
        Variable c = x.literal("div", literal);
        return x.sameKind(Ops.elemwise(ScalarOp.TRUE_DIV, c, x.variable()));
    }

    /** {@code div} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> div(double literal, Tensor<D> x) {
        return div(literal, Tensors.handle(x));
    }

    /** {@code a + b} for operands of any ranks; the result has the larger rank. */
    public static <D extends DTypeMarker> Tensor<D> plus(Tensor<D> a, Tensor<D> b) {
        return binary("plus", ScalarOp.ADD, a, b);
    }

    /** {@code a - b} for operands of any ranks; the result has the larger rank. */
    public static <D extends DTypeMarker> Tensor<D> minus(Tensor<D> a, Tensor<D> b) {
        return binary("minus", ScalarOp.SUB, a, b);
    }

    /** {@code a * b}, elementwise, for operands of any ranks; the result has the larger rank. */
    public static <D extends DTypeMarker> Tensor<D> times(Tensor<D> a, Tensor<D> b) {
        return binary("times", ScalarOp.MUL, a, b);
    }

    /** {@code a / b}, elementwise, for operands of any ranks; the result has the larger rank. */
    public static <D extends FloatingMarker> Tensor<D> div(Tensor<D> a, Tensor<D> b) {
        return binary("div", ScalarOp.TRUE_DIV, a, b);
    }

    /**
     * Theano's {@code true_div} for any numeric dtype: both operands converted to float64, then
     * divided (int32 {@code 7} by {@code 2} is {@code 3.5}, {@code -7} by {@code 2} is {@code -3.5}); the shape of {@code a + b}.
     */
    public static Scalar<F64> trueDiv(Scalar<?> a, Scalar<?> b) {
        return new Scalar<>(trueDivOf(a, b));
    }

    /** {@code trueDiv} of vectors. */
    public static Vector<F64> trueDiv(Vector<?> a, Vector<?> b) {
        return new Vector<>(trueDivOf(a, b));
    }

    /** {@code trueDiv} of matrices. */
    public static Matrix<F64> trueDiv(Matrix<?> a, Matrix<?> b) {
        return new Matrix<>(trueDivOf(a, b));
    }

    /** {@code trueDiv} for operands of any ranks; the result has the larger rank. */
    public static Tensor<F64> trueDiv(Tensor<?> a, Tensor<?> b) {
        return Tensors.wrap(trueDivOf(a, b));
    }

    private static Variable trueDivOf(Tensor<?> a, Tensor<?> b) {
        if (a.dtype().isBool() || b.dtype().isBool()) {
            throw new org.symtensor.error.DTypeMismatchException("trueDiv: operands must be numeric, got "
                    + a.dtype() + " and " + b.dtype());
        }
        return Ops.elemwise(ScalarOp.TRUE_DIV, f64(a.variable()), f64(b.variable()));
    }

    private static Variable f64(Variable v) {
        return v.type().dtype() == org.symtensor.type.DType.FLOAT64 ? v : Ops.cast(v, org.symtensor.type.DType.FLOAT64);
    }

    /**
     * Floor division, Python's and Theano's {@code //}: rounds toward minus infinity
     * ({@code -7 // 2 = -4}); the operands' dtype. Integer division by zero gives 0.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S intDiv(AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return a.intDiv(b);
    }

    /** {@code intDiv} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> intDiv(Tensor<D> a, Tensor<D> b) {
        return binary("intDiv", ScalarOp.INT_DIV, a, b);
    }

    /**
     * Python's and Theano's {@code %}: the remainder of {@link #intDiv}, with the sign of the divisor
     * ({@code -7 % 2 = 1}, {@code 7 % -2 = -1}), so {@code a == intDiv(a, b) * b + mod(a, b)}.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S mod(AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return a.rem(b);
    }

    /** {@code mod} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> mod(Tensor<D> a, Tensor<D> b) {
        return binary("mod", ScalarOp.MOD, a, b);
    }

    private static <D extends DTypeMarker> Tensor<D> binary(String what, ScalarOp op, Tensor<D> a, Tensor<D> b) {
        Ops.requireSameDtype(what, a.variable(), b.variable());
        return Tensors.wrap(Ops.elemwise(op, a.variable(), b.variable()));
    }

    /**
     * Theano's {@code switch} (a Java keyword, hence NumPy's name): {@code a} where {@code cond} is
     * true, else {@code b}, elementwise. Both branches are computed.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S where(Tensor<Bool> cond, AbstractTensor<D, S, ?> a, Tensor<D> b) {
        Ops.requireSameDtype("where", a.variable(), b.variable());
        return a.sameKind(checkedRank("where", a, Ops.elemwise(ScalarOp.SWITCH, cond.variable(), a.variable(), b.variable())));
    }

    /** {@code where} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> where(Tensor<Bool> cond, Tensor<D> a, Tensor<D> b) {
        return where(cond, Tensors.handle(a), b);
    }

    /** {@code where} with a literal for the false branch. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S where(Tensor<Bool> cond, AbstractTensor<D, S, ?> a, double b) {
        Variable c = a.literal("where", b);
        return a.sameKind(checkedRank("where", a, Ops.elemwise(ScalarOp.SWITCH, cond.variable(), a.variable(), c)));
    }

    /** {@code where} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> where(Tensor<Bool> cond, Tensor<D> a, double b) {
        return where(cond, Tensors.handle(a), b);
    }

    private static Variable checkedRank(String what, Tensor<?> a, Variable r) {
        if (r.type().rank() != a.rank()) {
            throw new ShapeMismatchException(what + ": the result has rank " + r.type().rank() + " but " + a.variable().describe()
                    + " has rank " + a.rank() + "; make the first branch the highest-rank operand");
        }
        return r;
    }

    /** A tensor like {@code x} (same shape and dtype) filled with ones. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S onesLike(AbstractTensor<D, S, ?> x) {
        return fill(x, 1);
    }

    /** {@code onesLike} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> onesLike(Tensor<D> x) {
        return fill(x, 1);
    }

    /** A tensor like {@code x} filled with zeros. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S zerosLike(AbstractTensor<D, S, ?> x) {
        return fill(x, 0);
    }

    /** {@code zerosLike} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> zerosLike(Tensor<D> x) {
        return fill(x, 0);
    }

    /** A tensor of x's shape and dtype filled with {@code value} (Theano's {@code fill}). */
    public static <D extends DTypeMarker, S extends Tensor<D>> S fill(AbstractTensor<D, S, ?> x, double value) {
        Variable c = Ops.constant(value, x.dtype());
        return x.sameKind(Ops.elemwise(ScalarOp.SECOND, x.variable(), c));
    }

    /** {@code fill} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> fill(Tensor<D> x, double value) {
        return fill(Tensors.handle(x), value);
    }

    /**
     * Converts to another dtype. Float to integer truncates toward zero and saturates to the target's
     * range, NaN giving 0 (Java's {@code (int) v} rule extended to int8, uint8 and int16: {@code +Inf}
     * to int8 is 127, {@code -Inf} to uint8 is 0); integer to a narrower integer wraps to the width
     * (NumPy's C cast: int32 300 to int8 is 44); to bool is {@code v != 0}. Every backend agrees.
     */
    public static <E extends DTypeMarker> Scalar<E> cast(Scalar<?> x, Class<E> dtype) {
        return new Scalar<>(Ops.cast(x.variable(), DTypes.of(dtype)));
    }

    /** Converts a vector to another dtype. */
    public static <E extends DTypeMarker> Vector<E> cast(Vector<?> x, Class<E> dtype) {
        return new Vector<>(Ops.cast(x.variable(), DTypes.of(dtype)));
    }

    /** Converts a matrix to another dtype. */
    public static <E extends DTypeMarker> Matrix<E> cast(Matrix<?> x, Class<E> dtype) {
        return new Matrix<>(Ops.cast(x.variable(), DTypes.of(dtype)));
    }

    /** Converts a tensor3 to another dtype. */
    public static <E extends DTypeMarker> Tensor3<E> cast(Tensor3<?> x, Class<E> dtype) {
        return new Tensor3<>(Ops.cast(x.variable(), DTypes.of(dtype)));
    }

    /** Converts a tensor4 to another dtype. */
    public static <E extends DTypeMarker> Tensor4<E> cast(Tensor4<?> x, Class<E> dtype) {
        return new Tensor4<>(Ops.cast(x.variable(), DTypes.of(dtype)));
    }

    /** Converts a tensor of any rank to another dtype. */
    public static <E extends DTypeMarker> Tensor<E> cast(Tensor<?> x, Class<E> dtype) {
        return Tensors.wrap(Ops.cast(x.variable(), DTypes.of(dtype)));
    }
}
