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

    // ---- issue 13: elementwise math (trigonometric, hyperbolic, log2/log10/exp2, rounding, tests, logic) ----

    /** Sine (radians), elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S sin(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.SIN);
    }

    /** {@code sin} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> sin(Tensor<D> x) {
        return sin(Tensors.handle(x));
    }

    /** Cosine (radians), elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S cos(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.COS);
    }

    /** {@code cos} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> cos(Tensor<D> x) {
        return cos(Tensors.handle(x));
    }

    /** Tangent (radians), elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S tan(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.TAN);
    }

    /** {@code tan} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> tan(Tensor<D> x) {
        return tan(Tensors.handle(x));
    }

    /** Inverse sine, elementwise: in [-pi/2, pi/2], NaN outside [-1, 1]. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S arcsin(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.ARCSIN);
    }

    /** {@code arcsin} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> arcsin(Tensor<D> x) {
        return arcsin(Tensors.handle(x));
    }

    /** Inverse cosine, elementwise: in [0, pi], NaN outside [-1, 1]. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S arccos(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.ARCCOS);
    }

    /** {@code arccos} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> arccos(Tensor<D> x) {
        return arccos(Tensors.handle(x));
    }

    /** Inverse tangent, elementwise: in (-pi/2, pi/2). */
    public static <D extends FloatingMarker, S extends Tensor<D>> S arctan(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.ARCTAN);
    }

    /** {@code arctan} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> arctan(Tensor<D> x) {
        return arctan(Tensors.handle(x));
    }

    /** Hyperbolic sine, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S sinh(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.SINH);
    }

    /** {@code sinh} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> sinh(Tensor<D> x) {
        return sinh(Tensors.handle(x));
    }

    /** Hyperbolic cosine, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S cosh(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.COSH);
    }

    /** {@code cosh} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> cosh(Tensor<D> x) {
        return cosh(Tensors.handle(x));
    }

    /** Inverse hyperbolic sine, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S arcsinh(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.ARCSINH);
    }

    /** {@code arcsinh} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> arcsinh(Tensor<D> x) {
        return arcsinh(Tensors.handle(x));
    }

    /** Inverse hyperbolic cosine, elementwise: NaN below 1. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S arccosh(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.ARCCOSH);
    }

    /** {@code arccosh} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> arccosh(Tensor<D> x) {
        return arccosh(Tensors.handle(x));
    }

    /** Inverse hyperbolic tangent, elementwise: infinite at -1 and 1, NaN beyond. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S arctanh(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.ARCTANH);
    }

    /** {@code arctanh} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> arctanh(Tensor<D> x) {
        return arctanh(Tensors.handle(x));
    }

    /** Base-2 logarithm, elementwise (exact at powers of two). */
    public static <D extends FloatingMarker, S extends Tensor<D>> S log2(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.LOG2);
    }

    /** {@code log2} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> log2(Tensor<D> x) {
        return log2(Tensors.handle(x));
    }

    /** Base-10 logarithm, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S log10(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.LOG10);
    }

    /** {@code log10} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> log10(Tensor<D> x) {
        return log10(Tensors.handle(x));
    }

    /** {@code 2^x}, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S exp2(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.EXP2);
    }

    /** {@code exp2} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> exp2(Tensor<D> x) {
        return exp2(Tensors.handle(x));
    }

    /** The smallest integer not below x, elementwise (in x's float dtype). */
    public static <D extends FloatingMarker, S extends Tensor<D>> S ceil(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.CEIL);
    }

    /** {@code ceil} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> ceil(Tensor<D> x) {
        return ceil(Tensors.handle(x));
    }

    /** The largest integer not above x, elementwise (in x's float dtype). */
    public static <D extends FloatingMarker, S extends Tensor<D>> S floor(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.FLOOR);
    }

    /** {@code floor} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> floor(Tensor<D> x) {
        return floor(Tensors.handle(x));
    }

    /** Rounding to the nearest integer with halves to even, as NumPy's {@code round} (Theano's {@code round_half_to_even}). */
    public static <D extends FloatingMarker, S extends Tensor<D>> S round(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.ROUND);
    }

    /** {@code round} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> round(Tensor<D> x) {
        return round(Tensors.handle(x));
    }

    /** Rounding toward zero, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S trunc(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.TRUNC);
    }

    /** {@code trunc} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> trunc(Tensor<D> x) {
        return trunc(Tensors.handle(x));
    }

    /** The error function {@code 2/sqrt(pi) * integral of e^(-t^2) from 0 to x}, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S erf(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.ERF);
    }

    /** {@code erf} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> erf(Tensor<D> x) {
        return erf(Tensors.handle(x));
    }

    /** The complementary error function {@code 1 - erf(x)}, elementwise, accurate where erf is near 1. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S erfc(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.ERFC);
    }

    /** {@code erfc} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> erfc(Tensor<D> x) {
        return erfc(Tensors.handle(x));
    }

    /** The inverse error function, elementwise: infinite at -1 and 1, NaN beyond. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S erfinv(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.ERFINV);
    }

    /** {@code erfinv} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> erfinv(Tensor<D> x) {
        return erfinv(Tensors.handle(x));
    }

    /** {@code log |Gamma(x)|}, elementwise (SciPy's and Theano's {@code gammaln}). */
    public static <D extends FloatingMarker, S extends Tensor<D>> S gammaln(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.GAMMALN);
    }

    /** {@code gammaln} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> gammaln(Tensor<D> x) {
        return gammaln(Tensors.handle(x));
    }

    /** The digamma function {@code psi(x)}, the derivative of {@code gammaln}, elementwise (Theano's {@code psi}). */
    public static <D extends FloatingMarker, S extends Tensor<D>> S digamma(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.DIGAMMA);
    }

    /** {@code digamma} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> digamma(Tensor<D> x) {
        return digamma(Tensors.handle(x));
    }

    /** The trigamma function {@code psi'(x)}, the derivative of {@code digamma}, elementwise (it has no gradient). */
    public static <D extends FloatingMarker, S extends Tensor<D>> S trigamma(AbstractTensor<D, S, ?> x) {
        return x.applyFloat(ScalarOp.TRIGAMMA);
    }

    /** {@code trigamma} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> trigamma(Tensor<D> x) {
        return trigamma(Tensors.handle(x));
    }

    /** The sign of x, elementwise: -1, 0 or 1 in x's dtype; NaN stays NaN (Theano's {@code sgn}). */
    public static <D extends DTypeMarker, S extends Tensor<D>> S sgn(AbstractTensor<D, S, ?> x) {
        return x.sameKind(Ops.elemwise(ScalarOp.SIGN, x.variable()));
    }

    /** {@code sgn} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> sgn(Tensor<D> x) {
        return sgn(Tensors.handle(x));
    }

    /** Degrees to radians, elementwise: {@code x * pi / 180}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S deg2rad(AbstractTensor<D, S, ?> x) {
        return x.times(Math.PI / 180);
    }

    /** {@code deg2rad} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> deg2rad(Tensor<D> x) {
        return deg2rad(Tensors.handle(x));
    }

    /** Radians to degrees, elementwise: {@code x * 180 / pi}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S rad2deg(AbstractTensor<D, S, ?> x) {
        return x.times(180 / Math.PI);
    }

    /** {@code rad2deg} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> rad2deg(Tensor<D> x) {
        return rad2deg(Tensors.handle(x));
    }

    /**
     * The angle of the point (x, y) in (-pi, pi], elementwise: {@code arctan(y / x)} in the right
     * quadrant (NumPy's {@code arctan2(y, x)}); {@code x} may have lower rank.
     */
    public static <D extends FloatingMarker, S extends Tensor<D>> S arctan2(AbstractTensor<D, S, ?> y, Tensor<D> x) {
        Ops.requireSameDtype("arctan2", y.variable(), x.variable());
        return y.sameKind(checkedRank("arctan2", y, Ops.elemwise(ScalarOp.ARCTAN2, y.variable(), x.variable())));
    }

    /** {@code arctan2} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> arctan2(Tensor<D> y, Tensor<D> x) {
        return arctan2(Tensors.handle(y), x);
    }

    /**
     * {@code x} limited to {@code [lo, hi]}, elementwise: {@code minimum(maximum(x, lo), hi)}. Its
     * gradient with respect to x is 1 inside the interval and at both bounds, 0 outside (Theano's
     * convention for {@code clip}); where {@code lo > hi} the result is {@code hi}, as in NumPy.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S clip(AbstractTensor<D, S, ?> x, double lo, double hi) {
        return x.sameKind(x.maximum(lo).minimum(hi).variable());
    }

    /** {@code clip} with bounds that are tensors (broadcast against x; of lower rank than x). */
    public static <D extends DTypeMarker, S extends Tensor<D>> S clip(AbstractTensor<D, S, ?> x, Tensor<D> lo, Tensor<D> hi) {
        Ops.requireSameDtype("clip", x.variable(), lo.variable());
        Ops.requireSameDtype("clip", x.variable(), hi.variable());
        Variable low = Ops.elemwise(ScalarOp.MAXIMUM, x.variable(), lo.variable());
        return x.sameKind(checkedRank("clip", x, Ops.elemwise(ScalarOp.MINIMUM, low, hi.variable())));
    }

    /** {@code clip} with tensor bounds for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> clip(Tensor<D> x, Tensor<D> lo, Tensor<D> hi) {
        return clip(Tensors.handle(x), lo, hi);
    }

    /** {@code clip} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> clip(Tensor<D> x, double lo, double hi) {
        return clip(Tensors.handle(x), lo, hi);
    }

    /** Whether each element is NaN (always false for integers and bool). */
    public static <D extends DTypeMarker, B extends Tensor<Bool>> B isnan(AbstractTensor<D, ?, B> x) {
        return x.applyTest(ScalarOp.ISNAN);
    }

    /** {@code isnan} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<Bool>}. */
    public static <D extends DTypeMarker> Tensor<Bool> isnan(Tensor<D> x) {
        return isnan(Tensors.handle(x));
    }

    /** Whether each element is infinite, of either sign (always false for integers and bool). */
    public static <D extends DTypeMarker, B extends Tensor<Bool>> B isinf(AbstractTensor<D, ?, B> x) {
        return x.applyTest(ScalarOp.ISINF);
    }

    /** {@code isinf} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<Bool>}. */
    public static <D extends DTypeMarker> Tensor<Bool> isinf(Tensor<D> x) {
        return isinf(Tensors.handle(x));
    }

    /** Whether each element is neither NaN nor infinite (always true for integers and bool). */
    public static <D extends DTypeMarker, B extends Tensor<Bool>> B isfinite(AbstractTensor<D, ?, B> x) {
        return x.applyTest(ScalarOp.ISFINITE);
    }

    /** {@code isfinite} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<Bool>}. */
    public static <D extends DTypeMarker> Tensor<Bool> isfinite(Tensor<D> x) {
        return isfinite(Tensors.handle(x));
    }

    /** Logical and of two bool tensors, elementwise (NumPy's {@code logical_and}); {@code b} may have lower rank. */
    public static <S extends Tensor<Bool>> S logicalAnd(AbstractTensor<Bool, S, ?> a, Tensor<Bool> b) {
        return a.sameKind(checkedRank("logicalAnd", a, Ops.elemwise(ScalarOp.AND, a.variable(), b.variable())));
    }

    /** {@code logicalAnd} for values typed as the {@code Tensor<Bool>} interface; the result is a {@code Tensor<Bool>} too. */
    public static Tensor<Bool> logicalAnd(Tensor<Bool> a, Tensor<Bool> b) {
        return logicalAnd(Tensors.handle(a), b);
    }

    /** Logical or of two bool tensors, elementwise (NumPy's {@code logical_or}); {@code b} may have lower rank. */
    public static <S extends Tensor<Bool>> S logicalOr(AbstractTensor<Bool, S, ?> a, Tensor<Bool> b) {
        return a.sameKind(checkedRank("logicalOr", a, Ops.elemwise(ScalarOp.OR, a.variable(), b.variable())));
    }

    /** {@code logicalOr} for values typed as the {@code Tensor<Bool>} interface; the result is a {@code Tensor<Bool>} too. */
    public static Tensor<Bool> logicalOr(Tensor<Bool> a, Tensor<Bool> b) {
        return logicalOr(Tensors.handle(a), b);
    }

    /** Logical exclusive or of two bool tensors, elementwise (NumPy's {@code logical_xor}); {@code b} may have lower rank. */
    public static <S extends Tensor<Bool>> S logicalXor(AbstractTensor<Bool, S, ?> a, Tensor<Bool> b) {
        return a.sameKind(checkedRank("logicalXor", a, Ops.elemwise(ScalarOp.XOR, a.variable(), b.variable())));
    }

    /** {@code logicalXor} for values typed as the {@code Tensor<Bool>} interface; the result is a {@code Tensor<Bool>} too. */
    public static Tensor<Bool> logicalXor(Tensor<Bool> a, Tensor<Bool> b) {
        return logicalXor(Tensors.handle(a), b);
    }

    /** Logical not of a bool tensor, elementwise (NumPy's {@code logical_not}). */
    public static <S extends Tensor<Bool>> S logicalNot(AbstractTensor<Bool, S, ?> a) {
        return a.sameKind(Ops.elemwise(ScalarOp.NOT, a.variable()));
    }

    /** {@code logicalNot} for values typed as the {@code Tensor<Bool>} interface; the result is a {@code Tensor<Bool>} too. */
    public static Tensor<Bool> logicalNot(Tensor<Bool> a) {
        return logicalNot(Tensors.handle(a));
    }
}
