package org.symtensor.runtime.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.function.Function;
import org.symtensor.error.RandomArgumentException;
import org.symtensor.random.RandomStreams;
import org.symtensor.random.RandomVector;
import org.symtensor.random.Size;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/**
 * Every bad random argument: a {@link RandomArgumentException} naming it, raised while building
 * when the argument is constant, else at the call, and then with every shared value unchanged.
 */
class RandomErrorsTest {
    private final RandomStreams srng = new RandomStreams(1);

    private static void failsOn(Runnable build, String argument, String message) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(RandomArgumentException.class,
                e -> assertThat(e.argument()).isEqualTo(argument)).hasMessageContaining(message)
                .hasMessageContaining("(random variable created at ");
    }

    @Test
    void negativeSize_failsAtBuildTime() {
        failsOn(() -> srng.uniform(3, -2), "size[1]", "uniform: size[1] must be a length in [0, 2^31), got -2");
    }

    @Test
    void lowAboveHigh_failsAtBuildTime() {
        failsOn(() -> srng.uniform(3, 2.0, 1.0), "low", "uniform: low must not exceed high, got low=2 > high=1");
        failsOn(() -> srng.integers(3, 6, 1), "low", "integers: low must not exceed high, got low=6 > high=1");
    }

    @Test
    void negativeStd_failsAtBuildTime() {
        failsOn(() -> srng.normal(3, 0.0, -1.0), "std", "normal: std must be >= 0, got -1");
    }

    @Test
    void probabilityOutsideZeroOne_failsAtBuildTime() {
        failsOn(() -> srng.binomial(3, 5, 1.5), "p", "binomial: p must be a probability in [0, 1], got 1.5");
        failsOn(() -> srng.binomial(3, -1, 0.5), "n", "binomial: n must be >= 0, got -1");
    }

    @Test
    void pvalsNotSummingToOne_failsAtBuildTime() {
        failsOn(() -> srng.multinomial(2, 3, new double[] {0.5, 0.6}), "pvals",
                "multinomial: pvals must sum to 1 (within 1.0E-6), got a sum of 1.1");
        failsOn(() -> srng.choice(2, 2, true, new double[] {0.5, 0.4}), "p", "choice: p must sum to 1");
        failsOn(() -> srng.choice(2, 3, true, new double[] {0.5, 0.5}), "p",
                "choice: p must have one probability per item (a=3), got 2");
    }

    @Test
    void choiceWithoutReplacementFromTooFewItems_failsAtBuildTime() {
        failsOn(() -> srng.choice(5, 4, false, null), "a",
                "choice: a has too few items: cannot choose 5 of 4 without replacement");
        failsOn(() -> srng.choice(2, 3, false, new double[] {1, 0, 0}), "p",
                "choice: p gives only 1 items a non-zero probability: cannot choose 2 without replacement");
    }

    @Test
    void nonIntegerSymbolicSize_failsAtBuildTimeWithDtypeMismatch() {
        assertThatThrownBy(() -> srng.uniform(F64.class, Size.of(dscalar("n")), constant(0.0), constant(1.0)))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("uniform: size[0] 'n' must be an integer scalar, got TensorType(float64, ())");
    }

    @Test
    void badArgumentsAtBuildTime_registerNoStream() {
        RandomStreams s = new RandomStreams(1);
        assertThatThrownBy(() -> s.uniform(-1)).isInstanceOf(RandomArgumentException.class);
        assertThat(s.states()).isEmpty();
    }

    @Test
    void negativeSymbolicSize_failsAtCallTime_andLeavesEverySharedValueUnchanged() {
        RandomVector<F64> fixed = srng.uniform(F64.class, 2, 0, 1);
        Scalar<I32> n = iscalar("n");
        RandomVector<org.symtensor.type.FloatX> sized = srng.uniform(n);
        SharedScalar<I32> counter = shared(0, "counter");
        Function f = function(inputs(n), outputs(fixed, sized), updates(update(counter, counter.plus(1))));
        f.callAll(1);
        NDArray fixedState = fixed.rng().getValue();
        NDArray sizedState = sized.rng().getValue();

        assertThatThrownBy(() -> f.callAll(-3)).isInstanceOfSatisfying(RandomArgumentException.class,
                e -> assertThat(e.argument()).isEqualTo("size[0]"))
                .hasMessageContaining("uniform: size[0] must be a length in [0, 2^31), got -3");
        assertThat(fixed.rng().getValue()).isEqualTo(fixedState);
        assertThat(sized.rng().getValue()).isEqualTo(sizedState);
        assertThat(counter.getValue().toInt()).isEqualTo(1);
    }

    @Test
    void symbolicProbabilityOutsideZeroOne_failsAtCallTime() {
        Scalar<F64> p = dscalar("p");
        Scalar<I64> trials = lscalar("trials");
        Function f = function(inputs(trials, p), srng.binomial(Size.of(4), trials, p));
        assertThat(f.call(3L, 0.5).shape()).containsExactly(4);
        assertThatThrownBy(() -> f.call(3L, -0.1)).isInstanceOf(RandomArgumentException.class)
                .hasMessageContaining("binomial: p must be a probability in [0, 1], got -0.1");
    }

    @Test
    void symbolicLowAboveHigh_failsAtCallTime() {
        Scalar<F64> low = dscalar("low");
        Scalar<F64> high = dscalar("high");
        Function f = function(inputs(low, high), srng.uniform(F64.class, Size.of(2), low, high));
        assertThatThrownBy(() -> f.call(1.0, 0.5)).isInstanceOf(RandomArgumentException.class)
                .hasMessageContaining("uniform: low must not exceed high, got low=1 > high=0.5");
    }

    @Test
    void symbolicPvalsNotSummingToOne_failsAtCallTime() {
        org.symtensor.tensor.Vector<F64> pvals = dvector("pvals");
        Scalar<I64> trials = lscalar("trials");
        Function f = function(inputs(trials, pvals), srng.multinomial(Size.of(2), trials, pvals));
        assertThat(f.call(4L, new double[] {0.25, 0.75}).shape()).containsExactly(2, 2);
        assertThatThrownBy(() -> f.call(4L, new double[] {0.25, 0.7})).isInstanceOf(RandomArgumentException.class)
                .hasMessageContaining("multinomial: pvals must sum to 1");
    }

    @Test
    void symbolicChoiceFromTooFewItems_failsAtCallTime() {
        Scalar<I64> a = lscalar("a");
        Function f = function(inputs(a), srng.choice(Size.of(3), a, false, null));
        assertThat(f.call(3L).shape()).containsExactly(3);
        assertThatThrownBy(() -> f.call(2L)).isInstanceOf(RandomArgumentException.class)
                .hasMessageContaining("choice: a has too few items: cannot choose 3 of 2 without replacement");
    }

    @Test
    void malformedState_failsAtCallTimeNamingTheState() {
        RandomVector<F64> u = srng.uniform(F64.class, 2, 0, 1);
        Function f = function(inputs(), u);
        u.rng().setValue(new long[] {1, 2});
        assertThatThrownBy(f::call).isInstanceOfSatisfying(RandomArgumentException.class,
                e -> assertThat(e.argument()).isEqualTo("rng"))
                .hasMessageContaining("the generator state must be 3 int64 words [key, stream, counter], got shape (2,)");
    }
}
