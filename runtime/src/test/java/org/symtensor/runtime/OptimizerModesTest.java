package org.symtensor.runtime;

import org.symtensor.function.Mode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symtensor.error.DebugModeException;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionFlag;
import org.symtensor.ir.Apply;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.rewrite.Optimizer;
import org.symtensor.rewrite.RuleSet;
import org.symtensor.function.FunctionSpec;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F64;

class OptimizerModesTest {
    @Test
    void gradOfXSquared_compiled_printsTwoTimesX_andComputesIt() {
        Scalar<F64> x = dscalar("x");
        Function f = function(inputs(x), grad(x.pow(2), x));
        assertThat(f.ppOptimized()).isEqualTo("(2.0 * x)");
        assertThat(f.call(3.0).toDouble()).isEqualTo(6.0);
    }

    @Test
    void modeNone_runsTheGraphAsWritten() {
        Scalar<F64> x = dscalar("x");
        Function f = function(inputs(x), grad(x.pow(2), x), mode(Mode.NONE));
        assertThat(f.ppOptimized()).isEqualTo("(fill((x ** 2.0), 1.0) * (2.0 * (x ** (2.0 - 1.0))))");
    }

    @Test
    void outputsAndUpdates_areOptimizedTogether_soSharedWorkRunsOnce() {
        Vector<F64> x = dvector("x");
        SharedVector<F64> acc = shared(new double[] {0, 0}, "acc");
        Vector<F64> y = exp(x).times(2);
        Function f = function(inputs(x), y, updates(update(acc, acc.plus(exp(x).times(2)))));
        long exps = ((CompiledFunction) f).schedule().thunks().stream()
                .filter(t -> t.node().op().name().contains("exp")).count(); // Elemwise{exp} or a composite holding it
        assertThat(exps).isEqualTo(1);
        f.call(new double[] {0, 1});
        assertThat(acc.getValue().toDoubleArray()).containsExactly(2, 2 * Math.E);
    }

    @Test
    void debugMode_passesOnCorrectGraphs() {
        Vector<F64> x = dvector("x");
        Vector<F64> y = log(sigmoid(x)).plus(div(1, exp(x.unaryMinus()).plus(1))).times(1);
        Function f = function(inputs(x), y, mode(Mode.DEBUG_MODE));
        double[] got = f.call(new double[] {-1, 0, 2}).toDoubleArray();
        for (int i = 0; i < 3; i++) {
            double v = new double[] {-1, 0, 2}[i];
            double sig = 1 / (1 + Math.exp(-v));
            assertThat(got[i]).isCloseTo(Math.log(sig) + sig, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void debugMode_catchesAPlantedWrongRewrite_andNamesTheOutput() {
        Vector<F64> x = dvector("x");
        Vector<F64> y = exp(x).named("y");
        // a wrong rule: exp(x) → x + 1 (the first two Taylor terms), planted after the real pipeline
        RuleSet wrong = RuleSet.builder("wrong").add("exp_taylor", OpKind.ELEMWISE, node ->
                node.op().equals(org.symtensor.ir.Elemwise.of(ScalarOp.EXP))
                        ? Ops.elemwise(ScalarOp.ADD, node.inputs().get(0), Ops.constant(1, DType.FLOAT64)) : null).build();
        List<Optimizer.Pass> passes = new ArrayList<>(Mode.FAST_RUN.passes());
        passes.add(Optimizer.Pass.of(wrong));
        FunctionSpec spec = FunctionSpec.build(List.of(in(x)), List.of(y.variable()), List.of(), Map.of(), false,
                FunctionFlag.UnusedInput.RAISE, "f");
        CompiledFunction f = CpuFunctionCompiler.compile(spec, Mode.DEBUG_MODE, passes);
        assertThatThrownBy(() -> f.call(new double[] {0, 1}))
                .isInstanceOf(DebugModeException.class)
                .hasMessageContaining("output 0 of function 'f' ('y')")
                .hasMessageContaining("flat index 1")
                .hasMessageContaining("optimized 2.0")
                .hasMessageContaining("as written " + Math.E);
        // the same planted rule without DEBUG_MODE silently computes the wrong value
        CompiledFunction unchecked = CpuFunctionCompiler.compile(spec, Mode.FAST_RUN, passes);
        assertThat(unchecked.call(new double[] {0, 1}).toDoubleArray()).containsExactly(1, 2);
    }

    @Test
    void debugMode_leavesSharedValuesUnchanged_whenTheCheckFails() {
        Vector<F64> x = dvector("x");
        SharedVector<F64> w = shared(new double[] {5, 5}, "w");
        RuleSet wrong = RuleSet.builder("wrong").add("add_is_sub", OpKind.ELEMWISE, node ->
                node.op().equals(org.symtensor.ir.Elemwise.of(ScalarOp.ADD))
                        ? Ops.elemwise(ScalarOp.SUB, node.inputs().get(0), node.inputs().get(1)) : null).build();
        FunctionSpec spec = FunctionSpec.build(List.of(in(x)), List.of(), List.of(update(w, w.plus(x))), Map.of(),
                false, FunctionFlag.UnusedInput.RAISE, null);
        CompiledFunction f = CpuFunctionCompiler.compile(spec, Mode.DEBUG_MODE, List.of(Optimizer.Pass.of(wrong)));
        assertThatThrownBy(() -> f.callAll(new double[] {1, 2}))
                .isInstanceOf(DebugModeException.class).hasMessageContaining("the update of shared variable 'w'");
        assertThat(w.getValue().toDoubleArray()).containsExactly(5, 5);
    }

    @Test
    void nanGuard_isOffByDefault() {
        Vector<F64> x = dvector("x");
        Function f = function(inputs(x), log(x), mode(Mode.FAST_RUN));
        assertThat(f.call(new double[] {-1}).toDoubleArray()[0]).isNaN();
    }

    @Test
    void rewrittenNodes_keepTheLocationOfWhatTheyReplace() {
        Vector<F64> x = dvector("x");
        Vector<F64> y = x.pow(2);
        Apply written = y.variable().owner();
        Function f = function(inputs(x), y);
        Apply optimized = f.optimizedOutputs().get(0).owner();
        assertThat(optimized.op().name()).isEqualTo("Elemwise{sqr}");
        assertThat(optimized.createdAt().toString()).isEqualTo(written.createdAt().toString());
    }

    @Test
    void modeOption_winsOverTheFlag() {
        Scalar<F64> x = dscalar("x");
        Function fast = function(inputs(x), x.times(1), mode(Mode.FAST_COMPILE));
        assertThat(fast.ppOptimized()).isEqualTo("(x * 1.0)");
    }
}
