package org.symtensor.train.data;

import org.symtensor.error.ArgumentException;
import org.symtensor.value.NDArray;

/**
 * Per-column standardization, scikit-learn's {@code StandardScaler}: fitted on training features, it
 * maps each column to {@code (x − mean) / std} with the population standard deviation; a constant
 * column (std 0) is only centred. Apply the same fitted instance to validation and test data.
 */
public final class Standardizer {
    private final double[] mean;
    private final double[] std;

    private Standardizer(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** Means and standard deviations of the columns of a {@code (rows, columns)} matrix. */
    public static Standardizer fit(NDArray x) {
        requireMatrix(x);
        int n = x.shape(0);
        int d = x.shape(1);
        double[] mean = new double[d];
        double[] m2 = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                // Welford's update: stable where a sum of squares would cancel
                double v = x.getDouble(i * d + j);
                double delta = v - mean[j];
                mean[j] += delta / (i + 1);
                m2[j] += delta * (v - mean[j]);
            }
        }
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            double s = n == 0 ? 0 : Math.sqrt(m2[j] / n);
            std[j] = s == 0 ? 1 : s;
        }
        return new Standardizer(mean, std);
    }

    /** {@code x} standardized column by column, in its own dtype. */
    public NDArray apply(NDArray x) {
        requireMatrix(x);
        if (x.shape(1) != mean.length) {
            throw new ArgumentException("Standardizer: fitted on " + mean.length + " columns, got "
                    + NDArray.shapeToString(x.shape()));
        }
        int n = x.shape(0);
        int d = mean.length;
        NDArray out = NDArray.zeros(x.dtype(), n, d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out.setDouble(i * d + j, (x.getDouble(i * d + j) - mean[j]) / std[j]);
            }
        }
        return out;
    }

    public double[] mean() {
        return mean.clone();
    }

    /** The scales used: the standard deviations, with 1 for constant columns. */
    public double[] scale() {
        return std.clone();
    }

    private static void requireMatrix(NDArray x) {
        if (x.rank() != 2) {
            throw new ArgumentException("Standardizer: expected a (rows, columns) matrix, got shape "
                    + NDArray.shapeToString(x.shape()));
        }
    }
}
