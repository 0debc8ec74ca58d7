package org.symtensor.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;

/**
 * Reads the numbers of a {@code Dataset<Row>}'s chosen columns as one row of doubles: a numeric (or
 * boolean) column gives one value, an {@code array<numeric>} column its elements, in column order. The
 * schema is checked on the driver, before any job runs.
 */
final class RowColumns implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final int[] fields;
    private final boolean[] arrays;

    private RowColumns(String[] names, int[] fields, boolean[] arrays) {
        this.names = names;
        this.fields = fields;
        this.arrays = arrays;
    }

    static RowColumns of(StructType schema, String[] columns, String who) {
        if (columns == null || columns.length == 0) {
            throw new ArgumentException(who + ": name the columns to read, e.g. (\"features\", \"label\"); the data set"
                    + " has " + Arrays.toString(schema.fieldNames()));
        }
        int[] fields = new int[columns.length];
        boolean[] arrays = new boolean[columns.length];
        List<String> all = Arrays.asList(schema.fieldNames());
        for (int i = 0; i < columns.length; i++) {
            int f = all.indexOf(columns[i]);
            if (f < 0) {
                throw new ArgumentException(who + ": no column '" + columns[i] + "'; the data set has " + all);
            }
            DataType t = schema.fields()[f].dataType();
            if (isNumber(t)) {
                arrays[i] = false;
            } else if (t instanceof ArrayType a && isNumber(a.elementType())) {
                arrays[i] = true;
            } else {
                throw new DTypeMismatchException(who + ": column '" + columns[i] + "' is " + t.simpleString()
                        + "; expected a numeric column or an array of numbers");
            }
            fields[i] = f;
        }
        return new RowColumns(columns.clone(), fields, arrays);
    }

    private static boolean isNumber(DataType t) {
        return t instanceof NumericType || t instanceof BooleanType;
    }

    /** The chosen columns of {@code row} ({@code where} names it in messages) as doubles. */
    double[] values(Row row, String where, String who) {
        int n = 0;
        Object[] cells = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Object c = row.get(fields[i]);
            if (c == null) {
                throw new ShapeMismatchException(who + ": column '" + names[i] + "' is null in " + where);
            }
            if (arrays[i]) {
                List<Object> list = row.getList(fields[i]);
                cells[i] = list;
                n += list.size();
            } else {
                cells[i] = c;
                n++;
            }
        }
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < fields.length; i++) {
            if (arrays[i]) {
                List<?> list = (List<?>) cells[i];
                for (int j = 0; j < list.size(); j++) {
                    Object e = list.get(j);
                    if (e == null) {
                        throw new ShapeMismatchException(who + ": element " + j + " of column '" + names[i] + "' is null in "
                                + where);
                    }
                    out[k++] = number(e);
                }
            } else {
                out[k++] = number(cells[i]);
            }
        }
        return out;
    }

    private static double number(Object o) {
        return o instanceof Boolean b ? (b ? 1 : 0) : ((Number) o).doubleValue();
    }
}
