package org.symtensor.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.symtensor.error.SymtensorException;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionSpec;

/**
 * The backends on the class path, found once with {@link ServiceLoader}, and the one entry point
 * that compiles a checked spec: {@code function(...)}, {@code eval} and {@code verifyGrad} all come
 * here, so the api alone compiles user code and the runtime jar on the class path makes it run.
 */
public final class Backends {
    private static volatile List<Backend> backends;

    private Backends() {}

    /** Compiles {@code spec} on the backend serving {@code options.device()}. */
    public static Function compile(FunctionSpec spec, CompileOptions options) {
        CompileOptions resolved = options.forSpec(spec);
        return backendFor(resolved.device()).compile(spec, resolved);
    }

    private static List<Backend> all() {
        List<Backend> b = backends;
        if (b == null) {
            List<Backend> found = new ArrayList<>();
            ServiceLoader.load(Backend.class, Backends.class.getClassLoader()).forEach(found::add);
            if (found.isEmpty()) {
                throw new SymtensorException("no Symtensor runtime on the class path: add the symtensor-runtime"
                        + " artifact to run functions (the api alone builds graphs)");
            }
            b = List.copyOf(found);
            backends = b;
        }
        return b;
    }

    /** The backend serving {@code device}, or an error naming the device and what would serve it. */
    private static Backend backendFor(String device) {
        List<String> names = new ArrayList<>();
        for (Backend b : all()) {
            if (b.accepts(device)) {
                String why = b.unavailableReason(device);
                if (why != null) {
                    throw new SymtensorException("device '" + device + "' is not available: " + why);
                }
                return b;
            }
            names.add(b.name());
        }
        throw new SymtensorException("no backend serves device '" + device + "' (from the device flag or the"
                + " function's device(...) option); the backends on the class path are " + names
                + ", e.g. device=cpu or device=opencl0");
    }
}
