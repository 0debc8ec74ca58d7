package org.symtensor.spark.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.symtensor.spark.FunctionRecipe;
import org.symtensor.spark.SparkInference;
import org.symtensor.spark.SparkTrainer;
import org.symtensor.train.Adam;
import org.symtensor.train.data.Csv;
import org.symtensor.train.data.Dataset;
import org.symtensor.train.data.Labels;
import org.symtensor.train.data.Standardizer;
import org.symtensor.train.data.Table;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The digits MLP trained data-parallel on Spark: each row is 64 standardized pixels then a one-hot
 * label (74 numbers); {@link SparkTrainer} runs synchronous minibatch Adam over the partitions and
 * {@link SparkInference} scores the held-out rows in blocks. Arguments: the master (default
 * {@code local[2]}; ignored under spark-submit, which sets it) and the number of epochs (default 10).
 *
 * <pre>
 * mvn -B -q -pl spark-samples -am compile exec:java
 * mvn -B -q -pl spark-samples -am compile exec:java -Dexec.args="local[4] 20"
 * </pre>
 */
public final class SparkDigits {
    private SparkDigits() {}

    public static void main(String[] args) {
        String master = args.length > 0 ? args[0] : "local[2]";
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        SparkSession.Builder builder = SparkSession.builder().appName("SparkDigits").config("spark.ui.enabled", "false");
        if (System.getProperty("spark.master") == null) {
            builder.master(master);
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            run(JavaSparkContext.fromSparkContext(spark.sparkContext()), epochs);
        } finally {
            spark.stop();
        }
    }

    static void run(JavaSparkContext sc, int epochs) {
        Dataset.Split data = data();
        List<NDArray> trainRows = rows(data.train());
        float[][] heldOut = data.validation().x().toFloatMatrix();
        int partitions = sc.defaultParallelism();
        System.out.printf(Locale.ROOT, "SparkDigits: %d training rows, %d held out, %d partitions, master %s%n",
                trainRows.size(), heldOut.length, partitions, sc.master());

        SparkDigitsModel.initialize(7);
        FunctionRecipe loss = FunctionRecipe.symbolic(SparkDigitsModel.class, "rowLoss", SparkDigitsModel.params());
        JavaRDD<NDArray> train = sc.parallelize(trainRows, partitions);
        SparkTrainer.Result r = SparkTrainer.of(loss, SparkDigitsModel.params(), Adam.of(0.003))
                .epochs(epochs).batchSize(32).seed(1).columns(64, 10).fit(train);
        int perEpoch = r.steps() / epochs;
        for (int e = 0; e < epochs; e++) {
            double sum = 0;
            for (int s = e * perEpoch; s < (e + 1) * perEpoch; s++) {
                sum += r.losses()[s];
            }
            System.out.printf(Locale.ROOT, "epoch %2d: mean minibatch loss %.4f%n", e + 1, sum / perEpoch);
        }
        System.out.printf(Locale.ROOT, "%d steps in %.1f s (%.1f ms per step)%n", r.steps(), r.seconds(),
                1000 * r.seconds() / r.steps());

        // held-out rows: their 64 pixels go through the probabilities, a block of rows per call
        FunctionRecipe predict = FunctionRecipe.symbolic(SparkDigitsModel.class, "probabilities", SparkDigitsModel.params());
        List<NDArray> pixels = new ArrayList<>();
        for (float[] row : heldOut) {
            pixels.add(NDArray.of(row));
        }
        List<NDArray> p = SparkInference.of(predict, SparkDigitsModel.params()).columns(64)
                .apply(sc.parallelize(pixels, partitions)).collect();
        float[][] scores = new float[p.size()][];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = p.get(i).toFloatArray();
        }
        double accuracy = Labels.accuracy(NDArray.of(scores), data.validation().y());
        System.out.printf(Locale.ROOT, "held-out accuracy %.4f%n", accuracy);
    }

    /** The digits, standardized with the training part's statistics (as the samples module's Digits does). */
    static Dataset.Split data() {
        Table table;
        try (InputStream in = SparkDigits.class.getResourceAsStream("/data/digits.csv.gz")) {
            if (in == null) {
                throw new IllegalStateException("data/digits.csv.gz is not on the class path");
            }
            table = Csv.read(in, "digits.csv.gz", false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Dataset all = Dataset.of(table.columns(0, 64, DType.FLOAT32), Labels.oneHot(table.intColumn(64), 10, DType.FLOAT32));
        Dataset.Split split = all.split(0.2, 42);
        Standardizer scale = Standardizer.fit(split.train().x());
        return new Dataset.Split(Dataset.of(scale.apply(split.train().x()), split.train().y()),
                Dataset.of(scale.apply(split.validation().x()), split.validation().y()));
    }

    /** One vector per example: its x row then its y row. */
    static List<NDArray> rows(Dataset d) {
        float[][] x = d.x().toFloatMatrix();
        float[][] y = d.y().toFloatMatrix();
        List<NDArray> rows = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            float[] v = new float[x[i].length + y[i].length];
            System.arraycopy(x[i], 0, v, 0, x[i].length);
            System.arraycopy(y[i], 0, v, x[i].length, y[i].length);
            rows.add(NDArray.of(v));
        }
        return rows;
    }
}
