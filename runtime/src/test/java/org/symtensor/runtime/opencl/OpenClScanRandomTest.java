package org.symtensor.runtime.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.constant;
import static org.symtensor.T.device;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.nSteps;
import static org.symtensor.T.outputs;
import static org.symtensor.T.scan;
import static org.symtensor.runtime.opencl.OpenClTesting.DEVICE;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.random.RandomStreams;
import org.symtensor.random.Size;
import org.symtensor.scan.ScanResult;
import org.symtensor.tensor.Tensor;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * Random draws inside {@code scan} on the OpenCL backend: the loop runs on the host there (its
 * inner graph with it), so the device gives the CPU backend's draws bit for bit, fresh at every
 * step, and moves the stored generator state the same way from call to call.
 */
class OpenClScanRandomTest {
    @BeforeEach
    void needsOpenCl() {
        assumeOpenCl();
    }

    private record Run(List<double[]> samples, List<long[]> states) {}

    private static Run run(String dev) {
        RandomStreams srng = new RandomStreams(2024);
        ScanResult<Tensor<?>, Tensor<?>> r = scan(a -> List.of(
                srng.uniform(F64.class, Size.of(), constant(0.0), constant(1.0)),
                srng.normal(F32.class, 3, 0, 1)), nSteps(5));
        Function f = function(inputs(), outputs(r.output(0), r.output(1)), device(dev));
        if (f instanceof OpenClFunction cl) {
            assertThat(cl.hostOps()).as("ops on the host").anySatisfy(op -> assertThat(op).contains("Scan"));
        }
        List<double[]> samples = new ArrayList<>();
        List<long[]> states = new ArrayList<>();
        for (int call = 0; call < 2; call++) {
            List<NDArray> out = f.callAll();
            samples.add(out.get(0).toDoubleArray());
            samples.add(out.get(1).reshape(out.get(1).size()).toDoubleArray());
            states.add(srng.states().get(0).getValue().toLongArray());
            states.add(srng.states().get(1).getValue().toLongArray());
        }
        return new Run(samples, states);
    }

    @Test
    void drawsInsideScan_onOpenCl_equalTheCpuDraws_freshPerStep_andAdvancePerCall() {
        Run cpu = run("cpu");
        Run cl = run(DEVICE);
        for (int k = 0; k < cpu.samples().size(); k++) {
            assertThat(cl.samples().get(k)).as("sample %d", k).containsExactly(cpu.samples().get(k));
            assertThat(cl.states().get(k)).as("state %d", k).containsExactly(cpu.states().get(k));
        }
        double[] uniforms = cl.samples().get(0);
        assertThat(java.util.Arrays.stream(uniforms).distinct().count()).isEqualTo(5);
        assertThat(cl.samples().get(2)).as("second call").doesNotContain(uniforms);
    }
}
