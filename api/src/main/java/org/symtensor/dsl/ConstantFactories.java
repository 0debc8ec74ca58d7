package org.symtensor.dsl;

import org.symtensor.ir.Ops;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/**
 * The DSL's constants: Java values made graph constants of the matching dtype ({@code double} is
 * float64, {@code float} float32, {@code int} int32, {@code long} int64). Unlike a literal passed to
 * an operator (which takes the dtype of the tensor it meets), a constant keeps its own dtype.
 * Reached through {@link org.symtensor.T}'s static imports (T delegates here).
 */
public final class ConstantFactories {
    private ConstantFactories() {}

    /** A float64 scalar constant. */
    public static Scalar<F64> constant(double value) {
        return new Scalar<>(Ops.constant(NDArray.of(value)));
    }

    /** A float32 scalar constant. */
    public static Scalar<F32> constant(float value) {
        return new Scalar<>(Ops.constant(NDArray.of(value)));
    }

    /** An int32 scalar constant. */
    public static Scalar<I32> constant(int value) {
        return new Scalar<>(Ops.constant(NDArray.of(value)));
    }

    /** An int64 scalar constant. */
    public static Scalar<I64> constant(long value) {
        return new Scalar<>(Ops.constant(NDArray.of(value)));
    }

    /** A float64 vector constant (a copy of {@code value}). */
    public static Vector<F64> constant(double[] value) {
        return new Vector<>(Ops.constant(NDArray.of(value)));
    }

    /** A float32 vector constant (a copy of {@code value}). */
    public static Vector<F32> constant(float[] value) {
        return new Vector<>(Ops.constant(NDArray.of(value)));
    }

    /** A float64 matrix constant (a copy of {@code value}). */
    public static Matrix<F64> constant(double[][] value) {
        return new Matrix<>(Ops.constant(NDArray.of(value)));
    }

    /** A float32 matrix constant (a copy of {@code value}). */
    public static Matrix<F32> constant(float[][] value) {
        return new Matrix<>(Ops.constant(NDArray.of(value)));
    }
}
