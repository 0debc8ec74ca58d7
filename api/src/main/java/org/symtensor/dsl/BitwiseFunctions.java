package org.symtensor.dsl;

import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.AbstractTensor;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensors;
import org.symtensor.type.Bool;
import org.symtensor.type.IntegerMarker;

/**
 * Bitwise operations and shifts, elementwise, on integer handles only ({@link IntegerMarker}:
 * {@code bitwiseAnd(fvector, fvector)} does not compile; a float reaching the op through an
 * unchecked cast is a {@link org.symtensor.error.DTypeMismatchException}). Both operands have one
 * dtype (cast first to mix); {@code b} may have lower rank and broadcasts. On bool, {@code invert}
 * is the logical not, as in NumPy (for and, or, xor of bools use {@code logicalAnd} and friends). None is
 * differentiable. Reached through {@link org.symtensor.T}.
 */
public final class BitwiseFunctions {
    private BitwiseFunctions() {}

    private static Variable checked(String what, Tensor<?> a, Variable r) {
        if (r.type().rank() != a.rank()) {
            throw new ShapeMismatchException(what + ": the result has rank " + r.type().rank() + " but "
                    + a.variable().describe() + " has rank " + a.rank() + "; make the first operand the higher-rank one");
        }
        return r;
    }

    /** Bitwise and of two integer tensors of one dtype, elementwise (NumPy's {@code bitwise_and}); {@code b} may have lower rank. */
    public static <D extends IntegerMarker, S extends Tensor<D>> S bitwiseAnd(AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return a.sameKind(checked("bitwiseAnd", a, Ops.elemwise(ScalarOp.BITWISE_AND, a.variable(), b.variable())));
    }

    /** {@code bitwiseAnd} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends IntegerMarker> Tensor<D> bitwiseAnd(Tensor<D> a, Tensor<D> b) {
        return bitwiseAnd(Tensors.handle(a), b);
    }

    /** {@code bitwiseAnd} with a literal of a's dtype ({@code bitwiseAnd(x, 0xFF)}); a literal that does not fit the dtype is an error. */
    public static <D extends IntegerMarker, S extends Tensor<D>> S bitwiseAnd(AbstractTensor<D, S, ?> a, long b) {
        return a.sameKind(Ops.elemwise(ScalarOp.BITWISE_AND, a.variable(), literal("bitwiseAnd", a, b)));
    }

    /** Bitwise or of two integer tensors of one dtype, elementwise (NumPy's {@code bitwise_or}); {@code b} may have lower rank. */
    public static <D extends IntegerMarker, S extends Tensor<D>> S bitwiseOr(AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return a.sameKind(checked("bitwiseOr", a, Ops.elemwise(ScalarOp.BITWISE_OR, a.variable(), b.variable())));
    }

    /** {@code bitwiseOr} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends IntegerMarker> Tensor<D> bitwiseOr(Tensor<D> a, Tensor<D> b) {
        return bitwiseOr(Tensors.handle(a), b);
    }

    /** {@code bitwiseOr} with a literal of a's dtype ({@code bitwiseOr(x, 0x80)}); a literal that does not fit the dtype is an error. */
    public static <D extends IntegerMarker, S extends Tensor<D>> S bitwiseOr(AbstractTensor<D, S, ?> a, long b) {
        return a.sameKind(Ops.elemwise(ScalarOp.BITWISE_OR, a.variable(), literal("bitwiseOr", a, b)));
    }

    /** Bitwise exclusive or of two integer tensors of one dtype, elementwise (NumPy's {@code bitwise_xor}); {@code b} may have lower rank. */
    public static <D extends IntegerMarker, S extends Tensor<D>> S bitwiseXor(AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return a.sameKind(checked("bitwiseXor", a, Ops.elemwise(ScalarOp.BITWISE_XOR, a.variable(), b.variable())));
    }

