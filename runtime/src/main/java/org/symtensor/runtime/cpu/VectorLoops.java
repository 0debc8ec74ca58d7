package org.symtensor.runtime.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.symtensor.op.ScalarOp;

/**
 * The hot loops of {@link ScalarLoops} written with the Vector API, for the float ops where the JIT
 * alone does not vectorize (transcendentals) or vectorizes poorly: one lane-wise operation per
 * vector of the preferred width, a scalar tail. The only class that touches
 * {@code jdk.incubator.vector}; loaded only when {@link Simd#ENABLED}. Transcendentals agree with
 * {@link Math} within a couple of ulps, not bit for bit.
 */
final class VectorLoops {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private VectorLoops() {}

    /** Touches the API once, so a JVM where the module is present but unusable falls back at startup. */
    static boolean probe() {
        double[] x = {0, 1};
        double[] o = new double[2];
        return unary(ScalarOp.EXP, x, 0, o, 0, 2) && o[0] == 1;
    }

    /** Whether {@link #unary} or {@link #binary} handles {@code op}. */
    static boolean supports(ScalarOp op) {
        return switch (op) {
            case NEG, ABS, SQR, SQRT, EXP, LOG, LOG1P, EXPM1, TANH, SIGMOID, RECIPROCAL, ADD, SUB, MUL, TRUE_DIV -> true;
            default -> false;
        };
    }

    /** {@code o[oo+i] = op(a[ao+i])}; false (nothing written) when {@code op} is not one of these. */
    static boolean unary(ScalarOp op, double[] a, int ao, double[] o, int oo, int n) {
        // Each case passes a constant operator: the Vector API is only intrinsified when the JIT sees
        // the operator as a constant, so one shared loop over a variable operator would be slower than scalar.
        switch (op) {
            case NEG -> lanewise(VectorOperators.NEG, a, ao, o, oo, n);
            case ABS -> lanewise(VectorOperators.ABS, a, ao, o, oo, n);
            case SQRT -> lanewise(VectorOperators.SQRT, a, ao, o, oo, n);
            case EXP -> lanewise(VectorOperators.EXP, a, ao, o, oo, n);
            case LOG -> lanewise(VectorOperators.LOG, a, ao, o, oo, n);
            case LOG1P -> lanewise(VectorOperators.LOG1P, a, ao, o, oo, n);
            case EXPM1 -> lanewise(VectorOperators.EXPM1, a, ao, o, oo, n);
            case TANH -> lanewise(VectorOperators.TANH, a, ao, o, oo, n);
            case SQR -> {
                int i = 0;
                for (int bound = S.loopBound(n); i < bound; i += S.length()) {
                    DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
                    x.mul(x).intoArray(o, oo + i);
                }
                tail(op, a, ao, o, oo, i, n);
            }
            case RECIPROCAL -> {
                int i = 0;
                DoubleVector one = DoubleVector.broadcast(S, 1);
                for (int bound = S.loopBound(n); i < bound; i += S.length()) {
                    one.div(DoubleVector.fromArray(S, a, ao + i)).intoArray(o, oo + i);
                }
                tail(op, a, ao, o, oo, i, n);
            }
            case SIGMOID -> { // 1 / (1 + exp(-x)); exp overflow gives 1/inf = 0, as it should
                int i = 0;
                DoubleVector one = DoubleVector.broadcast(S, 1);
                for (int bound = S.loopBound(n); i < bound; i += S.length()) {
                    DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
                    one.div(x.neg().lanewise(VectorOperators.EXP).add(one)).intoArray(o, oo + i);
                }
                for (; i < n; i++) {
                    o[oo + i] = 1 / (1 + Math.exp(-a[ao + i]));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void lanewise(VectorOperators.Unary vop, double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).lanewise(vop).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = DoubleVector.broadcast(S, a[ao + i]).lanewise(vop).lane(0);
        }
    }

    private static void tail(ScalarOp op, double[] a, int ao, double[] o, int oo, int i, int n) {
        for (; i < n; i++) {
            o[oo + i] = op.applyDouble(a[ao + i], 0, 0);
        }
    }

    /** {@code o[oo+i] = op(a[ao+i], b[bo+i])}; false when {@code op} is not one of these. */
    static boolean binary(ScalarOp op, double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        switch (op) {
            case ADD -> lanewise(VectorOperators.ADD, a, ao, b, bo, o, oo, n);
            case SUB -> lanewise(VectorOperators.SUB, a, ao, b, bo, o, oo, n);
            case MUL -> lanewise(VectorOperators.MUL, a, ao, b, bo, o, oo, n);
            case TRUE_DIV -> lanewise(VectorOperators.DIV, a, ao, b, bo, o, oo, n);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void lanewise(VectorOperators.Binary vop, double[] a, int ao, double[] b, int bo, double[] o, int oo,
            int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).lanewise(vop, DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = DoubleVector.broadcast(S, a[ao + i]).lanewise(vop, b[bo + i]).lane(0);
        }
    }
}
