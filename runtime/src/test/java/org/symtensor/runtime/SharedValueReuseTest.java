package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.ir.SharedValue;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * A compiled function writes a shared variable's next value into the array of its value before
 * last when nothing outside the runtime can hold that array (made by an earlier call, never handed
 * out by {@code get}): the values are checked against a plain-Java oracle, and every value that
 * {@code get} did hand out must stay as it was through later calls.
 */
class SharedValueReuseTest {

    static double[] randomVector(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble() * 2 - 1;
        }
        return v;
    }

    @Test
    void steadyUpdates_reuseTheValueBeforeLast_andMatchTheOracle() {
        int n = 37; // not a multiple of any vector width
        Random rnd = new Random(5);
        double[] w0 = randomVector(rnd, n);
        SharedVector<F64> w = shared(w0.clone(), "w");
        Vector<F64> x = dvector("x");
        // w <- 0.5 * w + x, a composite writing a fresh array per call unless one is offered
        Function step = function(inputs(x), updates(update(w, w.times(0.5).plus(x))));
        double[] oracle = w0.clone();
        List<Object> arrays = new ArrayList<>();
        for (int call = 0; call < 8; call++) {
            double[] xs = randomVector(rnd, n);
            step.callAll(NDArray.of(xs));
            for (int i = 0; i < n; i++) {
                oracle[i] = 0.5 * oracle[i] + xs[i];
            }
            arrays.add(peekData(w.node()));
        }
        assertThat(w.getValue().toDoubleArray()).containsExactly(oracle);
        // after the first calls the value alternates between two arrays the runtime owns
        assertThat(arrays.get(4)).isSameAs(arrays.get(2));
        assertThat(arrays.get(5)).isSameAs(arrays.get(3));
        assertThat(arrays.get(5)).isNotSameAs(arrays.get(4));
    }

    @Test
    void aValueHandedOutByGet_isNeverWrittenByLaterCalls() {
        int n = 19;
        Random rnd = new Random(6);
        SharedVector<F64> w = shared(randomVector(rnd, n), "w");
        Vector<F64> x = dvector("x");
        Function step = function(inputs(x), updates(update(w, w.times(0.5).plus(x))));
        List<NDArray> borrowed = new ArrayList<>();
        List<double[]> copies = new ArrayList<>();
        for (int call = 0; call < 12; call++) {
            step.callAll(NDArray.of(randomVector(rnd, n)));
            if (call % 3 == 1) {
                NDArray v = w.getValue(true); // the stored array itself
                borrowed.add(v);
                copies.add(v.toDoubleArray());
            }
        }
        for (int i = 0; i < borrowed.size(); i++) {
            assertThat(borrowed.get(i).toDoubleArray()).as("value borrowed at check %d", i).containsExactly(copies.get(i));
        }
    }

    @Test
    void swapsAndSelfUpdates_copyNothingAndReuseNothingThatIsStillStored() {
        SharedVector<F64> a = shared(new double[] {1, 2, 3}, "a");
        SharedVector<F64> b = shared(new double[] {4, 5, 6}, "b");
        SharedVector<F64> c = shared(new double[] {7, 8, 9}, "c");
        Function f = function(inputs(), updates(update(a, b), update(b, a), update(c, c.plus(a))));
        double[] ea = {1, 2, 3};
        double[] eb = {4, 5, 6};
        double[] ec = {7, 8, 9};
        for (int call = 0; call < 9; call++) {
            f.callAll();
            double[] na = eb;
            double[] nb = ea;
            double[] nc = new double[3];
            for (int i = 0; i < 3; i++) {
                nc[i] = ec[i] + ea[i];
            }
            ea = na;
            eb = nb;
            ec = nc;
        }
        assertThat(a.getValue().toDoubleArray()).containsExactly(ea);
        assertThat(b.getValue().toDoubleArray()).containsExactly(eb);
        assertThat(c.getValue().toDoubleArray()).containsExactly(ec);
    }

    @Test
    void twoFunctionsUpdatingOneVariable_agreeWithTheOracle() {
        int n = 23;
        Random rnd = new Random(7);
        double[] w0 = randomVector(rnd, n);
        SharedVector<F64> w = shared(w0.clone(), "w");
        Vector<F64> x = dvector("x");
        Function up = function(inputs(x), updates(update(w, w.plus(x))));
        Function scale = function(inputs(), updates(update(w, w.times(0.25))));
        Function read = function(inputs(), w.times(1.0));
        double[] oracle = w0.clone();
        for (int call = 0; call < 10; call++) {
            double[] xs = randomVector(rnd, n);
            up.callAll(NDArray.of(xs));
            for (int i = 0; i < n; i++) {
                oracle[i] += xs[i];
            }
            if (call % 2 == 0) {
                scale.callAll();
                for (int i = 0; i < n; i++) {
                    oracle[i] *= 0.25;
                }
            }
            assertThat(read.call().toDoubleArray()).containsExactly(oracle);
        }
        assertThat(w.getValue().toDoubleArray()).containsExactly(oracle);
    }

    @Test
    void anUpdateThatIsAlsoAnOutput_calledInto_neverSharesTheCallersArray() {
        SharedVector<F64> w = shared(new double[] {1, 2, 3}, "w");
        Vector<F64> x = dvector("x");
        Vector<F64> next = w.times(2.0).plus(x);
        Function f = function(inputs(x), outputs(next), updates(update(w, next)));
        NDArray[] into = {NDArray.zeros(org.symtensor.type.DType.FLOAT64, 3)};
        double[] expected = {1, 2, 3};
        for (int call = 0; call < 6; call++) {
            f.callInto(into, NDArray.of(new double[] {1, 1, 1}));
            for (int i = 0; i < 3; i++) {
                expected[i] = 2 * expected[i] + 1;
            }
            assertThat(into[0].toDoubleArray()).containsExactly(expected);
            into[0].assign(NDArray.of(new double[] {-7, -7, -7})); // the caller reuses its array
            assertThat(w.getValue().toDoubleArray()).as("call %d", call).containsExactly(expected);
        }
    }

    /** The stored array's backing data, read without marking it handed out (the lock held, as a call does). */
    private static Object peekData(SharedValue s) {
        org.symtensor.ir.SharedLocks locks = org.symtensor.ir.SharedLocks.of(List.of(s));
        locks.lock();
        try {
            return s.peek().data();
        } finally {
            locks.unlock();
        }
    }
}
