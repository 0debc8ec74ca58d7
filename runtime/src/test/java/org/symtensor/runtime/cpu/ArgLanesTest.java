package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one-pass blocked argmax/argmin of {@link ArgLanes} against a plain loop written here (first
 * extreme by strict comparison, first NaN wins), on lengths around the lane width, the block and
 * the parallel piece, with ties across blocks and pieces, signed zeros, infinities and NaNs at
 * chosen places, with one, two and three threads.
 */
class ArgLanesTest {
    @AfterEach
    void oneThread() {
        Parallel.configure(1);
    }

    private static int oracle(boolean max, double[] s) {
        double best = s[0];
        if (best != best) {
            return 0;
        }
        int at = 0;
        for (int i = 1; i < s.length; i++) {
            if (s[i] != s[i]) {
                return i;
            }
            if (max ? s[i] > best : s[i] < best) {
                best = s[i];
                at = i;
            }
        }
        return at;
    }

    private static void check(double[] x, String what) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        double[] fx = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            fx[i] = f[i];
        }
        // a copy at an offset: runs start anywhere in their array
        float[] shiftedF = new float[x.length + 3];
        System.arraycopy(f, 0, shiftedF, 3, x.length);
        double[] shifted = new double[x.length + 5];
        System.arraycopy(x, 0, shifted, 5, x.length);
        for (boolean max : new boolean[] {true, false}) {
            String w = what + (max ? " argmax" : " argmin") + " n=" + x.length;
            assertThat(ArgLanes.arg(max, x, 0, x.length)).as(w + " float64").isEqualTo(oracle(max, x));
            assertThat(ArgLanes.arg(max, shifted, 5, x.length)).as(w + " float64 at offset").isEqualTo(oracle(max, x));
            assertThat(ArgLanes.arg(max, f, 0, x.length)).as(w + " float32").isEqualTo(oracle(max, fx));
            assertThat(ArgLanes.arg(max, shiftedF, 3, x.length)).as(w + " float32 at offset").isEqualTo(oracle(max, fx));
        }
    }

    @Test
    void randomRuns_ofManyLengths_matchThePlainLoop_withAnyThreadCount() {
        int[] lengths = {1, 2, 7, 8, 17, 63, 64, 65, 2047, 2048, 2049, 5000, ArgLanes.BLOCK - 1, ArgLanes.BLOCK + 1,
            2 * ArgLanes.BLOCK + 70, Parallel.CHUNK - 1, Parallel.CHUNK + 1,
            Parallel.THRESHOLD, Parallel.THRESHOLD + 1, 3 * Parallel.CHUNK + 17};
        for (int threads = 1; threads <= 3; threads++) {
            Parallel.configure(threads);
            for (int n : lengths) {
                Random r = new Random(n * 31L + threads);
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = r.nextInt(2001) - 1000; // many ties
                }
                check(x, "threads=" + threads + " ties");
                for (int i = 0; i < n; i++) {
                    x[i] = r.nextGaussian();
                }
                check(x, "threads=" + threads + " gaussian");
            }
        }
    }

    @Test
    void tiesAcrossBlocksAndPieces_keepTheFirst_andSignedZerosAreEqual() {
        for (int threads = 1; threads <= 3; threads++) {
            Parallel.configure(threads);
            int n = 3 * Parallel.CHUNK + 100;
            double[] x = new double[n];
            java.util.Arrays.fill(x, -1);
            // the same extreme in a later piece and a later block: the first stays
            for (int at : new int[] {Parallel.CHUNK + 5, 2 * Parallel.CHUNK + 1, 2 * Parallel.CHUNK + ArgLanes.BLOCK + 3}) {
                x[at] = 7;
                x[n - 1 - at] = -9;
            }
            check(x, "threads=" + threads + " ties");
            java.util.Arrays.fill(x, -1);
            x[ArgLanes.BLOCK + 9] = -0.0;
            x[ArgLanes.BLOCK + 1] = 0.0;
            x[5] = -0.0;
            check(x, "threads=" + threads + " zeros");
            x[n - 2] = Double.POSITIVE_INFINITY;
            x[n - 3] = Double.NEGATIVE_INFINITY;
            check(x, "threads=" + threads + " infinities");
        }
    }

    @Test
    void theFirstNaN_winsEverywhere_beforeOrAfterTheExtreme() {
        for (int threads = 1; threads <= 3; threads++) {
            Parallel.configure(threads);
            int n = 2 * Parallel.CHUNK + 300;
            for (int nan : new int[] {0, 1, 9, ArgLanes.BLOCK - 1, ArgLanes.BLOCK, Parallel.CHUNK + 3, n - 1}) {
                Random r = new Random(nan);
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = r.nextGaussian();
                }
                x[Math.max(0, nan - 1)] = 1e9;
                x[n / 2] = -1e9;
                x[nan] = Double.NaN;
                x[n - 1 - nan / 2] = Double.NaN; // a later NaN, in another piece for most
                x[Math.min(n - 1, nan + 1)] = Double.NaN;
                check(x, "threads=" + threads + " NaN at " + nan);
            }
        }
    }
}
