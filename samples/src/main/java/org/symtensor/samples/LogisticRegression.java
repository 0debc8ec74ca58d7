package org.symtensor.samples;

import static org.symtensor.T.*;

import java.util.List;
import java.util.SplittableRandom;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.Bool;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * Theano's tutorial section "A real example: logistic regression", line for line: random data,
 * shared weights, the cross-entropy cost with L2 regularization, its gradient, and a training
 * function that updates the weights on every call.
 */
public final class LogisticRegression {
    static final int N = 400;
    static final int FEATS = 784;
    static final int TRAINING_STEPS = 1000;

    private LogisticRegression() {}

    /** A standard normal draw (Box-Muller), so the data depend only on the seed. */
    static double normal(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) {
        System.out.println("== Logistic regression");
        SplittableRandom rng = new SplittableRandom(42);
        double[][] dataX = new double[N][FEATS];
        double[] dataY = new double[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < FEATS; j++) {
                dataX[i][j] = normal(rng);
            }
            dataY[i] = rng.nextInt(2);
        }

        // declare symbolic variables; w and b are shared so that they keep their values between calls
        Matrix<F64> x = dmatrix("x");
        Vector<F64> y = dvector("y");
        double[] w0 = new double[FEATS];
        for (int j = 0; j < FEATS; j++) {
            w0[j] = normal(rng);
        }
        SharedVector<F64> w = shared(w0, "w");
        SharedScalar<F64> b = shared(0.0, "b");
        System.out.println("initial b = " + b.getValue());

        // construct the expression graph
        Vector<F64> p1 = div(1, exp(x.dot(w).unaryMinus().minus(b)).plus(1));   // probability that target = 1
        Vector<Bool> prediction = p1.gt(0.5);                                     // the prediction thresholded
        Vector<F64> xent = y.unaryMinus().times(log(p1)).minus(minus(1, y).times(log(minus(1, p1))));   // cross-entropy
        Scalar<F64> cost = xent.mean().plus(times(0.01, w.pow(2).sum()));       // the cost to minimize
        List<Tensor<?>> g = grad(cost, List.of(w, b));                            // the gradient of the cost
        Vector<F64> gw = (Vector<F64>) g.get(0);
        Scalar<F64> gb = (Scalar<F64>) g.get(1);

        // compile
        Function train = function(inputs(x, y), outputs(prediction, xent),
                updates(update(w, w.minus(times(0.1, gw))), update(b, b.minus(times(0.1, gb)))));
        Function predict = function(inputs(x), prediction);

        // train
        NDArray xs = NDArray.of(dataX);
        NDArray ys = NDArray.of(dataY);
        for (int step = 1; step <= TRAINING_STEPS; step++) {
            List<NDArray> r = train.callAll(xs, ys);
            if (step % 100 == 0 || step == 1) {
                System.out.printf("step %4d: mean cross-entropy %.6f%n", step, mean(r.get(1)));
            }
        }

        int[] predicted = predict.call(xs).astype(DType.INT32).toIntArray();
        int correct = 0;
        for (int i = 0; i < N; i++) {
            if (predicted[i] == (int) dataY[i]) {
                correct++;
            }
        }
        System.out.println("final b = " + b.getValue());
        System.out.printf("accuracy on the training set: %d / %d = %.3f%n", correct, N, (double) correct / N);
    }

    private static double mean(NDArray a) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += a.getDouble(i);
        }
        return s / a.size();
    }
}
