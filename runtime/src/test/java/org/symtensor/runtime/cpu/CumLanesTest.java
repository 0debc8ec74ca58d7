package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The eight-at-a-time running sum of {@link CumLanes} against a sequential loop in double written
 * here: every output within one float32 ulp of the sequential sum (plus the re-association's
 * double error), for lengths around the vector width and starts anywhere in the arrays.
 */
class CumLanesTest {
    @Test
    void runningSum_ofManyLengthsAndOffsets_matchesTheSequentialLoop() {
        Random r = new Random(3);
        for (int n = 0; n <= 70; n++) {
            for (int off : new int[] {0, 1, 5}) {
                float[] s = new float[n + off];
                for (int i = 0; i < s.length; i++) {
                    s[i] = (float) (r.nextGaussian() * 100);
                }
                float[] d = new float[n + 3];
                CumLanes.runningSum(s, off, d, 3, n, 0.25);
                double acc = 0.25;
                double abs = 0.25;
                for (int i = 0; i < n; i++) {
                    acc += s[off + i];
                    abs += Math.abs(s[off + i]);
                    assertThat((double) d[3 + i]).as("n %d offset %d at %d", n, off, i)
                            .isCloseTo(acc, within(Math.ulp((float) acc) + 1e-13 * abs));
                }
                double t = 0;
                for (int i = 0; i < n; i++) {
                    t += s[off + i];
                }
                assertThat(CumLanes.sum(s, off, n)).as("sum n %d", n).isCloseTo(t, within(1e-12 * (abs + 1)));
            }
        }
    }

    @Test
    void runningSum_ofExactValues_isExact() {
        int n = 1003;
        float[] s = new float[n];
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = i % 7 - 3;
        }
        CumLanes.runningSum(s, 0, d, 0, n, 0);
        long acc = 0;
        for (int i = 0; i < n; i++) {
            acc += i % 7 - 3;
            assertThat(d[i]).as("at %d", i).isEqualTo((float) acc);
        }
    }
}
