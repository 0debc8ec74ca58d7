package org.symtensor.type;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link DType#fromName}: Theano's names, the enum's names and the short forms. */
class DTypeNamesTest {
    @Test
    void fromName_shortForms_areTheirDtypes() {
        assertThat(DType.fromName("f32")).isEqualTo(DType.FLOAT32);
        assertThat(DType.fromName("f64")).isEqualTo(DType.FLOAT64);
        assertThat(DType.fromName("i8")).isEqualTo(DType.INT8);
        assertThat(DType.fromName("i16")).isEqualTo(DType.INT16);
        assertThat(DType.fromName("i32")).isEqualTo(DType.INT32);
        assertThat(DType.fromName("i64")).isEqualTo(DType.INT64);
        assertThat(DType.fromName("u8")).isEqualTo(DType.UINT8);
    }

    @Test
    void fromName_theanoAndEnumNames_ignoringCaseAndSpaces() {
        for (DType d : DType.values()) {
            assertThat(DType.fromName(d.theanoName())).isEqualTo(d);
            assertThat(DType.fromName(" " + d.name() + " ")).isEqualTo(d);
        }
    }
}
