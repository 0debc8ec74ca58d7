package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.InvalidValueException;
import org.symtensor.error.MissingInputException;
import org.symtensor.function.Function;
import org.symtensor.random.RandomStreams;
import org.symtensor.random.RandomVector;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.type.F64;
import org.symtensor.type.FloatX;
import org.symtensor.type.I32;

/** Theano's {@code f.copy(swap=..., delete_updates=...)}, stateful {@code In(value, update)} and {@code f[x]}. */
class FunctionCopyAndValuesTest {

    // ---- copy ---------------------------------------------------------------------------------

    @Test
    void copy_withSwap_updatesTheReplacementAndLeavesTheOriginalsVariableAlone() {
        SharedScalar<I32> state = shared(0, "state");
        SharedScalar<I32> other = shared(100, "other");
        Scalar<I32> inc = iscalar("inc");
        Function acc = function(inputs(inc), state, updates(update(state, state.plus(inc))));

        Function acc2 = acc.copy(swap(state, other));

        assertThat(acc2.call(5).toInt()).isEqualTo(100);      // returns the old value of other
        assertThat(other.getValue().toInt()).isEqualTo(105);
        assertThat(state.getValue().toInt()).isEqualTo(0);    // the copy never touches state
        assertThat(acc.call(2).toInt()).isEqualTo(0);         // the original still uses state
        assertThat(state.getValue().toInt()).isEqualTo(2);
        assertThat(other.getValue().toInt()).isEqualTo(105);
    }

    @Test
    void copy_withDeleteUpdates_computesTheOutputsAndStoresNothing() {
        SharedScalar<I32> state = shared(7, "state");
        Scalar<I32> inc = iscalar("inc");
        Function acc = function(inputs(inc), state.plus(inc), updates(update(state, state.plus(inc))));

        Function peek = acc.copy(deleteUpdates());

        assertThat(peek.call(3).toInt()).isEqualTo(10);
        assertThat(peek.call(3).toInt()).isEqualTo(10);
        assertThat(state.getValue().toInt()).isEqualTo(7);
        assertThat(peek.spec().updateTargets()).isEmpty();
        assertThat(acc.call(3).toInt()).isEqualTo(10);
        assertThat(state.getValue().toInt()).isEqualTo(10);
    }

    @Test
    void copy_withDeleteUpdates_dropsRandomDefaultUpdatesSoDrawsRepeat() {
        RandomStreams srng = new RandomStreams(234);
        RandomVector<FloatX> u = srng.uniform(3);
        Function f = function(inputs(), u);

        Function frozen = f.copy(deleteUpdates());

        double[] a = frozen.call().toDoubleArray();
        assertThat(frozen.call().toDoubleArray()).containsExactly(a);
        assertThat(f.call().toDoubleArray()).containsExactly(a); // the original draws the same first numbers
        assertThat(f.call().toDoubleArray()).isNotEqualTo(a);    // and then moves on
    }

    @Test
    void copy_withSwapOfTheWrongType_failsNamingBoth() {
        SharedScalar<F64> a = shared(1.0, "a");
        Function f = function(inputs(), a.times(2));
        org.symtensor.ir.SharedValue vector = shared(new double[] {1, 2}, "v").node();

        assertThatThrownBy(() -> f.copy(org.symtensor.function.CopyOption.swap(a.node(), vector)))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("'a'").hasMessageContaining("'v'");
    }

    @Test
    void copy_withSwapOfAnUnusedVariable_failsNamingIt() {
        SharedScalar<F64> a = shared(1.0, "a");
        SharedScalar<F64> b = shared(2.0, "b");
        SharedScalar<F64> c = shared(3.0, "c");
        Function f = function(inputs(), a.times(2));

        assertThatThrownBy(() -> f.copy(swap(b, c)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'b'").hasMessageContaining("does not use");
    }

    @Test
    void copy_hasValueContainersOfItsOwn() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> s = dscalar("s");
        Function inc = function(inputs(x, in(s).withValue(10.0).withUpdate(s.plus(x))), s.plus(x));
        inc.call(1.0); // s: 10 -> 11

        Function twin = inc.copy();

        assertThat(twin.value(s).toDouble()).isEqualTo(11.0);   // starts from the original's current value
        twin.call(5.0);
        assertThat(twin.value(s).toDouble()).isEqualTo(16.0);
        assertThat(inc.value(s).toDouble()).isEqualTo(11.0);    // the original's container is untouched
        inc.setValue(s, 0.0);
        assertThat(twin.value(s).toDouble()).isEqualTo(16.0);
    }

    // ---- stateful In and value containers -----------------------------------------------------

    @Test
    void in_withValueAndUpdate_persistsBetweenCallsAndTakesTheUpdate() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> s = dscalar("s");
        // Theano: inc = function([x, In(s, value=10.0, update=s + x)], s * 2)
        Function inc = function(inputs(x, in(s).withValue(10.0).withUpdate(s.plus(x))), s.times(2));

        assertThat(inc.call(1.0).toDouble()).isEqualTo(20.0);   // runs on s = 10, then s = 11
        assertThat(inc.value(s).toDouble()).isEqualTo(11.0);
        assertThat(inc.call(4.0).toDouble()).isEqualTo(22.0);   // s = 11, then 15
        assertThat(inc.value(s).toDouble()).isEqualTo(15.0);
        assertThat(inc.callAll(0.5)).hasSize(1);                // the update is not an output
        assertThat(inc.value("s").toDouble()).isEqualTo(15.5);
    }

