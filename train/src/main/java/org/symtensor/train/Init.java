package org.symtensor.train;

import java.util.SplittableRandom;
import org.symtensor.error.ArgumentException;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedTensor3;
import org.symtensor.tensor.SharedTensor4;
import org.symtensor.tensor.SharedVector;
import org.symtensor.type.DType;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.DTypes;
import org.symtensor.value.NDArray;

/**
 * Initial values for parameters, seeded and reproducible: the same seed gives the same numbers on
 * every JVM (draws come from {@link SplittableRandom}, normals from Box-Muller, nothing from the
 * JDK's own Gaussian). An initializer makes an {@link NDArray} of any dtype and shape, or directly a
 * named shared variable: {@code SharedMatrix<F32> w = Init.glorotUniform().matrix("W1", F32.class, 64, 32, rng)}.
 *
 * <p>Fan-in and fan-out follow the weight layouts of this library: a matrix used as {@code x.dot(W)} is
 * {@code (fanIn, fanOut)}; a rank-3 or rank-4 kernel in Theano's {@code (out, in, k...)} layout has
 * {@code fanIn = in·Πk} and {@code fanOut = out·Πk}; a vector has both equal to its length.
 */
@FunctionalInterface
public interface Init {
    /** A fresh array of {@code dtype} and {@code shape} (floats are drawn in float64 and rounded). */
    NDArray create(DType dtype, SplittableRandom rng, int... shape);

    /** A shared scalar named {@code name}. */
    default <D extends DTypeMarker> SharedScalar<D> scalar(String name, Class<D> dtype, SplittableRandom rng) {
        return cast(SharedVariables.create(create(DTypes.of(dtype), rng), name));
    }

    /** A shared vector of length {@code n} named {@code name}. */
    default <D extends DTypeMarker> SharedVector<D> vector(String name, Class<D> dtype, int n, SplittableRandom rng) {
        return cast(SharedVariables.create(create(DTypes.of(dtype), rng, n), name));
    }

    /** A shared {@code rows × cols} matrix named {@code name}. */
    default <D extends DTypeMarker> SharedMatrix<D> matrix(String name, Class<D> dtype, int rows, int cols,
            SplittableRandom rng) {
        return cast(SharedVariables.create(create(DTypes.of(dtype), rng, rows, cols), name));
    }

    default <D extends DTypeMarker> SharedTensor3<D> tensor3(String name, Class<D> dtype, int d0, int d1, int d2,
            SplittableRandom rng) {
        return cast(SharedVariables.create(create(DTypes.of(dtype), rng, d0, d1, d2), name));
    }

    default <D extends DTypeMarker> SharedTensor4<D> tensor4(String name, Class<D> dtype, int d0, int d1, int d2, int d3,
            SplittableRandom rng) {
        return cast(SharedVariables.create(create(DTypes.of(dtype), rng, d0, d1, d2, d3), name));
    }

    @SuppressWarnings("unchecked")
    private static <S> S cast(SharedVariable<?> v) {
        return (S) v; // the handle class matches the rank and the marker matches the dtype by construction
    }

    // ---- the initializers -------------------------------------------------------------------

    static Init zeros() {
        return constant(0);
    }

    static Init constant(double value) {
        return (dtype, rng, shape) -> NDArray.full(dtype, value, shape);
    }

    /** Uniform on {@code [low, high)}. */
    static Init uniform(double low, double high) {
        if (!(low < high)) {
            throw new ArgumentException("uniform: low must be below high, got [" + low + ", " + high + ")");
        }
        return (dtype, rng, shape) -> Draws.fill(dtype, shape, () -> low + (high - low) * rng.nextDouble());
    }

    /** Normal with mean {@code mean} and standard deviation {@code std}. */
    static Init normal(double mean, double std) {
        return (dtype, rng, shape) -> Draws.fill(dtype, shape, () -> mean + std * Draws.gaussian(rng));
    }

    /**
     * Normal with mean {@code mean} and standard deviation {@code std} before truncation, redrawn until
     * within two standard deviations of the mean (TensorFlow's and Keras's truncated normal).
     */
    static Init truncatedNormal(double mean, double std) {
        return (dtype, rng, shape) -> Draws.fill(dtype, shape, () -> mean + std * Draws.truncatedGaussian(rng));
    }

    /** Glorot (Xavier) uniform: {@code U(−a, a)}, {@code a = √(6 / (fanIn + fanOut))}. */
    static Init glorotUniform() {
        return (dtype, rng, shape) -> {
            Fans f = Fans.of(shape);
            double a = Math.sqrt(6.0 / (f.in() + f.out()));
            return uniform(-a, a).create(dtype, rng, shape);
        };
    }

    /** Glorot (Xavier) normal, as PyTorch's {@code xavier_normal_}: {@code N(0, 2 / (fanIn + fanOut))}. */
    static Init glorotNormal() {
        return (dtype, rng, shape) -> {
            Fans f = Fans.of(shape);
            return normal(0, Math.sqrt(2.0 / (f.in() + f.out()))).create(dtype, rng, shape);
        };
    }

    /** He (Kaiming) uniform for ReLU layers: {@code U(−a, a)}, {@code a = √(6 / fanIn)}. */
    static Init heUniform() {
        return (dtype, rng, shape) -> {
            double a = Math.sqrt(6.0 / Fans.of(shape).in());
            return uniform(-a, a).create(dtype, rng, shape);
        };
    }

    /** He (Kaiming) normal for ReLU layers, as PyTorch's {@code kaiming_normal_}: {@code N(0, 2 / fanIn)}. */
    static Init heNormal() {
        return (dtype, rng, shape) -> normal(0, Math.sqrt(2.0 / Fans.of(shape).in())).create(dtype, rng, shape);
    }

    /**
     * A (semi-)orthogonal matrix times {@code gain} (Saxe et al., 2014): the Q of the QR decomposition of
     * a standard normal matrix, signs fixed so the decomposition is unique. Rank ≥ 2; higher ranks are
     * flattened to {@code (shape[0], rest)}. Rows are orthonormal when there are fewer rows than columns,
     * columns otherwise.
     */
    static Init orthogonal(double gain) {
        return (dtype, rng, shape) -> Draws.orthogonal(dtype, shape, gain, rng);
    }

    /** {@link #orthogonal(double)} with gain 1. */
    static Init orthogonal() {
        return orthogonal(1);
    }

    /** Fan-in and fan-out of a weight shape; see the type's documentation. */
    record Fans(long in, long out) {
        static Fans of(int... shape) {
            if (shape.length == 0) {
                return new Fans(1, 1);
            }
            if (shape.length == 1) {
                return new Fans(shape[0], shape[0]);
            }
            if (shape.length == 2) {
                return new Fans(shape[0], shape[1]);
            }
            long receptive = 1;
            for (int i = 2; i < shape.length; i++) {
                receptive *= shape[i];
            }
            return new Fans((long) shape[1] * receptive, (long) shape[0] * receptive);
        }
    }
}
