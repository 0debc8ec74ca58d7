package org.symtensor.error;

/**
 * Thrown by a function compiled in {@code DEBUG_MODE} when the optimized graph and the graph as
 * written disagree on a call: an optimizer bug. The message names the output or update, the first
 * differing element, both values and the tolerance.
 */
public class DebugModeException extends SymtensorException {
    public DebugModeException(String message) {
        super(message);
    }
}
