package org.symtensor.runtime.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.function.Function;
import org.symtensor.random.RandomStreams;
import org.symtensor.random.Size;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/**
 * Theano's RandomStreams with tensor parameters ({@code binomial(n, p)} with a matrix {@code p},
 * {@code normal(mu, sigma)}, {@code uniform(low, high)}) and {@code seed()} back to the first seed.
 * References are the standard draws of the same seed and stream, transformed by hand.
 */
class RandomTensorParametersTest {

    @Test
    void seed_withNoArgument_returnsToTheConstructionSeed() {
        RandomStreams srng = new RandomStreams(234);
        Function f = function(inputs(), srng.uniform(4));
        double[] first = f.call().toDoubleArray();
        double[] second = f.call().toDoubleArray();

        srng.seed(99);
        double[] other = f.call().toDoubleArray();
        srng.seed();

        assertThat(srng.originalSeed()).isEqualTo(234);
        assertThat(other).isNotEqualTo(first);
        assertThat(f.call().toDoubleArray()).containsExactly(first);
        assertThat(f.call().toDoubleArray()).containsExactly(second);
    }

    @Test
    void uniform_withMatrixBounds_isLowPlusSpanTimesTheStandardDraw() {
        Matrix<F64> low = dmatrix("low");
        Vector<F64> high = dvector("high");   // broadcast along rows
        Tensor<F64> u = new RandomStreams(5).uniform(low, high);
        double[][] lo = {{0, 1, -2}, {10, 0, 0}};
        double[] hi = {1, 2, 2};

        double[][] r = function(inputs(low, high), u).call(lo, hi).toDoubleMatrix();
        double[][] std = function(inputs(), new RandomStreams(5).uniform(F64.class, 2, 3)).call().toDoubleMatrix();

        assertThat(u.variable().type().rank()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(r[i][j]).isCloseTo(lo[i][j] + (hi[j] - lo[i][j]) * std[i][j], within(1e-12));
            }
        }
        assertThat(r[0][0]).isBetween(0.0, 1.0);
        assertThat(r[0][2]).isBetween(-2.0, 2.0);
    }

    @Test
    void normal_withTensorMeanAndStd_isMeanPlusStdTimesTheStandardDraw() {
        Matrix<F64> mu = dmatrix("mu");
        Matrix<F64> sigma = dmatrix("sigma");
        Matrix<F64> z = new RandomStreams(11).normal(mu, sigma);
        double[][] m = {{0, 100}, {-5, 1}};
        double[][] s = {{1, 0}, {2, 0.5}};

        double[][] r = function(inputs(mu, sigma), z).call(m, s).toDoubleMatrix();
        double[][] std = function(inputs(), new RandomStreams(11).normal(F64.class, 2, 2, 0, 1)).call().toDoubleMatrix();

        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(r[i][j]).isCloseTo(m[i][j] + s[i][j] * std[i][j], within(1e-12));
            }
        }
        assertThat(r[0][1]).isEqualTo(100.0);  // std 0: exactly the mean
    }

    @Test
    void binomial_withAMatrixOfProbabilities_hasItsShapeAndCountsDrawsBelowP() {
        Matrix<F64> p = dmatrix("p");
        Matrix<I64> b = new RandomStreams(3).binomial(10, p);
        double[][] pv = {{0, 1, 0.5}, {0.25, 0.75, 0.1}};

        NDArray r = function(inputs(p), b).call((Object) pv);
        // the reference: the same seed and stream's 10 x 2 x 3 standard uniforms, counted by hand
        org.symtensor.tensor.Scalar<F64> lo = dscalar("lo");
        org.symtensor.tensor.Scalar<F64> hi = dscalar("hi");
        NDArray u = function(inputs(lo, hi), new RandomStreams(3).uniform(F64.class, Size.of(10, 2, 3), lo, hi))
                .call(0.0, 1.0);

        assertThat(r.dtype()).isEqualTo(DType.INT64);
        assertThat(r.shape()).containsExactly(2, 3);
        long[][] got = {{r.getLong(0), r.getLong(1), r.getLong(2)}, {r.getLong(3), r.getLong(4), r.getLong(5)}};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                long hits = 0;
                for (int k = 0; k < 10; k++) {
                    hits += u.getDouble(k * 6 + i * 3 + j) < pv[i][j] ? 1 : 0;
                }
                assertThat(got[i][j]).as("[%d][%d]", i, j).isEqualTo(hits);
            }
        }
        assertThat(got[0][0]).isZero();       // p = 0
        assertThat(got[0][1]).isEqualTo(10);  // p = 1
    }

    @Test
    void binomial_ofOneTrial_hasMeanNearP() {
        Vector<F32> p = fvector("p");
        Function f = function(inputs(p), new RandomStreams(8).binomial(1, p));
        float[] pv = new float[20000];
        java.util.Arrays.fill(pv, 0, 10000, 0.2f);
        java.util.Arrays.fill(pv, 10000, 20000, 0.9f);

        long[] r = f.call((Object) pv).toLongArray();

        double low = 0;
        double high = 0;
        for (int i = 0; i < 10000; i++) {
            low += r[i];
            high += r[10000 + i];
        }
        // 10,000 Bernoulli draws: the standard error of the mean is below 0.004
        assertThat(low / 10000).isCloseTo(0.2, within(0.02));
        assertThat(high / 10000).isCloseTo(0.9, within(0.02));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"}) // the raw call gets past javac's dtype check on purpose
    void uniform_withBoundsOfTwoDtypes_failsNamingBoth() {
        Matrix<F64> low = dmatrix("low");
        Matrix<F64> high = dmatrix("high");
        Vector<F32> f = fvector("f");
        RandomStreams srng = new RandomStreams(1);

        assertThatThrownBy(() -> srng.uniform((Tensor) low, (Tensor) f))
                .isInstanceOf(DTypeMismatchException.class).hasMessageContaining("'low'").hasMessageContaining("'f'");
        assertThat(srng.uniform(low, high).dtype()).isEqualTo(DType.FLOAT64);
    }
}
