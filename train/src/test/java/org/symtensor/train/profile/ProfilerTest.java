package org.symtensor.train.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.dmatrix;
import static org.symtensor.T.exp;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.outputs;
import static org.symtensor.T.shared;
import static org.symtensor.T.update;
import static org.symtensor.T.updates;

import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.function.Profile;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

class ProfilerTest {
    @Test
    void profiledTwin_computesAndUpdatesWhatTheFunctionDoes_andCountsItsOwnCalls() {
        Matrix<F64> x = dmatrix("x");
        SharedMatrix<F64> w = shared(new double[][] {{1, 2}, {3, 4}}, "W");
        Function f = function(inputs(x), outputs(exp(x.dot(w)).times(2)), updates(update(w, w.times(0.5))));
        Function twin = Profiler.profile(f);
        NDArray in = NDArray.of(new double[][] {{0.1, 0}, {0, 0.1}});

        NDArray expected = f.call(in);
        NDArray wAfterF = w.getValue();
        w.setValue(new double[][] {{1, 2}, {3, 4}});
        assertThat(twin.call(in)).isEqualTo(expected);
        assertThat(w.getValue()).isEqualTo(wAfterF);
        twin.call(in);

        Profile p = twin.profile();
        assertThat(p.calls()).isEqualTo(2);
        assertThat(p.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.calls()).isEqualTo(2));
        assertThat(f.spec().profile()).isFalse();
    }
}
