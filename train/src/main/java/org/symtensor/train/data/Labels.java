package org.symtensor.train.data;

import org.symtensor.error.ArgumentException;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/** Class labels: one-hot encoding, the predicted class of each row of scores, and accuracy. */
public final class Labels {
    private Labels() {}

    /** A {@code (labels.length, classes)} matrix with a 1 at {@code [i, labels[i]]} and 0 elsewhere. */
    public static NDArray oneHot(int[] labels, int classes, DType dtype) {
        NDArray out = NDArray.zeros(dtype, labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new ArgumentException("oneHot: label " + labels[i] + " at row " + i + " is outside 0.."
                        + (classes - 1));
            }
            out.setDouble(i * classes + labels[i], 1);
        }
        return out;
    }

    /** The index of the largest entry of each row of a {@code (rows, classes)} matrix (the first on ties). */
    public static int[] argmax(NDArray scores) {
        if (scores.rank() != 2 || scores.shape(1) == 0) {
            throw new ArgumentException("argmax: expected a (rows, classes) matrix, got shape "
                    + NDArray.shapeToString(scores.shape()));
        }
        int n = scores.shape(0);
        int c = scores.shape(1);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestValue = scores.getDouble(i * c);
            for (int j = 1; j < c; j++) {
                double v = scores.getDouble(i * c + j);
                if (v > bestValue) {
                    best = j;
                    bestValue = v;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /**
     * The fraction of rows whose largest score is at the true class. {@code targets} is either a vector
     * of labels or a matrix of one-hot (or probability) rows, whose argmax is the label.
     */
    public static double accuracy(NDArray scores, NDArray targets) {
        int[] truth;
        if (targets.rank() == 2) {
            truth = argmax(targets);
        } else if (targets.rank() == 1) {
            truth = new int[targets.size()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = (int) targets.getLong(i);
            }
        } else {
            throw new ArgumentException("accuracy: targets must be labels (rank 1) or one-hot rows (rank 2), got shape "
                    + NDArray.shapeToString(targets.shape()));
        }
        return accuracy(scores, truth);
    }

    /** The fraction of rows whose largest score is at {@code labels[i]}. */
    public static double accuracy(NDArray scores, int[] labels) {
        int[] predicted = argmax(scores);
        if (predicted.length != labels.length) {
            throw new ArgumentException("accuracy: " + predicted.length + " rows of scores for " + labels.length + " labels");
        }
        if (labels.length == 0) {
            return Double.NaN;
        }
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }
}
