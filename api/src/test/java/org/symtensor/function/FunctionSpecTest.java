package org.symtensor.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.function.FunctionFlag.UnusedInput;
import org.symtensor.function.In;
import org.symtensor.error.MissingInputException;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.error.SymtensorException;
import org.symtensor.T;
import org.symtensor.error.UnusedInputException;
import org.symtensor.function.Update;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I32;

class FunctionSpecTest {
    private final Logger log = Logger.getLogger(FunctionSpec.class.getName());
    private final List<LogRecord> warnings = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureWarnings() {
        log.addHandler(capture);
        log.setUseParentHandlers(false);
    }

    @AfterEach
    void releaseWarnings() {
        log.removeHandler(capture);
        log.setUseParentHandlers(true);
    }

    private static FunctionSpec build(List<In> inputs, List<Variable> outputs) {
        return build(inputs, outputs, List.of(), Map.of(), UnusedInput.RAISE);
    }

    private static FunctionSpec build(List<In> inputs, List<Variable> outputs, List<Update> updates,
            Map<Variable, Variable> givens, UnusedInput onUnused) {
        return FunctionSpec.build(inputs, outputs, updates, givens, false, onUnused, "f");
    }

    // ------------------------------------------------------------ a well-formed function

    @Test
    void build_wellFormed_keepsInputsOutputsAndOptions() {
        Scalar<F32> x = fscalar("x");
        Scalar<F32> y = fscalar("y");
        Scalar<F32> z = x.plus(y);
        FunctionSpec spec = FunctionSpec.build(List.of(in(x), in(y)), List.of(z.variable()), List.of(), Map.of(),
                true, UnusedInput.RAISE, "add");
        assertThat(spec.inputs()).extracting(In::variable).containsExactly(x.variable(), y.variable());
        assertThat(spec.outputs()).containsExactly(z.variable());
        assertThat(spec.updateTargets()).isEmpty();
        assertThat(spec.allowInputDowncast()).isTrue();
        assertThat(spec.name()).isEqualTo("add");
    }

    @Test
    void build_withUpdates_listsTargetsAndExpressionsInOrder() {
        SharedScalar<I32> state = shared(0, "state");
        SharedScalar<I32> count = shared(0, "count");
        Scalar<I32> inc = iscalar("inc");
        Scalar<I32> next = state.plus(inc);
        Scalar<I32> nextCount = count.plus(1);
        FunctionSpec spec = build(List.of(in(inc)), List.of(state.variable()),
                List.of(update(state, next), update(count, nextCount)), Map.of(), UnusedInput.RAISE);
        assertThat(spec.updateTargets()).containsExactly(state.node(), count.node());
        assertThat(spec.updateExpressions()).containsExactly(next.variable(), nextCount.variable());
    }

    @Test
    void build_inputUsedOnlyByAnUpdate_isUsed() {
        SharedScalar<I32> state = shared(0, "state");
        Scalar<I32> inc = iscalar("inc");
        FunctionSpec spec = build(List.of(in(inc)), List.of(), List.of(update(state, state.plus(inc))), Map.of(),
                UnusedInput.RAISE);
        assertThat(spec.outputs()).isEmpty();
        assertThat(spec.updateTargets()).containsExactly(state.node());
    }

    // ------------------------------------------------------------ missing and unused inputs

    @Test
    void build_outputNeedsAVariableThatIsNotAnInput_failsNamingIt() {
        Scalar<F32> x = fscalar("x");
        Scalar<F32> y = fscalar("y");
        assertThatThrownBy(() -> build(List.of(in(x)), List.of(x.plus(y).variable())))
                .isInstanceOf(MissingInputException.class)
                .hasMessageContaining("'y'")
                .hasMessageContaining("float32")
                .hasMessageContaining("not an input")
                .hasMessageContaining("givens");
    }