    @Test
    void in_withUpdate_givenExplicitly_runsOnTheGivenValueAndStoresItsUpdate() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> s = dscalar("s");
        Function dec = function(inputs(x, in(s).withValue(2.0).withUpdate(s.minus(x))), s);

        assertThat(dec.call(1.0, 0.0).toDouble()).isEqualTo(0.0);  // Theano's dec(1, 0)
        assertThat(dec.value(s).toDouble()).isEqualTo(-1.0);
        assertThat(dec.call(Map.of("s", 5.0), 1.0).toDouble()).isEqualTo(5.0);
        assertThat(dec.value(s).toDouble()).isEqualTo(4.0);
    }

    @Test
    void setValue_ofAStatefulInput_setsTheStateTheNextCallReads() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> s = dscalar("s");
        Function inc = function(inputs(x, in(s).withValue(10.0).withUpdate(s.plus(x))), s);

        inc.setValue(s, 2);                                      // Theano's inc[s] = 2
        assertThat(inc.value(s).toDouble()).isEqualTo(2.0);
        assertThat(inc.call(1.0).toDouble()).isEqualTo(2.0);
        assertThat(inc.value(s).toDouble()).isEqualTo(3.0);
        inc.setValue("s", -1.5);
        assertThat(inc.call(1.0).toDouble()).isEqualTo(-1.5);
    }

    @Test
    void value_ofAnInputWithADefault_readsAndChangesTheDefault() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");
        Function f = function(inputs(x, in(y).withDefault(1.0)), x.plus(y));

        assertThat(f.value(y).toDouble()).isEqualTo(1.0);
        f.setValue(y, 10.0);
        assertThat(f.call(2.0).toDouble()).isEqualTo(12.0);
        assertThat(f.call(2.0, 3.0).toDouble()).isEqualTo(5.0);  // a given argument does not stick
        assertThat(f.call(2.0).toDouble()).isEqualTo(12.0);
    }

    @Test
    void value_returnsACopy() {
        Scalar<F64> x = dscalar("x");
        Function f = function(inputs(in(x).withDefault(1.0)), x.times(3));

        f.value(x).setDouble(0, 100);

        assertThat(f.call().toDouble()).isEqualTo(3.0);
    }

    @Test
    void value_ofAnInputWithoutValue_orOfANonInput_failsSayingWhich() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> z = dscalar("z");
        Function f = function(inputs(x), x.times(2));

        assertThatThrownBy(() -> f.value(x)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'").hasMessageContaining("has no value");
        assertThatThrownBy(() -> f.value(z)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'z'").hasMessageContaining("not an input");
        assertThatThrownBy(() -> f.value("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nope'");
    }

    @Test
    void in_withUpdateButNoValue_failsAtBuildSayingToGiveOne() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> s = dscalar("s");

        assertThatThrownBy(() -> function(inputs(x, in(s).withUpdate(s.plus(x))), s))
                .isInstanceOf(MissingInputException.class).hasMessageContaining("'s'").hasMessageContaining("withValue");
    }

    @Test
    void in_withUpdateOfAnotherDtype_failsAtBuild() {
        Scalar<F64> s = dscalar("s");
        Scalar<I32> i = iscalar("i");

        assertThatThrownBy(() -> function(inputs(i, in(s).withValue(0.0).withUpdate(i)), s))
                .isInstanceOf(DTypeMismatchException.class).hasMessageContaining("'s'").hasMessageContaining("float64");
    }

    @Test
    void in_statefulAccumulator_fromEightThreads_losesNoUpdate() throws Exception {
        Scalar<I32> x = iscalar("x");
        Scalar<I32> s = iscalar("s");
        Function acc = function(inputs(x, in(s).withValue(0).withUpdate(s.plus(x))), s);
        Thread[] ts = new Thread[8];
        for (int t = 0; t < ts.length; t++) {
            ts[t] = new Thread(() -> {
                for (int k = 0; k < 1000; k++) {
                    acc.call(1);
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        assertThat(acc.value(s).toInt()).isEqualTo(8000);
    }

    @Test
    void in_statefulWithOtherOutputs_callAllReturnsOnlyTheOutputs() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> s = dscalar("s");
        Function f = function(inputs(x, in(s).withValue(1.0).withUpdate(s.times(x))), outputs(s.plus(x), s.minus(x)));

        List<org.symtensor.value.NDArray> r = f.callAll(3.0);

        assertThat(r).hasSize(2);
        assertThat(r.get(0).toDouble()).isEqualTo(4.0);
        assertThat(r.get(1).toDouble()).isEqualTo(-2.0);
        assertThat(f.value(s).toDouble()).isEqualTo(3.0);
    }
}
