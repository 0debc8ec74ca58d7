package org.symtensor.spark.samples;

import static org.symtensor.T.dmatrix;
import static org.symtensor.T.dvector;
import static org.symtensor.T.fmatrix;
import static org.symtensor.T.logSoftmax;
import static org.symtensor.T.shared;
import static org.symtensor.T.sharedMatrix;
import static org.symtensor.T.sharedVector;
import static org.symtensor.T.softplus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.symtensor.spark.FunctionRecipe;
import org.symtensor.spark.SparkTrainer;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Vector;
import org.symtensor.train.Init;
import org.symtensor.train.Params;
import org.symtensor.train.Sgd;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * Two timings of the distributed trainer, printed as table rows for docs/spark.md: the per-step overhead
 * on local[2] with a tiny model (logistic regression on 4 features: the step is nearly all Spark job,
 * broadcast and driver update), and the throughput of full-batch gradient steps of an MLP 784-256-10
 * (float32) on 20,000 generated rows with the rows in 1 and in 2 partitions. Run with one Symtensor
 * thread per task so partitions, not kernel threads, are what changes:
 * <pre>
 * mvn -B -q -pl spark-samples -am compile exec:java -Dexec.mainClass=org.symtensor.spark.samples.SparkBench -Dsymtensor.flags=threads=1
 * </pre>
 */
public final class SparkBench {
    private SparkBench() {}

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("SparkBench")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            overhead(sc);
            throughput(sc, args.length > 0 ? Integer.parseInt(args[0]) : 3);
        } finally {
            spark.stop();
        }
    }

    static void overhead(JavaSparkContext sc) {
        SplittableRandom r = new SplittableRandom(1);
        List<NDArray> rows = new ArrayList<>();
        for (int i = 0; i < 2048; i++) {
            double[] v = new double[5];
            for (int j = 0; j < 4; j++) {
                v[j] = r.nextDouble(-1, 1);
            }
            v[4] = v[0] - v[1] > 0 ? 1 : 0;
            rows.add(NDArray.of(v));
        }
        JavaRDD<NDArray> rdd = sc.parallelize(rows, 2);
        SharedVector<F64> w = sharedVector(NDArray.zeros(DType.FLOAT64, 4), F64.class, "w");
        SharedScalar<F64> b = shared(0.0, "b");
        Matrix<F64> x = dmatrix("x");
        Vector<F64> y = dvector("y");
        Vector<F64> z = x.dot(w).plus(b);
        FunctionRecipe recipe = FunctionRecipe.graph(Params.of(w, b), List.of(x, y), softplus(z).minus(y.times(z)));
        SparkTrainer t = SparkTrainer.of(recipe, Params.of(w, b), Sgd.of(0.1)).batchSize(64).columns(4, 1);
        t.fit(rdd); // warm-up: compiles, JIT
        SparkTrainer.Result res = t.epochs(2).fit(rdd);
        System.out.printf(Locale.ROOT, "| per-step overhead, logistic regression 4 features, 2048 rows, batch 64, local[2],"
                + " 2 partitions | %d steps | %.1f ms per step |%n", res.steps(), 1000 * res.seconds() / res.steps());
    }

    static void throughput(JavaSparkContext sc, int steps) {
        int n = 20_000;
        SplittableRandom r = new SplittableRandom(2);
        List<NDArray> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] v = new float[784 + 10];
            for (int j = 0; j < 784; j++) {
                v[j] = (float) r.nextDouble();
            }
            v[784 + r.nextInt(10)] = 1;
            rows.add(NDArray.of(v));
        }
        JavaRDD<NDArray> rdd = sc.parallelize(rows, 2);
        SplittableRandom init = new SplittableRandom(3);
        SharedMatrix<F32> w1 = sharedMatrix(Init.heUniform().create(DType.FLOAT32, init, 784, 256), F32.class, "W1");
        SharedVector<F32> b1 = sharedVector(NDArray.zeros(DType.FLOAT32, 256), F32.class, "b1");
        SharedMatrix<F32> w2 = sharedMatrix(Init.glorotUniform().create(DType.FLOAT32, init, 256, 10), F32.class, "W2");
        SharedVector<F32> b2 = sharedVector(NDArray.zeros(DType.FLOAT32, 10), F32.class, "b2");
        Matrix<F32> x = fmatrix("x");
        Matrix<F32> y = fmatrix("y");
        Matrix<F32> logits = x.dot(w1).plus(b1).maximum(0).dot(w2).plus(b2);
        Vector<F32> loss = y.times(logSoftmax(logits)).sum(1).unaryMinus();
        Params params = Params.of(w1, b1, w2, b2);
        FunctionRecipe recipe = FunctionRecipe.graph(params, List.of(x, y), loss);
        double[] rowsPerSecond = new double[3];
        for (int partitions = 1; partitions <= 2; partitions++) {
            SparkTrainer t = SparkTrainer.of(recipe, params, Sgd.of(0.01)).batchSize(n).shuffle(false).columns(784, 10)
                    .partitions(partitions);
            t.fit(rdd); // warm-up
            SparkTrainer.Result res = t.epochs(steps).fit(rdd);
            rowsPerSecond[partitions] = (double) n * res.steps() / res.seconds();
            System.out.printf(Locale.ROOT, "| MLP 784-256-10 float32, 20,000 rows, full-batch gradient steps, local[2], %d"
                    + " partition%s | %d steps | %.0f rows/s (%.2f s per step) |%n", partitions, partitions == 1 ? "" : "s",
                    res.steps(), rowsPerSecond[partitions], res.seconds() / res.steps());
        }
        System.out.printf(Locale.ROOT, "2 partitions / 1 partition: %.2fx%n", rowsPerSecond[2] / rowsPerSecond[1]);
    }
}
