package org.symtensor.runtime.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Philox-4x32-10 against Random123's published known-answer vectors (kat_vectors, lines
 * {@code philox4x32 10 ...}: counter, key, expected output), and the counter scheme of a draw.
 */
class PhiloxTest {
    private static int[] block(int c0, int c1, int c2, int c3, int k0, int k1) {
        int[] out = new int[4];
        Philox.block(c0, c1, c2, c3, k0, k1, out, 0);
        return out;
    }

    @Test
    void block_zeroCounterZeroKey_matchesRandom123KnownAnswer() {
        assertThat(block(0, 0, 0, 0, 0, 0)).containsExactly(0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8);
    }

    @Test
    void block_allOnes_matchesRandom123KnownAnswer() {
        assertThat(block(-1, -1, -1, -1, -1, -1)).containsExactly(0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd);
    }

    @Test
    void block_digitsOfPi_matchesRandom123KnownAnswer() {
        assertThat(block(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0))
                .containsExactly(0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1);
    }

    @Test
    void stateBlock_mapsCounterAndStreamToTheDocumentedWords() {
        long key = 0x299f31d0a4093822L;
        long stream = 0x0370734413198a2eL;
        long counter = 0x85a308d3243f6a88L - 5;
        int[] out = new int[4];
        Philox.block(key, stream, counter, 5, out, 0);
        assertThat(out).containsExactly(0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1);
    }

    @Test
    void words_readBlocksInOrderAndAdvanceTheCounterByWholeBlocks() {
        Philox.Words w = new Philox.Words(7, 3, 100);
        int[] b0 = new int[4];
        int[] b1 = new int[4];
        Philox.block(7, 3, 100, 0, b0, 0);
        Philox.block(7, 3, 100, 1, b1, 0);
        int[] read = new int[6];
        for (int i = 0; i < 6; i++) {
            read[i] = w.nextInt();
        }
        assertThat(read).containsExactly(b0[0], b0[1], b0[2], b0[3], b1[0], b1[1]);
        assertThat(w.nextCounter()).isEqualTo(102);
    }

    @Test
    void streams_ofOneKey_neverShareABlock() {
        int[] a = new int[4];
        int[] b = new int[4];
        Philox.block(234, 0, 0, 0, a, 0);
        Philox.block(234, 1, 0, 0, b, 0);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void uniformFloat_isTheTopTwentyFourBitsOfEachWord_inParallelToo() {
        int n = (1 << 16) + 7; // large enough for the parallel path, not a multiple of 4
        float[] out = new float[n];
        long next = Draws.uniformFloat(11, 2, 40, 0, 1, out);
        int[] w = new int[4];
        for (int i = 0; i < n; i++) {
            if (i % 4 == 0) {
                Philox.block(11, 2, 40, i / 4, w, 0);
            }
            float expected = (w[i % 4] >>> 8) / 16777216f;
            if (out[i] != expected) {
                throw new AssertionError("element " + i + ": " + out[i] + " != " + expected);
            }
        }
        assertThat(next).isEqualTo(40 + (n + 3) / 4);
    }

    @Test
    void umulhi_isTheHighHalfOfTheUnsignedProduct() {
        java.math.BigInteger two64 = java.math.BigInteger.ONE.shiftLeft(64);
        long[] xs = {-1L, 0x8000000000000001L, 12345L, Long.MAX_VALUE};
        for (long x : xs) {
            for (long y : xs) {
                java.math.BigInteger bx = new java.math.BigInteger(Long.toUnsignedString(x));
                java.math.BigInteger by = new java.math.BigInteger(Long.toUnsignedString(y));
                long expected = bx.multiply(by).divide(two64).longValue();
                assertThat(Draws.umulhi(x, y)).isEqualTo(expected);
            }
        }
    }
}
