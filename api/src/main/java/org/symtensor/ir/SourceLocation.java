package org.symtensor.ir;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where user code created a graph node: the first stack frame outside Symtensor's own API
 * packages. Errors found later (at compile or call time) quote it.
 */
public final class SourceLocation {
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final SourceLocation UNKNOWN = new SourceLocation("<unknown>", 0, "?");
    /** Set while a rewrite builds a replacement, so new nodes keep the location of the node they replace. */
    private static final ThreadLocal<SourceLocation> INHERITED = new ThreadLocal<>();
    /** The user's lines set by {@link #at}, keyed by the method that set them ({@link #key}). */
    private static final ThreadLocal<Map<String, SourceLocation>> USER_LINES = new ThreadLocal<>();

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
        Map<String, SourceLocation> user = USER_LINES.get();
        if (user != null && frame.isPresent()) {
            SourceLocation at = user.get(key(frame.get()));
            if (at != null) {
                return at;
            }
        }
        return frame.map(f -> new SourceLocation(f.getFileName() == null ? "<unknown>" : f.getFileName(),
                f.getLineNumber(), f.getClassName() + "." + f.getMethodName())).orElse(UNKNOWN);
    }

    /**
     * Locates the nodes that the calling method (and lambdas written in it) creates from now on at
     * {@code line} of {@code file}, in {@code method}, rather than at the caller's own line. Code
     * generated from the user's source calls it before each statement, so errors point at the
     * user's line: the graph builders of {@code @SymbolicFunction} methods do. It applies on this
     * thread to nodes whose first frame outside Symtensor is that method, until the method calls it again.
     */
    public static void at(String file, int line, String method) {
        Optional<String> caller = WALKER.walk(s -> s.skip(1).findFirst()).map(SourceLocation::key);
        if (caller.isEmpty()) {
            return;
        }
        Map<String, SourceLocation> user = USER_LINES.get();
        if (user == null) {
            user = new HashMap<>();
            USER_LINES.set(user);
        }
        user.put(caller.get(), new SourceLocation(file, line, method));
    }

    /** {@code pkg.Class#method}; a lambda's frame ({@code lambda$method$0}) counts as its enclosing method's. */
    private static String key(StackWalker.StackFrame f) {
        String m = f.getMethodName();
        if (m.startsWith("lambda$")) {
            int end = m.indexOf('$', "lambda$".length());
            m = end < 0 ? m : m.substring("lambda$".length(), end);
        }
        return f.getClassName() + "#" + m;
    }

    /**
     * The library's packages, api, runtime, train and the Kotlin extensions, each with its subpackages: a frame in one of them is
     * Symtensor's, never the user's. In the root package only the facade {@code org.symtensor.T} is the
     * library's (its implementation lives in {@code dsl}), so user code and tests in package
     * {@code org.symtensor} still count as user code.
     */
    private static final Set<String> INTERNAL_PACKAGES = Set.of("config", "type", "error", "value", "ir", "rewrite",
            "print", "render", "function", "spi", "tensor", "scan", "grad", "random", "dsl", "runtime", "train", "kotlin");
    private static final String FACADE = "org.symtensor.T";

    private static boolean isInternal(String cls) {
        if (!cls.startsWith("org.symtensor.")) {
            return cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.");
        }
        if (cls.equals(FACADE) || cls.startsWith(FACADE + "$")) {
            return true;
        }
        String rest = cls.substring("org.symtensor.".length());
        int dot = rest.indexOf('.');
        if (dot < 0) {
            return false;
        }
        return INTERNAL_PACKAGES.contains(rest.substring(0, dot));
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
