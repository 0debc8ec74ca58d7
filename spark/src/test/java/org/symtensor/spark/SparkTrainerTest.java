package org.symtensor.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.dmatrix;
import static org.symtensor.T.dvector;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.outputs;
import static org.symtensor.T.shared;
import static org.symtensor.T.sharedVector;
import static org.symtensor.T.softplus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Vector;
import org.symtensor.train.Adam;
import org.symtensor.train.Params;
import org.symtensor.train.Sgd;
import org.symtensor.train.npy.Npz;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * The distributed trainer on local[2] against single-machine loops over the same minibatches: a
 * plain-Java logistic regression with SGD, and Symtensor's own Adam loop for the MLP.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SparkTrainerTest {
    private static final int N = 160;
    private static final int D = 4;
    private static final int BATCH = 16;
    private static final long SEED = 11;

    /** Rows of 4 features then a 0/1 label, from a fixed linear rule with noise. */
    static List<NDArray> logisticRows(int n) {
        SplittableRandom r = new SplittableRandom(1);
        List<NDArray> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] v = new double[D + 1];
            double z = 0;
            for (int j = 0; j < D; j++) {
                v[j] = r.nextDouble(-2, 2);
                z += (j + 1) * (j % 2 == 0 ? 1 : -1) * v[j] * 0.5;
            }
            v[D] = z + r.nextGaussian() * 0.5 > 0 ? 1 : 0;
            rows.add(NDArray.of(v));
        }
        return rows;
    }

    private record Logistic(SharedVector<F64> w, SharedScalar<F64> b, FunctionRecipe recipe, Params params) {}

    private static Logistic logistic() {
        SharedVector<F64> w = sharedVector(NDArray.zeros(DType.FLOAT64, D), F64.class, "w");
        SharedScalar<F64> b = shared(0.0, "b");
        Matrix<F64> x = dmatrix("x");
        Vector<F64> y = dvector("y");
        Vector<F64> z = x.dot(w).plus(b);
        Params params = Params.of(w, b);
        return new Logistic(w, b, FunctionRecipe.graph(params, List.of(x, y), softplus(z).minus(y.times(z))), params);
    }

    /** The rows of minibatch {@code batch} of {@code epoch}, in index order. */
    static List<Integer> batchRows(int n, int batchSize, long seed, int epoch, long batch) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (BatchOrder.batchOf(i, n, batchSize, seed, epoch, true) == batch) {
                out.add(i);
            }
        }
        return out;
    }

    /** Plain-Java minibatch SGD on the logistic loss: the oracle. Returns {w..., b}. */
    static double[] oracleSgd(List<NDArray> rows, double lr, int epochs) {
        double[] w = new double[D];
        double b = 0;
        for (int e = 0; e < epochs; e++) {
            for (long s = 0; s < BatchOrder.batches(rows.size(), BATCH); s++) {
                List<Integer> idx = batchRows(rows.size(), BATCH, SEED, e, s);
                double[] gw = new double[D];
                double gb = 0;
                for (int i : idx) {
                    double[] v = rows.get(i).toDoubleArray();
                    double z = b;
                    for (int j = 0; j < D; j++) {
                        z += w[j] * v[j];
                    }
                    double err = 1 / (1 + Math.exp(-z)) - v[D];
                    for (int j = 0; j < D; j++) {
                        gw[j] += err * v[j];
                    }
                    gb += err;
                }
                for (int j = 0; j < D; j++) {
                    w[j] -= lr * gw[j] / idx.size();
                }
                b -= lr * gb / idx.size();
            }
        }
        double[] out = new double[D + 1];
        System.arraycopy(w, 0, out, 0, D);
        out[D] = b;
        return out;
    }

    @Test
    void sgdMatchesThePlainJavaLoopAfter20StepsForAnyPartitioning() {
        List<NDArray> rows = logisticRows(N);
        double[] expected = oracleSgd(rows, 0.5, 2);
        for (int partitions : new int[] {1, 2, 3}) {
            Logistic m = logistic();
            JavaRDD<NDArray> rdd = LocalSpark.context().parallelize(rows, 2);
            SparkTrainer.Result r = SparkTrainer.of(m.recipe(), m.params(), Sgd.of(0.5)).epochs(2).batchSize(BATCH)
                    .seed(SEED).partitions(partitions).columns(D, 1).fit(rdd);
            assertThat(r.steps()).isEqualTo(20);
            for (int j = 0; j < D; j++) {
                assertThat(m.w().getValue().getDouble(j)).as("w[%d], %d partitions", j, partitions)
                        .isCloseTo(expected[j], org.assertj.core.data.Offset.offset(1e-9));
            }
            assertThat(m.b().getValue().toDouble()).isCloseTo(expected[D], org.assertj.core.data.Offset.offset(1e-9));
            assertThat(r.lastLoss()).isLessThan(r.losses()[0]);
        }
    }

    static List<NDArray> mlpRows(int n) {
        SplittableRandom r = new SplittableRandom(2);
        List<NDArray> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] v = new double[4 + 3];
            for (int j = 0; j < 4; j++) {
                v[j] = r.nextDouble(-1, 1);
            }
            int label = v[0] + v[1] > 0.3 ? 0 : v[2] > 0 ? 1 : 2;
            v[4 + label] = 1;
            rows.add(NDArray.of(v));
        }
        return rows;
    }

    @Test
    void adamOnASymbolicRecipeMatchesSymtensorsSingleMachineLoop() {
        List<NDArray> rows = mlpRows(N);
        // the single-machine loop: the same model's mean loss, the training kit's Adam, the same minibatches
        MlpModel.initialize(9);
        Matrix<F64> x = dmatrix("x");
        Matrix<F64> y = dmatrix("y");
        Scalar<F64> meanLoss = MlpModelSymbolic.rowLossGraph(x, y).mean();
        Function step = function(inputs(x, y), outputs(meanLoss), Adam.of(0.05).minimize(meanLoss, MlpModel.params()));
        for (int e = 0; e < 2; e++) {
            for (long s = 0; s < BatchOrder.batches(N, BATCH); s++) {
                List<Integer> idx = batchRows(N, BATCH, SEED, e, s);
                double[][] xb = new double[idx.size()][];
                double[][] yb = new double[idx.size()][];
                for (int k = 0; k < idx.size(); k++) {
                    double[] v = rows.get(idx.get(k)).toDoubleArray();
                    xb[k] = java.util.Arrays.copyOfRange(v, 0, 4);
                    yb[k] = java.util.Arrays.copyOfRange(v, 4, 7);
                }
                step.call(NDArray.of(xb), NDArray.of(yb));
            }
        }
        Map<String, NDArray> expected = MlpModel.params().values();

        MlpModel.initialize(9);
        FunctionRecipe recipe = FunctionRecipe.symbolic(MlpModel.class, "rowLoss", MlpModel.params());
        int buildsBefore = FunctionCache.builds();
        SparkTrainer.Result r = SparkTrainer.of(recipe, MlpModel.params(), Adam.of(0.05)).epochs(2).batchSize(BATCH)
                .seed(SEED).columns(4, 3).blockRows(5).fit(LocalSpark.context().parallelize(rows, 2));
        assertThat(r.steps()).isEqualTo(20);
        // compiled once per concurrent task slot (local[2]: at most 2), not once per task or step
        assertThat(FunctionCache.builds() - buildsBefore).isBetween(1, 2);
        Map<String, NDArray> got = MlpModel.params().values();
        for (String name : expected.keySet()) {
            NDArray a = expected.get(name);
            NDArray b = got.get(name);
            for (int i = 0; i < a.size(); i++) {
                assertThat(b.getDouble(i)).as("%s[%d]", name, i)
                        .isCloseTo(a.getDouble(i), org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void aDatasetWithAnArrayColumnAndANumericColumnTrainsLikeTheRdd(@TempDir Path dir) {
        List<NDArray> rows = logisticRows(N);
        List<Row> data = new ArrayList<>();
        for (NDArray v : rows) {
            double[] a = v.toDoubleArray();
            List<Double> features = new ArrayList<>();
            for (int j = 0; j < D; j++) {
                features.add(a[j]);
            }
            data.add(RowFactory.create("id", features, (int) a[D]));
        }
        StructType schema = new StructType().add("name", DataTypes.StringType)
                .add("features", DataTypes.createArrayType(DataTypes.DoubleType))
                .add("label", DataTypes.IntegerType);
        Dataset<Row> df = LocalSpark.session().createDataFrame(data, schema).repartition(1);
        Logistic m = logistic();
        SparkTrainer.Result r = SparkTrainer.of(m.recipe(), m.params(), Sgd.of(0.5)).epochs(2).batchSize(BATCH)
                .seed(SEED).columns(D, 1).checkpointEvery(5, dir).fit(df, "features", "label");
        double[] expected = oracleSgd(rows, 0.5, 2);
        assertThat(r.steps()).isEqualTo(20);
        for (int j = 0; j < D; j++) {
            assertThat(m.w().getValue().getDouble(j)).isCloseTo(expected[j], org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(dir.resolve("step-00000005.npz")).exists();
        assertThat(dir.resolve("step-00000020.npz")).exists();
        Map<String, NDArray> last = Npz.read(dir.resolve("step-00000020.npz"));
        assertThat(last.get("w").toDoubleArray()).containsExactly(m.w().getValue().toDoubleArray());
        assertThat(last.get("b").toDouble()).isEqualTo(m.b().getValue().toDouble());
    }

    @Test
    void emptyPartitionsChangeNothing() {
        List<NDArray> rows = logisticRows(40);
        Logistic m = logistic();
        // 40 rows over 12 partitions, with wholly empty partitions added in front
        JavaRDD<NDArray> rdd = LocalSpark.context().<NDArray>emptyRDD().union(LocalSpark.context().parallelize(rows, 12))
                .union(LocalSpark.context().parallelize(List.<NDArray>of(), 3));
        SparkTrainer.of(m.recipe(), m.params(), Sgd.of(0.5)).epochs(1).batchSize(BATCH).seed(SEED).columns(D, 1).fit(rdd);
        List<NDArray> both = new ArrayList<>(rows);
        double[] w = new double[D];
        double b = 0;
        for (long s = 0; s < BatchOrder.batches(40, BATCH); s++) {
            List<Integer> idx = batchRows(40, BATCH, SEED, 0, s);
            double[] gw = new double[D];
            double gb = 0;
            for (int i : idx) {
                double[] v = both.get(i).toDoubleArray();
                double z = b;
                for (int j = 0; j < D; j++) {
                    z += w[j] * v[j];
                }
                double err = 1 / (1 + Math.exp(-z)) - v[D];
                for (int j = 0; j < D; j++) {
                    gw[j] += err * v[j];
                }
                gb += err;
            }
            for (int j = 0; j < D; j++) {
                w[j] -= 0.5 * gw[j] / idx.size();
            }
            b -= 0.5 * gb / idx.size();
        }
        for (int j = 0; j < D; j++) {
            assertThat(m.w().getValue().getDouble(j)).isCloseTo(w[j], org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(m.b().getValue().toDouble()).isCloseTo(b, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aRowOfTheWrongWidthIsAShapeMismatchOnTheDriver() {
        List<NDArray> rows = new ArrayList<>(logisticRows(20));
        rows.set(13, NDArray.of(new double[] {1, 2, 3}));
        Logistic m = logistic();
        assertThatThrownBy(() -> SparkTrainer.of(m.recipe(), m.params(), Sgd.of(0.1)).columns(D, 1)
                .fit(LocalSpark.context().parallelize(rows, 2)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("row 13 has 3 values, expected 5 (x 4, y 1)");
        List<NDArray> matrixRow = new ArrayList<>(logisticRows(4));
        matrixRow.set(2, NDArray.zeros(DType.FLOAT64, 1, 5));
        assertThatThrownBy(() -> SparkTrainer.of(m.recipe(), m.params(), Sgd.of(0.1)).columns(D, 1)
                .fit(LocalSpark.context().parallelize(matrixRow, 2)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("row 2 has shape (1, 5)");
    }

    @Test
    void aNonNumericColumnIsADTypeMismatchBeforeAnyJob() {
        StructType schema = new StructType().add("features", DataTypes.createArrayType(DataTypes.DoubleType))
                .add("label", DataTypes.StringType);
        Dataset<Row> df = LocalSpark.session().createDataFrame(List.of(RowFactory.create(List.of(1.0, 2.0, 3.0, 4.0), "yes")),
                schema);
        Logistic m = logistic();
        assertThatThrownBy(() -> SparkTrainer.of(m.recipe(), m.params(), Sgd.of(0.1)).columns(D, 1).fit(df, "features", "label"))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("column 'label' is string; expected a numeric column or an array of numbers");
        assertThatThrownBy(() -> SparkTrainer.of(m.recipe(), m.params(), Sgd.of(0.1)).columns(D, 1).fit(df, "features", "lbl"))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("no column 'lbl'");
    }

    @Test
    void noRowsAndBadOptionsAreArgumentErrors() {
        Logistic m = logistic();
        assertThatThrownBy(() -> SparkTrainer.of(m.recipe(), m.params(), Sgd.of(0.1)).columns(D, 1)
                .fit(LocalSpark.context().parallelize(List.<NDArray>of(), 2)))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("no rows");
        assertThatThrownBy(() -> SparkTrainer.of(m.recipe(), m.params(), Sgd.of(0.1)).batchSize(0))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("batchSize must be at least 1, got 0");
        assertThatThrownBy(() -> SparkTrainer.of(m.recipe(), m.params(), Sgd.of(0.1))
                .fit(LocalSpark.context().parallelize(logisticRows(3), 1)))
                .isInstanceOf(RecipeException.class).hasMessageContaining("columns(...)");
        assertThatThrownBy(() -> SparkTrainer.of(m.recipe(), Params.of(m.b(), m.w()), Sgd.of(0.1)))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("same order");
    }

    @Test
    void aRecipeNamingAMissingClassFailsOnTheDriver() {
        FunctionRecipe missing = FunctionRecipe.symbolic("org.example.Gone", "rowLoss", List.of("W1", "b1", "W2", "b2"));
        assertThatThrownBy(() -> SparkTrainer.of(missing, MlpModel.params(), Sgd.of(0.1)))
                .isInstanceOf(RecipeException.class).hasMessageContaining("'org.example.Gone'");
        FunctionRecipe notALoss = FunctionRecipe.symbolic(MlpModel.class, "probabilities", MlpModel.params());
        assertThatThrownBy(() -> SparkTrainer.of(notALoss, MlpModel.params(), Sgd.of(0.1)))
                .isInstanceOf(RecipeException.class).hasMessageContaining("per-row losses");
    }

    @Test
    void aMissingClassOnTheExecutorsIsARecipeExceptionOnTheDriver() {
        // the driver can build this recipe but the executors' task rebuilds it from the name: simulate an
        // executor without the class by sending a recipe whose class exists only in name
        FunctionRecipe missing = FunctionRecipe.symbolic("org.example.Gone", "probabilities", List.of());
        JavaRDD<NDArray> rows = LocalSpark.context().parallelize(List.of(NDArray.of(new double[] {1, 2, 3, 4})), 1);
        FunctionRecipe fine = FunctionRecipe.symbolic(MlpModel.class, "probabilities", MlpModel.params());
        SparkInference inference = SparkInference.of(fine, MlpModel.params().values());
        JavaRDD<NDArray> out = rows.mapPartitions(new SparkInference.ForwardPass<NDArray, NDArray>(missing,
                RowLayout.of(fine.build().data(), new int[] {4}, "test"),
                LocalSpark.context().broadcast(new NDArray[0]), 8, 0, (r, where) -> r.toDoubleArray(), (r, y) -> y));
        assertThat(inference).isNotNull();
        assertThatThrownBy(() -> {
            try {
                out.collect();
            } catch (Exception e) {
                throw SparkErrors.rethrow(e);
            }
        }).isInstanceOf(RecipeException.class).hasMessageContaining("'org.example.Gone'");
    }
}
