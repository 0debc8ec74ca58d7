package org.symtensor.function;

import java.util.Objects;
import org.symtensor.config.Config;
import org.symtensor.type.DType;

/**
 * The options of one compilation, as one immutable value: the {@link Mode}, the device, floatX,
 * the threads OpenBLAS may use and the bound of the OpenCL program cache. The facade resolves it once, from the flags ({@link Config}) and
 * the function's own {@code mode(...)}/{@code device(...)} options, and passes it down: nothing
 * below the facade reads the flags. The processor compiles under {@link #defaults()}.
 */
public final class CompileOptions {
    /** The OpenCL program cache's bound when the flags set none. */
    public static final int DEFAULT_CL_CACHE_SIZE = Config.DEFAULT_CL_CACHE_SIZE;

    private static final CompileOptions DEFAULTS = new CompileOptions(Mode.FAST_RUN, "cpu", DType.FLOAT64,
            Runtime.getRuntime().availableProcessors(), 0, DEFAULT_CL_CACHE_SIZE);

    private final Mode mode;
    private final String device;
    private final DType floatX;
    private final int threads;
    /** 0: OpenBLAS follows {@link #threads}. */
    private final int blasThreads;
    private final int clCacheSize;

    private CompileOptions(Mode mode, String device, DType floatX, int threads, int blasThreads, int clCacheSize) {
        this.threads = threads;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.device = Objects.requireNonNull(device, "device");
        this.floatX = Objects.requireNonNull(floatX, "floatX");
        this.blasThreads = blasThreads;
        this.clCacheSize = clCacheSize;
    }

    /**
     * FAST_RUN on the CPU, floatX float64, as many threads as processors (OpenBLAS too): what the
     * flags give when none is set.
     */
    public static CompileOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The options this process's flags ask for ({@code fromFlags(Config.current())}): what
     * {@code function(...)}, {@code eval()} and {@code verifyGrad} compile under.
     */
    public static CompileOptions current() {
        return fromFlags(Config.current());
    }

    /** The options the flags ask for: {@code optimizer=None} is mode NONE whatever {@code mode} says. */
    public static CompileOptions fromFlags(Config flags) {
        Mode mode = flags.optimize() ? Mode.fromName(flags.mode()) : Mode.NONE;
        return new CompileOptions(mode, flags.device(), DType.fromName(flags.floatX()), flags.threads(),
                flags.explicitBlasThreads(),
                flags.clCacheSize());
    }

    public Mode mode() {
        return mode;
    }

    /** The device name, lower case: {@code cpu}, {@code opencl0}, ... */
    public String device() {
        return device;
    }

    public DType floatX() {
        return floatX;
    }

    /** Threads of the CPU runtime's pool (parallel kernels; OpenBLAS unless {@code blasThreads} is set). */
    public int threads() {
        return threads;
    }

    /**
     * Threads one matrix product may use: as set by {@link #withBlasThreads} (OpenBLAS's own threads),
     * else {@link #threads()} (the pool's, each piece of a product one single-threaded OpenBLAS call).
     */
    public int blasThreads() {
        return blasThreads == 0 ? threads : blasThreads;
    }

    /**
     * The threads OpenBLAS was given explicitly ({@link #withBlasThreads}, the {@code blasThreads} flag), or 0
     * when it follows {@link #threads()}: the CPU runtime then splits large products over its own pool.
     */
    public int explicitBlasThreads() {
        return blasThreads;
    }

    /** How many programs an OpenCL device keeps built (least recently used released beyond). */
    public int clCacheSize() {
        return clCacheSize;
    }

    public CompileOptions withMode(Mode newMode) {
        return new CompileOptions(newMode, device, floatX, threads, blasThreads, clCacheSize);
    }

    public CompileOptions withDevice(String newDevice) {
        return new CompileOptions(mode, newDevice, floatX, threads, blasThreads, clCacheSize);
    }

    public CompileOptions withClCacheSize(int programs) {
        if (programs < 1) {
            throw new IllegalArgumentException("clCacheSize must be at least 1, got " + programs);
        }
        return new CompileOptions(mode, device, floatX, threads, blasThreads, programs);
    }

    public CompileOptions withBlasThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("blasThreads must be at least 1, got " + threads);
        }
        return new CompileOptions(mode, device, floatX, this.threads, threads, clCacheSize);
    }

    /** These options with {@code n} threads for the pool (and OpenBLAS, unless its threads were set). */
    public CompileOptions withThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + n);
        }
        return new CompileOptions(mode, device, floatX, n, blasThreads, clCacheSize);
    }

    /** These options with the function's own {@code mode(...)} and {@code device(...)} settings, which win. */
    public CompileOptions forSpec(FunctionSpec spec) {
        CompileOptions r = this;
        if (spec.mode() != null) {
            r = r.withMode(spec.mode());
        }
        if (spec.device() != null) {
            r = r.withDevice(spec.device());
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompileOptions c && c.mode == mode && c.device.equals(device) && c.floatX == floatX
                && c.threads == threads && c.blasThreads == blasThreads && c.clCacheSize == clCacheSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, device, floatX, threads, blasThreads, clCacheSize);
    }

    @Override
    public String toString() {
        return "CompileOptions[mode=" + mode + ", device=" + device + ", floatX=" + floatX.theanoName()
                + ", threads=" + threads + ", blasThreads=" + blasThreads() + ", clCacheSize=" + clCacheSize + "]";
    }
}
