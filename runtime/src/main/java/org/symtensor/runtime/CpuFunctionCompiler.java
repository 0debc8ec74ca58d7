package org.symtensor.runtime;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.FunctionSpec;
import org.symtensor.function.Mode;
import org.symtensor.rewrite.Optimizer;
import org.symtensor.rewrite.SoftmaxRows;
import org.symtensor.runtime.cpu.Blas;
import org.symtensor.runtime.cpu.Parallel;
import org.symtensor.runtime.cpu.CpuKernels;
import org.symtensor.runtime.link.Checks;
import org.symtensor.runtime.link.KernelTimer;
import org.symtensor.runtime.link.Plan;
import org.symtensor.runtime.link.Schedule;
import org.symtensor.spi.Pipeline;

/**
 * The CPU backend's compiler: optimizes a checked spec with the one {@link Pipeline}, plans it once
 * ({@link Plan}), links the plan into a {@link Schedule} whose thunks run the CPU kernels under the
 * mode's {@link Checks} (each inside a {@link KernelTimer} when the spec asks for a profile), and
 * wraps it in a {@link CompiledFunction}.
 * Every option comes in one {@link CompileOptions} value; nothing here reads the flags.
 */
public final class CpuFunctionCompiler {
    private static final AtomicLong COMPILED = new AtomicLong();

    /** Compiles {@code spec} under {@code options} (mode, OpenBLAS threads). */
    public CompiledFunction compile(FunctionSpec spec, CompileOptions options) {
        Blas.configure(options.explicitBlasThreads());
        Parallel.configure(options.threads());
        return compile(spec, options.mode(), SoftmaxRows.beforeFusion(options.mode().passes()));
    }

    /** Compiles with an explicit pipeline (tests plant passes this way); {@code mode} still chooses the checks. */
    static CompiledFunction compile(FunctionSpec spec, Mode mode, List<Optimizer.Pass> passes) {
        ArgumentBinder binder = new ArgumentBinder(spec); // converts the defaults: fail before linking
        Pipeline.Optimized optimized = Pipeline.optimize(spec, passes);
        Plan plan = Plan.of(spec, optimized);
        KernelTimer timer = spec.profile() ? new KernelTimer(CpuKernels::forApply, plan) : null;
        Schedule schedule = Schedule.build(plan, timer == null ? CpuKernels::forApply : timer, Checks.forMode(mode), true);
        CompiledFunction f = new CompiledFunction(spec, binder, schedule, optimized.outputs(), timer, mode, passes);
        COMPILED.incrementAndGet();
        return f;
    }

    /** How many functions this process has compiled (so callers can see that caching works). */
    static long compiledCount() {
        return COMPILED.get();
    }
}
