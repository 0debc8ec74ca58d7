package org.symtensor.graph;

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

    private static boolean isInternal(String cls) {
        if (!cls.startsWith("org.symtensor.")) {
            return cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.");
        }
        String rest = cls.substring("org.symtensor.".length());
        return rest.startsWith("T") && (rest.length() == 1 || rest.charAt(1) == '$')
                || rest.equals("TensorFactories") || rest.equals("IntTensorFactories")
                || rest.startsWith("tensor.") || rest.startsWith("graph.") || rest.startsWith("op.")
                || rest.startsWith("grad.") || rest.startsWith("rewrite.") || rest.startsWith("FunctionSpec")
                || rest.startsWith("runtime.") || rest.startsWith("random.") || rest.startsWith("value.") || rest.startsWith("print.");
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
