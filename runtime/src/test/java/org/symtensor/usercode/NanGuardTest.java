package org.symtensor.usercode;

import org.symtensor.function.Mode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.error.NanGuardException;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;

/** NAN_GUARD seen from user code (a package outside Symtensor's own, so locations point here). */
class NanGuardTest {
    @Test
    void nanGuard_namesTheOpAndWhereItWasCreated() {
        Vector<F64> x = dvector("x");
        int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        Vector<F64> y = log(x).times(2);
        Function f = function(inputs(x), y, mode(Mode.NAN_GUARD));
        assertThat(f.call(new double[] {1, Math.E}).toDoubleArray()).containsExactly(0, 2);
        assertThatThrownBy(() -> f.call(new double[] {1, -1}))
                .isInstanceOf(NanGuardException.class)
                .hasMessageContaining("Elemwise{log}")
                .hasMessageContaining("NanGuardTest.java:" + line)
                .hasMessageContaining("NaN in output 0 at flat index 1");
    }

    @Test
    void nanGuard_reportsInfinities() {
        Vector<F64> x = dvector("x");
        Function f = function(inputs(x), exp(x), mode(Mode.NAN_GUARD));
        assertThatThrownBy(() -> f.call(new double[] {1000}))
                .isInstanceOf(NanGuardException.class).hasMessageContaining("Elemwise{exp}").hasMessageContaining("+Inf");
    }
}
