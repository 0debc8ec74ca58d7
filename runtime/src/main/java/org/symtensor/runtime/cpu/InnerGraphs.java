package org.symtensor.runtime.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.In;
import org.symtensor.ir.Variable;
import org.symtensor.runtime.link.Schedule;
import org.symtensor.function.FunctionSpec;

/**
 * Compiles the inner graph of a control-flow op (a scan's step, an ifelse branch) once, through
 * the same spec checks and linker as a top-level function, so inner graphs may hold any op,
 * scans included.
 */
final class InnerGraphs {
    private InnerGraphs() {}

    static Schedule compile(List<Variable> inputs, List<Variable> outputs, String name) {
        List<In> ins = new ArrayList<>(inputs.size());
        for (Variable v : inputs) {
            ins.add(In.of(v));
        }
        FunctionSpec spec = FunctionSpec.build(ins, outputs, List.of(), Map.of(), false, FunctionFlag.UnusedInput.IGNORE, name);
        return Schedule.build(spec, CpuKernels::forApply);
    }
}
