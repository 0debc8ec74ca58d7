package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;

/** {@code pp} shows what the user wrote: operand order as written, Theano's names. */
class PrintingAsWrittenTest {
    @Test
    void literalFirst_printsLiteralFirst_andComputesTheSame() {
        Vector<F64> e = dvector("e");
        assertThat(pp(plus(1, e))).isEqualTo("(1.0 + e)");
        assertThat(pp(minus(1, e))).isEqualTo("(1.0 - e)");
        assertThat(pp(times(2, e))).isEqualTo("(2.0 * e)");
        assertThat(function(inputs(e), minus(1, e)).call(new double[] {0.25, 3}).toDoubleArray())
                .containsExactly(0.75, -2.0);
    }

    @Test
    void transposeOfANamedMatrix_isNamedXDotT() {
        Matrix<F64> x = dmatrix("x");
        assertThat(x.transpose().variable().name()).isEqualTo("x.T");
        assertThat(x.T().variable().name()).isEqualTo("x.T");
        assertThat(dmatrix().transpose().variable().name()).isNull();
    }

    @Test
    void debugprintOfACompiledFunction_fromTheFacade_isTheFunctionsOwn() {
        Vector<F64> e = dvector("e");
        org.symtensor.function.Function f = function(inputs(e), exp(e).plus(1));
        assertThat(debugprint(f)).isEqualTo(f.debugprint()).contains("Composite");
    }
}
