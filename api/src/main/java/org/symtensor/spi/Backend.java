package org.symtensor.spi;

import org.symtensor.function.CompileOptions;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionSpec;

/**
 * A place where compiled functions run — the CPU, an OpenCL device — as the runtime registers it
 * for {@link java.util.ServiceLoader}. {@link Backends} picks the backend whose {@link #accepts}
 * takes the requested device name (the {@code device} flag, or the {@code device("...")} option of
 * one function); {@code cpu} is the default.
 */
public interface Backend {
    /** The backend's name as users see it in messages: {@code cpu}, {@code opencl}. */
    String name();

    /** Whether this backend serves the device name ({@code cpu}, {@code opencl0}, ...), already lower case. */
    boolean accepts(String device);

    /**
     * Null when {@code device} can run functions here; otherwise why not, for people: what is missing
     * and which packages or drivers provide it.
     */
    String unavailableReason(String device);

    /**
     * Compiles a checked spec under {@code options} (whose device {@link #accepts} took and which is
     * available): optimize with {@link Pipeline}, link one schedule, run it with this backend's kernels.
     */
    Function compile(FunctionSpec spec, CompileOptions options);
}
