package org.symtensor.runtime.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.symtensor.op.ScalarOp;

/**
 * The float32 lanes of the block executors: one {@link FloatVector} operation per vector of the
 * preferred width over {@code float[]} operands, so float32 data is never widened to double. Ops
 * whose float result is exact ({@code + - * /}, {@code neg}, {@code abs}, {@code sqr}, {@code sqrt},
 * {@code reciprocal}, {@code maximum}, {@code minimum}) give bit for bit what the double path rounded
 * to float gives; transcendentals agree within a couple of float ulps. Like {@link VectorLoops} it
 * touches {@code jdk.incubator.vector} and is loaded only when {@link Simd#ENABLED}.
 */
final class FloatVectorLoops {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private FloatVectorLoops() {}

    /** Whether {@link #apply} vectorizes {@code op} (the others run {@link FloatLoops}' scalar loop). */
    static boolean supports(ScalarOp op) {
        return switch (op) {
            case NEG, ABS, SQR, SQRT, EXP, LOG, LOG1P, EXPM1, TANH, SIGMOID, RECIPROCAL, ADD, SUB, MUL, TRUE_DIV,
                    MAXIMUM, MINIMUM -> true;
            default -> false;
        };
    }

    /** {@code o[oo+i] = op(a[ao+i], b[bo+i])}; false (nothing written) when {@code op} is not supported. */
    static boolean apply(ScalarOp op, float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        // Each case passes a constant operator: the Vector API is only intrinsified when the JIT sees it as one.
        switch (op) {
            case NEG -> unary(VectorOperators.NEG, a, ao, o, oo, n);
            case ABS -> unary(VectorOperators.ABS, a, ao, o, oo, n);
            case SQRT -> unary(VectorOperators.SQRT, a, ao, o, oo, n);
            case EXP -> unary(VectorOperators.EXP, a, ao, o, oo, n);
            case LOG -> unary(VectorOperators.LOG, a, ao, o, oo, n);
            case LOG1P -> unary(VectorOperators.LOG1P, a, ao, o, oo, n);
            case EXPM1 -> unary(VectorOperators.EXPM1, a, ao, o, oo, n);
            case TANH -> unary(VectorOperators.TANH, a, ao, o, oo, n);
            case SQR -> binary(VectorOperators.MUL, a, ao, a, ao, o, oo, n);
            case RECIPROCAL -> {
                int i = 0;
                FloatVector one = FloatVector.broadcast(S, 1f);
                for (int bound = S.loopBound(n); i < bound; i += S.length()) {
                    one.div(FloatVector.fromArray(S, a, ao + i)).intoArray(o, oo + i);
                }
                for (; i < n; i++) {
                    o[oo + i] = 1f / a[ao + i];
                }
            }
            case SIGMOID -> sigmoid(a, ao, o, oo, n);
            case ADD -> binary(VectorOperators.ADD, a, ao, b, bo, o, oo, n);
            case SUB -> binary(VectorOperators.SUB, a, ao, b, bo, o, oo, n);
            case MUL -> binary(VectorOperators.MUL, a, ao, b, bo, o, oo, n);
            case TRUE_DIV -> binary(VectorOperators.DIV, a, ao, b, bo, o, oo, n);
            case MAXIMUM -> binary(VectorOperators.MAX, a, ao, b, bo, o, oo, n);
            case MINIMUM -> binary(VectorOperators.MIN, a, ao, b, bo, o, oo, n);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void unary(VectorOperators.Unary vop, float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector.fromArray(S, a, ao + i).lanewise(vop).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = FloatVector.broadcast(S, a[ao + i]).lanewise(vop).lane(0);
        }
    }

    private static void binary(VectorOperators.Binary vop, float[] a, int ao, float[] b, int bo, float[] o, int oo,
            int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector.fromArray(S, a, ao + i).lanewise(vop, FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = FloatVector.broadcast(S, a[ao + i]).lanewise(vop, b[bo + i]).lane(0);
        }
    }

    /** The stable form, as the scalar table: {@code e = exp(-|x|)}, then {@code 1/(1+e)} or {@code e/(1+e)}. */
    private static void sigmoid(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            FloatVector e = x.abs().neg().lanewise(VectorOperators.EXP);
            VectorMask<Float> negative = x.compare(VectorOperators.LT, 0f);
            one.blend(e, negative).div(one.add(e)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = (float) ScalarOp.SIGMOID.applyDouble(a[ao + i], 0, 0);
        }
    }
}
