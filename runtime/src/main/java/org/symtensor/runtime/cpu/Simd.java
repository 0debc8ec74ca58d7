package org.symtensor.runtime.cpu;

/**
 * Whether the kernels use the JDK's Vector API ({@code jdk.incubator.vector}): only when the JVM
 * was started with {@code --add-modules jdk.incubator.vector} and the system property
 * {@code symtensor.vectorApi} is not {@code false}. Decided once; when it is off,
 * {@link DoubleLanes}, its float32 twin and {@link VectorReduce} are never loaded, so a JVM
 * without the module runs the scalar loops and never fails. When it is on, {@link JitHints} asks
 * the JIT to compile the lane loops on their own rather than inlined into their callers.
 */
final class Simd {
    /** Whether the Vector API classes may be called. */
    static final boolean ENABLED = detect();

    private Simd() {}

    private static boolean detect() {
        if ("false".equalsIgnoreCase(System.getProperty("symtensor.vectorApi"))) {
            return false;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            if (!DoubleLanes.probe()) {
                return false;
            }
        } catch (LinkageError e) {
            return false;
        }
        JitHints.install();
        return true;
    }
}
