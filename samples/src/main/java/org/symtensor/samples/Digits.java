package org.symtensor.samples;

import static org.symtensor.T.fmatrix;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.logSoftmax;
import static org.symtensor.T.outputs;
import static org.symtensor.T.profile;
import static org.symtensor.T.softmax;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedVector;
import org.symtensor.train.Adam;
import org.symtensor.train.History;
import org.symtensor.train.Init;
import org.symtensor.train.LearningRate;
import org.symtensor.train.LrSchedule;
import org.symtensor.train.Params;
import org.symtensor.train.Progress;
import org.symtensor.train.Trainer;
import org.symtensor.train.data.Batches;
import org.symtensor.train.data.Csv;
import org.symtensor.train.data.Dataset;
import org.symtensor.train.data.Labels;
import org.symtensor.train.data.Standardizer;
import org.symtensor.train.data.Table;
import org.symtensor.train.viz.GraphPage;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.value.NDArray;

/**
 * A real data set, end to end with the training kit: the UCI handwritten digits (1,797 8×8 images,
 * shipped in {@code resources/data}), standardized and split 80/20, a 64-64-10 MLP in float32 trained
 * with Adam on minibatches of 32 under a cosine learning-rate schedule, a progress bar on a terminal,
 * held-out accuracy, a PNG of the curves, an HTML picture of the training step, a profile of it, and
 * a {@code .npz} checkpoint saved and loaded back. {@link DigitsModel} is the same model written as
 * {@code @SymbolicFunction}s, trained here too. Outputs go to {@code target/samples/digits/}.
 *
 * <p>{@code Digits} alone trains 30 epochs; the samples command ({@link Samples}) runs the same
 * with 10, which is enough for the accuracy bar, to stay quick: pass {@code --full} for 30.
 */
public final class Digits {
    static final int FULL_EPOCHS = 30;
    static final int QUICK_EPOCHS = 10;
    static final int BATCH = 32;

    private Digits() {}

    /** The digits, standardized with the training part's statistics: 1,438 to train on, 359 held out. */
    static Dataset.Split data() {
        Table table;
        try (InputStream in = Digits.class.getResourceAsStream("/data/digits.csv.gz")) {
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

    /** What a run measured. */
    record Result(History history, double testAccuracy, double reloadedAccuracy, Path out) {}

    public static void main(String[] args) {
        run(FULL_EPOCHS, Path.of("target", "samples", "digits"), true);
    }

    /** Runs the sample as {@link Samples} does: the short schedule unless {@code --full}. */
    static void quick(String[] args) {
        run(Arrays.asList(args).contains("--full") ? FULL_EPOCHS : QUICK_EPOCHS, Path.of("target", "samples", "digits"), true);
    }

    static Result run(int epochs, Path outDir, boolean print) {
        if (print) {
            System.out.println("== Digits: a 64-64-10 MLP on the UCI handwritten digits, trained with Adam");
        }
        Path out = createDirectories(outDir);
        Dataset.Split data = data();
        Batches batches = Batches.of(data.train(), BATCH).shuffle(1);

        // the model: parameters, forward pass, loss, optimizer, one compiled training step
        SplittableRandom rng = new SplittableRandom(7);
        SharedMatrix<F32> w1 = Init.heUniform().matrix("W1", F32.class, 64, 64, rng);
        SharedVector<F32> b1 = Init.zeros().vector("b1", F32.class, 64, rng);
        SharedMatrix<F32> w2 = Init.glorotUniform().matrix("W2", F32.class, 64, 10, rng);
        SharedVector<F32> b2 = Init.zeros().vector("b2", F32.class, 10, rng);
        Params params = Params.of(w1, b1, w2, b2);
        Matrix<F32> x = fmatrix("x");
        Matrix<F32> y = fmatrix("y");
        Matrix<F32> z = x.dot(w1).plus(b1).maximum(0).dot(w2).plus(b2);
        Matrix<F32> p = softmax(z);
        Scalar<F32> loss = y.times(logSoftmax(z)).sum(1).mean().unaryMinus(); // cross-entropy, finite however confident
        LearningRate lr = LearningRate.of(LrSchedule.cosine(0.01, (long) epochs * batches.count(), 1e-4));
        Adam adam = Adam.of(lr);
        Function step = function(inputs(x, y), outputs(loss, p), adam.minimize(loss, params), profile());
        Function evaluate = function(inputs(x, y), outputs(loss, p));

        History history = Trainer.of(step).epochs(epochs).schedule(lr).validation(evaluate, data.validation())
                .progress(Progress.Mode.AUTO)
                .onEpoch((e, h) -> {
                    if (print && (e % 5 == 0 || e == 1 || e == epochs)) {
                        System.out.printf(Locale.ROOT, "epoch %2d: loss %.4f, train accuracy %.4f, held-out accuracy %.4f"
                                + " (%.0f examples/s)%n", e, h.last("loss"), h.last("accuracy"), h.last("val_accuracy"),
                                h.last("examples_per_second"));
                    }
                })
                .fit(batches);
        double accuracy = accuracy(evaluate, data.validation());
        if (print) {
            System.out.printf(Locale.ROOT, "held-out accuracy: %.4f on %d images (%d parameters, %d epochs, %.2f s)%n",
                    accuracy, data.validation().size(), params.count(), epochs,
                    history.get("seconds").stream().mapToDouble(Double::doubleValue).sum());
        }

        // the curves, a picture of the training step, and a checkpoint saved and loaded back
        Path png = out.resolve("digits-curves.png");
        history.plot(png);
        Path page = out.resolve("digits-train-step.html");
        GraphPage.write(page, step);
        Path checkpoint = out.resolve("digits.npz");
        Params everything = params.and(adam.state());
        everything.save(checkpoint);
        w1.setValue(NDArray.zeros(DType.FLOAT32, 64, 64)); // forget the first layer...
        double forgotten = accuracy(evaluate, data.validation());
        everything.load(checkpoint); // ...and restore it (with Adam's moments, so training could resume)
        double reloaded = accuracy(evaluate, data.validation());
        if (print) {
            System.out.printf(Locale.ROOT, "checkpoint %s: accuracy %.4f with W1 zeroed, %.4f after loading it%n",
                    checkpoint, forgotten, reloaded);
            System.out.println("curves: " + png + ", graph of the training step: " + page);
            System.out.print(step.profile().table(6)); // every training step, timed node by node
            DigitsModel.train(data, print ? Math.min(epochs, QUICK_EPOCHS) : 3, print);
        }
        return new Result(history, accuracy, reloaded, out);
    }

    /** Held-out accuracy of the current parameters. */
    static double accuracy(Function evaluate, Dataset data) {
        List<NDArray> r = evaluate.callAll(data.x(), data.y());
        return Labels.accuracy(r.get(1), data.y());
    }

    private static Path createDirectories(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
