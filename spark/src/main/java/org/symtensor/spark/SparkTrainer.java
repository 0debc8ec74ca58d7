package org.symtensor.spark;

import static org.symtensor.T.function;
import static org.symtensor.T.inputs;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.symtensor.error.ArgumentException;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionInput;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.tensor.Tensors;
import org.symtensor.train.Optimizer;
import org.symtensor.train.Params;
import org.symtensor.train.npy.Npz;
import org.symtensor.value.NDArray;

/**
 * Synchronous data-parallel minibatch training on Spark. Each step broadcasts the current parameter
 * values, every partition runs the recipe's gradient function (compiled once per executor JVM, see
 * {@link FunctionCache}) over its rows of the step's minibatch in blocks, {@code treeAggregate} adds the
 * per-partition sums of the losses and gradients, and the driver divides by the minibatch size and
 * applies the optimizer's update to the {@link Params}' shared variables. The result is the same as a
 * single-machine loop over the same minibatches (up to the order of the floating-point sums), whatever
 * the number of partitions.
 *
 * <p>The recipe's output 0 is the vector of per-row losses of a block; its inputs are the parameters
 * (in the order of {@code params}) then the data inputs, which split each row's values (see
 * {@link #columns}). Minibatches follow {@link BatchOrder}: in each epoch a seeded permutation of the
 * rows' indices (their order in the input), cut into batches of {@link #batchSize}.
 *
 * <p>The optimizer is any of the training kit's ({@code Sgd}, {@code Adam}, ...): its update graph is
 * compiled once on the driver with the averaged gradients as inputs, so its state (moments, step count)
 * lives in its own shared variables as in single-machine training.
 */
public final class SparkTrainer {
    private static final String WHO = "SparkTrainer";

    private final FunctionRecipe recipe;
    private final Params params;
    private final Optimizer optimizer;
    private final FunctionRecipe.Model model;
    private int epochs = 1;
    private int batchSize = 32;
    private long seed;
    private boolean shuffle = true;
    private int partitions;
    private int checkpointEvery;
    private Path checkpointDir;
    private int[] columns;
    private int blockRows = 1024;
    private int depth = 2;
    private Function driverStep;

    private SparkTrainer(FunctionRecipe recipe, Params params, Optimizer optimizer) {
        this.recipe = recipe;
        this.params = params;
        this.optimizer = optimizer;
        if (!recipe.paramNames().equals(params.names())) {
            throw new ArgumentException(WHO + ": the recipe's parameters are " + recipe.paramNames() + " but the Params are "
                    + params.names() + "; list them in the same order");
        }
        this.model = recipe.build();
        Compiled.perRowLoss(model, WHO);
        FunctionRecipe.ordered(model, recipe.paramNames(), params.values());
    }

    /**
     * A trainer of the parameters {@code params} (updated in place) of the model {@code recipe} with
     * {@code optimizer}. The recipe is built here once, so a missing class or a bad model fails now.
     */
    public static SparkTrainer of(FunctionRecipe recipe, Params params, Optimizer optimizer) {
        return new SparkTrainer(recipe, params, optimizer);
    }

    /** Passes over the data (default 1). */
    public SparkTrainer epochs(int epochs) {
        this.epochs = positive("epochs", epochs);
        return this;
    }

    /** Rows per minibatch, across all partitions (default 32); the last minibatch of an epoch may be smaller. */
    public SparkTrainer batchSize(int batchSize) {
        this.batchSize = positive("batchSize", batchSize);
        return this;
    }

    /** The seed of the per-epoch row order (default 0). */
    public SparkTrainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Whether each epoch visits the rows in a seeded random order (default) or in input order. */
    public SparkTrainer shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /** Repartitions the rows (after numbering them, so the minibatches do not change) into this many partitions. */
    public SparkTrainer partitions(int partitions) {
        this.partitions = positive("partitions", partitions);
        return this;
    }

    /** Writes the parameters and the optimizer's state to {@code dir/step-NNNNNNNN.npz} every {@code steps} steps. */
    public SparkTrainer checkpointEvery(int steps, Path dir) {
        this.checkpointEvery = positive("checkpointEvery", steps);
        this.checkpointDir = dir;
        return this;
    }

    /** The width of each data input, in order (needed for a matrix input whose type does not fix its width). */
    public SparkTrainer columns(int... widths) {
        this.columns = widths.clone();
        return this;
    }

    /** The most rows one call of the gradient function takes (default 1024). */
    public SparkTrainer blockRows(int rows) {
        this.blockRows = positive("blockRows", rows);
        return this;
    }

    /** The depth of {@code treeAggregate} (default 2). */
    public SparkTrainer aggregationDepth(int depth) {
        this.depth = positive("aggregationDepth", depth);
        return this;
    }

