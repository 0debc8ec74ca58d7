package org.symtensor.runtime.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.symtensor.ir.ScalarOp;

/**
 * The hot loops of {@link ScalarLoops} written with the Vector API, for the float ops where the JIT
 * alone does not vectorize (transcendentals) or vectorizes poorly: one lane-wise operation per
 * vector of the preferred width, a scalar tail. With {@link FloatVectorLoops} and
 * {@link VectorReduce}, one of the three classes that touch {@code jdk.incubator.vector}; all are
 * loaded only when {@link Simd#ENABLED}. Transcendentals agree with
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
        // One method per op with its operator spelled out: the Vector API is only intrinsified where the
        // JIT sees the operator as a constant, and small separate methods compile on their own rather
        // than depending on being inlined into one large dispatcher (which C2's budget may refuse).
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
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code o[oo+i] = op(a[ao+i], b[bo+i])}; false when {@code op} is not one of these. */
    static boolean binary(ScalarOp op, double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        switch (op) {
            case ADD -> add(a, ao, b, bo, o, oo, n);
            case SUB -> sub(a, ao, b, bo, o, oo, n);
            case MUL -> mul(a, ao, b, bo, o, oo, n);
            case TRUE_DIV -> trueDiv(a, ao, b, bo, o, oo, n);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void neg(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            x.neg().intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            o[oo + i] = -x;
        }
    }

    private static void abs(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            x.abs().intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            o[oo + i] = Math.abs(x);
        }
    }

    private static void sqrt(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            x.sqrt().intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            o[oo + i] = Math.sqrt(x);
        }
    }

    private static void exp(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            x.lanewise(VectorOperators.EXP).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            o[oo + i] = Math.exp(x);
        }
    }

    private static void log(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            x.lanewise(VectorOperators.LOG).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            o[oo + i] = Math.log(x);
        }
    }

    private static void log1p(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            x.lanewise(VectorOperators.LOG1P).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            o[oo + i] = Math.log1p(x);
        }
    }

    private static void expm1(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            x.lanewise(VectorOperators.EXPM1).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            o[oo + i] = Math.expm1(x);
        }
    }

    private static void tanh(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            x.lanewise(VectorOperators.TANH).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            o[oo + i] = Math.tanh(x);
        }
    }

    private static void sqr(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            x.mul(x).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            o[oo + i] = x * x;
        }
    }

    private static void reciprocal(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        DoubleVector one = DoubleVector.broadcast(S, 1);
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            one.div(x).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            o[oo + i] = 1 / x;
        }
    }

    /** 1 / (1 + exp(-x)); exp overflow gives 1/inf = 0, as it should. */
    private static void sigmoid(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        DoubleVector one = DoubleVector.broadcast(S, 1);
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            one.div(x.neg().lanewise(VectorOperators.EXP).add(one)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            o[oo + i] = 1 / (1 + Math.exp(-x));
        }
    }

    private static void add(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            x.add(y).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = b[bo + i];
            o[oo + i] = x + y;
        }
    }

    private static void sub(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            x.sub(y).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = b[bo + i];
            o[oo + i] = x - y;
        }
    }

    private static void mul(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            x.mul(y).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = b[bo + i];
            o[oo + i] = x * y;
        }
    }

    private static void trueDiv(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            x.div(y).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = b[bo + i];
            o[oo + i] = x / y;
        }
    }
}
