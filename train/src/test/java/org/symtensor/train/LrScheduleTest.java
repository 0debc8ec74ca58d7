package org.symtensor.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Schedules against values worked out by hand. */
class LrScheduleTest {
    @Test
    void step_halvesEveryTenSteps() {
        LrSchedule s = LrSchedule.step(0.8, 10, 0.5);
        assertThat(s.at(0)).isEqualTo(0.8);
        assertThat(s.at(9)).isEqualTo(0.8);
        assertThat(s.at(10)).isEqualTo(0.4);
        assertThat(s.at(35)).isEqualTo(0.1);
    }

    @Test
    void exponential_isContinuous() {
        LrSchedule s = LrSchedule.exponential(1.0, 0.25, 2);
        assertThat(s.at(2)).isEqualTo(0.25);
        assertThat(s.at(1)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void cosine_goesFromRateToMinimumAndStays() {
        LrSchedule s = LrSchedule.cosine(1.0, 100, 0.1);
        assertThat(s.at(0)).isEqualTo(1.0);
        assertThat(s.at(50)).isCloseTo(0.55, within(1e-15));
        assertThat(s.at(100)).isCloseTo(0.1, within(1e-15));
        assertThat(s.at(150)).isCloseTo(0.1, within(1e-15));
    }

    @Test
    void warmup_rampsLinearlyThenHandsOver() {
        LrSchedule s = LrSchedule.constant(0.4).withWarmup(4);
        assertThat(s.at(0)).isEqualTo(0.1);
        assertThat(s.at(1)).isEqualTo(0.2);
        assertThat(s.at(3)).isEqualTo(0.4);
        LrSchedule decay = LrSchedule.step(0.4, 1, 0.5).withWarmup(2);
        assertThat(decay.at(2)).isEqualTo(0.4); // the decay's step 0
        assertThat(decay.at(3)).isEqualTo(0.2);
    }

    @Test
    void nonPositiveLengths_fail() {
        assertThatThrownBy(() -> LrSchedule.step(1, 0, 0.5)).hasMessage("every must be positive, got 0");
        assertThatThrownBy(() -> LrSchedule.constant(1).withWarmup(-1)).hasMessage("warmupSteps must be positive, got -1");
    }
}
