package org.symtensor;

import org.symtensor.error.ArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Tensor;
import org.symtensor.type.F32;
import org.symtensor.type.F64;

class NullArgumentsTest {
    private final Matrix<F64> x = dmatrix("x");

    @Test
    void plus_nullOperand_failsNamingTheReceiver() {
        assertThatThrownBy(() -> x.plus((Tensor<F64>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("plus: the operand of 'x' is null");
    }

    @Test
    void inputs_nullEntry_failsNamingItsPosition() {
        assertThatThrownBy(() -> inputs(x, null)).isInstanceOf(ArgumentException.class)
                .hasMessage("inputs(...): input #1 is null");
    }

    @Test
    void outputs_nullEntry_failsNamingItsPosition() {
        assertThatThrownBy(() -> outputs(null, x)).isInstanceOf(ArgumentException.class)
                .hasMessage("outputs(...): output #0 is null");
    }

    @Test
    void function_nullOutput_failsBeforeCompiling() {
        assertThatThrownBy(() -> function(inputs(x), (Tensor<?>) null)).isInstanceOf(ArgumentException.class)
                .hasMessage("function(...): the output is null");
    }

    @Test
    void cast_nullDtypeMarker_saysWhatToPass() {
        assertThatThrownBy(() -> cast(x, (Class<F32>) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pass one such as F64.class");
    }
}
