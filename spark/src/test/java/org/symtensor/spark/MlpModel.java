package org.symtensor.spark;

import static org.symtensor.T.logSoftmax;
import static org.symtensor.T.sharedMatrix;
import static org.symtensor.T.sharedVector;
import static org.symtensor.T.softmax;
import static org.symtensor.T.tanh;

import java.util.SplittableRandom;
import org.symtensor.SymbolicFunction;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Vector;
import org.symtensor.train.Params;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/** A small float64 MLP 4-8-3 written as @SymbolicFunctions: the symbolic recipe of the tests. */
public final class MlpModel {
    static final SharedMatrix<F64> W1 = sharedMatrix(NDArray.zeros(DType.FLOAT64, 4, 8), F64.class, "W1");
    static final SharedVector<F64> B1 = sharedVector(NDArray.zeros(DType.FLOAT64, 8), F64.class, "b1");
    static final SharedMatrix<F64> W2 = sharedMatrix(NDArray.zeros(DType.FLOAT64, 8, 3), F64.class, "W2");
    static final SharedVector<F64> B2 = sharedVector(NDArray.zeros(DType.FLOAT64, 3), F64.class, "b2");

    private MlpModel() {}

    @SymbolicFunction
    static Matrix<F64> logits(Matrix<F64> x) {
        return tanh(x.dot(W1).plus(B1)).dot(W2).plus(B2);
    }

    /** Class probabilities of each row. */
    @SymbolicFunction
    static Matrix<F64> probabilities(Matrix<F64> x) {
        return softmax(logits(x));
    }

    /** The cross-entropy of each row against its one-hot label. */
    @SymbolicFunction
    static Vector<F64> rowLoss(Matrix<F64> x, Matrix<F64> y) {
        return y.times(logSoftmax(logits(x))).sum(1).unaryMinus();
    }

    static Params params() {
        return Params.of(W1, B1, W2, B2);
    }

    /** Seeded small random values. */
    static void initialize(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        W1.setValue(random(r, 4, 8));
        B1.setValue(random(r, 8));
        W2.setValue(random(r, 8, 3));
        B2.setValue(random(r, 3));
    }

    private static NDArray random(SplittableRandom r, int... shape) {
        NDArray a = NDArray.zeros(DType.FLOAT64, shape);
        for (int i = 0; i < a.size(); i++) {
            a.setDouble(i, r.nextDouble(-0.5, 0.5));
        }
        return a;
    }
}
