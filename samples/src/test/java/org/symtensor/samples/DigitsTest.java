package org.symtensor.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symtensor.train.data.Dataset;

/** The Digits sample reaches the accuracy it promises, and its checkpoint, plot and page are written. */
class DigitsTest {
    @TempDir
    Path tmp;

    @Test
    void data_isTheUciTestSet_splitEightyTwenty() {
        Dataset.Split s = Digits.data();
        assertThat(s.train().size() + s.validation().size()).isEqualTo(1797);
        assertThat(s.validation().size()).isEqualTo(359);
        assertThat(s.train().x().shape()).containsExactly(1438, 64);
        assertThat(s.train().y().shape()).containsExactly(1438, 10);
    }

    @Test
    void quickSchedule_reachesNinetyFivePercentHeldOut_andTheCheckpointRestoresIt() throws Exception {
        Digits.Result r = Digits.run(Digits.QUICK_EPOCHS, tmp, false);
        assertThat(r.testAccuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.reloadedAccuracy()).isEqualTo(r.testAccuracy());
        assertThat(r.history().epochs()).isEqualTo(Digits.QUICK_EPOCHS);
        assertThat(Files.size(tmp.resolve("digits-curves.png"))).isPositive();
        assertThat(Files.size(tmp.resolve("digits.npz"))).isPositive();
        assertThat(Files.readString(tmp.resolve("digits-train-step.html"))).contains("Viz.js 3.31.0");
    }

    @Test
    void symbolicFunctionModel_reachesNinetyFivePercentHeldOut() {
        assertThat(DigitsModel.train(Digits.data(), Digits.QUICK_EPOCHS, false)).isGreaterThanOrEqualTo(0.95);
    }
}
