package org.symtensor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void parse_floatXAndDevice_setsBothAndDefaultsTheMode() {
        Config c = Config.parse("floatX=float32,device=cpu");
        assertThat(c.floatX()).isEqualTo("float32");
        assertThat(c.device()).isEqualTo("cpu");
        assertThat(c.mode()).isEqualTo("FAST_RUN");
    }

    @Test
    void parse_nullOrEmpty_givesTheDefaults() {
        for (String flags : new String[] {null, "", " , "}) {
            Config c = Config.parse(flags);
            assertThat(c.floatX()).isEqualTo("float64");
            assertThat(c.device()).isEqualTo("cpu");
            assertThat(c.mode()).isEqualTo("FAST_RUN");
        }
    }

    @Test
    void parse_trimsSpacesAndNormalizesCase() {
        Config c = Config.parse(" device = OpenCL0 , mode=fast_compile ");
        assertThat(c.device()).isEqualTo("opencl0");
        assertThat(c.mode()).isEqualTo("FAST_COMPILE");
    }

    @Test
    void parse_laterValueOfAKey_wins() {
        assertThat(Config.parse("floatX=float32,floatX=float64").floatX()).isEqualTo("float64");
    }

    @Test
    void parse_unknownFlag_failsNamingTheKeyAndTheKnownFlags() {
        assertThatThrownBy(() -> Config.parse("floatX=float32,optimiser=fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown flag 'optimiser'")
                .hasMessageContaining("floatX, device, mode, optimizer, threads, blasThreads");
    }

    @Test
    void parse_optimizerNone_turnsOptimizationOff() {
        assertThat(Config.parse("optimizer=None").optimize()).isFalse();
        assertThat(Config.parse("").optimize()).isTrue();
    }

    @Test
    void parse_unknownOptimizer_failsNamingTheChoices() {
        assertThatThrownBy(() -> Config.parse("optimizer=fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("optimizer must be fast_run or None, got fast");
    }

    @Test
    void parse_threads_isReadDefaultsToTheProcessorsAndRejectsBadValues() {
        assertThat(Config.parse("threads=3").threads()).isEqualTo(3);
        assertThat(Config.parse("").threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        for (String bad : new String[] {"0", "-2", "two", ""}) {
            assertThatThrownBy(() -> Config.parse("threads=" + bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("threads must be a positive integer, got " + bad);
        }
    }

    @Test
    void parse_blasThreads_isReadAndDefaultsToThreads() {
        assertThat(Config.parse("blasThreads=4").blasThreads()).isEqualTo(4);
        assertThat(Config.parse("threads=1,blasThreads=4").blasThreads()).isEqualTo(4);
        assertThat(Config.parse("threads=3").blasThreads()).isEqualTo(3);
        assertThat(Config.parse("threads=3").explicitBlasThreads()).isZero();
        assertThat(Config.parse("").blasThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThatThrownBy(() -> Config.parse("blasThreads=zero"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blasThreads must be a positive integer, got zero");
    }

    @Test
    void parse_integerFloatX_fails() {
        assertThatThrownBy(() -> Config.parse("floatX=int32"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("floatX must be float32 or float64, got int32");
    }

    @Test
    void parse_unknownFloatXName_failsNamingIt() {
        assertThatThrownBy(() -> Config.parse("floatX=float16"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("floatX must be float32 or float64, got float16");
    }

    @Test
    void parse_shortOrUpperCaseFloatXName_givesTheTheanoName() {
        assertThat(Config.parse("floatX=f32").floatX()).isEqualTo("float32");
        assertThat(Config.parse("floatX=FLOAT64").floatX()).isEqualTo("float64");
    }

    @Test
    void parse_entryWithoutEquals_failsNamingIt() {
        assertThatThrownBy(() -> Config.parse("floatX"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'floatX' is not key=value");
        assertThatThrownBy(() -> Config.parse("=cpu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not key=value");
    }
}
