package org.symtensor.runtime.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.device;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.noDefaultUpdates;
import static org.symtensor.T.outputs;
import static org.symtensor.runtime.opencl.OpenClTesting.DEVICE;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.symtensor.function.Function;
import org.symtensor.random.RandomStreams;
import org.symtensor.tensor.Tensor;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * Conformance of the device's random draws with the CPU backend's, for one seed and stream: the
 * same samples (uniform float32 and float64 and integers bit for bit; normals within 2 float ulps
 * of {@code |x| + |mean|} in float32 and 16 double ulps of it in float64, because the device's
 * log, cos and sin are not fdlibm's), the same next state, and two calls in a row drawing the same
 * sequences. Sizes include ones that are not multiples of 4 and ones above 65536, where the CPU
 * splits a float32 uniform over threads.
 */
class RandomConformanceTest {
    private static final int[] SIZES = {1, 2, 3, 5, 7, 8, 4097, 65537, 200003};
    private static final long[] SEEDS = {0, 234, -7_000_000_000L};

    @BeforeEach
    void needsOpenCl() {
        assumeOpenCl();
    }

    /** What one backend returns for two calls: the samples and the state after each. */
    private record Run(List<NDArray> samples, List<long[]> states) {}

    private static Run run(String dev, long seed, BiFunction<RandomStreams, Integer, Tensor<?>> draw, int n) {
        RandomStreams srng = new RandomStreams(seed);
        srng.uniform(F32.class, 1); // stream 0 unused: the draw under test is stream 1
        Tensor<?> rv = draw.apply(srng, n);
        Function f = function(inputs(), rv, device(dev));
        if (f instanceof OpenClFunction cl) {
            assertThat(cl.hostOps()).as("ops on the host").isEmpty();
        }
        List<NDArray> samples = new ArrayList<>();
        List<long[]> states = new ArrayList<>();
        for (int call = 0; call < 2; call++) {
            samples.add(f.call());
            states.add(RandomStreams.rng(rv).getValue().toLongArray());
        }
        return new Run(samples, states);
    }

    static Stream<Arguments> cases() {
        List<Arguments> r = new ArrayList<>();
        for (int n : SIZES) {
            for (long seed : SEEDS) {
                r.add(Arguments.of(seed, n));
            }
        }
        return r.stream();
    }

    private static void assertSameStates(Run dev, Run cpu) {
        for (int call = 0; call < 2; call++) {
            assertThat(dev.states().get(call)).as("state after call " + call).containsExactly(cpu.states().get(call));
        }
    }

    private static void assertBitIdentical(Run dev, Run cpu, String what) {
        for (int call = 0; call < 2; call++) {
            OpenClTesting.assertClose(dev.samples().get(call), cpu.samples().get(call), 0, 0, what + " call " + call);
            if (dev.samples().get(call).data() instanceof float[] d) {
                float[] c = (float[]) cpu.samples().get(call).data();
                for (int i = 0; i < c.length; i++) {
                    assertThat(Float.floatToRawIntBits(d[i])).as(what + " bits of " + i).isEqualTo(Float.floatToRawIntBits(c[i]));
                }
            }
        }
        assertSameStates(dev, cpu);
    }

    @ParameterizedTest(name = "seed {0}, n {1}")
    @MethodSource("cases")
    void uniformF32_matchesCpuBitForBit(long seed, int n) {
        assertBitIdentical(run(DEVICE, seed, (s, k) -> s.uniform(F32.class, k), n),
                run("cpu", seed, (s, k) -> s.uniform(F32.class, k), n), "uniform f32 [0, 1)");
        assertBitIdentical(run(DEVICE, seed, (s, k) -> s.uniform(F32.class, k, -2.5, 3.1), n),
                run("cpu", seed, (s, k) -> s.uniform(F32.class, k, -2.5, 3.1), n), "uniform f32 [-2.5, 3.1)");
    }

    @ParameterizedTest(name = "seed {0}, n {1}")
    @MethodSource("cases")
    void uniformF64_matchesCpuBitForBit(long seed, int n) {
        assertBitIdentical(run(DEVICE, seed, (s, k) -> s.uniform(F64.class, k, -1e3, 7), n),
                run("cpu", seed, (s, k) -> s.uniform(F64.class, k, -1e3, 7), n), "uniform f64");
    }

    @ParameterizedTest(name = "seed {0}, n {1}")
    @MethodSource("cases")
    void integers_matchCpuExactly(long seed, int n) {
        long[][] ranges = {{0, 9}, {-5, 5}, {3, 3}, {Long.MIN_VALUE, Long.MAX_VALUE}, {-1L << 62, 1L << 62}};
        for (long[] lh : ranges) {
            assertBitIdentical(run(DEVICE, seed, (s, k) -> s.integers(k, lh[0], lh[1]), n),
                    run("cpu", seed, (s, k) -> s.integers(k, lh[0], lh[1]), n), "integers [" + lh[0] + ", " + lh[1] + "]");
        }
    }

    @ParameterizedTest(name = "seed {0}, n {1}")
    @MethodSource("cases")
    void normal_matchesCpuWithinStatedUlps(long seed, int n) {
        for (double[] ms : new double[][] {{0, 1}, {2, 3}}) {
            Run dev32 = run(DEVICE, seed, (s, k) -> s.normal(F32.class, k, ms[0], ms[1]), n);
            Run cpu32 = run("cpu", seed, (s, k) -> s.normal(F32.class, k, ms[0], ms[1]), n);
            assertWithinUlps(dev32, cpu32, ms[0], true);
            Run dev64 = run(DEVICE, seed, (s, k) -> s.normal(F64.class, k, ms[0], ms[1]), n);
            Run cpu64 = run("cpu", seed, (s, k) -> s.normal(F64.class, k, ms[0], ms[1]), n);
            assertWithinUlps(dev64, cpu64, ms[0], false);
        }
    }

    private static void assertWithinUlps(Run dev, Run cpu, double mean, boolean f32) {
        for (int call = 0; call < 2; call++) {
            NDArray d = dev.samples().get(call);
            NDArray c = cpu.samples().get(call);
            assertThat(d.dtype()).isEqualTo(c.dtype());
            assertThat(d.shape()).containsExactly(c.shape());
            for (int i = 0; i < c.size(); i++) {
                double x = c.getDouble(i);
                double scale = Math.abs(x) + Math.abs(mean);
                double tol = f32 ? 2 * Math.ulp((float) scale) : 16 * Math.ulp(scale);
                assertThat(Math.abs(d.getDouble(i) - x)).as("normal " + c.dtype() + " element " + i + " call " + call
                        + ": device " + d.getDouble(i) + ", cpu " + x).isLessThanOrEqualTo(tol);
            }
        }
        assertSameStates(dev, cpu);
    }

    @Test
    void matrixDraws_twoCallsOnTheDevice_equalTheCpuSequences() {
        BiFunction<RandomStreams, Integer, Tensor<?>> draw = (s, k) -> s.uniform(F32.class, 3, k);
        assertBitIdentical(run(DEVICE, 5, draw, 7), run("cpu", 5, draw, 7), "uniform f32 3x7");
        BiFunction<RandomStreams, Integer, Tensor<?>> ints = (s, k) -> s.integers(k, 5, 0, 100);
        assertBitIdentical(run(DEVICE, 5, ints, 3), run("cpu", 5, ints, 3), "integers 3x5");
    }

    @Test
    void noDefaultUpdates_onTheDevice_repeatsTheDrawAndKeepsTheState() {
        RandomStreams srng = new RandomStreams(234);
        Tensor<F64> rv = srng.uniform(F64.class, 6, 0, 1);
        Tensor<F32> other = srng.normal(F32.class, 5, 0, 1);
        Function g = function(inputs(), outputs(rv, other), noDefaultUpdates(rv), device(DEVICE));
        List<NDArray> first = g.callAll();
        List<NDArray> second = g.callAll();
        assertThat(second.get(0)).isEqualTo(first.get(0));
        assertThat(second.get(1)).isNotEqualTo(first.get(1));
        assertThat(RandomStreams.rng(rv).getValue().toLongArray()).containsExactly(234, 0, 0);
        assertThat(RandomStreams.rng(other).getValue().toLongArray()).containsExactly(234, 1, 4);
        NDArray cpu = function(inputs(), rv, noDefaultUpdates(), device("cpu")).call();
        assertThat(first.get(0)).isEqualTo(cpu);
    }

    @Test
    void unportedDraws_stayOnTheHost_andMatchTheCpu() {
        BiFunction<RandomStreams, Integer, Tensor<?>> binomial = (s, k) -> s.binomial(k, 10, 0.3);
        RandomStreams srng = new RandomStreams(1);
        OpenClFunction f = (OpenClFunction) function(inputs(), binomial.apply(srng, 9), device(DEVICE));
        assertThat(f.hostOps()).singleElement().asString().startsWith("RandomFunction{binomial");
        NDArray dev = f.call();
        NDArray cpu = function(inputs(), binomial.apply(new RandomStreams(1), 9), device("cpu")).call();
        assertThat(dev).isEqualTo(cpu);
    }
}
