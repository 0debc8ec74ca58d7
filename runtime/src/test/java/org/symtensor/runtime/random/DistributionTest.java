package org.symtensor.runtime.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.symtensor.random.RandomStreams;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * Each distribution with a fixed seed against its law, with loose bounds: Kolmogorov–Smirnov for
 * the continuous ones (n = 10000, bound 0.02, above the 0.1% critical value 1.95/sqrt(n)),
 * chi-square for the discrete ones, sample mean and variance for the binomial.
 */
class DistributionTest {
    private static final int N = 10_000;

    private static double[] draw(org.symtensor.tensor.Tensor<?> rv) {
        NDArray a = function(inputs(), rv).call();
        return a.reshape(a.size()).astype(org.symtensor.type.DType.FLOAT64).toDoubleArray();
    }

    private static double ks(double[] xs, java.util.function.DoubleUnaryOperator cdf) {
        double[] s = xs.clone();
        Arrays.sort(s);
        double d = 0;
        for (int i = 0; i < s.length; i++) {
            double f = cdf.applyAsDouble(s[i]);
            d = Math.max(d, Math.max(Math.abs((i + 1.0) / s.length - f), Math.abs(f - (double) i / s.length)));
        }
        return d;
    }

    /** Abramowitz and Stegun 7.1.26, |error| below 1.5e-7: plenty for a KS bound of 0.02. */
    private static double normalCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-z * z);
        return 0.5 * (1 + (x >= 0 ? erf : -erf));
    }

    @Test
    void uniformF32_passesKolmogorovSmirnov_andStaysInLowHigh() {
        double[] xs = draw(new RandomStreams(234).uniform(F32.class, N, 2, 5));
        assertThat(ks(xs, x -> (x - 2) / 3)).isLessThan(0.02);
        assertThat(Arrays.stream(xs).min().getAsDouble()).isGreaterThanOrEqualTo(2);
        assertThat(Arrays.stream(xs).max().getAsDouble()).isLessThan(5);
    }

    @Test
    void uniformF64_passesKolmogorovSmirnov() {
        double[] xs = draw(new RandomStreams(7).uniform(F64.class, N, 0, 1));
        assertThat(ks(xs, x -> x)).isLessThan(0.02);
    }

    @Test
    void normalF64_passesKolmogorovSmirnov() {
        double[] xs = draw(new RandomStreams(234).normal(F64.class, N, 1, 2));
        assertThat(ks(xs, x -> normalCdf((x - 1) / 2))).isLessThan(0.02);
    }

    @Test
    void normalF32_oddLength_passesKolmogorovSmirnov() {
        double[] xs = draw(new RandomStreams(11).normal(F32.class, N + 1, 0, 1));
        assertThat(xs).hasSize(N + 1);
        assertThat(ks(xs, DistributionTest::normalCdf)).isLessThan(0.02);
    }

    @Test
    void integers_coverOneToSixInclusive_andPassChiSquare() {
        double[] xs = draw(new RandomStreams(234).integers(N, 1, 6));
        long[] counts = new long[7];
        for (double x : xs) {
            counts[(int) x]++;
        }
        assertThat(counts[0]).isZero();
        double chi = 0;
        for (int k = 1; k <= 6; k++) {
            double e = N / 6.0;
            chi += (counts[k] - e) * (counts[k] - e) / e;
        }
        assertThat(chi).isLessThan(20.5); // 5 degrees of freedom, 0.1% critical value
    }

    @Test
    void binomial_hasMeanNpAndVarianceNpq() {
        double[] xs = draw(new RandomStreams(234).binomial(N, 10, 0.3));
        double mean = Arrays.stream(xs).average().getAsDouble();
        double var = Arrays.stream(xs).map(x -> (x - mean) * (x - mean)).sum() / (N - 1);
        assertThat(mean).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.08));
        assertThat(var).isCloseTo(2.1, org.assertj.core.data.Offset.offset(0.15));
        assertThat(Arrays.stream(xs).allMatch(x -> x >= 0 && x <= 10)).isTrue();
    }

    @Test
    void binomial_withPZeroOrOne_isDegenerate() {
        RandomStreams srng = new RandomStreams(1);
        assertThat(draw(srng.binomial(5, 7, 0.0))).containsOnly(0.0);
        assertThat(draw(srng.binomial(5, 7, 1.0))).containsOnly(7.0);
    }

    @Test
    void weightedChoice_followsItsProbabilities() {
        double[] p = {0.5, 0.0, 0.2, 0.3};
        double[] xs = draw(new RandomStreams(2).choice(N, 4, true, p));
        long[] counts = new long[4];
        for (double x : xs) {
            counts[(int) x]++;
        }
        assertThat(counts[1]).isZero();
        double chi = 0;
        for (int k : new int[] {0, 2, 3}) {
            double e = N * p[k];
            chi += (counts[k] - e) * (counts[k] - e) / e;
        }
        assertThat(chi).isLessThan(13.8); // 2 degrees of freedom, 0.1% critical value
    }

    @Test
    void choiceWithoutReplacement_givesDistinctItems() {
        double[] xs = draw(new RandomStreams(3).choice(5, 8, false, null));
        assertThat(Arrays.stream(xs).distinct().count()).isEqualTo(5);
        assertThat(Arrays.stream(xs).allMatch(x -> x >= 0 && x < 8)).isTrue();
    }

    @Test
    void weightedChoiceWithoutReplacement_skipsZeroWeights() {
        double[] xs = draw(new RandomStreams(3).choice(3, 5, false, new double[] {0.25, 0, 0.25, 0, 0.5}));
        assertThat(xs).containsExactlyInAnyOrder(0.0, 2.0, 4.0);
    }

    @Test
    void permutation_isAPermutation() {
        double[] xs = draw(new RandomStreams(4).permutation(50));
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) {
            assertThat(sorted[i]).isEqualTo(i);
        }
        assertThat(xs).isNotEqualTo(sorted);
    }

    @Test
    void multinomial_rowsSumToNAndFollowPvals() {
        NDArray m = function(inputs(), new RandomStreams(5).multinomial(N / 10, 10, new double[] {0.2, 0.3, 0.5})).call();
        assertThat(m.shape()).containsExactly(N / 10, 3);
        long[] totals = new long[3];
        for (int i = 0; i < N / 10; i++) {
            long row = 0;
            for (int j = 0; j < 3; j++) {
                row += m.getLongAt(i, j);
                totals[j] += m.getLongAt(i, j);
            }
            assertThat(row).isEqualTo(10);
        }
        assertThat(totals[0] / (double) N).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.02));
        assertThat(totals[2] / (double) N).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void shuffleRows_permutesTheRowsOfItsInput() {
        double[][] x = {{1, 10}, {2, 20}, {3, 30}, {4, 40}};
        NDArray r = function(inputs(), new RandomStreams(6).shuffleRows(constant(x))).call();
        double[][] rows = r.toDoubleMatrix();
        for (double[] row : rows) {
            assertThat(row[1]).isEqualTo(10 * row[0]);
        }
        assertThat(Arrays.stream(rows).mapToDouble(row -> row[0]).sorted().toArray()).containsExactly(1, 2, 3, 4);
    }
}
