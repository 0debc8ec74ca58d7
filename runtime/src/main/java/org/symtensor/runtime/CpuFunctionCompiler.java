package org.symtensor.runtime;

import com.google.auto.service.AutoService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.symtensor.Config;
import org.symtensor.Function;
import org.symtensor.graph.Variable;
import org.symtensor.rewrite.Fusion;
import org.symtensor.runtime.cpu.Blas;
import org.symtensor.runtime.cpu.CpuKernels;
import org.symtensor.runtime.link.Schedule;
import org.symtensor.spi.FunctionCompiler;
import org.symtensor.spi.FunctionSpec;

/**
 * The CPU backend's {@link FunctionCompiler}, registered for {@link java.util.ServiceLoader} so that
 * {@link org.symtensor.T#function} finds it: links a checked spec once into a {@link Schedule}
 * whose thunks run the CPU kernels, and wraps it in a {@link CompiledFunction}.
 */
@AutoService(FunctionCompiler.class)
public final class CpuFunctionCompiler implements FunctionCompiler {
    private static final AtomicLong COMPILED = new AtomicLong();

    @Override
    public Function compile(FunctionSpec spec) {
        return compile(spec, Config.current());
    }

    /**
     * Compiles {@code spec} under explicit flags rather than the process's: {@code optimizer=None}
     * links the graph exactly as given, otherwise it is optimized first.
     */
    public CompiledFunction compile(FunctionSpec spec, Config config) {
        ArgumentBinder binder = new ArgumentBinder(spec); // converts the defaults: fail before linking
        Blas.configure(config);
        List<Variable> results = new ArrayList<>(spec.outputs());
        results.addAll(spec.updateExpressions());
        if (config.optimize()) {
            // OPTIMIZER PASSES: only elementwise fusion until the rewrite pipeline (org.symtensor.rewrite.Optimizer)
            // lands; then this becomes one call to it, with Fusion.fuse as its last pass.
            results = Fusion.fuse(results);
        }
        int nOut = spec.outputs().size();
        Schedule schedule = Schedule.build(spec, results.subList(0, nOut), results.subList(nOut, results.size()),
                CpuKernels::forApply);
        CompiledFunction f = new CompiledFunction(spec, binder, schedule);
        COMPILED.incrementAndGet();
        return f;
    }

    /** How many functions this process has compiled (so callers can see that caching works). */
    static long compiledCount() {
        return COMPILED.get();
    }
}