    /** What training did: the steps taken, each step's mean minibatch loss, the wall-clock seconds. */
    public record Result(int steps, double[] losses, double seconds) {
        /** The mean loss of the last minibatch. */
        public double lastLoss() {
            return losses[losses.length - 1];
        }
    }

    /** Trains on rows given as vectors of {@code width} numbers (the data inputs' columns side by side). */
    public Result fit(JavaRDD<NDArray> rows) {
        RowLayout layout = RowLayout.of(model.data(), columns, WHO);
        JavaRDD<IndexedRow> indexed = rows.zipWithIndex()
                .map(t -> new IndexedRow(t._2(), layout.values(t._1(), "row " + t._2(), WHO)));
        return run(indexed, layout);
    }

    /**
     * Trains on the columns {@code columns} of a data set: numeric columns give one value each, array
     * columns their elements, side by side in this order. A column of another type is a
     * {@code DTypeMismatchException} here, before any job runs.
     */
    public Result fit(Dataset<Row> data, String... columns) {
        RowLayout layout = RowLayout.of(model.data(), this.columns, WHO);
        RowColumns read = RowColumns.of(data.schema(), columns, WHO);
        JavaRDD<IndexedRow> indexed = data.toJavaRDD().zipWithIndex()
                .map(t -> {
                    String where = "row " + t._2();
                    return new IndexedRow(t._2(), layout.check(read.values(t._1(), where, WHO), where, WHO));
                });
        return run(indexed, layout);
    }

    private Result run(JavaRDD<IndexedRow> numbered, RowLayout layout) {
        long start = System.nanoTime();
        JavaRDD<IndexedRow> rows = partitions > 0 ? numbered.repartition(partitions) : numbered;
        rows = rows.persist(StorageLevel.MEMORY_ONLY());
        try {
            long n;
            try {
                n = rows.count();
            } catch (Exception e) {
                throw SparkErrors.rethrow(e);
            }
            if (n == 0) {
                throw new ArgumentException(WHO + ": the data set has no rows");
            }
            FunctionCache.with(Compiled.gradKey(recipe), () -> Compiled.gradient(recipe, WHO), f -> null);
            Function step = driverStep();
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(rows.context());
            long batches = BatchOrder.batches(n, batchSize);
            List<Double> losses = new ArrayList<>();
            int t = 0;
            for (int epoch = 0; epoch < epochs; epoch++) {
                for (long b = 0; b < batches; b++) {
                    NDArray[] current = FunctionRecipe.ordered(model, recipe.paramNames(), params.values());
                    Broadcast<NDArray[]> values = jsc.broadcast(current);
                    Partial sum;
                    try {
                        GradientPass pass = new GradientPass(recipe, layout, values, n, batchSize, seed, epoch, shuffle, b,
                                blockRows);
                        sum = rows.mapPartitions(pass).treeAggregate(Partial.EMPTY, Partial::merge, Partial::merge, depth);
                    } catch (Exception e) {
                        throw SparkErrors.rethrow(e);
                    } finally {
                        values.destroy();
                    }
                    if (sum.rows == 0) {
                        throw new IllegalStateException(WHO + ": minibatch " + b + " of epoch " + epoch + " has no rows");
                    }
                    Object[] means = new Object[current.length];
                    for (int i = 0; i < current.length; i++) {
                        NDArray g = NDArray.zeros(current[i].dtype(), current[i].shape());
                        double[] s = sum.sums[i];
                        for (int j = 0; j < s.length; j++) {
                            g.setDouble(j, s[j] / sum.rows);
                        }
                        means[i] = g;
                    }
                    step.callAll(means);
                    losses.add(sum.loss / sum.rows);
                    t++;
                    if (checkpointEvery > 0 && t % checkpointEvery == 0) {
                        checkpoint(t);
                    }
                }
            }
            double[] l = new double[losses.size()];
            for (int i = 0; i < l.length; i++) {
                l[i] = losses.get(i);
            }
            return new Result(t, l, (System.nanoTime() - start) / 1e9);
        } finally {
            rows.unpersist(false);
        }
    }

    /**
     * The optimizer's step as a function of the averaged gradients: the cost {@code Σ_p sum(p · g_p)} with
     * {@code g_p} inputs has the gradient {@code g_p} with respect to {@code p} (exactly: its backward pass
     * multiplies {@code g_p} by ones), so the optimizer's own update graph applies them unchanged.
     */
    private Function driverStep() {
        if (driverStep == null) {
            List<FunctionInput> grads = new ArrayList<>();
            Variable cost = null;
            for (SharedVariable<?> p : params) {
                Variable g = new Variable(p.node().type(), "grad/" + p.node().name());
                grads.add(Tensors.wrap(g));
                Variable term = Apply.output(Reduce.of(Reduce.Kind.SUM, null),
                        Apply.output(Elemwise.of(ScalarOp.MUL), p.node(), g));
                cost = cost == null ? term : Apply.output(Elemwise.of(ScalarOp.ADD), cost, term);
            }
            driverStep = function(inputs(grads.toArray(new FunctionInput[0])),
                    optimizer.minimize(Tensors.wrap(cost), params));
        }
        return driverStep;
    }

