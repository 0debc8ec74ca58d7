package org.symtensor.train;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.symtensor.error.ArgumentException;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/** The random draws behind {@link Init}: spelled out here so the numbers never depend on the JDK version. */
final class Draws {
    private Draws() {}

    /** An array whose elements, in C order, are successive values of {@code draw}. */
    static NDArray fill(DType dtype, int[] shape, DoubleSupplier draw) {
        NDArray a = NDArray.zeros(dtype, shape);
        int n = a.size();
        for (int i = 0; i < n; i++) {
            a.setDouble(i, draw.getAsDouble());
        }
        return a;
    }

    /** A standard normal draw by Box-Muller: two uniforms per draw, {@code √(−2 ln(1 − u1)) · cos(2π u2)}. */
    static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A standard normal draw redrawn until it lies within [−2, 2]. */
    static double truncatedGaussian(SplittableRandom rng) {
        while (true) {
            double z = gaussian(rng);
            if (Math.abs(z) <= 2) {
                return z;
            }
        }
    }

    /**
     * {@code gain ·} the orthonormal factor of a standard normal {@code (rows, cols)} matrix, as PyTorch's
     * {@code orthogonal_}: the taller orientation is factored by Gram-Schmidt (twice, for accuracy), which
     * gives the Q whose R has a positive diagonal, i.e. the sign-corrected QR factor.
     */
    static NDArray orthogonal(DType dtype, int[] shape, double gain, SplittableRandom rng) {
        if (shape.length < 2) {
            throw new ArgumentException("orthogonal: needs a shape of rank 2 or more, got rank " + shape.length);
        }
        int rows = shape[0];
        long colsLong = 1;
        for (int i = 1; i < shape.length; i++) {
            colsLong *= shape[i];
        }
        int cols = (int) colsLong;
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a[i][j] = gaussian(rng);
            }
        }
        boolean wide = rows < cols;
        // the columns of m (n × k, n ≥ k) are orthonormalized
        double[][] m = wide ? transpose(a) : a;
        int n = m.length;
        int k = n == 0 ? 0 : m[0].length;
        for (int j = 0; j < k; j++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int q = 0; q < j; q++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += m[i][q] * m[i][j];
                    }
                    for (int i = 0; i < n; i++) {
                        m[i][j] -= dot * m[i][q];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += m[i][j] * m[i][j];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                m[i][j] /= norm;
            }
        }
        double[][] q = wide ? transpose(m) : m;
        NDArray out = NDArray.zeros(dtype, shape);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out.setDouble(i * cols + j, gain * q[i][j]);
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] a) {
        int r = a.length;
        int c = r == 0 ? 0 : a[0].length;
        double[][] t = new double[c][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }
}
