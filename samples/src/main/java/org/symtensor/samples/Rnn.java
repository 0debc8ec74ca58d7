package org.symtensor.samples;

import static org.symtensor.T.*;

import java.util.List;
import java.util.SplittableRandom;
import org.symtensor.function.Function;
import org.symtensor.scan.ScanResult;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * A tanh recurrent layer trained by backpropagation through time on the adding problem: each input
 * step is a (value, marker) pair; the target is the sum of the two marked values. The scan runs over
 * time with a minibatch in each step; its gradient is a backward scan.
 */
public final class Rnn {
    private static final int LENGTH = 10;
    private static final int HIDDEN = 16;
    private static final int BATCH = 16;

    private Rnn() {}

    @SuppressWarnings("unchecked")
    public static void main(String[] args) {
        System.out.println("== RNN on the adding problem (BPTT through scan)");
        SplittableRandom rnd = new SplittableRandom(7);
        SharedMatrix<F64> wx = shared(random(rnd, 2, HIDDEN, 0.5), "Wx");
        SharedMatrix<F64> wh = shared(random(rnd, HIDDEN, HIDDEN, 1.0 / Math.sqrt(HIDDEN)), "Wh");
        SharedVector<F64> b = shared(new double[HIDDEN], "b");
        SharedVector<F64> wo = shared(random(rnd, 1, HIDDEN, 0.3)[0], "wo");
        SharedScalar<F64> bo = shared(0.0, "bo");

        Tensor3<F64> xs = dtensor3("xs"); // (time, batch, 2)
        Vector<F64> target = dvector("target");
        Matrix<F64> h0 = zerosLike(xs.get(0).dot(wx));
        ScanResult<Tensor<?>, Tensor<?>> states = scan(s -> {
            Matrix<F64> x = (Matrix<F64>) s.get(0);
            Matrix<F64> h = (Matrix<F64>) s.get(1);
            return tanh(x.dot(wx).plus(h.dot(wh)).plus(b));
        }, sequences(xs), outputsInfo(h0));
        Matrix<F64> last = ((Tensor3<F64>) states.output()).get(-1);
        Vector<F64> prediction = last.dot(wo).plus(bo);
        Scalar<F64> loss = prediction.minus(target).sqr().mean();

        double lr = 0.1;
        List<Tensor<?>> params = List.of(wx, wh, b, wo, bo);
        List<Tensor<?>> grads = grad(loss, params);
        Function train = function(inputs(xs, target), loss, updates(
                update(wx, wx.minus(((Matrix<F64>) grads.get(0)).times(lr))),
                update(wh, wh.minus(((Matrix<F64>) grads.get(1)).times(lr))),
                update(b, b.minus(((Vector<F64>) grads.get(2)).times(lr))),
                update(wo, wo.minus(((Vector<F64>) grads.get(3)).times(lr))),
                update(bo, bo.minus(((Scalar<F64>) grads.get(4)).times(lr)))));

        double avg = 0;
        for (int step = 1; step <= 1000; step++) {
            double[] y = new double[BATCH];
            NDArray batch = NDArray.of(problem(rnd, y));
            avg += train.call(batch, y).toDouble();
            if (step % 100 == 0) {
                System.out.printf("step %3d  mean loss %.4f%n", step, avg / 100);
                avg = 0;
            }
        }
    }

    /** A batch of the adding problem as (time, batch, 2); fills {@code y} with the targets. */
    private static double[][][] problem(SplittableRandom rnd, double[] y) {
        double[][][] x = new double[LENGTH][BATCH][2];
        for (int n = 0; n < BATCH; n++) {
            int i = rnd.nextInt(LENGTH);
            int j = rnd.nextInt(LENGTH - 1);
            j = j >= i ? j + 1 : j;
            for (int t = 0; t < LENGTH; t++) {
                x[t][n][0] = rnd.nextDouble();
                x[t][n][1] = t == i || t == j ? 1 : 0;
            }
            y[n] = x[i][n][0] + x[j][n][0];
        }
        return x;
    }

    private static double[][] random(SplittableRandom rnd, int rows, int cols, double scale) {
        double[][] w = new double[rows][cols];
        for (double[] row : w) {
            for (int c = 0; c < cols; c++) {
                row[c] = (rnd.nextDouble() * 2 - 1) * scale;
            }
        }
        return w;
    }
}
