package org.symtensor.runtime.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.symtensor.ir.Reduce;

/**
 * Vector API folds of one contiguous run of float32 or float64 elements, for {@link ReduceKernel}'s
 * full reductions and reductions over the last axis. Sums keep four vector accumulators (so the
 * order of additions differs from a sequential loop within rounding); a float32 run (at most one
 * reduce chunk) is summed in float lanes and handed back as a double, which the kernel accumulates
 * across runs in double. Max and min are exact and propagate NaN as {@link Math#max} does. Touches
 * {@code jdk.incubator.vector}; loaded only when {@link Simd#ENABLED}.
 */
final class VectorReduce {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private VectorReduce() {}

    /** Whether {@link #fold} handles {@code kind} (products stay sequential). */
    static boolean supports(Reduce.Kind kind) {
        return switch (kind) {
            case SUM, MEAN, MAX, MIN -> true;
            case PROD -> false;
            case ARGMAX, ARGMIN, ALL, ANY -> false; // IndexReduceKernel's
        };
    }

    /** {@code s[p .. p+n)} reduced by {@code kind}: its sum (also for MEAN), max or min. */
    static double fold(Reduce.Kind kind, float[] s, int p, int n) {
        return switch (kind) {
            case SUM, MEAN -> sum(s, p, n);
            case MAX -> extreme(VectorOperators.MAX, s, p, n);
            case MIN -> extreme(VectorOperators.MIN, s, p, n);
            case PROD -> throw new AssertionError("products are not folded in lanes");
            case ARGMAX, ARGMIN, ALL, ANY -> throw new AssertionError(kind + " runs in IndexReduceKernel");
        };
    }

    /** As {@link #fold(Reduce.Kind, float[], int, int)} for doubles. */
    static double fold(Reduce.Kind kind, double[] s, int p, int n) {
        return switch (kind) {
            case SUM, MEAN -> sum(s, p, n);
            case MAX -> extreme(VectorOperators.MAX, s, p, n);
            case MIN -> extreme(VectorOperators.MIN, s, p, n);
            case PROD -> throw new AssertionError("products are not folded in lanes");
            case ARGMAX, ARGMIN, ALL, ANY -> throw new AssertionError(kind + " runs in IndexReduceKernel");
        };
    }

    private static double sum(float[] s, int p, int n) {
        int len = F.length();
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        FloatVector a2 = FloatVector.zero(F);
        FloatVector a3 = FloatVector.zero(F);
        int i = 0;
        for (int bound = n - 4 * len; i <= bound; i += 4 * len) {
            a0 = a0.add(FloatVector.fromArray(F, s, p + i));
            a1 = a1.add(FloatVector.fromArray(F, s, p + i + len));
            a2 = a2.add(FloatVector.fromArray(F, s, p + i + 2 * len));
            a3 = a3.add(FloatVector.fromArray(F, s, p + i + 3 * len));
        }
        for (int bound = F.loopBound(n); i < bound; i += len) {
            a0 = a0.add(FloatVector.fromArray(F, s, p + i));
        }
        double t = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            t += s[p + i];
        }
        return t;
    }

    private static double sum(double[] s, int p, int n) {
        int len = D.length();
        DoubleVector a0 = DoubleVector.zero(D);
        DoubleVector a1 = DoubleVector.zero(D);
        DoubleVector a2 = DoubleVector.zero(D);
        DoubleVector a3 = DoubleVector.zero(D);
        int i = 0;
        for (int bound = n - 4 * len; i <= bound; i += 4 * len) {
            a0 = a0.add(DoubleVector.fromArray(D, s, p + i));
            a1 = a1.add(DoubleVector.fromArray(D, s, p + i + len));
            a2 = a2.add(DoubleVector.fromArray(D, s, p + i + 2 * len));
            a3 = a3.add(DoubleVector.fromArray(D, s, p + i + 3 * len));
        }
        for (int bound = D.loopBound(n); i < bound; i += len) {
            a0 = a0.add(DoubleVector.fromArray(D, s, p + i));
        }
        double t = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            t += s[p + i];
        }
        return t;
    }

    private static double extreme(VectorOperators.Binary op, float[] s, int p, int n) {
        boolean max = op == VectorOperators.MAX;
        float t = max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        FloatVector acc = FloatVector.broadcast(F, t);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += F.length()) {
            acc = acc.lanewise(op, FloatVector.fromArray(F, s, p + i));
        }
        t = acc.reduceLanes((VectorOperators.Associative) op);
        for (; i < n; i++) {
            t = max ? Math.max(t, s[p + i]) : Math.min(t, s[p + i]);
        }
        return t;
    }

    private static double extreme(VectorOperators.Binary op, double[] s, int p, int n) {
        boolean max = op == VectorOperators.MAX;
        double t = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        DoubleVector acc = DoubleVector.broadcast(D, t);
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += D.length()) {
            acc = acc.lanewise(op, DoubleVector.fromArray(D, s, p + i));
        }
        t = acc.reduceLanes((VectorOperators.Associative) op);
        for (; i < n; i++) {
            t = max ? Math.max(t, s[p + i]) : Math.min(t, s[p + i]);
        }
        return t;
    }
}
