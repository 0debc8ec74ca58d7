package org.symtensor.runtime.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.symtensor.ir.ScalarOp;

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
        // One method per op with its operator spelled out: the Vector API is only intrinsified where the
        // JIT sees the operator as a constant, and small separate methods compile on their own rather
        // than depending on being inlined into one large dispatcher.
        switch (op) {
            case NEG -> neg(a, ao, o, oo, n);
            case ABS -> abs(a, ao, o, oo, n);
            case SQRT -> sqrt(a, ao, o, oo, n);
            case EXP -> exp(a, ao, o, oo, n);
            case LOG -> log(a, ao, o, oo, n);
            case LOG1P -> log1p(a, ao, o, oo, n);
            case EXPM1 -> expm1(a, ao, o, oo, n);
            case TANH -> tanh(a, ao, o, oo, n);
            case SQR -> sqr(a, ao, o, oo, n);
            case RECIPROCAL -> reciprocal(a, ao, o, oo, n);
            case SIGMOID -> sigmoid(a, ao, o, oo, n);
            case ADD -> add(a, ao, b, bo, o, oo, n);
            case SUB -> sub(a, ao, b, bo, o, oo, n);
            case MUL -> mul(a, ao, b, bo, o, oo, n);
            case TRUE_DIV -> trueDiv(a, ao, b, bo, o, oo, n);
            case MAXIMUM -> maximum(a, ao, b, bo, o, oo, n);
            case MINIMUM -> minimum(a, ao, b, bo, o, oo, n);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void neg(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            x.neg().intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float x = a[ao + i];
            o[oo + i] = -x;
        }
    }

    private static void abs(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            x.abs().intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float x = a[ao + i];
            o[oo + i] = Math.abs(x);
        }
    }

    private static void sqrt(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            x.sqrt().intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float x = a[ao + i];
            o[oo + i] = (float) Math.sqrt(x);
        }
    }

    private static void exp(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            x.lanewise(VectorOperators.EXP).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float x = a[ao + i];
            o[oo + i] = (float) Math.exp(x);
        }
    }

    private static void log(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            x.lanewise(VectorOperators.LOG).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float x = a[ao + i];
            o[oo + i] = (float) Math.log(x);
        }
    }

    private static void log1p(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            x.lanewise(VectorOperators.LOG1P).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float x = a[ao + i];
            o[oo + i] = (float) Math.log1p(x);
        }
    }

    private static void expm1(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            x.lanewise(VectorOperators.EXPM1).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float x = a[ao + i];
            o[oo + i] = (float) Math.expm1(x);
        }
    }

    private static void tanh(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            x.lanewise(VectorOperators.TANH).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float x = a[ao + i];
            o[oo + i] = (float) Math.tanh(x);
        }
    }

    private static void sqr(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            x.mul(x).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float x = a[ao + i];
            o[oo + i] = x * x;
        }
    }

    private static void reciprocal(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            FloatVector.broadcast(S, 1f).div(x).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float x = a[ao + i];
            o[oo + i] = 1f / x;
        }
    }

    private static void add(float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            FloatVector y = FloatVector.fromArray(S, b, bo + i);
            x.add(y).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float x = a[ao + i];
            float y = b[bo + i];
            o[oo + i] = x + y;
        }
    }

    private static void sub(float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            FloatVector y = FloatVector.fromArray(S, b, bo + i);
            x.sub(y).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float x = a[ao + i];
            float y = b[bo + i];
            o[oo + i] = x - y;
        }
    }

    private static void mul(float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            FloatVector y = FloatVector.fromArray(S, b, bo + i);
            x.mul(y).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float x = a[ao + i];
            float y = b[bo + i];
            o[oo + i] = x * y;
        }
    }

    private static void trueDiv(float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            FloatVector y = FloatVector.fromArray(S, b, bo + i);
            x.div(y).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float x = a[ao + i];
            float y = b[bo + i];
            o[oo + i] = x / y;
        }
    }

    private static void maximum(float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            FloatVector y = FloatVector.fromArray(S, b, bo + i);
            x.max(y).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float x = a[ao + i];
            float y = b[bo + i];
            o[oo + i] = Math.max(x, y);
        }
    }

    private static void minimum(float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            FloatVector y = FloatVector.fromArray(S, b, bo + i);
            x.min(y).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float x = a[ao + i];
            float y = b[bo + i];
            o[oo + i] = Math.min(x, y);
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
