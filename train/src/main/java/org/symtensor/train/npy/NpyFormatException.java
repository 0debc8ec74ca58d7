package org.symtensor.train.npy;

import org.symtensor.error.SymtensorException;

/**
 * A {@code .npy} or {@code .npz} file that Symtensor cannot read: not NumPy's format, cut short, a
 * header it cannot parse, a dtype it does not have, or an array too large for an {@code NDArray}.
 * {@link #problem()} says which, so callers can react without reading the message.
 */
public class NpyFormatException extends SymtensorException {
    /** What is wrong with the file. */
    public enum Problem {
        /** The first bytes are not {@code \x93NUMPY}, or the zip archive is not one. */
        BAD_MAGIC,
        /** A header version other than 1.0, 2.0 or 3.0. */
        UNSUPPORTED_VERSION,
        /** The header dictionary cannot be parsed, or lacks descr, fortran_order or shape. */
        BAD_HEADER,
        /** A dtype outside bool, int8, uint8, int16, int32, int64, float32, float64 (complex, strings, objects). */
        UNSUPPORTED_DTYPE,
        /** The file ends before the header or the data do. */
        TRUNCATED,
        /** More elements than a Java array holds. */
        TOO_LARGE
    }

    private final Problem problem;

    public NpyFormatException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
