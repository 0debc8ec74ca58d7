package org.symtensor;

import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.RandomArgumentException;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.NoDefaultUpdates;
import org.symtensor.function.Update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.ir.OpKind;
import org.symtensor.random.RandomMatrix;
import org.symtensor.random.RandomStreams;
import org.symtensor.function.FunctionSpec;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/** The graph side of random streams: one node per random variable, default updates in the spec, build-time errors. */
class RandomStreamsGraphTest {
    private static FunctionSpec spec(List<Variable> outputs, List<Update> updates, NoDefaultUpdates no) {
        return FunctionSpec.build(List.of(), outputs, updates, Map.of(), false, FunctionFlag.UnusedInput.RAISE, null, no);
    }

    @Test
    void randomVariable_isTheSampleOutputOfOneRandomNode_whoseStateIsItsRng() {
        RandomMatrix<F32> u = new RandomStreams(234).uniform(F32.class, 2, 2);
        Variable v = u.variable();
        assertThat(v.owner().op().kind()).isEqualTo(OpKind.RANDOM);
        assertThat(v.owner().outputs()).hasSize(2);
        assertThat(v.index()).isEqualTo(1);
        assertThat(v.owner().inputs().get(0)).isSameAs(u.rng().node());
        assertThat(u.rng().node().defaultUpdate()).isSameAs(v.owner().outputs().get(0));
        assertThat(u.rng().getValue().toLongArray()).containsExactly(234, 0, 0);
        assertThat(v.type().shape()).containsExactly(2, 2);
    }

    @Test
    void build_addsTheDefaultUpdateOfEachRandomVariableOnce() {
        RandomStreams srng = new RandomStreams(1);
        RandomMatrix<F64> u = srng.uniform(F64.class, 2, 2, 0, 1);
        FunctionSpec s = spec(List.of(u.plus(u).variable(), u.variable()), List.of(), NoDefaultUpdates.none());
        assertThat(s.updateTargets()).containsExactly(u.rng().node());
        assertThat(s.updateExpressions().get(0).owner()).isSameAs(u.variable().owner());
    }

    @Test
    void build_withNoDefaultUpdates_addsNone() {
        RandomMatrix<F64> u = new RandomStreams(1).uniform(F64.class, 2, 2, 0, 1);
        assertThat(spec(List.of(u.variable()), List.of(), NoDefaultUpdates.all()).updateTargets()).isEmpty();
        assertThat(spec(List.of(u.variable()), List.of(), NoDefaultUpdates.of(List.of(u.rng().node())))
                .updateTargets()).isEmpty();
    }

    @Test
    void build_explicitUpdate_replacesTheDefault() {
        RandomMatrix<F64> u = new RandomStreams(1).uniform(F64.class, 2, 2, 0, 1);
        SharedValue rng = u.rng().node();
        Update keep = T.update(u.rng(), u.rng());
        FunctionSpec s = spec(List.of(u.variable()), List.of(keep), NoDefaultUpdates.none());
        assertThat(s.updateTargets()).containsExactly(rng);
        assertThat(s.updateExpressions()).containsExactly(rng);
    }

    @Test
    void setDefaultUpdate_onAnyShared_actsAsTheanosDefaultUpdate_andChecksTheType() {
        var counter = T.shared(0, "counter");
        counter.setDefaultUpdate(counter.plus(1));
        FunctionSpec s = spec(List.of(counter.times(2).variable()), List.of(), NoDefaultUpdates.none());
        assertThat(s.updateTargets()).containsExactly(counter.node());
        assertThatThrownBy(() -> counter.setDefaultUpdate(T.constant(1.0)))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("default update of shared variable 'counter'");
    }

    @Test
    void badConstantArgument_pointsAtTheUserLine() {
        assertThatThrownBy(() -> new RandomStreams(1).uniform(2, 1.0, 0.0))
                .isInstanceOf(RandomArgumentException.class)
                .hasMessageContaining("RandomStreamsGraphTest.java");
    }

    @Test
    void seed_resetsEveryStateToSeedStreamZero() {
        RandomStreams srng = new RandomStreams(1);
        RandomMatrix<F64> a = srng.uniform(F64.class, 1, 1, 0, 1);
        RandomMatrix<F64> b = srng.normal(F64.class, 1, 1, 0, 1);
        a.rng().setValue(NDArray.of(new long[] {9, 9, 9}));
        srng.seed(77);
        assertThat(a.rng().getValue().toLongArray()).containsExactly(77, 0, 0);
        assertThat(b.rng().getValue().toLongArray()).containsExactly(77, 1, 0);
    }
}
