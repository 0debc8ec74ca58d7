package org.symtensor.processor;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Every message of the processor goes through here. Each starts with a stable code in brackets
 * ({@code [Sym/ShapeMismatch]}; the codes and when each fires are listed in {@link ErrorCode}),
 * says what was expected, what was found and how to fix it, and is attached to the element and,
 * when known, to the exact expression (through {@link BodyReader}).
 */
final class Diagnostics {
    /** Frames shown per exception of an internal error's trace; the rest are counted. */
    static final int MAX_FRAMES = 15;
    /** Causes shown below an internal error's exception. */
    private static final int MAX_CAUSES = 5;

    private final Messager messager;
    private final BodyReader reader;
    private int errors;

    Diagnostics(Messager messager, BodyReader reader) {
        this.messager = messager;
        this.reader = reader;
    }

    /** An error with a stable code on {@code element} (none when null), and on the tree {@code pos} when it is known. */
    void error(ErrorCode code, String message, Element element, Object pos) {
        errors++;
        String text = code.tag() + " " + message;
        if (pos == null || reader == null || element == null || !reader.print(Diagnostic.Kind.ERROR, text, pos, element)) {
            if (element == null) {
                messager.printMessage(Diagnostic.Kind.ERROR, text);
            } else {
                messager.printMessage(Diagnostic.Kind.ERROR, text, element);
            }
        }
    }

    void error(Unsupported u, Element element) {
        String message = u.getMessage();
        if (u.code() == ErrorCode.INTERNAL && u.getCause() != null) {
            message += "\n" + trace(u.getCause());
        }
        error(u.code(), message, element, u.pos());
    }

    /** A bug: reported with its stack trace (to paste into a report), never thrown out of {@code process()}. */
    void internal(Throwable t, Element element) {
        error(ErrorCode.INTERNAL, "the Symtensor processor failed on this element; this is a bug, please report it"
                + " with the method's source and this trace:\n" + trace(t), element, null);
    }

    /**
     * {@code t}'s stack trace as {@link Throwable#printStackTrace()} writes it, shortened: at most
     * {@link #MAX_FRAMES} frames per exception and {@link #MAX_CAUSES} causes.
     */
    static String trace(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int causes = 0;
        for (Throwable x = t; x != null && seen.add(x); x = x.getCause()) {
            if (x != t) {
                if (causes++ == MAX_CAUSES) {
                    sb.append("\t... more causes\n");
                    break;
                }
                sb.append("Caused by: ");
            }
            sb.append(x).append('\n');
            StackTraceElement[] frames = x.getStackTrace();
            for (int i = 0; i < frames.length && i < MAX_FRAMES; i++) {
                sb.append("\tat ").append(frames[i]).append('\n');
            }
            if (frames.length > MAX_FRAMES) {
                sb.append("\t... ").append(frames.length - MAX_FRAMES).append(" more\n");
            }
        }
        return sb.toString().stripTrailing();
    }

    int errorCount() {
        return errors;
    }
}
