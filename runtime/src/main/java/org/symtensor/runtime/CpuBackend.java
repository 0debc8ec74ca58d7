package org.symtensor.runtime;

import com.google.auto.service.AutoService;
import org.symtensor.function.Function;
import org.symtensor.spi.Backend;
import org.symtensor.spi.FunctionSpec;

/**
 * The CPU as a {@link Backend}: device {@code cpu}, always available, and the default. It
 * compiles exactly as the {@link CpuFunctionCompiler} does (it is that compiler behind the
 * backend interface), so choosing the device costs nothing on the CPU path.
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
    public Function compile(FunctionSpec spec, String device) {
        return compiler.compile(spec);
    }
}
