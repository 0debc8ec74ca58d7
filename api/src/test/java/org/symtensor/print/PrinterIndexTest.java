package org.symtensor.print;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Subtensor;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/** {@code pp} of indexing and slicing, as NumPy writes them. */
class PrinterIndexTest {
    private final Variable m = new Variable(TensorType.ofRank(DType.FLOAT64, 2), "m");
    private final Variable i = new Variable(TensorType.ofRank(DType.INT64, 0), "i");
    private final Variable j = new Variable(TensorType.ofRank(DType.INT64, 0), "j");

    @Test
    void index_onTheFirstAxis_isBracketed() {
        assertThat(Printer.pp(Apply.output(Subtensor.index(0), m, i))).isEqualTo("m[i]");
    }

    @Test
    void index_onTheSecondAxis_isPrecededByAFullSlice() {
        assertThat(Printer.pp(Apply.output(Subtensor.index(1), m, i))).isEqualTo("m[:, i]");
    }

    @Test
    void slice_withStartStopAndStep_printsEachPart() {
        assertThat(Printer.pp(Apply.output(Subtensor.slice(0, true, true, 2), m, i, j))).isEqualTo("m[i:j:2]");
        assertThat(Printer.pp(Apply.output(Subtensor.slice(1, true, false, 1), m, i))).isEqualTo("m[:, i:]");
        assertThat(Printer.pp(Apply.output(Subtensor.slice(0, false, true, 1), m, j))).isEqualTo("m[:j]");
        assertThat(Printer.pp(Apply.output(Subtensor.slice(0, false, false, -1), m))).isEqualTo("m[::-1]");
    }
}
