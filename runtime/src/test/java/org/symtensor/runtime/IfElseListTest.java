package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.error.InvalidValueException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.function.Function;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;

/** Theano's {@code ifelse(cond, [a, b], [c, d])}: several outputs, only the branch taken computed. */
class IfElseListTest {

    @Test
    void ifelse_overLists_returnsOneOutputPerPairFromTheBranchTaken() {
        Scalar<F64> a = dscalar("a");
        Scalar<F64> b = dscalar("b");
        List<Tensor<?>> r = ifelse(a.gt(b), List.of(a.times(2), b.plus(1)), List.of(b.times(3), a.minus(1)));
        Function f = function(inputs(a, b), outputs(r.get(0), r.get(1)));

        var big = f.callAll(5.0, 2.0);   // then: [10, 3]
        assertThat(big.get(0).toDouble()).isEqualTo(10.0);
        assertThat(big.get(1).toDouble()).isEqualTo(3.0);
        var small = f.callAll(1.0, 2.0); // else: [6, 0]
        assertThat(small.get(0).toDouble()).isEqualTo(6.0);
        assertThat(small.get(1).toDouble()).isEqualTo(0.0);
    }

    @Test
    void ifelse_overLists_computesOnlyTheBranchTaken() {
        Scalar<F64> a = dscalar("a");
        Vector<F64> u = dvector("u");
        Vector<F64> w = dvector("w");
        // u + w fails when the lengths differ: only a taken branch may run it
        List<Tensor<?>> r = ifelse(a.gt(0), List.of(a.times(2), a.plus(1)), List.of(u.plus(w).sum(), u.plus(w).max()));
        Function f = function(inputs(a, u, w), outputs(r.get(0), r.get(1)));
        double[] two = {1, 2};
        double[] three = {1, 2, 3};

        var r1 = f.callAll(3.0, two, three);
        assertThat(r1.get(0).toDouble()).isEqualTo(6.0);
        assertThat(r1.get(1).toDouble()).isEqualTo(4.0);
        assertThatThrownBy(() -> f.callAll(-3.0, two, three)).isInstanceOf(ShapeMismatchException.class);
        var r2 = f.callAll(-3.0, two, two);  // else: sum = 6, max = 4
        assertThat(r2.get(0).toDouble()).isEqualTo(6.0);
        assertThat(r2.get(1).toDouble()).isEqualTo(4.0);
    }

    @Test
    void ifelse_overListsOfDifferentLengths_failsNamingTheCounts() {
        Scalar<F64> a = dscalar("a");

        assertThatThrownBy(() -> ifelse(a.gt(0), List.of(a, a), List.of(a)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("2 and 1");
    }
}
