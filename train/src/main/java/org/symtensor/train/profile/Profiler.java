package org.symtensor.train.profile;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.T;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionSpec;
import org.symtensor.function.Mode;
import org.symtensor.ir.Apply;
import org.symtensor.runtime.ArgumentBinder;
import org.symtensor.runtime.cpu.Blas;
import org.symtensor.runtime.cpu.CpuKernels;
import org.symtensor.runtime.cpu.Kernel;
import org.symtensor.runtime.link.Checks;
import org.symtensor.runtime.link.Plan;
import org.symtensor.runtime.link.Schedule;
import org.symtensor.spi.Pipeline;

/**
 * Theano's {@code profile=True} for a compiled function: {@link #profile(Function)} builds a twin of
 * {@code f} from its spec (the same optimizer passes under this process's flags, the same CPU
 * kernels, the same schedule) in which every kernel runs inside a timer, and returns it as a
 * {@link ProfiledFunction}: call it instead of {@code f}, with the same arguments and the same
 * updates, then read {@link ProfiledFunction#profile()}. The timer adds two {@code System.nanoTime()}
 * calls per node and call. Profiles the CPU backend.
 */
public final class Profiler {
    private Profiler() {}

    /** A profiled twin of {@code f} (same inputs, outputs and updates). */
    public static ProfiledFunction profile(Function f) {
        return profile(f.spec(), T.compileOptions());
    }

    /** A profiled function of {@code spec} compiled under {@code options}. */
    public static ProfiledFunction profile(FunctionSpec spec, CompileOptions options) {
        Blas.configure(options.blasThreads());
        ArgumentBinder binder = new ArgumentBinder(spec);
        Pipeline.Optimized optimized = Pipeline.optimize(spec, options);
        List<NodeStats> stats = new ArrayList<>();
        Schedule schedule = Schedule.build(Plan.of(spec, optimized), node -> {
            NodeStats s = new NodeStats(node, stats.size());
            stats.add(s);
            return new TimedKernel(CpuKernels.forApply(node), s);
        }, new Checks(options.mode() == Mode.NAN_GUARD, false));
        return new ProfiledFunction(spec, binder, schedule, optimized.outputs(), stats);
    }

    /** A kernel inside a timer. */
    private static final class TimedKernel implements Kernel {
        private final Kernel inner;
        private final NodeStats stats;

        TimedKernel(Kernel inner, NodeStats stats) {
            this.inner = inner;
            this.stats = stats;
        }

        @Override
        public org.symtensor.value.NDArray[] run(org.symtensor.value.NDArray[] inputs) {
            long t0 = System.nanoTime();
            try {
                return inner.run(inputs);
            } finally {
                stats.add(System.nanoTime() - t0);
            }
        }

        @Override
        public org.symtensor.value.NDArray[] run(org.symtensor.value.NDArray[] inputs, int[] donors) {
            long t0 = System.nanoTime();
            try {
                return inner.run(inputs, donors);
            } finally {
                stats.add(System.nanoTime() - t0);
            }
        }
    }

    /** The running totals of one apply node. */
    static final class NodeStats {
        final Apply node;
        final int position;
        final java.util.concurrent.atomic.LongAdder nanos = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder calls = new java.util.concurrent.atomic.LongAdder();

        NodeStats(Apply node, int position) {
            this.node = node;
            this.position = position;
        }

        void add(long elapsed) {
            nanos.add(elapsed);
            calls.increment();
        }

        void reset() {
            nanos.reset();
            calls.reset();
        }
    }
}
