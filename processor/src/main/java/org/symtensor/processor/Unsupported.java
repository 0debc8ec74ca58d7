package org.symtensor.processor;

/**
 * A construct in a {@code @SymbolicFunction} body that the processor cannot interpret: thrown by
 * {@link BodyReader} and {@link Interpreter} with the stable code, the message and the position of
 * the offending tree, and turned into one {@code javac} error by {@link Diagnostics}. An
 * {@link ErrorCode#INTERNAL} one keeps the exception it stands for, whose trace the message shows.
 */
final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient Object pos;

    Unsupported(ErrorCode code, String message, Object pos) {
        this(code, message, pos, null);
    }

    Unsupported(ErrorCode code, String message, Object pos, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.pos = pos;
    }

    ErrorCode code() {
        return code;
    }

    Object pos() {
        return pos;
    }
}
