package org.symtensor.runtime.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The lanes of {@link DoubleLoops}: one Vector API operation per vector of the preferred width, a
 * scalar tail, for the ops where the JIT alone does not vectorize (transcendentals) or vectorizes
 * poorly. Each method returns {@code n}. Ops whose result is exact ({@code + - * /}, neg, abs, sqr,
 * sqrt, reciprocal, maximum, minimum) give bit for bit what the plain loops give; transcendentals
 * agree within a couple of ulps. With its 32-bit twin and {@link VectorReduce}, one of the classes
 * that touch {@code jdk.incubator.vector}; all are loaded only when {@link Simd#ENABLED}.
 *
 * <p>One method per op with its operator spelled out: the Vector API is only intrinsified where the
 * JIT sees the operator as a constant, and small separate methods compile on their own rather than
 * depending on being inlined into one large dispatcher (which C2's budget may refuse).
 *
 * <p><b>This file is the source of its float32 twin</b>, {@code FloatLanes}, exactly as
 * {@link DoubleLoops} is of {@code FloatLoops}: see there for the substitution and its rule (cast
 * every double-valued library call that is stored into an element). Scalars handed to the Vector
 * API are cast too, {@code broadcast(S, (double) 1)}, so that both twins call the overload of their
 * element type: an int literal picks the {@code long} overload, which measured slower.
 */
@SuppressWarnings("cast") // the casts are the float32 twin's roundings
final class DoubleLanes {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private DoubleLanes() {}

    /** Touches the API once, so a JVM where the module is present but unusable falls back at startup. */
    static boolean probe() {
        double[] x = {0, 1};
        double[] o = new double[2];
        return exp(x, 0, o, 0, 2) == 2 && o[0] == 1;
    }

    static int neg(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).neg().intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = -a[ao + i];
        }
        return n;
    }

    static int abs(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).abs().intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = Math.abs(a[ao + i]);
        }
        return n;
    }

    static int sqr(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            x.mul(x).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            o[oo + i] = x * x;
        }
        return n;
    }

    static int sqrt(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).sqrt().intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = (double) Math.sqrt(a[ao + i]);
        }
        return n;
    }

    static int cbrt(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).lanewise(VectorOperators.CBRT).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = (double) Math.cbrt(a[ao + i]);
        }
        return n;
    }

    static int exp(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).lanewise(VectorOperators.EXP).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = (double) Math.exp(a[ao + i]);
        }
        return n;
    }

    static int log(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).lanewise(VectorOperators.LOG).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = (double) Math.log(a[ao + i]);
        }
        return n;
    }

    static int log1p(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).lanewise(VectorOperators.LOG1P).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = (double) Math.log1p(a[ao + i]);
        }
        return n;
    }

    static int expm1(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).lanewise(VectorOperators.EXPM1).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = (double) Math.expm1(a[ao + i]);
        }
        return n;
    }

    static int tanh(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).lanewise(VectorOperators.TANH).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = (double) Math.tanh(a[ao + i]);
        }
        return n;
    }

    static int reciprocal(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        DoubleVector one = DoubleVector.broadcast(S, (double) 1);
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            one.div(DoubleVector.fromArray(S, a, ao + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = 1 / a[ao + i];
        }
        return n;
    }

    /**
     * Whether these are 64-bit lanes, which {@link DoubleLoops#apply} sends to {@link #sigmoidCheap}
     * rather than {@link #sigmoid}. The one place the two element types choose differently: the
     * cheap form loses the results below the normal range, which for 64-bit values means only
     * {@code x < -708} but for 32-bit ones {@code x < -87}, a range that logits reach; the stable
     * form costs about 15% more, so only 32-bit lanes pay for it.
     */
    static final boolean WIDE = S.elementSize() == 64;

    /** {@code 1/(1+exp(-x))}; exp overflow gives 1/inf = 0, which is right to within the subnormal range. */
    static int sigmoidCheap(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        DoubleVector one = DoubleVector.broadcast(S, (double) 1);
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            one.div(x.neg().lanewise(VectorOperators.EXP).add(one)).intoArray(o, oo + i);
        }
        return DoubleLoops.sigmoidFrom(a, ao, o, oo, i, n);
    }

    /**
     * The table's stable form: {@code e = exp(-|x|)}, then {@code 1/(1+e)} for {@code x >= 0} and
     * {@code e/(1+e)} below, so neither overflows nor loses the tail.
     */
    static int sigmoid(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        DoubleVector one = DoubleVector.broadcast(S, (double) 1);
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector e = x.abs().neg().lanewise(VectorOperators.EXP);
            VectorMask<Double> negative = x.compare(VectorOperators.LT, (double) 0);
            one.blend(e, negative).div(one.add(e)).intoArray(o, oo + i);
        }
        return DoubleLoops.sigmoidFrom(a, ao, o, oo, i, n);
    }

    static int add(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).add(DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = a[ao + i] + b[bo + i];
        }
        return n;
    }

    static int sub(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).sub(DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = a[ao + i] - b[bo + i];
        }
        return n;
    }

    static int mul(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).mul(DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = a[ao + i] * b[bo + i];
        }
        return n;
    }

    static int div(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).div(DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = a[ao + i] / b[bo + i];
        }
        return n;
    }

    /** Lane-wise max is {@link Math#max}: NaN propagates, {@code max(-0, 0)} is {@code +0}. */
    static int max(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).max(DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = Math.max(a[ao + i], b[bo + i]);
        }
        return n;
    }

    static int min(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).min(DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = Math.min(a[ao + i], b[bo + i]);
        }
        return n;
    }

    /*
     * Comparisons write 1 where the lanes' comparison holds and 0 elsewhere, as the plain loops do
     * (a float32 program's comparison read by a cast to float32 runs here: ReLU's gradient mask).
     * The Vector API compares as Java's operators do: NaN is unordered, so only != holds for it,
     * and -0 equals 0. One method per comparison, each small, for the reason given at the top.
     */

    static int lt(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        DoubleVector one = DoubleVector.broadcast(S, (double) 1);
        DoubleVector zero = DoubleVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            zero.blend(one, DoubleVector.fromArray(S, a, ao + i).compare(VectorOperators.LT, DoubleVector.fromArray(S, b, bo + i)))
                    .intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = a[ao + i] < b[bo + i] ? 1 : 0;
        }
        return n;
    }

    static int le(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        DoubleVector one = DoubleVector.broadcast(S, (double) 1);
        DoubleVector zero = DoubleVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            zero.blend(one, DoubleVector.fromArray(S, a, ao + i).compare(VectorOperators.LE, DoubleVector.fromArray(S, b, bo + i)))
                    .intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = a[ao + i] <= b[bo + i] ? 1 : 0;
        }
        return n;
    }

    static int gt(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        DoubleVector one = DoubleVector.broadcast(S, (double) 1);
        DoubleVector zero = DoubleVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            zero.blend(one, DoubleVector.fromArray(S, a, ao + i).compare(VectorOperators.GT, DoubleVector.fromArray(S, b, bo + i)))
                    .intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = a[ao + i] > b[bo + i] ? 1 : 0;
        }
        return n;
    }

    static int ge(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        DoubleVector one = DoubleVector.broadcast(S, (double) 1);
        DoubleVector zero = DoubleVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            zero.blend(one, DoubleVector.fromArray(S, a, ao + i).compare(VectorOperators.GE, DoubleVector.fromArray(S, b, bo + i)))
                    .intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = a[ao + i] >= b[bo + i] ? 1 : 0;
        }
        return n;
    }

    static int eq(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        DoubleVector one = DoubleVector.broadcast(S, (double) 1);
        DoubleVector zero = DoubleVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            zero.blend(one, DoubleVector.fromArray(S, a, ao + i).compare(VectorOperators.EQ, DoubleVector.fromArray(S, b, bo + i)))
                    .intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = a[ao + i] == b[bo + i] ? 1 : 0;
        }
        return n;
    }

    static int ne(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        DoubleVector one = DoubleVector.broadcast(S, (double) 1);
        DoubleVector zero = DoubleVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            zero.blend(one, DoubleVector.fromArray(S, a, ao + i).compare(VectorOperators.NE, DoubleVector.fromArray(S, b, bo + i)))
                    .intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = a[ao + i] != b[bo + i] ? 1 : 0;
        }
        return n;
    }
}
