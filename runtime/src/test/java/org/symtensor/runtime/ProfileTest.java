package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.dmatrix;
import static org.symtensor.T.exp;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.outputs;
import static org.symtensor.T.profile;
import static org.symtensor.T.shared;
import static org.symtensor.T.update;
import static org.symtensor.T.updates;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symtensor.T;
import org.symtensor.error.ArgumentException;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.Mode;
import org.symtensor.function.Profile;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Composite;
import org.symtensor.runtime.opencl.OpenClBackend;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/** {@code function(..., profile())}: Theano's {@code profile=True} on the CPU backend. */
class ProfileTest {
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
    void profiledFunction_computesWhatThePlainOneComputes_andListsEveryApplyNodeOnceWithItsCalls() {
        Matrix<F64> x = dmatrix("x");
        SharedMatrix<F64> w = shared(ramp(8, 0.01), "W");
        Matrix<F64> y = exp(x.dot(w)).times(2).plus(1);
        Function plain = function(inputs(x), outputs(y), updates(update(w, w.times(0.5))));
        Function profiled = function(inputs(x), outputs(y), updates(update(w, w.times(0.5))), profile());

        NDArray in = NDArray.of(ramp(8, 0.1));
        NDArray expected = plain.call(in);
        NDArray wAfterPlain = w.getValue();
        w.setValue(ramp(8, 0.01));
        assertThat(profiled.call(in)).isEqualTo(expected);
        assertThat(w.getValue()).isEqualTo(wAfterPlain);
        profiled.call(in);
        profiled.call(in);

        Profile prof = profiled.profile();
        assertThat(prof.calls()).isEqualTo(3);
        List<Apply> applies = ((CompiledFunction) profiled).schedule().thunks().stream().map(t -> t.node()).toList();
        assertThat(applies).hasSizeGreaterThanOrEqualTo(3); // dot, the fused exp*2+1, the update's product
        assertThat(prof.rows()).hasSize(applies.size())
                .allSatisfy(r -> assertThat(r.calls()).isEqualTo(3));
        Map<Apply, Boolean> listed = new IdentityHashMap<>();
        prof.rows().forEach(r -> assertThat(listed.put(r.node(), true)).as("listed once: %s", r.describe()).isNull());
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(applies);
        List<Profile.Row> byTime = prof.byTime();
        for (int i = 1; i < byTime.size(); i++) {
            assertThat(byTime.get(i).nanos()).isLessThanOrEqualTo(byTime.get(i - 1).nanos());
        }
        assertThat(prof.kernelNanos()).isPositive().isLessThanOrEqualTo(prof.callNanos());
    }

    @Test
    void table_namesAFusedNodeByItsExpression_andItsSharesSumToAHundredPercent() {
        Matrix<F64> x = dmatrix("x");
        Matrix<F64> y = exp(x.dot(x)).times(2).plus(1);
        Function f = function(inputs(x), y, profile(), FunctionFlag.name("step"));
        for (int i = 0; i < 4; i++) {
            f.call((Object) ramp(16, 0.01));
        }
        Profile prof = f.profile();
        assertThat(prof.rows()).anySatisfy(r -> {
            assertThat(r.node().op()).isInstanceOf(Composite.class);
            assertThat(r.describe()).isEqualTo("Composite{((exp(i0) * 2.0) + 1.0)}  float64 (?, ?)");
        });
        assertThat(prof.rows()).anySatisfy(r -> assertThat(r.describe()).startsWith("Dot  float64"));

        String table = prof.toString();
        assertThat(table).startsWith("Function profile: step").contains("4 calls").contains("Ops by kind")
                .contains("Apply nodes by time").contains("DOT").contains("Composite{((exp(i0) * 2.0) + 1.0)}");
        String[] lines = table.strip().split("\n");
        double sum = 0;
        boolean inNodes = false;
        for (String line : lines) {
            if (line.startsWith("Apply nodes by time")) {
                inNodes = true;
            } else if (inNodes && line.trim().matches("[0-9.]+%.*")) {
                sum += Double.parseDouble(line.trim().split("%")[0]);
            }
        }
        assertThat(sum).isCloseTo(100.0, within(0.1 * prof.rows().size()));
        String last = lines[lines.length - 1].trim();
        assertThat(Double.parseDouble(last.split("%")[1].trim())).isCloseTo(100.0, within(0.11));
    }

    @Test
    void profile_inDebugMode_timesTheOptimizedScheduleOnly_notTheReferenceItIsComparedWith() {
        Matrix<F64> x = dmatrix("x");
        Function f = function(inputs(x), exp(x).times(2).plus(1), profile(), T.mode(Mode.DEBUG_MODE));
        f.call((Object) ramp(4, 0.1));
        List<Apply> scheduled = ((CompiledFunction) f).schedule().thunks().stream().map(t -> t.node()).toList();
        assertThat(f.profile().rows()).hasSize(scheduled.size()).allSatisfy(r -> assertThat(r.calls()).isEqualTo(1));
    }

    @Test
    void profile_ofAFunctionCompiledWithoutIt_failsAndSaysHowToAskForIt() {
        Matrix<F64> x = dmatrix("x");
        Function f = function(inputs(x), x.plus(1));
        assertThatThrownBy(f::profile).isInstanceOf(IllegalStateException.class)
                .hasMessage("[Sym/NotProfiled] this function was compiled without profiling; compile it with "
                        + "function(..., profile()) to read its profile");
    }

    @Test
    void profile_onOpenCl_failsSayingItIsCpuOnly() {
        Matrix<F64> x = dmatrix("x");
        Function cpu = function(inputs(x), x.plus(1), profile());
        assertThat(cpu.spec().profile()).isTrue();
        assertThatThrownBy(() -> new OpenClBackend().compile(cpu.spec(), T.compileOptions().withDevice("opencl0")))
                .isInstanceOf(ArgumentException.class)
                .hasMessage("[Sym/ProfileCpuOnly] profile() times kernels on the CPU backend only, and this function "
                        + "was compiled for opencl0; add device(\"cpu\") to profile it");
    }

    @Test
    void time_picksAReadableUnit() {
        assertThat(Profile.time(1_500)).isEqualTo("1.5 µs");
        assertThat(Profile.time(2_500_000)).isEqualTo("2.500 ms");
        assertThat(Profile.time(3_000_000_000L)).isEqualTo("3.000 s");
    }
}