    @Test
    void build_unusedInput_raisesNamingItAndSuggestingOnUnusedInput() {
        Scalar<F32> x = fscalar("x");
        Scalar<F32> y = fscalar("y");
        assertThatThrownBy(() -> build(List.of(in(x), in(y)), List.of(x.plus(1).variable())))
                .isInstanceOf(UnusedInputException.class)
                .hasMessageContaining("input 'y'")
                .hasMessageContaining("not used")
                .hasMessageContaining("onUnusedInput(WARN)");
    }

    @Test
    void build_unusedUnnamedInput_isNamedByPosition() {
        Scalar<F32> x = fscalar("x");
        Scalar<F32> unnamed = fscalar();
        assertThatThrownBy(() -> build(List.of(in(x), in(unnamed)), List.of(x.variable())))
                .isInstanceOf(UnusedInputException.class)
                .hasMessageContaining("input #1 (TensorType(float32, ()))");
    }

    @Test
    void build_unusedInputWithWarn_passesAndLogsAWarningNamingIt() {
        Scalar<F32> x = fscalar("x");
        Scalar<F32> y = fscalar("y");
        FunctionSpec spec = build(List.of(in(x), in(y)), List.of(x.plus(1).variable()), List.of(), Map.of(),
                UnusedInput.WARN);
        assertThat(spec.inputs()).hasSize(2);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getMessage()).contains("input 'y'").contains("not used");
    }

    @Test
    void build_unusedInputWithIgnore_passesSilently() {
        Scalar<F32> x = fscalar("x");
        Scalar<F32> y = fscalar("y");
        FunctionSpec spec = build(List.of(in(x), in(y)), List.of(x.plus(1).variable()), List.of(), Map.of(),
                UnusedInput.IGNORE);
        assertThat(spec.inputs()).extracting(In::name).containsExactly("x", "y");
        assertThat(warnings).isEmpty();
    }

    // ------------------------------------------------------------ bad inputs

    @Test
    void build_constantAsInput_fails() {
        Scalar<F64> c = constant(2.0);
        assertThatThrownBy(() -> build(List.of(in(c)), List.of(c.plus(1).variable())))
                .isInstanceOf(SymtensorException.class)
                .hasMessageContaining("input #0")
                .hasMessageContaining("is a constant");
    }

    @Test
    void build_sharedVariableAsInput_failsSayingSharedAreImplicit() {
        SharedScalar<I32> s = shared(1, "s");
        assertThatThrownBy(() -> build(List.of(in(s)), List.of(s.plus(1).variable())))
                .isInstanceOf(SymtensorException.class)
                .hasMessageContaining("input 's'")
                .hasMessageContaining("shared variable")
                .hasMessageContaining("leave it out of inputs");
    }

    @Test
    void build_sameInputTwice_fails() {
        Scalar<F32> x = fscalar("x");
        assertThatThrownBy(() -> build(List.of(in(x), in(x)), List.of(x.variable())))
                .isInstanceOf(SymtensorException.class)
                .hasMessageContaining("input 'x' is given twice");
    }

    // ------------------------------------------------------------ bad updates

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void build_updateOfAnotherDtype_failsNamingTheSharedVariableAndBothTypes() {
        SharedScalar<I32> state = shared(0, "state");
        Scalar<F32> x = fscalar("x");
        // javac rejects update(state, x); raw types get past it, which is what the run-time check is for
        Update bad = T.update((SharedVariable) state, (Tensor) x);
        assertThatThrownBy(() -> build(List.of(in(x)), List.of(), List.of(bad), Map.of(), UnusedInput.RAISE))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("shared variable 'state'")
                .hasMessageContaining("TensorType(int32, ())")
                .hasMessageContaining("TensorType(float32, ())")
                .hasMessageContaining("cast the expression to int32");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void build_updateOfAnotherRank_fails() {
        SharedScalar<F64> s = shared(0.0, "s");
        var v = dvector("v");
        Update bad = T.update((SharedVariable) s, (Tensor) v);
        assertThatThrownBy(() -> build(List.of(in(v)), List.of(), List.of(bad), Map.of(), UnusedInput.RAISE))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("'s'")
                .hasMessageContaining("(?,)");
    }

    @Test
    void build_sameSharedUpdatedTwice_fails() {
        SharedScalar<I32> state = shared(0, "state");
        assertThatThrownBy(() -> build(List.of(), List.of(),
                List.of(update(state, state.plus(1)), update(state, state.plus(2))), Map.of(), UnusedInput.RAISE))
                .isInstanceOf(SymtensorException.class)
                .hasMessageContaining("shared variable 'state' is updated twice");
    }

    // ------------------------------------------------------------ givens

    @Test
    void build_givenOfAnotherDtype_failsNamingBothVariablesAndTypes() {
        Scalar<F32> x = fscalar("x");
        Scalar<F64> d = dscalar("d");
        Map<Variable, Variable> givens = Map.of(x.variable(), d.variable());
        assertThatThrownBy(() -> build(List.of(in(d)), List.of(x.plus(1).variable()), List.of(), givens,
                UnusedInput.RAISE))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("givens")
                .hasMessageContaining("'x' of type TensorType(float32, ())")
                .hasMessageContaining("'d' of type TensorType(float64, ())");
    }

    @Test
    void build_givenOfAnotherRank_fails() {
        Scalar<F32> x = fscalar("x");
        var v = fvector("v");
        Map<Variable, Variable> givens = Map.of(x.variable(), v.variable());
        assertThatThrownBy(() -> build(List.of(in(v)), List.of(x.variable()), List.of(), givens, UnusedInput.RAISE))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("same dtype and rank");
    }

    @Test
    void build_givens_replaceTheVariableInOutputs() {
        Scalar<F32> x = fscalar("x");
        Scalar<F32> y = fscalar("y");
        Scalar<F32> z = x.plus(y);
        Scalar<F32> twiceX = x.times(2);
        FunctionSpec spec = build(List.of(in(x)), List.of(z.variable()), List.of(),
                Map.of(y.variable(), twiceX.variable()), UnusedInput.RAISE);
        Variable out = spec.outputs().get(0);
        assertThat(Graphs.dependsOn(List.of(out), y.variable())).isFalse();
        assertThat(Graphs.dependsOn(List.of(out), x.variable())).isTrue();
        assertThat(out.owner().inputs()).containsExactly(x.variable(), twiceX.variable());
    }

    @Test
    void build_givens_replaceTheVariableInUpdatesToo() {
        SharedScalar<F32> acc = shared(0f, "acc");
        Scalar<F32> x = fscalar("x");
        Scalar<F32> y = fscalar("y");
        Map<Variable, Variable> givens = new LinkedHashMap<>();
        givens.put(y.variable(), x.sqr().variable());
        FunctionSpec spec = build(List.of(in(x)), List.of(), List.of(update(acc, acc.plus(y))), givens,
                UnusedInput.RAISE);
        Variable newAcc = spec.updateExpressions().get(0);
        assertThat(Graphs.dependsOn(List.of(newAcc), y.variable())).isFalse();
        assertThat(Graphs.dependsOn(List.of(newAcc), x.variable())).isTrue();
        assertThat(spec.updateTargets()).containsExactly(acc.node());
    }

    @Test
    void build_givenReplacingTheOnlyUseOfAnInput_makesThatInputUnused() {
        Scalar<F32> x = fscalar("x");
        Scalar<F32> y = fscalar("y");
        Map<Variable, Variable> givens = Map.of(y.variable(), x.variable());
        assertThatThrownBy(() -> build(List.of(in(x), in(y)), List.of(y.plus(1).variable()), List.of(), givens,
                UnusedInput.RAISE))
                .isInstanceOf(UnusedInputException.class)
                .hasMessageContaining("input 'y'");
    }
}
