package org.symtensor.samples;

import static org.symtensor.T.categoricalCrossentropyFromLogits;
import static org.symtensor.T.conv2d;
import static org.symtensor.T.fmatrix;
import static org.symtensor.T.ftensor4;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.maxPool2d;
import static org.symtensor.T.outputs;
import static org.symtensor.T.relu;
import static org.symtensor.T.softmax;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedTensor4;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Tensor4;
import org.symtensor.train.Adam;
import org.symtensor.train.History;
import org.symtensor.train.Init;
import org.symtensor.train.Params;
import org.symtensor.train.Progress;
import org.symtensor.train.Trainer;
import org.symtensor.train.data.Batches;
import org.symtensor.train.data.Dataset;
import org.symtensor.train.data.Labels;
import org.symtensor.type.F32;
import org.symtensor.value.NDArray;

/**
 * A small convolutional network on the same UCI digits as {@link Digits}, the images now kept as
 * 1×8×8 NCHW arrays: {@code conv2d} (16 filters 3×3, {@code "same"}) → {@code relu} →
 * {@code maxPool2d} 2×2 → a dense layer → {@code softmax}, trained with Adam on minibatches of 32
 * by the training kit, printing the held-out accuracy. The dense layer is written as a convolution
 * whose filters cover the whole 16×4×4 pooled map ({@code (10, 16, 4, 4)} filters, {@code "valid"}):
 * each output is the dot product of all 256 features with one filter, exactly a fully connected
 * layer on the flattened map, and its 1×1 output is summed away to {@code (n, 10)} scores.
 */
public final class DigitsConv {
    static final int EPOCHS = 8;
    static final int QUICK_EPOCHS = 4;

    private DigitsConv() {}

    /** The digits split as {@link Digits#data()} does, the rows of 64 pixels as {@code (n, 1, 8, 8)} images. */
    static Dataset.Split data() {
        Dataset.Split flat = Digits.data();
        return new Dataset.Split(images(flat.train()), images(flat.validation()));
    }

    private static Dataset images(Dataset d) {
        return Dataset.of(d.x().reshape(d.size(), 1, 8, 8), d.y());
    }

    public static void main(String[] args) {
        run(EPOCHS, true);
    }

    /** Runs the sample as {@link Samples} does: the short schedule unless {@code --full}. */
    static void quick(String[] args) {
        run(Arrays.asList(args).contains("--full") ? EPOCHS : QUICK_EPOCHS, true);
    }

    /** Trains for {@code epochs} and returns the held-out accuracy. */
    static double run(int epochs, boolean print) {
        if (print) {
            System.out.println("== DigitsConv: conv2d -> relu -> maxPool2d -> dense -> softmax on the 8x8 digits");
        }
        Dataset.Split data = data();
        SplittableRandom rng = new SplittableRandom(11);
        SharedTensor4<F32> w1 = Init.heUniform().tensor4("W1", F32.class, 16, 1, 3, 3, rng);
        SharedVector<F32> b1 = Init.zeros().vector("b1", F32.class, 16, rng);
        SharedTensor4<F32> w2 = Init.glorotUniform().tensor4("W2", F32.class, 10, 16, 4, 4, rng);
        SharedVector<F32> b2 = Init.zeros().vector("b2", F32.class, 10, rng);
        Params params = Params.of(w1, b1, w2, b2);

        Tensor4<F32> x = ftensor4("x");
        Matrix<F32> y = fmatrix("y");
        Tensor4<F32> h = relu(conv2d(x, w1, "same").plus(b1.dimshuffle("x", 0, "x", "x"))); // (n, 16, 8, 8)
        Tensor4<F32> pooled = maxPool2d(h, new int[] {2, 2}); // (n, 16, 4, 4)
        Matrix<F32> z = conv2d(pooled, w2).sum(3).sum(2).plus(b2); // the dense layer: (n, 10, 1, 1) -> (n, 10)
        Matrix<F32> p = softmax(z);
        Scalar<F32> loss = categoricalCrossentropyFromLogits(z, y).mean();
        Function step = function(inputs(x, y), outputs(loss, p), Adam.of(0.005).minimize(loss, params));
        Function evaluate = function(inputs(x, y), outputs(loss, p));

        History history = Trainer.of(step).epochs(epochs).validation(evaluate, data.validation())
                .progress(Progress.Mode.AUTO)
                .onEpoch((e, hist) -> {
                    if (print) {
                        System.out.printf(Locale.ROOT, "epoch %2d: loss %.4f, train accuracy %.4f, held-out accuracy %.4f"
                                + " (%.0f examples/s)%n", e, hist.last("loss"), hist.last("accuracy"),
                                hist.last("val_accuracy"), hist.last("examples_per_second"));
                    }
                })
                .fit(Batches.of(data.train(), Digits.BATCH).shuffle(1));
        List<NDArray> r = evaluate.callAll(data.validation().x(), data.validation().y());
        double accuracy = Labels.accuracy(r.get(1), data.validation().y());
        if (print) {
            System.out.printf(Locale.ROOT, "held-out accuracy: %.4f on %d images (%d parameters, %d epochs, %.2f s)%n",
                    accuracy, data.validation().size(), params.count(), epochs,
                    history.get("seconds").stream().mapToDouble(Double::doubleValue).sum());
        }
        return accuracy;
    }
}
