package org.symtensor.runtime.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.function.NoDefaultUpdates;
import org.symtensor.random.RandomMatrix;
import org.symtensor.random.RandomStreams;
import org.symtensor.random.RandomVector;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedVector;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/** Theano's "Using random numbers" semantics: one draw per call, default updates, seeding, state replay, sharing. */
class RandomStreamsTest {
    /** The documented scheme, written out: a float32 uniform's element i is u24 of word i of the draw. */
    private static float[] expectedUniformF32(long key, long stream, long counter, int n) {
        float[] r = new float[n];
        int[] w = new int[4];
        for (int i = 0; i < n; i++) {
            if (i % 4 == 0) {
                Philox.block(key, stream, counter, i / 4, w, 0);
            }
            r[i] = (w[i % 4] >>> 8) / 16777216f;
        }
        return r;
    }

    private static NDArray flat(NDArray a) {
        return a.reshape(a.size());
    }

    @Test
    void uniform_firstDraws_followTheCounterScheme() {
        RandomStreams srng = new RandomStreams(234);
        RandomMatrix<F32> u = srng.uniform(F32.class, 2, 3);
        Function f = function(inputs(), u);
        assertThat(flat(f.call()).toFloatArray()).containsExactly(expectedUniformF32(234, 0, 0, 6));
        assertThat(u.rng().getValue().toLongArray()).containsExactly(234, 0, 2);
        assertThat(flat(f.call()).toFloatArray()).containsExactly(expectedUniformF32(234, 0, 2, 6));
    }

    @Test
    void uniformF64_usesTwoWordsPerElement() {
        RandomStreams srng = new RandomStreams(9);
        srng.uniform(F32.class, 1); // stream 0
        RandomVector<F64> u = srng.uniform(F64.class, 3, -1, 1);
        double[] got = function(inputs(), u).call().toDoubleArray();
        Philox.Words w = new Philox.Words(9, 1, 0);
        for (int i = 0; i < 3; i++) {
            long lo = w.nextInt() & 0xFFFFFFFFL;
            long x = ((long) w.nextInt() << 32) | lo;
            assertThat(got[i]).isEqualTo(-1 + 2 * ((x >>> 11) * 0x1p-53));
        }
        assertThat(u.rng().getValue().toLongArray()).containsExactly(9, 1, 2);
    }

    @Test
    void randomVariable_isDrawnOncePerCall_soRvPlusRvMinusTwiceRvIsZero() {
        RandomStreams srng = new RandomStreams(234);
        RandomMatrix<F64> rvU = srng.uniform(F64.class, 2, 2);
        Function nearlyZeros = function(inputs(), rvU.plus(rvU).minus(rvU.times(2)));
        assertThat(flat(nearlyZeros.call()).toDoubleArray()).containsOnly(0.0);
        assertThat(flat(nearlyZeros.call()).toDoubleArray()).containsOnly(0.0);
    }

    @Test
    void defaultUpdate_advancesTheState_soTwoCallsDiffer() {
        RandomStreams srng = new RandomStreams(234);
        Function f = function(inputs(), srng.uniform(F32.class, 2, 2));
        assertThat(flat(f.call()).toFloatArray()).isNotEqualTo(flat(f.call()).toFloatArray());
    }

    @Test
    void noDefaultUpdates_repeatsTheSameDraw() {
        RandomStreams srng = new RandomStreams(234);
        RandomMatrix<F64> rvN = srng.normal(F64.class, 2, 2, 0, 1);
        Function g = function(inputs(), rvN, noDefaultUpdates());
        double[] first = flat(g.call()).toDoubleArray();
        assertThat(flat(g.call()).toDoubleArray()).containsExactly(first);
        assertThat(rvN.rng().getValue().toLongArray()).containsExactly(234, 0, 0);
    }

    @Test
    void noDefaultUpdatesOfOneVariable_keepsTheOthersAdvancing() {
        RandomStreams srng = new RandomStreams(1);
        RandomVector<F64> a = srng.uniform(F64.class, 2, 0, 1);
        RandomVector<F64> b = srng.uniform(F64.class, 2, 0, 1);
        Function f = function(inputs(), outputs(a, b), noDefaultUpdates(a));
        List<NDArray> first = f.callAll();
        List<NDArray> second = f.callAll();
        assertThat(second.get(0)).isEqualTo(first.get(0));
        assertThat(second.get(1)).isNotEqualTo(first.get(1));
    }

