package org.symtensor.ir;

import java.util.Optional;

/**
 * Where user code created a graph node: the first stack frame outside Symtensor's own API
 * packages. Errors found later (at compile or call time) quote it.
 */
public final class SourceLocation {
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final SourceLocation UNKNOWN = new SourceLocation("<unknown>", 0, "?");
    /** Set while a rewrite builds a replacement, so new nodes keep the location of the node they replace. */
    private static final ThreadLocal<SourceLocation> INHERITED = new ThreadLocal<>();

    private final String file;
    private final int line;
    private final String method;

    private SourceLocation(String file, int line, String method) {
        this.file = file;
        this.line = line;
        this.method = method;
    }

    public static SourceLocation of(String file, int line, String method) {
        return new SourceLocation(file, line, method);
    }

    /** The caller of the DSL, found by walking the stack. */
    public static SourceLocation capture() {
        SourceLocation inherited = INHERITED.get();
        if (inherited != null) {
            return inherited;
        }
        Optional<StackWalker.StackFrame> frame = WALKER.walk(s -> s.filter(f -> !isInternal(f.getClassName())).findFirst());
        return frame.map(f -> new SourceLocation(f.getFileName() == null ? "<unknown>" : f.getFileName(),
                f.getLineNumber(), f.getClassName() + "." + f.getMethodName())).orElse(UNKNOWN);
    }

    /** The DSL's own classes in the root package (every one a superclass of T, or T itself). */
    private static final java.util.Set<String> INTERNAL_ROOT_CLASSES =
            java.util.Set.of("T", "GradFunctions", "MathFunctions", "ScanFunctions", "TensorFactories", "IntTensorFactories");
    /** Packages whose frames are Symtensor's, never the user's. */
    private static final String[] INTERNAL_PACKAGES = {"tensor.", "ir.", "function.", "error.", "type.", "grad.", "rewrite.", "spi.",
        "runtime.", "random.", "scan.", "value.", "print.", "render."};

    private static boolean isInternal(String cls) {
        if (!cls.startsWith("org.symtensor.")) {
            return cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.");
        }
        String rest = cls.substring("org.symtensor.".length());
        int nested = rest.indexOf('$');
        if (INTERNAL_ROOT_CLASSES.contains(nested < 0 ? rest : rest.substring(0, nested))) {
            return true;
        }
        for (String p : INTERNAL_PACKAGES) {
            if (rest.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code body} with every node it creates located at {@code at} instead of at the caller:
     * a rewrite's replacement then still points at the user code that built what it replaces (and
     * no stack is walked while optimizing).
     */
    public static <R> R inheriting(SourceLocation at, java.util.function.Supplier<R> body) {
        SourceLocation before = INHERITED.get();
        INHERITED.set(at);
        try {
            return body.get();
        } finally {
            if (before == null) {
                INHERITED.remove();
            } else {
                INHERITED.set(before);
            }
        }
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String method() {
        return method;
    }

    @Override
    public String toString() {
        return method + "(" + file + ":" + line + ")";
    }
}