    private void checkpoint(int step) {
        Map<String, NDArray> all = new LinkedHashMap<>(params.values());
        all.putAll(optimizer.state().values());
        try {
            Files.createDirectories(checkpointDir);
        } catch (IOException e) {
            throw new UncheckedIOException(WHO + ": cannot create the checkpoint directory " + checkpointDir, e);
        }
        Npz.write(checkpointDir.resolve(String.format(Locale.ROOT, "step-%08d.npz", step)), all);
    }

    private static int positive(String what, int v) {
        if (v < 1) {
            throw new ArgumentException(WHO + ": " + what + " must be at least 1, got " + v);
        }
        return v;
    }

    /** The sums of one partition (or of several, merged): per-parameter gradient sums, loss sum, row count. */
    static final class Partial implements Serializable {
        private static final long serialVersionUID = 1L;
        static final Partial EMPTY = new Partial(null, 0, 0);

        final double[][] sums;
        final double loss;
        final long rows;

        Partial(double[][] sums, double loss, long rows) {
            this.sums = sums;
            this.loss = loss;
            this.rows = rows;
        }

        static Partial merge(Partial a, Partial b) {
            if (a.rows == 0) {
                return b;
            }
            if (b.rows == 0) {
                return a;
            }
            double[][] s = new double[a.sums.length][];
            for (int i = 0; i < s.length; i++) {
                s[i] = a.sums[i].clone();
                double[] t = b.sums[i];
                for (int j = 0; j < t.length; j++) {
                    s[i][j] += t[j];
                }
            }
            return new Partial(s, a.loss + b.loss, a.rows + b.rows);
        }
    }

    /** One partition's share of one step: its rows of the minibatch, in blocks, through the gradient function. */
    static final class GradientPass implements FlatMapFunction<Iterator<IndexedRow>, Partial> {
        private static final long serialVersionUID = 1L;

        private final FunctionRecipe recipe;
        private final RowLayout layout;
        private final Broadcast<NDArray[]> values;
        private final long n;
        private final int batchSize;
        private final long seed;
        private final int epoch;
        private final boolean shuffle;
        private final long batch;
        private final int blockRows;

        GradientPass(FunctionRecipe recipe, RowLayout layout, Broadcast<NDArray[]> values, long n, int batchSize, long seed,
                int epoch, boolean shuffle, long batch, int blockRows) {
            this.recipe = recipe;
            this.layout = layout;
            this.values = values;
            this.n = n;
            this.batchSize = batchSize;
            this.seed = seed;
            this.epoch = epoch;
            this.shuffle = shuffle;
            this.batch = batch;
            this.blockRows = blockRows;
        }

        @Override
        public Iterator<Partial> call(Iterator<IndexedRow> it) {
            List<double[]> mine = new ArrayList<>();
            while (it.hasNext()) {
                IndexedRow r = it.next();
                if (BatchOrder.batchOf(r.index(), n, batchSize, seed, epoch, shuffle) == batch) {
                    mine.add(r.values());
                }
            }
            if (mine.isEmpty()) {
                return List.of(EMPTY_PARTIAL).iterator();
            }
            NDArray[] p = values.value();
            FunctionRecipe r = recipe;
            return FunctionCache.with(Compiled.gradKey(r), () -> Compiled.gradient(r, WHO), f -> {
                double[][] sums = new double[p.length][];
                for (int i = 0; i < p.length; i++) {
                    sums[i] = new double[p[i].size()];
                }
                double loss = 0;
                for (int from = 0; from < mine.size(); from += blockRows) {
                    int to = Math.min(mine.size(), from + blockRows);
                    NDArray[] data = layout.block(mine, from, to);
                    Object[] args = new Object[p.length + data.length];
                    System.arraycopy(p, 0, args, 0, p.length);
                    System.arraycopy(data, 0, args, p.length, data.length);
                    List<NDArray> out = f.callAll(args);
                    loss += out.get(0).getDouble(0);
                    for (int i = 0; i < p.length; i++) {
                        NDArray g = out.get(i + 1);
                        double[] s = sums[i];
                        for (int j = 0; j < s.length; j++) {
                            s[j] += g.getDouble(j);
                        }
                    }
                }
                return List.of(new Partial(sums, loss, mine.size())).iterator();
            });
        }

        private static final Partial EMPTY_PARTIAL = Partial.EMPTY;
    }
}
