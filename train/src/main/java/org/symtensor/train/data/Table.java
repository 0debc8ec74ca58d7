package org.symtensor.train.data;

import java.util.Collections;
import java.util.List;
import org.symtensor.error.ArgumentException;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * A numeric table read from a CSV file: rows of equal width, optional column names. Columns come out
 * as {@link NDArray}s of the dtype asked for (NumPy's {@code astype} rules), or as {@code int} labels
 * checked to be whole numbers.
 */
public final class Table {
    private final List<String> header;
    private final List<double[]> rows;
    private final int columns;

    Table(List<String> header, List<double[]> rows, int columns) {
        this.header = Collections.unmodifiableList(header);
        this.rows = rows;
        this.columns = columns;
    }

    /** The column names, or an empty list when the file had no header. */
    public List<String> header() {
        return header;
    }

    public int rows() {
        return rows.size();
    }

    public int columns() {
        return columns;
    }

    /** Every column: a {@code (rows, columns)} matrix. */
    public NDArray matrix(DType dtype) {
        return columns(0, columns, dtype);
    }

    /** Columns {@code from} (inclusive) to {@code to} (exclusive): a {@code (rows, to − from)} matrix. */
    public NDArray columns(int from, int to, DType dtype) {
        if (from < 0 || to > columns || from > to) {
            throw new ArgumentException("columns " + from + ".." + to + " are out of range: the table has "
                    + columns + " columns");
        }
        int w = to - from;
        NDArray out = NDArray.zeros(dtype, rows.size(), w);
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            for (int j = 0; j < w; j++) {
                out.setDouble(i * w + j, r[from + j]);
            }
        }
        return out;
    }

    /** Column {@code j} as a vector. */
    public NDArray column(int j, DType dtype) {
        return columns(j, j + 1, dtype).reshape(rows.size());
    }

    /** Column {@code j} as whole numbers (class labels); a cell with a fraction is an error naming its row. */
    public int[] intColumn(int j) {
        if (j < 0 || j >= columns) {
            throw new ArgumentException("column " + j + " is out of range: the table has " + columns + " columns");
        }
        int[] out = new int[rows.size()];
        for (int i = 0; i < out.length; i++) {
            double v = rows.get(i)[j];
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw new DataFormatException("row " + (i + 1) + ", column " + (j + 1) + ": " + v
                        + " is not a whole number, so it cannot be a label");
            }
            out[i] = (int) v;
        }
        return out;
    }
}
