package org.symtensor.runtime.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The lanes of {@link SoftmaxKernel} for contiguous rows of one element type: the source of both
 * the float64 code and, through {@code runtime/src/build/FloatTwin.java}, the generated float32 twin
 * {@code FloatSoftmaxRows} (docs/contributing.md, "The float32 twins"). A row is read three times
 * while it sits in L1 or L2 (a row of a few thousand elements): its maximum, then the shifted
 * exponentials stored into the output and summed in lanes, then the output scaled by the
 * reciprocal of the sum. Memory sees one read of the input and one write of the output, where the
 * primitive graph ({@code max}, {@code exp(x - m)}, {@code sum}, the division) streams the matrix
 * four times and keeps a full-size temporary. Each row is computed by one thread with the same code,
 * so the result does not depend on the thread count.
 */
@SuppressWarnings("cast") // the casts are the float32 twin's roundings
final class DoubleSoftmaxRows {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private DoubleSoftmaxRows() {}

    /** Rows {@code [r0, r1)} of length {@code n}: row r of x at {@code xo + r*n}, of the output at {@code oo + r*n}. */
    static void rows(double[] x, int xo, double[] o, int oo, int n, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            row(x, xo + r * n, o, oo + r * n, n);
        }
    }

    /** One row: {@code o[op + i] = exp(x[xp + i] - m) / Σ exp(x - m)}, m the row's maximum (NaN in, NaN out). */
    static void row(double[] x, int xp, double[] o, int op, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        DoubleVector mv = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
        for (; i < bound; i += S.length()) {
            mv = mv.max(DoubleVector.fromArray(S, x, xp + i));
        }
        double m = mv.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            m = Math.max(m, x[xp + i]);
        }
        DoubleVector shift = DoubleVector.broadcast(S, m);
        DoubleVector sv = DoubleVector.zero(S);
        for (i = 0; i < bound; i += S.length()) {
            DoubleVector e = DoubleVector.fromArray(S, x, xp + i).sub(shift).lanewise(VectorOperators.EXP);
            e.intoArray(o, op + i);
            sv = sv.add(e);
        }
        double s = sv.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            double e = (double) Math.exp(x[xp + i] - m);
            o[op + i] = e;
            s += e;
        }
        double inv = 1 / s;
        DoubleVector scale = DoubleVector.broadcast(S, inv);
        for (i = 0; i < bound; i += S.length()) {
            DoubleVector.fromArray(S, o, op + i).mul(scale).intoArray(o, op + i);
        }
        for (; i < n; i++) {
            o[op + i] = o[op + i] * inv;
        }
    }
}
