package org.symtensor.runtime.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.random.RandomStreams;
import org.symtensor.random.Size;
import org.symtensor.scan.Scan;
import org.symtensor.scan.ScanResult;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * Random draws inside {@code scan}: the generator state is a recurrent state of the loop, so every
 * step draws fresh numbers (the ones the same stream gives in as many sequential draws outside the
 * loop), and the final state is the loop's update of the stream, so two calls differ unless
 * {@code noDefaultUpdates}.
 */
@SuppressWarnings("unchecked") // the list form of scan hands the step untyped handles
class ScanRandomTest {
    private static Tensor<F64> unitDraw(RandomStreams srng) {
        return srng.uniform(F64.class, Size.of(), constant(0.0), constant(1.0));
    }

    /** {@code k} calls of a function drawing one float64 uniform from stream 0 of {@code seed}, outside any loop. */
    private static double[] sequentialDraws(long seed, int k) {
        Function f = function(inputs(), unitDraw(new RandomStreams(seed)));
        double[] r = new double[k];
        for (int i = 0; i < k; i++) {
            r[i] = f.call().toDouble();
        }
        return r;
    }

    private static ScanResult<Tensor<?>, Tensor<?>> fiveDraws(RandomStreams srng) {
        return scan(a -> unitDraw(srng), nSteps(5));
    }

    @Test
    void uniformInAScanOfFiveSteps_givesFiveDistinctValues() {
        double[] got = function(inputs(), fiveDraws(new RandomStreams(42)).output()).call().toDoubleArray();
        assertThat(got).hasSize(5);
        assertThat(Arrays.stream(got).distinct().count()).isEqualTo(5);
        for (double u : got) {
            assertThat(u).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        }
    }

    @Test
    void drawsInAScan_equalAsManySequentialDrawsOfTheSameStream_andTheStateMovesPastThemAll() {
        RandomStreams srng = new RandomStreams(42);
        Function f = function(inputs(), fiveDraws(srng).output());
        double[] outside = sequentialDraws(42, 10);
        assertThat(f.call().toDoubleArray()).containsExactly(Arrays.copyOfRange(outside, 0, 5));
        // a float64 uniform of one element reads two words: one Philox block per step
        assertThat(srng.states().get(0).getValue().toLongArray()).containsExactly(42, 0, 5);
        assertThat(f.call().toDoubleArray()).containsExactly(Arrays.copyOfRange(outside, 5, 10));
    }

    @Test
    void twoCallsOfAFunctionDrawingInAScan_differ() {
        Function f = function(inputs(), fiveDraws(new RandomStreams(7)).output());
        assertThat(f.call().toDoubleArray()).doesNotContain(f.call().toDoubleArray());
    }

    @Test
    void withNoDefaultUpdates_twoCallsRepeat_andTheStoredStateStays() {
        RandomStreams srng = new RandomStreams(7);
        Function f = function(inputs(), fiveDraws(srng).output(), noDefaultUpdates());
        double[] first = f.call().toDoubleArray();
        assertThat(Arrays.stream(first).distinct().count()).isEqualTo(5);
        assertThat(f.call().toDoubleArray()).containsExactly(first);
        assertThat(srng.states().get(0).getValue().toLongArray()).containsExactly(7, 0, 0);
    }

    @Test
    void theStreamUpdate_isInTheScansUpdates_andPassingItExplicitlyGivesTheSameDraws() {
        RandomStreams srng = new RandomStreams(42);
        ScanResult<Tensor<?>, Tensor<?>> r = fiveDraws(srng);
        assertThat(r.updates().pairs()).hasSize(1);
        assertThat(r.updates().pairs().get(0).target()).isSameAs(srng.states().get(0).node());
        Function f = function(inputs(), r.output(), r.updates());
        double[] outside = sequentialDraws(42, 10);
        assertThat(f.call().toDoubleArray()).containsExactly(Arrays.copyOfRange(outside, 0, 5));
        assertThat(f.call().toDoubleArray()).containsExactly(Arrays.copyOfRange(outside, 5, 10));
    }

    @Test
    void noiseAddedToARecurrence_isFreshEachStep_andTheGradientSeesTheSameDraws() {
        // x[t] = x[t-1] + w * u[t]: x[last] = x0 + w * sum(u), d x[last] / d w = sum(u)
        RandomStreams srng = new RandomStreams(5);
        Scalar<F64> x0 = dscalar("x0");
        Scalar<F64> w = dscalar("w");
        ScanResult<Tensor<?>, Tensor<?>> r = scan(a -> {
            Scalar<F64> u = (Scalar<F64>) unitDraw(srng);
            return List.of(((Scalar<F64>) a.get(0)).plus(w.times(u)), u);
        }, outputsInfo(x0, noInitial()), nonSequences(w), nSteps(6));
        Scalar<F64> last = ((Vector<F64>) r.output(0)).get(-1);
        List<NDArray> out = function(inputs(x0, w), outputs(last, r.output(1), grad(last, w))).callAll(0.5, 2.0);
        double[] u = out.get(1).toDoubleArray();
        assertThat(Arrays.stream(u).distinct().count()).isEqualTo(6);
        double sum = 0;
        for (double v : u) {
            sum += v;
        }
        assertThat(out.get(2).toDouble()).isCloseTo(sum, org.assertj.core.api.Assertions.within(1e-12));
        double x = 0.5;
        for (double v : u) {
            x += 2.0 * v;
        }
        assertThat(out.get(0).toDouble()).isEqualTo(x);
    }

    @Test
    void lastOfALoopWithDraws_isTheStacksLastRow_andTheStreamAdvancesAlike() {
        double[] stacked = new double[0];
        double[] last = new double[0];
        long[][] states = new long[2][];
        for (int k = 0; k < 2; k++) {
            RandomStreams srng = new RandomStreams(3);
            Scalar<F64> x0 = dscalar("x0");
            ScanResult<Scalar<F64>, Vector<F64>> r = Scan.from(x0).steps(4)
                    .iterate(x -> x.plus((Scalar<F64>) unitDraw(srng)));
            if (k == 0) {
                stacked = function(inputs(x0), r.output()).call(1.0).toDoubleArray();
            } else {
                last = new double[] {function(inputs(x0), r.last()).call(1.0).toDouble()};
            }
            states[k] = srng.states().get(0).getValue().toLongArray();
        }
        assertThat(last[0]).isEqualTo(stacked[3]);
        assertThat(states[1]).containsExactly(states[0]).containsExactly(3, 0, 4);
    }

    @Test
    void aVectorDrawPerStep_fillsDistinctRows_inTheOrderOfSequentialDraws() {
        RandomStreams srng = new RandomStreams(11);
        AtomicReference<Tensor<?>> drawn = new AtomicReference<>();
        ScanResult<Tensor<?>, Tensor<?>> r = scan(a -> {
            drawn.set(srng.normal(F64.class, 3, 0, 1));
            return drawn.get();
        }, nSteps(4));
        double[][] rows = function(inputs(), (Matrix<F64>) r.output()).call().toDoubleMatrix();
        Tensor<F64> sameStream = new RandomStreams(11).normal(F64.class, 3, 0, 1);
        Function outside = function(inputs(), sameStream);
        for (double[] row : rows) {
            assertThat(row).containsExactly(outside.call().toDoubleArray());
        }
        assertThat(RandomStreams.rng(drawn.get()).getValue().toLongArray())
                .containsExactly(RandomStreams.rng(sameStream).getValue().toLongArray());
    }
}
