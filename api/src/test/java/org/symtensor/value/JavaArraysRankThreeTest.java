package org.symtensor.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Nested Java arrays of rank three, both ways, with every length different so a wrong stride shows. */
class JavaArraysRankThreeTest {
    private static final int[][][] NESTED = {
        {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 11}},
        {{12, 13, 14, 15}, {16, 17, 18, 19}, {20, 21, 22, 23}}};

    @Test
    void fromJava_rankThree_isCOrder() {
        NDArray a = NDArray.fromJava(NESTED);
        assertThat(a.shape()).containsExactly(2, 3, 4);
        for (int i = 0; i < 24; i++) {
            assertThat(a.getLong(i)).isEqualTo(i);
        }
    }

    @Test
    void toJava_rankThree_isTheNestedArray() {
        NDArray a = NDArray.fromJava(NESTED);
        assertThat((int[][][]) a.toJava()).isDeepEqualTo(NESTED);
    }

    @Test
    void fromJava_emptyFirstRow_hasZeroDeeperLengths() {
        NDArray a = NDArray.fromJava(new double[][] {{}, {}});
        assertThat(a.shape()).containsExactly(2, 0);
    }
}
