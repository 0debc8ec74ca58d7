package org.symtensor.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedVector;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.value.NDArray;

/** Initializers: seeded reproducibility, and the documented bounds and moments checked by plain statistics. */
class InitTest {
    static SplittableRandom rng(long seed) {
        return new SplittableRandom(seed);
    }

    static double mean(NDArray a) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += a.getDouble(i);
        }
        return s / a.size();
    }

    static double std(NDArray a) {
        double m = mean(a);
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += (a.getDouble(i) - m) * (a.getDouble(i) - m);
        }
        return Math.sqrt(s / a.size());
    }

    static double maxAbs(NDArray a) {
        double m = 0;
        for (int i = 0; i < a.size(); i++) {
            m = Math.max(m, Math.abs(a.getDouble(i)));
        }
        return m;
    }

    @Test
    void sameSeed_sameValues_otherSeed_otherValues() {
        for (Init init : new Init[] {Init.uniform(-1, 1), Init.normal(0, 1), Init.truncatedNormal(0, 1),
                Init.glorotUniform(), Init.glorotNormal(), Init.heUniform(), Init.heNormal(), Init.orthogonal()}) {
            NDArray a = init.create(DType.FLOAT64, rng(7), 20, 30);
            NDArray b = init.create(DType.FLOAT64, rng(7), 20, 30);
            NDArray c = init.create(DType.FLOAT64, rng(8), 20, 30);
            assertThat(a).isEqualTo(b);
            assertThat(a).isNotEqualTo(c);
        }
    }

    @Test
    void zerosAndConstant_fillEveryElement() {
        NDArray z = Init.zeros().create(DType.INT32, rng(1), 3, 2);
        NDArray c = Init.constant(0.5).create(DType.FLOAT32, rng(1), 4);
        assertThat(z.toIntMatrix()).isEqualTo(new int[][] {{0, 0}, {0, 0}, {0, 0}});
        assertThat(c.toFloatArray()).containsExactly(0.5f, 0.5f, 0.5f, 0.5f);
    }

    @Test
    void uniform_staysInRange_withTheUniformMoments() {
        NDArray a = Init.uniform(2, 5).create(DType.FLOAT64, rng(3), 200, 200);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.getDouble(i)).isBetween(2.0, 5.0);
        }
        assertThat(mean(a)).isCloseTo(3.5, within(0.02));
        assertThat(std(a)).isCloseTo(3 / Math.sqrt(12), within(0.02));
    }

    @Test
    void normal_hasTheAskedMoments() {
        NDArray a = Init.normal(1, 2).create(DType.FLOAT64, rng(4), 300, 300);
        assertThat(mean(a)).isCloseTo(1, within(0.02));
        assertThat(std(a)).isCloseTo(2, within(0.02));
    }

    @Test
    void truncatedNormal_staysWithinTwoStandardDeviations() {
        NDArray a = Init.truncatedNormal(0, 0.5).create(DType.FLOAT64, rng(5), 300, 300);
        assertThat(maxAbs(a)).isLessThanOrEqualTo(1.0);
        // the standard normal truncated to [−2, 2] has standard deviation 0.87962566...
        assertThat(std(a)).isCloseTo(0.5 * 0.8796256610342398, within(0.005));
    }

    @Test
    void glorotUniform_boundIsSqrtOf6OverFanInPlusFanOut() {
        NDArray a = Init.glorotUniform().create(DType.FLOAT64, rng(6), 100, 200);
        double bound = Math.sqrt(6.0 / 300);
        assertThat(maxAbs(a)).isLessThanOrEqualTo(bound).isGreaterThan(0.99 * bound);
        assertThat(std(a)).isCloseTo(bound / Math.sqrt(3), within(0.002));
    }

    @Test
    void glorotNormalHeUniformHeNormal_haveTheirStandardDeviations() {
        assertThat(std(Init.glorotNormal().create(DType.FLOAT64, rng(1), 300, 100))).isCloseTo(Math.sqrt(2.0 / 400), within(0.002));
        assertThat(std(Init.heUniform().create(DType.FLOAT64, rng(2), 300, 100))).isCloseTo(Math.sqrt(2.0 / 300), within(0.002));
        assertThat(std(Init.heNormal().create(DType.FLOAT64, rng(3), 300, 100))).isCloseTo(Math.sqrt(2.0 / 300), within(0.002));
    }

    @Test
    void fans_followTheWeightLayouts() {
        assertThat(Init.Fans.of(64, 32)).isEqualTo(new Init.Fans(64, 32));
        assertThat(Init.Fans.of(10)).isEqualTo(new Init.Fans(10, 10));
        // Theano's conv kernel (out, in, kh, kw)
        assertThat(Init.Fans.of(16, 3, 5, 5)).isEqualTo(new Init.Fans(75, 400));
    }

    @Test
    void orthogonal_tallAndWide_haveOrthonormalColumnsOrRows() {
        NDArray tall = Init.orthogonal(2).create(DType.FLOAT64, rng(9), 7, 4);
        double[][] t = tall.toDoubleMatrix();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double dot = 0;
                for (int r = 0; r < 7; r++) {
                    dot += t[r][i] * t[r][j];
                }
                assertThat(dot).isCloseTo(i == j ? 4 : 0, within(1e-12)); // gain² on the diagonal
            }
        }
        double[][] w = Init.orthogonal().create(DType.FLOAT64, rng(10), 3, 8).toDoubleMatrix();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = 0;
                for (int c = 0; c < 8; c++) {
                    dot += w[i][c] * w[j][c];
                }
                assertThat(dot).isCloseTo(i == j ? 1 : 0, within(1e-12));
            }
        }
        assertThatThrownBy(() -> Init.orthogonal().create(DType.FLOAT64, rng(1), 5))
                .hasMessageContaining("rank 2 or more");
    }

    @Test
    void sharedFactories_makeNamedTypedVariables() {
        SharedMatrix<F32> w = Init.glorotUniform().matrix("W1", F32.class, 4, 3, rng(1));
        SharedVector<F32> b = Init.zeros().vector("b1", F32.class, 3, rng(1));
        assertThat(w.getValue().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(w.getValue().shape()).containsExactly(4, 3);
        assertThat(w.node().name()).isEqualTo("W1");
        assertThat(b.getValue().toFloatArray()).containsExactly(0f, 0f, 0f);
    }
}
