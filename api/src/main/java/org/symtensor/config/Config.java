package org.symtensor.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Options read once from the environment, like Theano's flags: {@code SYMTENSOR_FLAGS} and the
 * system property {@code symtensor.flags} (which wins), each a comma-separated list such as
 * {@code floatX=float32,device=cpu,mode=FAST_RUN}. An immutable value; {@link #current()} is the
 * process-wide one. It sits below every other package (it imports nothing of Symtensor), so the
 * dtype layer can resolve floatX from it when a variable is made and the facade can turn it into
 * compile options; values are plain names, typed by their readers.
 */
public final class Config {
    private static volatile Config current;

    /** OpenCL programs a device keeps built when the {@code clCacheSize} flag does not say. */
    public static final int DEFAULT_CL_CACHE_SIZE = 64;

    private final String floatX;
    private final String device;
    private final String mode;
    private final String optimizer;
    private final int threads;
    /** 0 when the flags do not set {@code blasThreads}: OpenBLAS then follows {@code threads}. */
    private final int blasThreads;
    private final int clCacheSize;

    private Config(String floatX, String device, String mode, String optimizer, int threads, int blasThreads,
            int clCacheSize) {
        this.threads = threads;
        this.floatX = floatX;
        this.device = device;
        this.mode = mode;
        this.optimizer = optimizer;
        this.blasThreads = blasThreads;
        this.clCacheSize = clCacheSize;
    }

    /** Parses a flags string; unknown keys are an error naming the key. */
    public static Config parse(String flags) {
        Map<String, String> kv = new LinkedHashMap<>();
        if (flags != null) {
            for (String part : flags.split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("symtensor flags: '" + p + "' is not key=value");
                }
                kv.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
            }
        }
        String floatX = "float64";
        String device = "cpu";
        String mode = "FAST_RUN";
        String optimizer = "fast_run";
        int threads = Runtime.getRuntime().availableProcessors();
        int blasThreads = 0;
        int clCacheSize = DEFAULT_CL_CACHE_SIZE;
        for (Map.Entry<String, String> e : kv.entrySet()) {
            switch (e.getKey()) {
                case "floatX":
                    floatX = floatXName(e.getValue());
                    break;
                case "device":
                    device = e.getValue().toLowerCase(Locale.ROOT);
                    break;
                case "mode":
                    mode = e.getValue().toUpperCase(Locale.ROOT);
                    break;
                case "optimizer":
                    optimizer = e.getValue().toLowerCase(Locale.ROOT);
                    if (!optimizer.equals("fast_run") && !optimizer.equals("none")) {
                        throw new IllegalArgumentException("symtensor flags: optimizer must be fast_run or None, got "
                                + e.getValue());
                    }
                    break;
                case "threads":
                    try {
                        threads = Integer.parseInt(e.getValue());
                    } catch (NumberFormatException ex) {
                        threads = 0;
                    }
                    if (threads < 1) {
                        throw new IllegalArgumentException("symtensor flags: threads must be a positive integer, got "
                                + e.getValue());
                    }
                    break;
                case "blasThreads":
                    try {
                        blasThreads = Integer.parseInt(e.getValue());
                    } catch (NumberFormatException ex) {
                        blasThreads = 0;
                    }
                    if (blasThreads < 1) {
                        throw new IllegalArgumentException("symtensor flags: blasThreads must be a positive integer, got "
                                + e.getValue());
                    }
                    break;
                case "clCacheSize":
                    try {
                        clCacheSize = Integer.parseInt(e.getValue());
                    } catch (NumberFormatException ex) {
                        clCacheSize = 0;
                    }
                    if (clCacheSize < 1) {
                        throw new IllegalArgumentException("symtensor flags: clCacheSize must be a positive integer, got "
                                + e.getValue());
                    }
                    break;
                default:
                    throw new IllegalArgumentException("symtensor flags: unknown flag '" + e.getKey()
                            + "'; known flags are floatX, device, mode, optimizer, threads, blasThreads, clCacheSize");
            }
        }
        return new Config(floatX, device, mode, optimizer, threads, blasThreads, clCacheSize);
    }

    private static String floatXName(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "float32":
            case "f32":
                return "float32";
            case "float64":
            case "f64":
                return "float64";
            default:
                throw new IllegalArgumentException("symtensor flags: floatX must be float32 or float64, got " + value);
        }
    }

    /** The flags of this process: the environment variable, overridden by the system property. */
    public static Config current() {
        Config c = current;
        if (c == null) {
            String prop = System.getProperty("symtensor.flags");
            c = parse(prop != null ? prop : System.getenv("SYMTENSOR_FLAGS"));
            current = c;
        }
        return c;
    }

    /** The dtype of floatX variables by its Theano name: {@code float64} (the default) or {@code float32}. */
    public String floatX() {
        return floatX;
    }

    public String device() {
        return device;
    }

    public String mode() {
        return mode;
    }

    /**
     * {@code fast_run} (the default) or {@code none}: with {@code optimizer=None} functions are
     * compiled without graph optimization, elementwise fusion included (for debugging and for
     * measuring what the optimizer buys).
     */
    public String optimizer() {
        return optimizer;
    }

    /** Whether graphs are optimized before linking ({@code optimizer} is not {@code None}). */
    public boolean optimize() {
        return !optimizer.equals("none");
    }

    /**
     * Threads of the CPU runtime's one pool ({@code threads=N}): parallel kernels and, unless
     * {@code blasThreads} is set, OpenBLAS. The available processors by default.
     */
    public int threads() {
        return threads;
    }

    /** Threads OpenBLAS may use for one product: {@code blasThreads=N}, else {@link #threads()}. */
    public int blasThreads() {
        return blasThreads == 0 ? threads : blasThreads;
    }

    /** The {@code blasThreads} flag as set, or 0 when it is not (OpenBLAS follows {@code threads}). */
    public int explicitBlasThreads() {
        return blasThreads;
    }

    /**
     * How many OpenCL programs each device keeps built ({@code clCacheSize=N}, 64 by default); the
     * least recently used is released beyond that.
     */
    public int clCacheSize() {
        return clCacheSize;
    }
}
