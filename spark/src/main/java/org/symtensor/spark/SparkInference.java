package org.symtensor.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.train.Params;
import org.symtensor.value.NDArray;

/**
 * Batch inference with a compiled function over the rows of an RDD or a column of a data set: each
 * partition feeds its rows to the recipe's forward function in blocks of {@link #blockRows} rows (one
 * call per block, not per row) and emits row {@code i} of one output for input row {@code i}. The
 * parameter values are broadcast once; the function is compiled once per executor JVM.
 *
 * <p>Results are lazy, as Spark's are: a bad row fails the action that reads it, and
 * {@link SparkErrors#rethrow} turns the {@code SparkException} into the Symtensor exception behind it.
 */
public final class SparkInference {
    private static final String WHO = "SparkInference";

    private final FunctionRecipe recipe;
    private final FunctionRecipe.Model model;
    private final NDArray[] values;
    private int[] columns;
    private int blockRows = 1024;
    private int output;

    private SparkInference(FunctionRecipe recipe, Map<String, NDArray> values) {
        this.recipe = recipe;
        this.model = recipe.build();
        this.values = FunctionRecipe.ordered(model, recipe.paramNames(), values);
    }

    /** Inference with {@code recipe} and the current values of {@code params}. */
    public static SparkInference of(FunctionRecipe recipe, Params params) {
        return new SparkInference(recipe, params.values());
    }

    /** Inference with {@code recipe} and these parameter values (by name). */
    public static SparkInference of(FunctionRecipe recipe, Map<String, NDArray> values) {
        return new SparkInference(recipe, values);
    }

    /** The width of each data input, in order (needed for a matrix input whose type does not fix its width). */
    public SparkInference columns(int... widths) {
        this.columns = widths.clone();
        return this;
    }

    /** Rows per call of the function (default 1024). */
    public SparkInference blockRows(int rows) {
        if (rows < 1) {
            throw new ArgumentException(WHO + ": blockRows must be at least 1, got " + rows);
        }
        this.blockRows = rows;
        return this;
    }

    /** Which of the function's outputs to return (default 0). */
    public SparkInference output(int index) {
        if (index < 0 || index >= model.outputs().size()) {
            throw new ArgumentException(WHO + ": output " + index + " does not exist; the model has "
                    + model.outputs().size() + " outputs");
        }
        this.output = index;
        return this;
    }

    /**
     * One result per row: row {@code i} of the chosen output (a rank-0 array for a vector output). The rows
     * are vectors holding the data inputs' columns side by side.
     */
    public JavaRDD<NDArray> apply(JavaRDD<NDArray> rows) {
        RowLayout layout = layout();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(rows.context());
        Broadcast<NDArray[]> bc = jsc.broadcast(values);
        return rows.mapPartitions(new ForwardPass<NDArray, NDArray>(recipe, layout, bc, blockRows, output,
                (r, where) -> layout.values(r, where, WHO), (r, y) -> y));
    }

    /**
     * {@code data} with one more column, {@code outputColumn}: the chosen output of each row's
     * {@code inputColumns} (read as {@link SparkTrainer#fit(Dataset, String...)} reads them), a double for a
     * vector output and an array of doubles otherwise. A column that is not numeric is a
     * {@code DTypeMismatchException} here.
     */
    public Dataset<Row> apply(Dataset<Row> data, String outputColumn, String... inputColumns) {
        RowLayout layout = layout();
        RowColumns read = RowColumns.of(data.schema(), inputColumns, WHO);
        int rank = model.outputs().get(output).type().rank();
        DataType type = rank == 1 ? DataTypes.DoubleType : DataTypes.createArrayType(DataTypes.DoubleType, false);
        StructType schema = data.schema().add(outputColumn, type, false);
        SparkSession spark = data.sparkSession();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<NDArray[]> bc = jsc.broadcast(values);
        JavaRDD<Row> out = data.toJavaRDD().mapPartitions(new ForwardPass<Row, Row>(recipe, layout, bc, blockRows, output,
                (r, where) -> layout.check(read.values(r, where, WHO), where, WHO), (r, y) -> {
                    Object[] cells = new Object[r.length() + 1];
                    for (int i = 0; i < r.length(); i++) {
                        cells[i] = r.get(i);
                    }
                    cells[r.length()] = y.rank() == 0 ? (Object) y.getDouble(0) : y.toDoubleArray();
                    return RowFactory.create(cells);
                }));
        return spark.createDataFrame(out, schema);
    }

