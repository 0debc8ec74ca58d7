package org.symtensor.runtime.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.symtensor.function.Mode;

/** Which checks each mode gets: the one decision every backend reads. */
class ChecksTest {
    @Test
    void forMode_nanGuard_checksOutputsOnly() {
        assertThat(Checks.forMode(Mode.NAN_GUARD)).isEqualTo(new Checks(true, false));
    }

    @Test
    void forMode_debugMode_comparesWithTheGraphAsWrittenOnly() {
        assertThat(Checks.forMode(Mode.DEBUG_MODE)).isEqualTo(new Checks(false, true));
    }

    @Test
    void forMode_otherModes_checkNothing() {
        assertThat(Checks.forMode(Mode.FAST_RUN)).isEqualTo(Checks.NONE);
        assertThat(Checks.forMode(Mode.FAST_COMPILE)).isEqualTo(Checks.NONE);
        assertThat(Checks.forMode(Mode.NONE)).isEqualTo(Checks.NONE);
    }
}
