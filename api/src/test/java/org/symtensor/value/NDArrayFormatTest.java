package org.symtensor.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.symtensor.type.DType;

/** Boundaries of {@code NDArray.toString}: the summary threshold, ten decimals, infinities, rank three. */
class NDArrayFormatTest {
    @Test
    void toString_ofExactly1000Elements_listsThemAll() {
        NDArray a = NDArray.zeros(DType.INT8, 1000);
        assertThat(a.toString()).startsWith("[0, 0").endsWith("0, 0]").doesNotContain("...");
        assertThat(NDArray.zeros(DType.INT8, 1001).toString()).isEqualTo(
                "NDArray(int8, shape=(1001,), values=[0, 0, 0, 0, 0, 0, ...])");
    }

    @Test
    void toString_floats_keepUpToTenDecimalsAndRoundBeyond() {
        assertThat(NDArray.of(0.1234567891)).hasToString("0.1234567891"); // ten decimals: as Java writes it
        assertThat(NDArray.of(0.12345678912)).hasToString("0.1234567891"); // eleven: rounded to ten
        assertThat(NDArray.of(-0.12345678916)).hasToString("-0.1234567892");
        assertThat(NDArray.of(2.00000000001)).hasToString("2.0");
        assertThat(NDArray.of(1e-20)).hasToString("1.0E-20");
        assertThat(NDArray.of(Double.POSITIVE_INFINITY)).hasToString("inf");
        assertThat(NDArray.of(Float.NEGATIVE_INFINITY)).hasToString("-inf");
    }

    @Test
    void toString_rankThree_nestsEveryAxisInCOrder() {
        NDArray a = NDArray.zeros(DType.INT32, 2, 2, 3);
        for (int i = 0; i < a.size(); i++) {
            a.setLong(i, i);
        }
        assertThat(a).hasToString("[[[0, 1, 2], [3, 4, 5]], [[6, 7, 8], [9, 10, 11]]]");
    }
}
