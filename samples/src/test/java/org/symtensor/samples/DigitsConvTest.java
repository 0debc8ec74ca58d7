package org.symtensor.samples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.symtensor.train.data.Dataset;

/** The conv-net sample trains to a sensible accuracy in its quick schedule. */
class DigitsConvTest {
    @Test
    void data_isTheDigitsAsOneChannelImages() {
        Dataset.Split s = DigitsConv.data();
        assertThat(s.train().x().shape()).containsExactly(1438, 1, 8, 8);
        assertThat(s.validation().x().shape()).containsExactly(359, 1, 8, 8);
    }

    @Test
    void quickSchedule_reachesNinetyPercentHeldOut() {
        double accuracy = DigitsConv.run(DigitsConv.QUICK_EPOCHS, false);
        System.out.println("DigitsConv held-out accuracy after " + DigitsConv.QUICK_EPOCHS + " epochs: " + accuracy);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.90);
    }
}
