package org.symtensor.runtime.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API argmax and argmin of one contiguous float32 or float64 run, for
 * {@link IndexReduceKernel}: one pass of lane-wise max (min) finds the extreme value, NaN
 * propagating as in {@link Math#max}; a second pass finds the first position equal to it (or the
 * first NaN), which stops as soon as it is found, so the work is about one and a half reads of the
 * run in lanes, instead of a scalar compare and branch per element. Equal values compare equal
 * ({@code -0.0 == 0.0}), which is what the scalar {@code >} keeps first. Touches
 * {@code jdk.incubator.vector}; loaded only when {@link Simd#ENABLED}.
 */
final class ArgLanes {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private ArgLanes() {}

    /** The first position of the maximum ({@code max}) or minimum of {@code s[p .. p+n)}, n >= 1; the first NaN if any. */
    static int arg(boolean max, float[] s, int p, int n) {
        VectorOperators.Binary op = max ? VectorOperators.MAX : VectorOperators.MIN;
        FloatVector acc = FloatVector.broadcast(F, s[p]);
        int i = 0;
        int len = F.length();
        for (int bound = F.loopBound(n); i < bound; i += len) {
            acc = acc.lanewise(op, FloatVector.fromArray(F, s, p + i));
        }
        float m = acc.reduceLanes((VectorOperators.Associative) op);
        for (; i < n; i++) {
            m = max ? Math.max(m, s[p + i]) : Math.min(m, s[p + i]);
        }
        if (m != m) {
            for (int j = 0; j < n; j++) {
                if (s[p + j] != s[p + j]) {
                    return j;
                }
            }
        }
        int j = 0;
        for (int bound = F.loopBound(n); j < bound; j += len) {
            int k = FloatVector.fromArray(F, s, p + j).compare(VectorOperators.EQ, m).firstTrue();
            if (k < len) {
                return j + k;
            }
        }
        for (; j < n; j++) {
            if (s[p + j] == m) {
                return j;
            }
        }
        throw new AssertionError("the extreme " + m + " is in the run");
    }

    /** As {@link #arg(boolean, float[], int, int)} for doubles. */
    static int arg(boolean max, double[] s, int p, int n) {
        VectorOperators.Binary op = max ? VectorOperators.MAX : VectorOperators.MIN;
        DoubleVector acc = DoubleVector.broadcast(D, s[p]);
        int i = 0;
        int len = D.length();
        for (int bound = D.loopBound(n); i < bound; i += len) {
            acc = acc.lanewise(op, DoubleVector.fromArray(D, s, p + i));
        }
        double m = acc.reduceLanes((VectorOperators.Associative) op);
        for (; i < n; i++) {
            m = max ? Math.max(m, s[p + i]) : Math.min(m, s[p + i]);
        }
        if (m != m) {
            for (int j = 0; j < n; j++) {
                if (s[p + j] != s[p + j]) {
                    return j;
                }
            }
        }
        int j = 0;
        for (int bound = D.loopBound(n); j < bound; j += len) {
            int k = DoubleVector.fromArray(D, s, p + j).compare(VectorOperators.EQ, m).firstTrue();
            if (k < len) {
                return j + k;
            }
        }
        for (; j < n; j++) {
            if (s[p + j] == m) {
                return j;
            }
        }
        throw new AssertionError("the extreme " + m + " is in the run");
    }
}
