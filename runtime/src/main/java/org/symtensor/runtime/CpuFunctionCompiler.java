package org.symtensor.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.symtensor.Config;
import org.symtensor.Function;
import org.symtensor.graph.Variable;
import org.symtensor.rewrite.Optimizer;
import org.symtensor.rewrite.ScanSaveMemory;
import org.symtensor.runtime.cpu.Blas;
import org.symtensor.runtime.cpu.CpuKernels;
import org.symtensor.runtime.link.Schedule;
import org.symtensor.spi.FunctionSpec;

/**
 * The CPU backend's compiler ({@link CpuBackend} calls it; {@link org.symtensor.T#function} finds
 * the backend through {@link java.util.ServiceLoader}): links a checked spec once into a {@link Schedule}
 * whose thunks run the CPU kernels, and wraps it in a {@link CompiledFunction}. Outputs and update
 * expressions are optimized together, so a subexpression they share is computed once. The mode is
 * the spec's ({@code mode(...)}) or else the {@code mode} flag of {@link Config}.
 */
public final class CpuFunctionCompiler {
    private static final AtomicLong COMPILED = new AtomicLong();

    /** Compiles a checked spec into a callable function, under the process's flags. */
    public Function compile(FunctionSpec spec) {
        return compile(spec, Config.current());
    }

    /**
     * Compiles {@code spec} under explicit flags rather than the process's: {@code optimizer=None}
     * links the graph exactly as given (mode NONE); otherwise the spec's mode, or the flag's, decides.
     */
    public CompiledFunction compile(FunctionSpec spec, Config config) {
        Blas.configure(config);
        Optimizer.Mode mode = spec.mode() != null ? spec.mode()
                : config.optimize() ? Optimizer.Mode.fromName(config.mode()) : Optimizer.Mode.NONE;
        return compile(spec, mode, Optimizer.pipeline(mode));
    }

    /** Compiles with an explicit pipeline (tests plant passes this way); {@code mode} still chooses the checks. */
    static CompiledFunction compile(FunctionSpec spec, Optimizer.Mode mode, List<Optimizer.Pass> passes) {
        ArgumentBinder binder = new ArgumentBinder(spec); // converts the defaults: fail before linking
        List<Variable> results = new ArrayList<>(spec.outputs());
        results.addAll(spec.updateExpressions());
        List<Variable> optimized = Optimizer.run(results, passes);
        int nOut = spec.outputs().size();
        List<Variable> outputs = optimized.subList(0, nOut);
        Schedule schedule = Schedule.build(spec, outputs, optimized.subList(nOut, optimized.size()),
                CpuKernels::forApply, mode == Optimizer.Mode.NAN_GUARD);
        Schedule reference = mode == Optimizer.Mode.DEBUG_MODE ? reference(spec, results, nOut) : null;
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
