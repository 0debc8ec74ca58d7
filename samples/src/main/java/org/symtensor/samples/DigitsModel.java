package org.symtensor.samples;

import static org.symtensor.T.fmatrix;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.logSoftmax;
import static org.symtensor.T.outputs;
import static org.symtensor.T.sharedMatrix;
import static org.symtensor.T.sharedVector;
import static org.symtensor.T.softmax;

import java.util.Locale;
import java.util.SplittableRandom;
import org.symtensor.SymbolicFunction;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedVector;
import org.symtensor.train.Adam;
import org.symtensor.train.History;
import org.symtensor.train.Init;
import org.symtensor.train.Params;
import org.symtensor.train.Progress;
import org.symtensor.train.Trainer;
import org.symtensor.train.data.Batches;
import org.symtensor.train.data.Dataset;
import org.symtensor.train.data.Labels;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.value.NDArray;

/**
 * The digits MLP of {@link Digits} written as {@code @SymbolicFunction}s: javac checks the model and
 * generates {@code DigitsModelSymbolic}, whose graph builders ({@code lossGraph}) the training kit
 * differentiates and optimizes like any graph, and whose typed call ({@code probabilities().call})
 * predicts. The parameters are the class's shared variables, initialized by {@link #initialize}.
 */
public final class DigitsModel {
    static final SharedMatrix<F32> W1 = sharedMatrix(NDArray.zeros(DType.FLOAT32, 64, 64), F32.class, "W1");
    static final SharedVector<F32> B1 = sharedVector(NDArray.zeros(DType.FLOAT32, 64), F32.class, "b1");
    static final SharedMatrix<F32> W2 = sharedMatrix(NDArray.zeros(DType.FLOAT32, 64, 10), F32.class, "W2");
    static final SharedVector<F32> B2 = sharedVector(NDArray.zeros(DType.FLOAT32, 10), F32.class, "b2");

    private DigitsModel() {}

    /** The scores (logits) of a batch of standardized images, {@code (n, 64) → (n, 10)}. */
    @SymbolicFunction
    static Matrix<F32> logits(Matrix<F32> x) {
        return x.dot(W1).plus(B1).maximum(0).dot(W2).plus(B2);
    }

    /** Class probabilities, {@code (n, 64) → (n, 10)}. */
    @SymbolicFunction
    static Matrix<F32> probabilities(Matrix<F32> x) {
        return softmax(logits(x));
    }

    /** The mean cross-entropy of a batch against one-hot labels, through log-softmax so it stays finite. */
    @SymbolicFunction
    static Scalar<F32> loss(Matrix<F32> x, Matrix<F32> y) {
        return y.times(logSoftmax(logits(x))).sum(1).mean().unaryMinus();
    }

    static Params params() {
        return Params.of(W1, B1, W2, B2);
    }

    /** Seeded initial values, as {@link Digits} draws them. */
    static void initialize(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        W1.setValue(Init.heUniform().create(DType.FLOAT32, rng, 64, 64));
        B1.setValue(Init.zeros().create(DType.FLOAT32, rng, 64));
        W2.setValue(Init.glorotUniform().create(DType.FLOAT32, rng, 64, 10));
        B2.setValue(Init.zeros().create(DType.FLOAT32, rng, 10));
    }

    /** Trains the compiled model on {@code data} and returns its held-out accuracy. */
    static double train(Dataset.Split data, int epochs, boolean print) {
        initialize(7);
        Matrix<F32> x = fmatrix("x");
        Matrix<F32> y = fmatrix("y");
        Scalar<F32> loss = DigitsModelSymbolic.lossGraph(x, y);
        Function step = function(inputs(x, y), outputs(loss), Adam.of(0.003).minimize(loss, params()));
        History h = Trainer.of(step).epochs(epochs).progress(Progress.Mode.AUTO)
                .fit(Batches.of(data.train(), Digits.BATCH).shuffle(1));
        float[][] p = DigitsModelSymbolic.probabilities().call(data.validation().x().toFloatMatrix());
        double accuracy = Labels.accuracy(NDArray.of(p), data.validation().y());
        if (print) {
            System.out.printf(Locale.ROOT, "@SymbolicFunction model: loss %.4f after %d epochs, held-out accuracy %.4f%n",
                    h.last("loss"), epochs, accuracy);
        }
        return accuracy;
    }
}
