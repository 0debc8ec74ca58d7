package org.symtensor.runtime;

import org.symtensor.function.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.symtensor.function.CompileOptions;
import org.symtensor.ir.Variable;
import org.symtensor.rewrite.Optimizer;
import org.symtensor.rewrite.ScanSaveMemory;
import org.symtensor.runtime.cpu.Blas;
import org.symtensor.runtime.cpu.CpuKernels;
import org.symtensor.runtime.link.Schedule;
import org.symtensor.function.FunctionSpec;
import org.symtensor.spi.Pipeline;

/**
 * The CPU backend's compiler: optimizes a checked spec with the one {@link Pipeline}, links it once
 * into a {@link Schedule} whose thunks run the CPU kernels, and wraps it in a {@link CompiledFunction}.
 * Every option comes in one {@link CompileOptions} value; nothing here reads the flags.
 */
public final class CpuFunctionCompiler {
    private static final AtomicLong COMPILED = new AtomicLong();

    /** Compiles {@code spec} under {@code options} (mode, OpenBLAS threads). */
    public CompiledFunction compile(FunctionSpec spec, CompileOptions options) {
        Blas.configure(options.blasThreads());
        return compile(spec, options.mode(), options.mode().passes());
    }

    /** Compiles with an explicit pipeline (tests plant passes this way); {@code mode} still chooses the checks. */
    static CompiledFunction compile(FunctionSpec spec, Mode mode, List<Optimizer.Pass> passes) {
        ArgumentBinder binder = new ArgumentBinder(spec); // converts the defaults: fail before linking
        Pipeline.Optimized optimized = Pipeline.optimize(spec, passes);
        List<Variable> outputs = optimized.outputs();
        Schedule schedule = Schedule.build(spec, outputs, optimized.updates(), CpuKernels::forApply,
                mode == Mode.NAN_GUARD);
        List<Variable> results = new ArrayList<>(spec.outputs());
        results.addAll(spec.updateExpressions());
        Schedule reference = mode == Mode.DEBUG_MODE ? reference(spec, results, spec.outputs().size()) : null;
        CompiledFunction f = new CompiledFunction(spec, binder, schedule, outputs, reference);
        COMPILED.incrementAndGet();
        return f;
    }

    /**
     * DEBUG_MODE's reference: the graph as written, with only the memory rewrite of scan applied
     * (it keeps the last step instead of all of them, same values), so that a loop of a million
     * steps is checkable at all.
     */
    private static Schedule reference(FunctionSpec spec, List<Variable> written, int nOut) {
        List<Variable> lean = ScanSaveMemory.rewrite(written);
        return Schedule.build(spec, lean.subList(0, nOut), lean.subList(nOut, lean.size()), CpuKernels::forApply, false);
    }

    /** How many functions this process has compiled (so callers can see that caching works). */
    static long compiledCount() {
        return COMPILED.get();
    }
}
