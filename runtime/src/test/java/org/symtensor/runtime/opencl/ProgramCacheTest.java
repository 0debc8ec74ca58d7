package org.symtensor.runtime.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;
import static org.symtensor.runtime.opencl.OpenClTesting.DEVICE;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.symtensor.function.CompileOptions;
import org.symtensor.config.Config;
import org.symtensor.function.Function;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;

/**
 * The device's program cache is a bounded LRU (flag {@code clCacheSize}): compiling and running
 * more distinct programs than the bound keeps at most that many built, releases the evicted ones,
 * and every function still computes the right values (an evicted program is built again).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ProgramCacheTest {
    private ClDevice device;
    private int before;

    @BeforeEach
    void rememberBound() {
        assumeOpenCl();
        device = OpenClPlatforms.get().device(DEVICE);
        before = device.cacheCapacity();
    }

    @AfterEach
    void restoreBound() {
        if (device != null) {
            device.setCacheCapacity(before);
        }
    }

    @Test
    void clCacheSize_isAFlagAndACompileOption_64ByDefault() {
        assertThat(Config.parse("").clCacheSize()).isEqualTo(64);
        assertThat(CompileOptions.defaults().clCacheSize()).isEqualTo(64);
        assertThat(CompileOptions.fromFlags(Config.parse("device=opencl0,clCacheSize=3")).clCacheSize()).isEqualTo(3);
        assertThatThrownBy(() -> Config.parse("clCacheSize=0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clCacheSize must be a positive integer, got 0");
    }

    /** Eight elementwise functions whose fused kernels are distinct programs, with their references in double. */
    private static final List<String> NAMES = List.of("exp", "sigmoid", "softplus", "tanh", "sqr", "abs+1", "neg*3", "x/(1+x*x)");
    private static final List<DoubleUnaryOperator> REFERENCES = List.of(Math::exp, v -> 1 / (1 + Math.exp(-v)),
            v -> Math.log1p(Math.exp(v)), Math::tanh,
            v -> v * v, v -> Math.abs(v) + 1, v -> -v * 3, v -> v / (1 + v * v));

    private List<Function> compileEight(CompileOptions options) {
        List<Function> fs = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            Vector<F32> x = fvector("x");
            Vector<F32> y = switch (i) {
                case 0 -> exp(x);
                case 1 -> sigmoid(x);
                case 2 -> softplus(x);
                case 3 -> tanh(x);
                case 4 -> x.times(x);
                case 5 -> abs(x).plus(1);
                case 6 -> x.unaryMinus().times(3);
                default -> x.div(x.times(x).plus(1));
            };
            Function spec = function(inputs(x), y, device(DEVICE));
            fs.add(new OpenClFunction(spec.spec(), options, device));
        }
        return fs;
    }

    private static void assertComputes(Function f, int i, float[] in) {
        float[] out = f.call(in).toFloatArray();
        for (int j = 0; j < in.length; j++) {
            double want = REFERENCES.get(i).applyAsDouble(in[j]);
            assertThat((double) out[j]).as(NAMES.get(i) + " of " + in[j]).isCloseTo(want,
                    org.assertj.core.data.Offset.offset(1e-5 * Math.max(1, Math.abs(want))));
        }
    }

    @Test
    void moreDistinctProgramsThanTheBound_keepTheCacheBounded_releaseTheEvicted_andStayRight() {
        CompileOptions options = CompileOptions.defaults().withDevice(DEVICE).withClCacheSize(3);
        List<Function> fs = compileEight(options);
        assertThat(device.cacheCapacity()).isEqualTo(3);
        long released = device.releasedPrograms();
        float[] in = {-1.5f, 0f, 0.25f, 2f};

        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < fs.size(); i++) {
                assertComputes(fs.get(i), i, in);
                assertThat(device.cachedPrograms()).as("programs cached after " + NAMES.get(i)).isLessThanOrEqualTo(3);
            }
        }

        // 8 distinct programs through 3 places, twice: at least 5 evictions per round, each released
        assertThat(device.releasedPrograms() - released).isGreaterThanOrEqualTo(10);
    }

    @Test
    void evictionWhileOtherThreadsLaunch_releasesNothingInUse_andResultsStayRight() throws Exception {
        CompileOptions options = CompileOptions.defaults().withDevice(DEVICE).withClCacheSize(2);
        List<Function> fs = compileEight(options);
        float[] in = {-0.5f, 0.75f, 1.25f};
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CyclicBarrier start = new CyclicBarrier(4);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int id = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int c = 0; c < 16; c++) {
                        int i = (id * 3 + c) % fs.size();
                        assertComputes(fs.get(i), i, in);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(280, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(device.cachedPrograms()).isLessThanOrEqualTo(2);
    }
}
