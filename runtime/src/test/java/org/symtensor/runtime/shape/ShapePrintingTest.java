package org.symtensor.runtime.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.type.I64;

/** pp and debugprint show the shape, construction and advanced indexing ops. */
class ShapePrintingTest {
    @Test
    void pp_showsEachOp() {
        Matrix<F64> x = dmatrix("x");
        Vector<I64> idx = lvector("idx");
        Scalar<I64> n = lscalar("n");

        assertThat(pp(concatenate(0, x, x))).isEqualTo("concatenate{axis=0}(x, x)");
        assertThat(pp(zeros(F64.class, n))).isEqualTo("alloc(0.0, n)");
        assertThat(pp(arange(n))).isEqualTo("arange(0, n, 1)");
        assertThat(pp(specifyShape(x, 2, -1))).isEqualTo("SpecifyShape{(2, ?)}(x)");
        assertThat(pp(take(x, idx, 1))).isEqualTo("AdvancedSubtensor{axis=1}(x, idx)");
        assertThat(pp(incSubtensor(x, 1, idx))).isEqualTo("AdvancedIncSubtensor{axis=0}(x, 1.0, idx)");
        assertThat(pp(x.get(slice(null, null, -1)))).isEqualTo("x[::-1]");
    }

    @Test
    void debugprint_namesTheOps() {
        Matrix<F64> x = dmatrix("x");

        String d = debugprint(reshape(concatenate(1, x, x), -1));

        assertThat(d).contains("Reshape{1}").contains("Join{axis=1}");
    }
}
