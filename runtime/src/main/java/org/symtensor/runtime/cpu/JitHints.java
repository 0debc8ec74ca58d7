package org.symtensor.runtime.cpu;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * One compiler directive for HotSpot's C2: do not inline the Vector API lane loops
 * ({@link DoubleLanes}, its float32 twin {@code FloatLanes}) into the kernels that call them. Inlined
 * into a caller (the op table's {@code apply}, one call per block), the transcendental loops
 * ({@code exp}, {@code sigmoid}, ...) ran at half the speed of the same loop compiled on its own:
 * a float32 sigmoid over 10^6 elements took 0.88 ms of CPU time against 0.47 ms for the loop
 * alone, the logistic composite 0.80 against 0.71 ms (JDK 17.0.15, C2, AVX-512; measured with
 * {@code -XX:CompileCommand=dontinline} and then with this directive, bench/README.md "Issue 15").
 * Compiled on their own, each call costs a few nanoseconds per block of 256 or 1024 elements.
 *
 * <p>The directive is added through the JVM's {@code DiagnosticCommand} MBean
 * ({@code Compiler.directives_add}, what {@code jcmd} sends), matching only this package's methods,
 * on a daemon thread when the Vector API is first used, so that loading JMX (0.1–0.25 s) does not
 * delay the first call; the lanes are hot long before C2 compiles their callers. Best effort: a JVM
 * without the MBean (or {@code -Dsymtensor.jitHints=false}) just inlines as before, with the same
 * results; only the speed differs.
 */
final class JitHints {
    private static final String DIRECTIVE = "[{ match: \"org/symtensor/runtime/cpu/*.*\", inline: ["
            + "\"-org/symtensor/runtime/cpu/DoubleLanes.*\", \"-org/symtensor/runtime/cpu/FloatLanes.*\"] }]";

    private JitHints() {}

    /** Starts adding the directive once per JVM (no-op when turned off). */
    static void install() {
        if ("false".equalsIgnoreCase(System.getProperty("symtensor.jitHints"))) {
            return;
        }
        Thread t = new Thread(JitHints::add, "symtensor-jit-hints");
        t.setDaemon(true);
        t.start();
    }

    /** Whether the directive went in (for tests); false until the thread is done or when it failed. */
    static volatile boolean added;

    private static void add() {
        Path file = null;
        try {
            file = Files.createTempFile("symtensor-directives", ".json");
            Files.writeString(file, DIRECTIVE, StandardCharsets.UTF_8);
            Object reply = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            added = String.valueOf(reply).contains("added");
        } catch (Exception | LinkageError e) {
            added = false; // no such MBean (another JVM, a restricted environment): inlining stays the JIT's choice
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
