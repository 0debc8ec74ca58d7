package org.symtensor.spark;

import org.symtensor.error.SymtensorException;

/**
 * A graph cannot be written in, or read from, the serialized IR format ({@link GraphIr}): an op kind the
 * format does not carry, a leaf that is not an input, a wrong magic number or format version, or
 * truncated bytes. The message names the op kind, variable or version.
 */
public class IrFormatException extends SymtensorException {
    private static final long serialVersionUID = 1L;

    public IrFormatException(String message) {
        super(message);
    }
}
