package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The compiler directive of {@link JitHints} is accepted by this JVM (HotSpot answers "1 compiler
 * directives added" only to a directive it parsed), when the Vector API is on.
 */
class JitHintsTest {
    @Test
    void theDirectiveIsAccepted_whenTheVectorApiIsOn() throws InterruptedException {
        if (!Simd.ENABLED) {
            assertThat(JitHints.added).isFalse(); // never installed without the Vector API
            return;
        }
        long end = System.nanoTime() + 20_000_000_000L;
        while (!JitHints.added && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(JitHints.added).as("the directive was added within 20 s").isTrue();
    }
}
