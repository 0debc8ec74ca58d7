package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.function.Function;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.value.NDArray;

/** Shared variables through compiled functions: updates, their atomicity, aliasing and givens. */
class SharedUpdateTest {

    @Test
    void update_accumulator_returnsOldValueAndStoresTheSum() {
        SharedScalar<I32> state = shared(0, "state");
        Scalar<I32> inc = iscalar("inc");
        Function acc = function(inputs(inc), state, updates(update(state, state.plus(inc))));

        assertThat(acc.call(1).toInt()).isEqualTo(0);
        assertThat(state.getValue().toInt()).isEqualTo(1);
        assertThat(acc.call(300).toInt()).isEqualTo(1);
        assertThat(state.getValue().toInt()).isEqualTo(301);

        state.setValue(-1);
        assertThat(acc.call(3).toInt()).isEqualTo(-1);
        assertThat(state.getValue().toInt()).isEqualTo(2);
    }

    @Test
    void update_returnedOldValue_doesNotAliasTheSharedStorage() {
        SharedVector<F64> w = shared(new double[] {1, 2}, "w");
        Function f = function(inputs(), w, updates(update(w, w.times(2))));

        NDArray before = f.call();
        before.setDouble(0, 99);

        assertThat(before.toDoubleArray()).containsExactly(99, 2);
        assertThat(w.getValue().toDoubleArray()).containsExactly(2, 4);
    }

    @Test
    void update_swapPairs_exchangesValues() {
        SharedScalar<F64> a = shared(1.0, "a");
        SharedScalar<F64> b = shared(2.0, "b");
        Function swap = function(inputs(), updates(update(a, b), update(b, a)));

        swap.callAll();
        assertThat(a.getValue().toDouble()).isEqualTo(2.0);
        assertThat(b.getValue().toDouble()).isEqualTo(1.0);

        swap.callAll();
        assertThat(a.getValue().toDouble()).isEqualTo(1.0);
        assertThat(b.getValue().toDouble()).isEqualTo(2.0);
    }

    @Test
    void update_outputsAndUpdates_allSeeTheOldValues() {
        SharedScalar<F64> a = shared(3.0, "a");
        SharedScalar<F64> b = shared(5.0, "b");
        Function f = function(inputs(), outputs(a.plus(b)), updates(update(a, a.times(b)), update(b, a.minus(b))));

        assertThat(f.call().toDouble()).isEqualTo(8.0);
        assertThat(a.getValue().toDouble()).isEqualTo(15.0);
        assertThat(b.getValue().toDouble()).isEqualTo(-2.0);
    }

    @Test
    void update_toAnotherSharedVariable_leavesTheTwoIndependent() {
        SharedVector<F64> a = shared(new double[] {0, 0}, "a");
        SharedVector<F64> b = shared(new double[] {1, 2}, "b");
        Function copy = function(inputs(), updates(update(a, b)));

        copy.callAll();
        b.getValue(true).setDouble(0, 99);

        assertThat(a.getValue().toDoubleArray()).containsExactly(1, 2);
    }

    @Test
    void update_toAnInputArgument_doesNotKeepTheCallersArray() {
        SharedVector<F64> a = shared(new double[] {0, 0}, "a");
        Vector<F64> x = dvector("x");
        Function set = function(inputs(x), updates(update(a, x)));
        NDArray arg = NDArray.of(new double[] {1, 2});

        set.callAll(arg);
        arg.setDouble(0, 99);

        assertThat(a.getValue().toDoubleArray()).containsExactly(1, 2);
    }

    @Test
    void update_functionWithoutOutputs_callFailsButCallAllReturnsEmpty() {
        SharedScalar<I32> n = shared(0, "n");
        Function tick = function(inputs(), updates(update(n, n.plus(1))));

        assertThatThrownBy(tick::call)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has 0 outputs")
                .hasMessageContaining("callAll");
        assertThat(n.getValue().toInt()).isEqualTo(0);
        assertThat(tick.callAll()).isEmpty();
        assertThat(n.getValue().toInt()).isEqualTo(1);
    }

    @Test
    void update_kernelFailsAtRunTime_leavesEverySharedValueUnchanged() {
        SharedScalar<I32> calls = shared(0, "calls");
        SharedVector<F64> total = shared(new double[] {1, 1}, "total");
        Vector<F64> x = dvector("x");
        Vector<F64> y = dvector("y");
        Function f = function(inputs(x, y), x.plus(y),
                updates(update(calls, calls.plus(1)), update(total, total.plus(x))));

        assertThatThrownBy(() -> f.call(new double[] {1, 2}, new double[] {1, 2, 3}))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("2")
                .hasMessageContaining("3");

        assertThat(calls.getValue().toInt()).isEqualTo(0);
        assertThat(total.getValue().toDoubleArray()).containsExactly(1, 1);
        assertThat(f.call(new double[] {1, 2}, new double[] {3, 4}).toDoubleArray()).containsExactly(4, 6);
        assertThat(calls.getValue().toInt()).isEqualTo(1);
        assertThat(total.getValue().toDoubleArray()).containsExactly(2, 3);
    }

    @Test
    void update_badArgument_isRejectedBeforeAnyUpdate() {
        SharedScalar<I32> calls = shared(0, "calls");
        Scalar<F64> x = dscalar("x");
        Function f = function(inputs(x), x.times(2), updates(update(calls, calls.plus(1))));

        assertThatThrownBy(() -> f.call("two")).isInstanceOf(org.symtensor.error.ArgumentException.class);

        assertThat(calls.getValue().toInt()).isEqualTo(0);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void update_expressionOfAnotherDtype_failsAtCompileNamingBothTypes() {
        SharedScalar<I32> state = shared(0, "state");
        Scalar<F64> f = dscalar("f");

        assertThatThrownBy(() -> function(inputs(f), updates(update((SharedVariable) state, (Tensor) f.times(2)))))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("'state'")
                .hasMessageContaining("int32")
                .hasMessageContaining("float64");
    }

    @Test
    void givens_inputReplacedBySharedVariable_dropsThatInput() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");
        SharedScalar<F64> s = shared(10.0, "s");
        Function f = function(inputs(y), x.plus(y), givens(given(x, s)));

        assertThat(f.spec().inputs()).hasSize(1);
        assertThat(f.call(1.0).toDouble()).isEqualTo(11.0);
        s.setValue(20.0);
        assertThat(f.call(1.0).toDouble()).isEqualTo(21.0);
    }

    @Test
    void givens_inputReplacedByAnotherExpression_computesThroughIt() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");
        Function f = function(inputs(y), x.times(x).plus(y), givens(given(x, y.times(2))));

        // x = 2y, so x*x + y = 4*9 + 3
        assertThat(f.call(3.0).toDouble()).isEqualTo(39.0);
    }
}
