package org.symtensor.spark.samples;

import static org.symtensor.T.logSoftmax;
import static org.symtensor.T.sharedMatrix;
import static org.symtensor.T.sharedVector;
import static org.symtensor.T.softmax;

import java.util.SplittableRandom;
import org.symtensor.SymbolicFunction;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Vector;
import org.symtensor.train.Init;
import org.symtensor.train.Params;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.value.NDArray;

/**
 * The digits MLP 64-64-10 as {@code @SymbolicFunction}s. Only this class's name and the method names
 * travel to the executors ({@code FunctionRecipe.symbolic}); they load the generated
 * {@code SparkDigitsModelSymbolic} from the application jar.
 */
public final class SparkDigitsModel {
    static final SharedMatrix<F32> W1 = sharedMatrix(NDArray.zeros(DType.FLOAT32, 64, 64), F32.class, "W1");
    static final SharedVector<F32> B1 = sharedVector(NDArray.zeros(DType.FLOAT32, 64), F32.class, "b1");
    static final SharedMatrix<F32> W2 = sharedMatrix(NDArray.zeros(DType.FLOAT32, 64, 10), F32.class, "W2");
    static final SharedVector<F32> B2 = sharedVector(NDArray.zeros(DType.FLOAT32, 10), F32.class, "b2");

    private SparkDigitsModel() {}

    /** Scores of a block of standardized images, {@code (n, 64) → (n, 10)}. */
    @SymbolicFunction
    static Matrix<F32> logits(Matrix<F32> pixels) {
        return pixels.dot(W1).plus(B1).maximum(0).dot(W2).plus(B2);
    }

    /** Class probabilities, {@code (n, 64) → (n, 10)}: what inference returns per row. */
    @SymbolicFunction
    static Matrix<F32> probabilities(Matrix<F32> pixels) {
        return softmax(logits(pixels));
    }

    /** The cross-entropy of each row against its one-hot label: the trainer sums and averages it. */
    @SymbolicFunction
    static Vector<F32> rowLoss(Matrix<F32> pixels, Matrix<F32> label) {
        return label.times(logSoftmax(logits(pixels))).sum(1).unaryMinus();
    }

    static Params params() {
        return Params.of(W1, B1, W2, B2);
    }

    /** Seeded initial values (He for the ReLU layer, Glorot for the output). */
    static void initialize(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        W1.setValue(Init.heUniform().create(DType.FLOAT32, rng, 64, 64));
        B1.setValue(Init.zeros().create(DType.FLOAT32, rng, 64));
        W2.setValue(Init.glorotUniform().create(DType.FLOAT32, rng, 64, 10));
        B2.setValue(Init.zeros().create(DType.FLOAT32, rng, 10));
    }
}
