package org.symtensor.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.symtensor.T;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The functions generated at javac time from {@link TutorialCompiled} against a plain-Java oracle
 * and against the runtime function of the same graph, on random inputs.
 */
class TutorialCompiledTest {
    private static double[][] random(SplittableRandom r, int m, int n) {
        double[][] a = new double[m][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = r.nextDouble(-6, 6);
            }
        }
        return a;
    }

    @Test
    void logistic_matchesTheFormula_andTheRuntimeFunction() {
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 5; trial++) {
            double[][] x = random(r, 1 + r.nextInt(7), 1 + r.nextInt(7));
            double[][] kernel = TutorialCompiledSymbolic.logistic().call(x);
            NDArray runtime = TutorialCompiledSymbolic.logistic().function().call((Object) x);
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < x[i].length; j++) {
                    double oracle = 1 / (1 + Math.exp(-x[i][j]));
                    assertThat(kernel[i][j]).isCloseTo(oracle, within(1e-15));
                    assertThat(runtime.getDoubleAt(i, j)).isCloseTo(oracle, within(1e-12));
                }
            }
        }
    }

    @Test
    void logistic2_equalsLogistic() {
        double[][] x = random(new SplittableRandom(3), 4, 5);
        double[][] a = TutorialCompiledSymbolic.logistic().call(x);
        double[][] b = TutorialCompiledSymbolic.logistic2().call(x);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                assertThat(b[i][j]).isCloseTo(a[i][j], within(1e-12));
            }
        }
    }

    @Test
    void logistic_onATransposedArray_readsItInLogicalOrder() {
        double[][] x = {{0, 1, 2}, {-1, -2, -3}};
        NDArray out = TutorialCompiledSymbolic.logistic().call(NDArray.of(x).transpose());
        assertThat(out.shape()).containsExactly(3, 2);
        assertThat(out.getDoubleAt(2, 1)).isCloseTo(1 / (1 + Math.exp(3)), within(1e-12));
        assertThat(out.getDoubleAt(0, 1)).isCloseTo(1 / (1 + Math.exp(1)), within(1e-12));
    }

    @Test
    void add_defaultsYToOne() {
        assertThat(TutorialCompiledSymbolic.add().call(10f)).isEqualTo(11f);
        assertThat(TutorialCompiledSymbolic.add().call(10f, 2f)).isEqualTo(12f);
    }

    @Test
    void addTimes_takesKeywordsByParameterName() {
        assertThat(TutorialCompiledSymbolic.addTimes().call(33f)).isEqualTo(68f);
        assertThat(TutorialCompiledSymbolic.addTimes().function().call(Map.of("w", 1f, "y", 0f), 33f).toFloat())
                .isEqualTo(33f);
    }

    @Test
    void differences_returnsEveryComponent() {
        TutorialCompiledSymbolic.DifferencesFunction.Values v = TutorialCompiledSymbolic.differences()
                .call(new double[][] {{1, 1}, {1, 1}}, new double[][] {{0, 1}, {2, 3}});
        assertThat(v.diff()).isDeepEqualTo(new double[][] {{1, 0}, {-1, -2}});
        assertThat(v.absDiff()).isDeepEqualTo(new double[][] {{1, 0}, {1, 2}});
        assertThat(v.sqrDiff()).isDeepEqualTo(new double[][] {{1, 0}, {1, 4}});
    }

    @Test
    void meanLogistic_withDotAndReductions_matchesAPlainJavaOracle() {
        SplittableRandom r = new SplittableRandom(11);
        double[][] w = random(r, 3, 4);
        double[] v = {r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble()};
        double sumSq = 0;
        double logisticSum = 0;
        for (double[] row : w) {
            double h = 0;
            for (int j = 0; j < 4; j++) {
                h += row[j] * v[j];
                logisticSum += 1 / (1 + Math.exp(-row[j]));
            }
            sumSq += h * h;
        }
        double oracle = sumSq + logisticSum / 12;
        assertThat(TutorialCompiledSymbolic.meanLogistic().call(w, v)).isCloseTo(oracle, within(1e-12));
    }

    @Test
    void graphBuilder_buildsTheSameGraphAsTheBody() {
        assertThat(T.pp(TutorialCompiledSymbolic.logisticGraph(T.dmatrix("x"))))
                .isEqualTo(T.pp(TutorialCompiled.logistic(T.dmatrix("x"))));
    }

    @Test
    void addScalars_ndArrayOverload_keepsFloat64() {
        NDArray r = TutorialCompiledSymbolic.addScalars().call(NDArray.of(2.0), NDArray.of(3.0));
        assertThat(r.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(r.toDouble()).isEqualTo(5.0);
    }

    @Test
    void gradSquare_isTwiceX() {
        assertThat(TutorialCompiledSymbolic.gradSquare().call(4.0)).isCloseTo(8.0, within(1e-12));
        assertThat(TutorialCompiledSymbolic.gradSquare().call(94.2)).isCloseTo(188.4, within(1e-10));
    }

    @Test
    void gradLogistic_isLogisticTimesOneMinusLogistic() {
        double[][] x = random(new SplittableRandom(5), 3, 3);
        double[][] g = TutorialCompiledSymbolic.gradLogistic().call(x);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 1 / (1 + Math.exp(-x[i][j]));
                assertThat(g[i][j]).isCloseTo(s * (1 - s), within(1e-12));
            }
        }
    }
}