    /** {@code bitwiseXor} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends IntegerMarker> Tensor<D> bitwiseXor(Tensor<D> a, Tensor<D> b) {
        return bitwiseXor(Tensors.handle(a), b);
    }

    /** {@code bitwiseXor} with a literal of a's dtype ({@code bitwiseXor(x, 0xFF)}); a literal that does not fit the dtype is an error. */
    public static <D extends IntegerMarker, S extends Tensor<D>> S bitwiseXor(AbstractTensor<D, S, ?> a, long b) {
        return a.sameKind(Ops.elemwise(ScalarOp.BITWISE_XOR, a.variable(), literal("bitwiseXor", a, b)));
    }

    /** Bitwise not of an integer tensor, {@code ~x} elementwise (NumPy's {@code invert}). */
    public static <D extends IntegerMarker, S extends Tensor<D>> S invert(AbstractTensor<D, S, ?> x) {
        return x.sameKind(Ops.elemwise(ScalarOp.INVERT, x.variable()));
    }

    /**
     * {@code invert} of a bool tensor: the logical not, as NumPy's {@code invert} on bool (not
     * {@code ~1}); the handle of x's rank, typed as {@code Tensor<Bool>} (or call {@code logicalNot},
     * which keeps the handle's type).
     */
    public static Tensor<Bool> invert(Tensor<Bool> x) {
        return Tensors.wrap(Ops.elemwise(ScalarOp.NOT, x.variable()));
    }

    /** {@code a << b} elementwise (NumPy's {@code left_shift}), wrapping to the dtype's width; a count outside [0, 63] gives 0. Both integer tensors of one dtype; {@code b} may have lower rank. */
    public static <D extends IntegerMarker, S extends Tensor<D>> S leftShift(AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return a.sameKind(checked("leftShift", a, Ops.elemwise(ScalarOp.LEFT_SHIFT, a.variable(), b.variable())));
    }

    /** {@code leftShift} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends IntegerMarker> Tensor<D> leftShift(Tensor<D> a, Tensor<D> b) {
        return leftShift(Tensors.handle(a), b);
    }

    /** {@code leftShift} by a literal count ({@code leftShift(x, 3)}), taken in a's dtype. */
    public static <D extends IntegerMarker, S extends Tensor<D>> S leftShift(AbstractTensor<D, S, ?> a, long b) {
        return a.sameKind(Ops.elemwise(ScalarOp.LEFT_SHIFT, a.variable(), literal("leftShift", a, b)));
    }

    /** {@code a >> b} elementwise, arithmetic (NumPy's {@code right_shift}); a count outside [0, 63] gives 0, or -1 where a is negative. Both integer tensors of one dtype; {@code b} may have lower rank. */
    public static <D extends IntegerMarker, S extends Tensor<D>> S rightShift(AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return a.sameKind(checked("rightShift", a, Ops.elemwise(ScalarOp.RIGHT_SHIFT, a.variable(), b.variable())));
    }

    /** {@code rightShift} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends IntegerMarker> Tensor<D> rightShift(Tensor<D> a, Tensor<D> b) {
        return rightShift(Tensors.handle(a), b);
    }

    /** {@code rightShift} by a literal count ({@code rightShift(x, 3)}), taken in a's dtype. */
    public static <D extends IntegerMarker, S extends Tensor<D>> S rightShift(AbstractTensor<D, S, ?> a, long b) {
        return a.sameKind(Ops.elemwise(ScalarOp.RIGHT_SHIFT, a.variable(), literal("rightShift", a, b)));
    }

    /** {@code v} as a constant of a's dtype, or an error when it does not fit (a wrapped literal would be a silent bug). */
    private static Variable literal(String what, Tensor<?> a, long v) {
        org.symtensor.type.DType d = a.variable().type().dtype();
        if (!d.holdsExactly(v)) {
            throw new org.symtensor.error.ArgumentException(what + ": the literal " + v + " does not fit "
                    + a.variable().describe() + "'s dtype " + d + "; cast first or use a smaller value");
        }
        return Ops.constant(v, d);
    }
}
