package org.symtensor.runtime;

import com.google.auto.service.AutoService;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionSpec;
import org.symtensor.spi.Backend;

/**
 * The CPU as a {@link Backend}: device {@code cpu}, always available, and the default. It compiles
 * with the {@link CpuFunctionCompiler}.
 */
@AutoService(Backend.class)
public final class CpuBackend implements Backend {
    private final CpuFunctionCompiler compiler = new CpuFunctionCompiler();

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public boolean accepts(String device) {
        return device.equals("cpu");
    }

    @Override
    public String unavailableReason(String device) {
        return null;
    }

    @Override
    public Function compile(FunctionSpec spec, CompileOptions options) {
        return compiler.compile(spec, options);
    }
}
