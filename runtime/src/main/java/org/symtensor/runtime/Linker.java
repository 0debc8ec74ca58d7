package org.symtensor.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.FunctionSpec;
import org.symtensor.function.In;
import org.symtensor.function.Mode;
import org.symtensor.ir.Variable;
import org.symtensor.runtime.cpu.Blas;
import org.symtensor.runtime.cpu.Parallel;
import org.symtensor.runtime.cpu.CpuKernels;
import org.symtensor.runtime.link.Checks;
import org.symtensor.runtime.link.Plan;
import org.symtensor.runtime.link.Schedule;
import org.symtensor.value.NDArray;

/**
 * The one runtime entry point of generated code. The processor optimizes each
 * {@code @SymbolicFunction} at {@code javac} time with the same pipeline {@code function()} runs,
 * writes the optimized graph as Java, and at class initialization hands it here: {@link #link}
 * links it into the same {@link Schedule} of the same CPU kernels that {@code function()} would
 * build, without optimizing again. Both paths therefore run one graph on one set of kernels and
 * give bit-identical results.
 */
public final class Linker {
    private Linker() {}

    /**
     * Links a graph that the processor optimized under {@link CompileOptions#defaults()} (FAST_RUN on
     * the CPU), or returns null when {@code current} (the flags of this process) asks for another
     * mode or device: the generated code then runs the runtime function, compiled under those flags.
     */
    public static Linked link(List<Variable> inputs, List<Variable> outputs, CompileOptions current) {
        if (current.mode() != Mode.FAST_RUN || !current.device().equals("cpu")) {
            return null;
        }
        Blas.configure(current.explicitBlasThreads());
        Parallel.configure(current.threads());
        List<In> ins = new ArrayList<>();
        for (Variable v : inputs) {
            ins.add(In.of(v));
        }
        // an input the optimizer proved unneeded (x * 0) is still a parameter of the typed call
        FunctionSpec spec = FunctionSpec.build(ins, outputs, List.of(), Map.of(), false,
                FunctionFlag.UnusedInput.IGNORE, null);
        Plan plan = Plan.of(spec, outputs, List.of());
        return new Linked(Schedule.build(plan, CpuKernels::forApply, Checks.forMode(current.mode()), true), inputs.size());
    }

    /** A linked graph: call it with arguments of the declared dtypes and ranks. */
    public static final class Linked {
        private final Schedule schedule;
        private final int arity;

        private Linked(Schedule schedule, int arity) {
            this.schedule = schedule;
            this.arity = arity;
        }

        /** The only output, for arguments already of the declared dtypes and ranks. */
        public NDArray call(NDArray... arguments) {
            return run(arguments)[0];
        }

        /** Every output in order, for arguments already of the declared dtypes and ranks. */
        public List<NDArray> callAll(NDArray... arguments) {
            return Arrays.asList(run(arguments));
        }

        private NDArray[] run(NDArray[] arguments) {
            if (arguments.length != arity) {
                throw new IllegalArgumentException("the linked graph takes " + arity + " arguments, got "
                        + arguments.length);
            }
            return schedule.run(arguments);
        }

        /** The schedule behind it (for inspection and tests). */
        public Schedule schedule() {
            return schedule;
        }
    }
}
