package org.symtensor.train.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.dmatrix;
import static org.symtensor.T.exp;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.outputs;
import static org.symtensor.T.shared;
import static org.symtensor.T.update;
import static org.symtensor.T.updates;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.ir.Composite;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

class ProfilerTest {
    static double[][] ramp(int n, double scale) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = scale * ((i * 7 + j * 3) % 11 - 5);
            }
        }
        return a;
    }

    @Test
    void profiledTwin_computesWhatTheFunctionComputes_andCountsEveryNodeOncePerCall() {
        Matrix<F64> x = dmatrix("x");
        SharedMatrix<F64> w = shared(ramp(8, 0.01), "W");
        Matrix<F64> y = exp(x.dot(w)).times(2).plus(1);
        Function f = function(inputs(x), outputs(y), updates(update(w, w.times(0.5))));
        ProfiledFunction p = Profiler.profile(f);

        NDArray in = NDArray.of(ramp(8, 0.1));
        NDArray expected = f.call(in);            // W halves after this call
        NDArray wAfterF = w.getValue();
        w.setValue(ramp(8, 0.01));
        NDArray got = p.call(in);
        assertThat(got).isEqualTo(expected);
        assertThat(w.getValue()).isEqualTo(wAfterF); // the twin applies the same update
        p.call(in);
        p.call(in);

        Profile prof = p.profile();
        assertThat(prof.calls()).isEqualTo(3);
        assertThat(prof.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.calls()).isEqualTo(3));
        List<Profile.Row> byTime = prof.byTime();
        for (int i = 1; i < byTime.size(); i++) {
            assertThat(byTime.get(i).nanos()).isLessThanOrEqualTo(byTime.get(i - 1).nanos());
        }
        // exp(...) * 2 + 1 is one fused node, named by its expression
        assertThat(prof.rows()).anySatisfy(r -> {
            assertThat(r.node().op()).isInstanceOf(Composite.class);
            assertThat(r.describe()).startsWith("Composite{((exp(i0) * 2.0) + 1.0)}").endsWith("float64 (?, ?)");
        });
        assertThat(prof.rows()).anySatisfy(r -> assertThat(r.describe()).startsWith("Dot  float64"));

        String table = prof.table();
        assertThat(table).contains("Function profile:").contains("3 calls").contains("Apply nodes by time")
                .contains("Ops by kind").contains("DOT").contains("Composite{((exp(i0) * 2.0) + 1.0)}");
        // the last line's running share is 100%
        String[] lines = table.strip().split("\n");
        assertThat(Double.parseDouble(lines[lines.length - 1].trim().split("%")[1].trim())).isCloseTo(100.0, within(0.11));

        p.reset();
        assertThat(p.profile().calls()).isZero();
        assertThat(p.profile().kernelNanos()).isZero();
    }

    @Test
    void time_picksAReadableUnit() {
        assertThat(Profile.time(1_500)).isEqualTo("1.5 µs");
        assertThat(Profile.time(2_500_000)).isEqualTo("2.500 ms");
        assertThat(Profile.time(3_000_000_000L)).isEqualTo("3.000 s");
    }
}
