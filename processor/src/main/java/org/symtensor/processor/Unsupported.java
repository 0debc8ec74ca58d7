package org.symtensor.processor;

/**
 * A construct in a {@code @SymbolicFunction} body that the processor cannot interpret: thrown by
 * {@link BodyReader} and {@link Interpreter} with the stable code, the message and the position of
 * the offending tree, and turned into one {@code javac} error by {@link Diagnostics}.
 */
final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient Object pos;

    Unsupported(String code, String message, Object pos) {
        super(message);
        this.code = code;
        this.pos = pos;
    }

    String code() {
        return code;
    }

    Object pos() {
        return pos;
    }
}
