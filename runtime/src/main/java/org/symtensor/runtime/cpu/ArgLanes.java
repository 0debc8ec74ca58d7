package org.symtensor.runtime.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API argmax and argmin of one contiguous float32 or float64 run, for
 * {@link IndexReduceKernel}: one pass of lane-wise max (min) finds the extreme value, NaN
 * propagating as in {@link Math#max}; a second, plain loop finds the first position equal to it
 * (or the first NaN) and stops there, so the work is one read in lanes and on average half a read
 * more, instead of a compare and a branch that depends on the running best for every element
 * (measured about five times slower alone on 10^6 float32s). Equal values compare equal
 * ({@code -0.0 == 0.0}), which is what the scalar {@code >} keeps first. Touches
 * {@code jdk.incubator.vector}; loaded only when {@link Simd#ENABLED}.
 */
final class ArgLanes {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private ArgLanes() {}

    /** The first position of the maximum ({@code max}) or minimum of {@code s[p .. p+n)}, n >= 1; the first NaN if any. */
    static int arg(boolean max, float[] s, int p, int n) {
        FloatVector acc = FloatVector.broadcast(F, s[p]);
        int i = 0;
        int len = F.length();
        int bound = F.loopBound(n);
        // two loops with the operation fixed in each, so that the JIT emits the lane instruction
        if (max) {
            for (; i < bound; i += len) {
                acc = acc.max(FloatVector.fromArray(F, s, p + i));
            }
        } else {
            for (; i < bound; i += len) {
                acc = acc.min(FloatVector.fromArray(F, s, p + i));
            }
        }
        float m = max ? acc.reduceLanes(VectorOperators.MAX) : acc.reduceLanes(VectorOperators.MIN);
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
        // a plain loop: its branch is not taken until the end, so it runs at about an element a cycle
        int j = 0;
        for (; j < n; j++) {
            if (s[p + j] == m) {
                return j;
            }
        }
        throw new AssertionError("the extreme " + m + " is in the run");
    }

    /** As {@link #arg(boolean, float[], int, int)} for doubles. */
    static int arg(boolean max, double[] s, int p, int n) {
        DoubleVector acc = DoubleVector.broadcast(D, s[p]);
        int i = 0;
        int len = D.length();
        int bound = D.loopBound(n);
        // two loops with the operation fixed in each, so that the JIT emits the lane instruction
        if (max) {
            for (; i < bound; i += len) {
                acc = acc.max(DoubleVector.fromArray(D, s, p + i));
            }
        } else {
            for (; i < bound; i += len) {
                acc = acc.min(DoubleVector.fromArray(D, s, p + i));
            }
        }
        double m = max ? acc.reduceLanes(VectorOperators.MAX) : acc.reduceLanes(VectorOperators.MIN);
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
        // a plain loop: its branch is not taken until the end, so it runs at about an element a cycle
        int j = 0;
        for (; j < n; j++) {
            if (s[p + j] == m) {
                return j;
            }
        }
        throw new AssertionError("the extreme " + m + " is in the run");
    }
}
