package org.symtensor.train.data;

import org.symtensor.error.SymtensorException;

/** A data file whose content does not fit what was asked: a cell that is not a number, a short row, a bad label. */
public class DataFormatException extends SymtensorException {
    public DataFormatException(String message) {
        super(message);
    }
}