    private RowLayout layout() {
        int rank = model.outputs().get(output).type().rank();
        if (rank < 1) {
            throw new ShapeMismatchException(WHO + ": output " + output + " is " + model.outputs().get(output).type()
                    + "; a per-row result needs a leading axis of rows");
        }
        return RowLayout.of(model.data(), columns, WHO);
    }

    /** Reads the numbers of one input row; {@code where} names the row in messages. */
    @FunctionalInterface
    interface Read<T> extends java.io.Serializable {
        double[] values(T row, String where);
    }

    /** Makes the result of one input row from the row and its output. */
    @FunctionalInterface
    interface Emit<T, R> extends java.io.Serializable {
        R result(T row, NDArray output);
    }

    /** A partition's rows through the forward function, a block at a time. */
    static final class ForwardPass<T, R> implements FlatMapFunction<Iterator<T>, R> {
        private static final long serialVersionUID = 1L;

        private final FunctionRecipe recipe;
        private final RowLayout layout;
        private final Broadcast<NDArray[]> values;
        private final int blockRows;
        private final int output;
        private final Read<T> read;
        private final Emit<T, R> emit;

        ForwardPass(FunctionRecipe recipe, RowLayout layout, Broadcast<NDArray[]> values, int blockRows, int output,
                Read<T> read, Emit<T, R> emit) {
            this.recipe = recipe;
            this.layout = layout;
            this.values = values;
            this.blockRows = blockRows;
            this.output = output;
            this.read = read;
            this.emit = emit;
        }

        @Override
        public Iterator<R> call(Iterator<T> rows) {
            int partition = TaskContext.getPartitionId();
            return new Iterator<>() {
                private List<R> pending = List.of();
                private int next;
                private long seen;

                @Override
                public boolean hasNext() {
                    while (next >= pending.size()) {
                        if (!rows.hasNext()) {
                            return false;
                        }
                        pending = nextBlock();
                        next = 0;
                    }
                    return true;
                }

                @Override
                public R next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return pending.get(next++);
                }

                private List<R> nextBlock() {
                    List<T> block = new ArrayList<>(blockRows);
                    List<double[]> numbers = new ArrayList<>(blockRows);
                    while (rows.hasNext() && block.size() < blockRows) {
                        T row = rows.next();
                        numbers.add(read.values(row, "row " + seen + " of partition " + partition));
                        block.add(row);
                        seen++;
                    }
                    NDArray[] p = values.value();
                    NDArray[] data = layout.block(numbers, 0, numbers.size());
                    Object[] args = new Object[p.length + data.length];
                    System.arraycopy(p, 0, args, 0, p.length);
                    System.arraycopy(data, 0, args, p.length, data.length);
                    FunctionRecipe r = recipe;
                    NDArray y = FunctionCache.with(Compiled.forwardKey(r), () -> Compiled.forward(r),
                            f -> f.callAll(args).get(output));
                    if (y.rank() < 1 || y.shape(0) != block.size()) {
                        throw new ShapeMismatchException(WHO + ": output " + output + " has shape "
                                + NDArray.shapeToString(y.shape()) + " for a block of " + block.size()
                                + " rows; a per-row result needs one entry per row on axis 0");
                    }
                    List<R> out = new ArrayList<>(block.size());
                    for (int i = 0; i < block.size(); i++) {
                        NDArray yi = y.rank() == 1 ? NDArray.full(y.dtype(), y.getDouble(i)) : y.row(i).copy();
                        out.add(emit.result(block.get(i), yi));
                    }
                    return out;
                }
            };
        }
    }
}
