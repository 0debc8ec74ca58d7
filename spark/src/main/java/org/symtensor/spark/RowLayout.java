package org.symtensor.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * How one row of numbers splits into a model's data inputs: a vector input takes one column, a matrix
 * input {@code w} consecutive columns, in input order. Turns a block of rows into one array per input
 * (rows stacked on axis 0), converting to each input's dtype as NumPy's {@code astype} does.
 */
final class RowLayout implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final DType[] dtypes;
    private final int[] ranks;
    private final int[] widths;
    private final int width;

    private RowLayout(String[] names, DType[] dtypes, int[] ranks, int[] widths) {
        this.names = names;
        this.dtypes = dtypes;
        this.ranks = ranks;
        this.widths = widths;
        int w = 0;
        for (int x : widths) {
            w += x;
        }
        this.width = w;
    }

    /**
     * The layout of {@code data}; {@code columns} (one per input, or null) gives the width of each matrix
     * input, needed when its type does not say it.
     */
    static RowLayout of(List<Variable> data, int[] columns, String who) {
        if (data.isEmpty()) {
            throw new RecipeException(who + ": the model has no data inputs (after its parameters)");
        }
        if (columns != null && columns.length != data.size()) {
            throw new RecipeException(who + ": columns(...) gives " + columns.length + " widths for " + data.size()
                    + " data inputs " + describe(data));
        }
        int n = data.size();
        String[] names = new String[n];
        DType[] dtypes = new DType[n];
        int[] ranks = new int[n];
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            Variable v = data.get(i);
            TensorType t = v.type();
            names[i] = v.name() == null ? "data input " + i : v.name();
            dtypes[i] = t.dtype();
            ranks[i] = t.rank();
            if (t.rank() == 1) {
                widths[i] = 1;
                if (columns != null && columns[i] != 1) {
                    throw new ShapeMismatchException(who + ": data input '" + names[i] + "' is a vector (one column per row),"
                            + " but columns(...) gives it " + columns[i]);
                }
            } else if (t.rank() == 2) {
                int known = t.dim(1);
                if (columns != null) {
                    if (columns[i] < 1 || (known != TensorType.UNKNOWN && known != columns[i])) {
                        throw new ShapeMismatchException(who + ": data input '" + names[i] + "' " + t + " cannot take "
                                + columns[i] + " columns");
                    }
                    widths[i] = columns[i];
                } else if (known != TensorType.UNKNOWN) {
                    widths[i] = known;
                } else {
                    throw new RecipeException(who + ": the width of data input '" + names[i] + "' " + t + " is not in its"
                            + " type; give every data input's width with columns(...), e.g. columns(64, 10)");
                }
            } else {
                throw new RecipeException(who + ": data input '" + names[i] + "' has rank " + t.rank()
                        + "; data inputs hold one row per example: a vector (one column) or a matrix");
            }
        }
        return new RowLayout(names, dtypes, ranks, widths);
    }

    private static String describe(List<Variable> data) {
        List<String> s = new ArrayList<>();
        for (Variable v : data) {
            s.add(v.name() + " " + v.type());
        }
        return s.toString();
    }

    /** The number of values in one row. */
    int width() {
        return width;
    }

    int inputs() {
        return names.length;
    }

    /** "x 64, y 10": what the columns of a row are. */
    String columns() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            b.append(i == 0 ? "" : ", ").append(names[i]).append(' ').append(widths[i]);
        }
        return b.toString();
    }

    /** {@code row} as doubles, checked to be a rank-1 array of {@link #width()} values. */
    double[] values(NDArray row, String where, String who) {
        if (row == null) {
            throw new ShapeMismatchException(who + ": " + where + " is null");
        }
        if (row.rank() != 1) {
            throw new ShapeMismatchException(who + ": " + where + " has shape " + NDArray.shapeToString(row.shape())
                    + "; a row is a vector of " + width + " values (" + columns() + ")");
        }
        return check(row.toDoubleArray(), where, who);
    }

    /** {@code v} itself, checked to hold {@link #width()} values. */
    double[] check(double[] v, String where, String who) {
        if (v.length != width) {
            throw new ShapeMismatchException(who + ": " + where + " has " + v.length + " values, expected " + width
                    + " (" + columns() + ")");
        }
        return v;
    }

    /** Rows {@code [from, to)} of {@code rows} as one array per data input. */
    NDArray[] block(List<double[]> rows, int from, int to) {
        int b = to - from;
        NDArray[] out = new NDArray[names.length];
        int col = 0;
        for (int i = 0; i < names.length; i++) {
            int w = widths[i];
            int[] shape = ranks[i] == 1 ? new int[] {b} : new int[] {b, w};
            NDArray a;
            if (dtypes[i] == DType.FLOAT64) {
                double[] d = new double[b * w];
                for (int r = 0; r < b; r++) {
                    System.arraycopy(rows.get(from + r), col, d, r * w, w);
                }
                a = NDArray.wrap(DType.FLOAT64, shape, d);
            } else if (dtypes[i] == DType.FLOAT32) {
                float[] d = new float[b * w];
                for (int r = 0; r < b; r++) {
                    double[] row = rows.get(from + r);
                    for (int j = 0; j < w; j++) {
                        d[r * w + j] = (float) row[col + j];
                    }
                }
                a = NDArray.wrap(DType.FLOAT32, shape, d);
            } else {
                a = NDArray.zeros(dtypes[i], shape);
                for (int r = 0; r < b; r++) {
                    double[] row = rows.get(from + r);
                    for (int j = 0; j < w; j++) {
                        a.setDouble(r * w + j, row[col + j]);
                    }
                }
            }
            out[i] = a;
            col += w;
        }
        return out;
    }
}
