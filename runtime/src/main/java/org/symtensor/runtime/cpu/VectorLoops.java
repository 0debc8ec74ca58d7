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
        VectorOperators.Unary vop;
        switch (op) {
            case NEG -> vop = VectorOperators.NEG;
            case ABS -> vop = VectorOperators.ABS;
            case SQRT -> vop = VectorOperators.SQRT;
            case EXP -> vop = VectorOperators.EXP;
            case LOG -> vop = VectorOperators.LOG;
            case LOG1P -> vop = VectorOperators.LOG1P;
            case EXPM1 -> vop = VectorOperators.EXPM1;
            case TANH -> vop = VectorOperators.TANH;
            case SQR, SIGMOID, RECIPROCAL -> vop = null;
            default -> {
                return false;
            }
        }
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector r;
            if (vop != null) {
                r = x.lanewise(vop);
            } else if (op == ScalarOp.SQR) {
                r = x.mul(x);
            } else if (op == ScalarOp.RECIPROCAL) {
                r = DoubleVector.broadcast(S, 1).div(x);
            } else { // sigmoid: 1 / (1 + exp(-x)); exp overflow gives 1/inf = 0, as it should
                r = DoubleVector.broadcast(S, 1).div(x.neg().lanewise(VectorOperators.EXP).add(1));
            }
            r.intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            o[oo + i] = op == ScalarOp.SIGMOID ? 1 / (1 + Math.exp(-x)) : op.applyDouble(x, 0, 0);
        }
        return true;
    }

    /** {@code o[oo+i] = op(a[ao+i], b[bo+i])}; false when {@code op} is not one of these. */
    static boolean binary(ScalarOp op, double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        VectorOperators.Binary vop;
        switch (op) {
            case ADD -> vop = VectorOperators.ADD;
            case SUB -> vop = VectorOperators.SUB;
            case MUL -> vop = VectorOperators.MUL;
            case TRUE_DIV -> vop = VectorOperators.DIV;
            default -> {
                return false;
            }
        }
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).lanewise(vop, DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = op.applyDouble(a[ao + i], b[bo + i], 0);
        }
        return true;
    }
}
