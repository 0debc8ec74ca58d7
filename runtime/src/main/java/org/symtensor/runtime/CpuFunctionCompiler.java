package org.symtensor.runtime;

import com.google.auto.service.AutoService;
import java.util.concurrent.atomic.AtomicLong;
import org.symtensor.Function;
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
        ArgumentBinder binder = new ArgumentBinder(spec); // converts the defaults: fail before linking
        CompiledFunction f = new CompiledFunction(spec, binder, Schedule.build(spec, CpuKernels::forApply));
        COMPILED.incrementAndGet();
        return f;
    }

    /** How many functions this process has compiled (so callers can see that caching works). */
    static long compiledCount() {
        return COMPILED.get();
    }
}
