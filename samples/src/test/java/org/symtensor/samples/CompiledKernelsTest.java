package org.symtensor.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The typed calls generated from {@link CompiledKernels} (which run each method's optimized graph,
 * written at javac time) against the runtime function of the same graph and plain-Java oracles, on
 * random inputs. Bit-for-bit agreement over many graphs is {@code GeneratedVsFunctionTest}'s job.
 */
class CompiledKernelsTest {
    private final SplittableRandom r = new SplittableRandom(11);

    private NDArray random(DType d, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (d == DType.FLOAT32) {
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = (float) r.nextDouble(-2, 2);
            }
            return NDArray.wrap(d, shape, a);
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble(-2, 2);
        }
        return NDArray.wrap(d, shape, a);
    }

    private static void assertSame(NDArray kernel, NDArray runtime, double tol) {
        assertThat(kernel).isNotNull();
        assertThat(kernel.dtype()).isEqualTo(runtime.dtype());
        assertThat(kernel.shape()).isEqualTo(runtime.shape());
        assertThat(kernel.allClose(runtime, tol, tol)).as(kernel + " vs " + runtime).isTrue();
    }

    @Test
    void predict_matchesTheRuntimeFunction_andTheFormula() {
        for (int trial = 0; trial < 5; trial++) {
            NDArray x = random(DType.FLOAT64, 1 + r.nextInt(6), 1 + r.nextInt(6));
            NDArray w = random(DType.FLOAT64, x.shape(1));
            NDArray b = random(DType.FLOAT64);
            NDArray kernel = CompiledKernelsSymbolic.predict().call(x, w, b);
            assertSame(kernel, CompiledKernelsSymbolic.predict().function().call(x, w, b), 1e-12);
            assertSame(CompiledKernelsSymbolic.predict().call(x, w, b), kernel, 0);
            for (int i = 0; i < x.shape(0); i++) {
                double z = b.toDouble();
                for (int j = 0; j < x.shape(1); j++) {
                    z += x.getDoubleAt(i, j) * w.getDoubleAt(j);
                }
                assertThat(kernel.getDoubleAt(i)).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-12));
            }
        }
    }

    @Test
    void meanLogistic_matchesTheRuntimeFunction() {
        NDArray x = random(DType.FLOAT64, 4, 7);
        assertSame(CompiledKernelsSymbolic.meanLogistic().call(x), CompiledKernelsSymbolic.meanLogistic().function().call(x), 1e-12);
    }

    @Test
    void dot_everyRankCombination_matchesTheRuntimeFunction() {
        NDArray a = random(DType.FLOAT64, 5);
        NDArray b = random(DType.FLOAT64, 5);
        NDArray m = random(DType.FLOAT64, 3, 5);
        NDArray n = random(DType.FLOAT64, 5, 4);
        assertSame(CompiledKernelsSymbolic.dotVV().call(a, b), CompiledKernelsSymbolic.dotVV().function().call(a, b), 1e-12);
        assertSame(CompiledKernelsSymbolic.dotMV().call(m, a), CompiledKernelsSymbolic.dotMV().function().call(m, a), 1e-12);
        assertSame(CompiledKernelsSymbolic.dotVM().call(a, n), CompiledKernelsSymbolic.dotVM().function().call(a, n), 1e-12);
        NDArray f = random(DType.FLOAT32, 3, 5);
        NDArray g = random(DType.FLOAT32, 5, 4);
        assertSame(CompiledKernelsSymbolic.dotMM().call(f, g), CompiledKernelsSymbolic.dotMM().function().call(f, g), 1e-5);
    }

    @Test
    void dot_ofMismatchedShapes_failsLikeTheRuntime_namingTheMethod() {
        NDArray m = random(DType.FLOAT64, 3, 5);
        NDArray a = random(DType.FLOAT64, 4);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CompiledKernelsSymbolic.dotMV().call(m, a))
                .hasMessageContaining("inner dimensions differ").hasMessageContaining("CompiledKernels.dotMV");
    }

    @Test
    void reductions_overAllAxesAndOneAxis_matchTheRuntimeFunction() {
        NDArray m = random(DType.FLOAT64, 4, 6);
        assertSame(CompiledKernelsSymbolic.reductions().call(m), CompiledKernelsSymbolic.reductions().function().call(m), 1e-12);
    }

    @Test
    void transposed_readsTheTransposeInLogicalOrder() {
        NDArray m = random(DType.FLOAT64, 2, 5);
        NDArray kernel = CompiledKernelsSymbolic.transposed().call(m);
        assertSame(kernel, CompiledKernelsSymbolic.transposed().function().call(m), 1e-12);
        assertThat(kernel.getDoubleAt(4, 1)).isCloseTo(Math.exp(0.5 * m.getDoubleAt(1, 4)) - 1, within(1e-12));
    }

    @Test
    void mixedChain_withAProductUsedThreeTimes_matchesTheRuntimeFunction() {
        NDArray a = random(DType.FLOAT32, 3, 4);
        NDArray b = random(DType.FLOAT32, 4, 2);
        assertSame(CompiledKernelsSymbolic.mixed().call(a, b), CompiledKernelsSymbolic.mixed().function().call(a, b), 1e-5);
    }

    @Test
    void broadcastingChain_runsInTheKernel_andStretchesTheVectorOverRows() {
        NDArray m = random(DType.FLOAT64, 3, 4);
        NDArray v = random(DType.FLOAT64, 4);
        NDArray k = CompiledKernelsSymbolic.addRow().call(m, v);
        assertSame(k, CompiledKernelsSymbolic.addRow().function().call(m, v), 0);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(k.getDoubleAt(i, j)).isEqualTo((m.getDoubleAt(i, j) + v.getDoubleAt(j)) * 2);
            }
        }
    }
}