    @Test
    void explicitUpdate_winsOverTheDefaultUpdate() {
        RandomStreams srng = new RandomStreams(3);
        RandomVector<F64> u = srng.uniform(F64.class, 2, 0, 1);
        SharedVector<I64> rng = u.rng();
        Function f = function(inputs(), u, updates(update(rng, rng.plus(0L))));
        assertThat(f.call()).isEqualTo(f.call());
    }

    @Test
    void seed_reseedsEveryStreamAsAFreshStreamsObjectWould() {
        RandomStreams srng = new RandomStreams(234);
        RandomVector<F64> a = srng.uniform(F64.class, 3, 0, 1);
        RandomVector<F64> b = srng.normal(F64.class, 3, 0, 1);
        Function f = function(inputs(), outputs(a, b));
        f.callAll();
        srng.seed(42);
        List<NDArray> reseeded = f.callAll();

        RandomStreams fresh = new RandomStreams(42);
        List<NDArray> expected = function(inputs(), outputs(fresh.uniform(F64.class, 3, 0, 1),
                fresh.normal(F64.class, 3, 0, 1))).callAll();
        assertThat(reseeded).isEqualTo(expected);
    }

    @Test
    void restoringASavedState_replaysTheDrawsExactly() {
        RandomStreams srng = new RandomStreams(234);
        RandomMatrix<F32> rvU = srng.uniform(F32.class, 2, 2);
        Function f = function(inputs(), rvU);
        NDArray state = rvU.rng().getValue();
        NDArray v0 = f.call();
        NDArray v1 = f.call();
        rvU.rng().setValue(state);
        assertThat(f.call()).isEqualTo(v0);
        assertThat(f.call()).isEqualTo(v1);
    }

    @Test
    void twoFunctionsUsingOneRandomVariable_shareItsStream() {
        RandomStreams srng = new RandomStreams(5);
        RandomVector<F64> u = srng.uniform(F64.class, 4, 0, 1);
        Function f = function(inputs(), u);
        Function h = function(inputs(), u.times(2.0));
        NDArray first = f.call();
        NDArray second = h.call();

        RandomStreams again = new RandomStreams(5);
        Function g = function(inputs(), again.uniform(F64.class, 4, 0, 1));
        assertThat(first).isEqualTo(g.call());
        double[] next = flat(g.call()).toDoubleArray();
        double[] got = second.toDoubleArray();
        for (int i = 0; i < 4; i++) {
            assertThat(got[i]).isEqualTo(2 * next[i]);
        }
    }

    @Test
    void symbolicSize_drawsTheLengthGivenAtCallTime() {
        RandomStreams srng = new RandomStreams(8);
        Scalar<I32> n = iscalar("n");
        Function f = function(inputs(n), srng.uniform(n));
        assertThat(f.call(5).shape()).containsExactly(5);
        assertThat(f.call(0).shape()).containsExactly(0);
    }

    @Test
    void distinctRandomVariables_ofOneStreamsObject_drawDifferentNumbers() {
        RandomStreams srng = new RandomStreams(234);
        Function f = function(inputs(), outputs(srng.uniform(F64.class, 3, 0, 1), srng.uniform(F64.class, 3, 0, 1)));
        List<NDArray> r = f.callAll();
        assertThat(r.get(0)).isNotEqualTo(r.get(1));
    }

    @Test
    void pp_showsTheDistributionAndItsArguments() {
        RandomStreams srng = new RandomStreams(234);
        assertThat(pp(srng.uniform(F64.class, 2, 2, 0, 1))).isEqualTo("uniform(size=(2, 2), low=0.0, high=1.0)");
    }

    @Test
    void gradient_throughARandomVariable_treatsTheDrawAsAConstant() {
        RandomStreams srng = new RandomStreams(234);
        RandomVector<F64> noise = srng.uniform(F64.class, 3, 0, 1);
        org.symtensor.tensor.Vector<F64> w = dvector("w");
        org.symtensor.tensor.Vector<F64> gw = grad(w.times(noise).sum(), w);
        Function f = function(inputs(w), outputs(gw, noise), NoDefaultUpdates.all());
        List<NDArray> r = f.callAll(new double[] {1, 2, 3});
        assertThat(r.get(0)).isEqualTo(r.get(1));
    }
}
