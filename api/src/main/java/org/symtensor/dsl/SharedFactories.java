package org.symtensor.dsl;

import org.symtensor.error.DTypeMismatchException;
import org.symtensor.ir.SharedValue;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedTensor3;
import org.symtensor.tensor.SharedTensor4;
import org.symtensor.tensor.SharedVector;
import org.symtensor.type.DType;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.DTypes;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.type.I64;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * Theano's {@code shared}: variables whose value lives between function calls, made from a Java
 * value (copied) as typed shared handles ({@code SharedScalar}, {@code SharedVector}, ...). Reached
 * through {@link org.symtensor.T}'s static imports (T delegates here).
 */
public final class SharedFactories {
    private SharedFactories() {}

    /** An unnamed shared int32 scalar holding {@code value}. */
    public static SharedScalar<I32> shared(int value) {
        return shared(value, null);
    }

    /** A shared int32 scalar holding {@code value}. */
    public static SharedScalar<I32> shared(int value, String name) {
        return new SharedScalar<>(sharedNode(NDArray.of(value), name));
    }

    /** A shared int64 scalar holding {@code value}. */
    public static SharedScalar<I64> shared(long value, String name) {
        return new SharedScalar<>(sharedNode(NDArray.of(value), name));
    }

    /** A shared float32 scalar holding {@code value}. */
    public static SharedScalar<F32> shared(float value, String name) {
        return new SharedScalar<>(sharedNode(NDArray.of(value), name));
    }

    /** A shared float64 scalar holding {@code value}. */
    public static SharedScalar<F64> shared(double value, String name) {
        return new SharedScalar<>(sharedNode(NDArray.of(value), name));
    }

    /** A shared float64 vector holding a copy of {@code value}. */
    public static SharedVector<F64> shared(double[] value, String name) {
        return new SharedVector<>(sharedNode(NDArray.of(value), name));
    }

    /** A shared float32 vector holding a copy of {@code value}. */
    public static SharedVector<F32> shared(float[] value, String name) {
        return new SharedVector<>(sharedNode(NDArray.of(value), name));
    }

    /** A shared int32 vector holding a copy of {@code value}. */
    public static SharedVector<I32> shared(int[] value, String name) {
        return new SharedVector<>(sharedNode(NDArray.of(value), name));
    }

    /** A shared float64 matrix holding a copy of {@code value}. */
    public static SharedMatrix<F64> shared(double[][] value, String name) {
        return new SharedMatrix<>(sharedNode(NDArray.of(value), name));
    }

    /** A shared float32 matrix holding a copy of {@code value}. */
    public static SharedMatrix<F32> shared(float[][] value, String name) {
        return new SharedMatrix<>(sharedNode(NDArray.of(value), name));
    }

    /** A shared vector of the given dtype marker (the NDArray must have that dtype and rank 1). */
    public static <D extends DTypeMarker> SharedVector<D> sharedVector(NDArray value, Class<D> dtype, String name) {
        return new SharedVector<>(sharedNode(checkShared(value, dtype, 1, name), name));
    }

    /** A shared matrix of the given dtype marker (the NDArray must have that dtype and rank 2). */
    public static <D extends DTypeMarker> SharedMatrix<D> sharedMatrix(NDArray value, Class<D> dtype, String name) {
        return new SharedMatrix<>(sharedNode(checkShared(value, dtype, 2, name), name));
    }

    /** A shared tensor3 of the given dtype marker (the NDArray must have that dtype and rank 3). */
    public static <D extends DTypeMarker> SharedTensor3<D> sharedTensor3(NDArray value, Class<D> dtype, String name) {
        return new SharedTensor3<>(sharedNode(checkShared(value, dtype, 3, name), name));
    }

    /** A shared tensor4 of the given dtype marker (the NDArray must have that dtype and rank 4). */
    public static <D extends DTypeMarker> SharedTensor4<D> sharedTensor4(NDArray value, Class<D> dtype, String name) {
        return new SharedTensor4<>(sharedNode(checkShared(value, dtype, 4, name), name));
    }

    private static SharedValue sharedNode(NDArray value, String name) {
        return new SharedValue(TensorType.ofRank(value.dtype(), value.rank()), value.copy(), name);
    }

    private static NDArray checkShared(NDArray value, Class<? extends DTypeMarker> dtype, int rank, String name) {
        DType d = DTypes.of(dtype);
        if (value.dtype() != d || value.rank() != rank) {
            throw new DTypeMismatchException("shared '" + name + "': expected a " + d + " array of rank " + rank
                    + ", got " + value.dtype() + " of shape " + NDArray.shapeToString(value.shape()));
        }
        return value;
    }
}
