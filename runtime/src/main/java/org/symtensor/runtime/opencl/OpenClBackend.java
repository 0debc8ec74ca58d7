package org.symtensor.runtime.opencl;

import com.google.auto.service.AutoService;
import org.symtensor.error.ArgumentException;
import org.symtensor.function.Function;
import org.symtensor.spi.Backend;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.FunctionSpec;

/**
 * OpenCL devices as a {@link Backend}: device names {@code opencl} and {@code openclN} (the N-th
 * device over all platforms, as {@code clinfo -l} lists them). Unavailable, with what to install,
 * when the machine has no OpenCL loader, platform or device. Does not profile: {@code profile()} is
 * refused with a clear error.
 */
@AutoService(Backend.class)
public final class OpenClBackend implements Backend {
    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public boolean accepts(String device) {
        return OpenClPlatforms.indexOf(device) >= 0;
    }

    @Override
    public String unavailableReason(String device) {
        OpenClPlatforms p = OpenClPlatforms.get();
        if (p.problem() != null) {
            return p.problem();
        }
        int i = OpenClPlatforms.indexOf(device);
        return i < p.devices().size() ? null : "this machine has " + p.devices().size() + " OpenCL device(s): "
                + p.devices();
    }

    @Override
    public Function compile(FunctionSpec spec, CompileOptions options) {
        if (spec.profile()) {
            throw new ArgumentException("[Sym/ProfileCpuOnly] profile() times kernels on the CPU backend only, and "
                    + (spec.name() == null ? "this function" : spec.name()) + " was compiled for " + options.device()
                    + "; add device(\"cpu\") to profile it");
        }
        return new OpenClFunction(spec, options, OpenClPlatforms.get().device(options.device()));
    }
}
