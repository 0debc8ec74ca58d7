package org.symtensor.runtime.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;
import static org.symtensor.runtime.opencl.OpenClTesting.DEVICE;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symtensor.error.DebugModeException;
import org.symtensor.error.NanGuardException;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.FunctionSpec;
import org.symtensor.function.Mode;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.rewrite.Optimizer;
import org.symtensor.rewrite.RuleSet;
import org.symtensor.runtime.CompiledFunction;
import org.symtensor.runtime.link.Plan;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.type.F64;

/** The OpenCL backend on the linking layer: the CPU's plan, slot for slot, and the mode's checks on the device. */
class OpenClLinkingTest {

    @Test
    void plan_sameSpecOnCpuAndDevice_isTheSamePlanSlotForSlot() {
        assumeOpenCl();
        Matrix<F64> x = dmatrix("x");
        Vector<F64> y = dvector("y");
        SharedVector<F64> w = shared(new double[] {0.5, -0.25, 1}, "w");
        SharedScalar<F64> b = shared(0.0, "b");
        Vector<F64> p = sigmoid(dot(x, (Vector<F64>) w).plus(b));
        Scalar<F64> cost = y.minus(p).sqr().mean().plus(w.sqr().sum().times(0.01));
        Vector<F64> gw = grad(cost, (Vector<F64>) w);
        Scalar<F64> gb = grad(cost, (Scalar<F64>) b);

        Plan cpu = ((CompiledFunction) function(inputs(x, y), outputs(cost, p), updates(
                update(w, w.minus(gw.times(0.1))), update(b, b.minus(gb.times(0.1)))))).schedule().plan();
        Plan dev = ((OpenClFunction) function(inputs(x, y), outputs(cost, p), updates(
                update(w, w.minus(gw.times(0.1))), update(b, b.minus(gb.times(0.1)))), device(DEVICE))).plan();

        assertThat(dev.slotCount()).isEqualTo(cpu.slotCount());
        assertThat(dev.steps()).hasSameSizeAs(cpu.steps()).hasSizeGreaterThan(3);
        assertThat(dev.sharedValues()).containsExactlyElementsOf(cpu.sharedValues()).containsExactly(w.node(), b.node());
        assertThat(dev.inputSlots()).containsExactly(cpu.inputSlots()).containsExactly(0, 1);
        assertThat(dev.resultSlots()).containsExactly(cpu.resultSlots());
        assertThat(dev.outputCount()).isEqualTo(cpu.outputCount()).isEqualTo(2);
        for (int t = 0; t < cpu.steps().size(); t++) {
            Plan.Step c = cpu.steps().get(t);
            Plan.Step d = dev.steps().get(t);
            assertThat(d.node().op().name()).as("op of step " + t).isEqualTo(c.node().op().name());
            assertThat(d.inputs()).as("inputs of step " + t).containsExactly(c.inputs());
            assertThat(d.outputs()).as("outputs of step " + t).containsExactly(c.outputs());
        }
        assertThat(dev).hasToString(cpu.toString());
    }

    @Test
    void debugMode_onDevice_runsTheGraphAsWrittenThereToo_andPassesOnCorrectGraphs() {
        assumeOpenCl();
        Matrix<F32> x = fmatrix("x");
        Vector<F32> v = fvector("v");
        // fused on the device when optimized, one kernel per op as written; a product and a reduction
        Scalar<F32> y = sigmoid(dot(x, v).times(2).plus(1)).sum();
        Function f = function(inputs(x, v), y, mode(Mode.DEBUG_MODE), device(DEVICE));
        Function cpu = function(inputs(x, v), y);
        float[][] xs = {{1, 2, 3}, {-1, 0.5f, 2}};
        float[] vs = {0.25f, -0.5f, 1};

        assertThat(f.call(xs, vs).toDouble())
                .isCloseTo(cpu.call(xs, vs).toDouble(), org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void debugMode_onDevice_catchesAPlantedWrongRewrite_andLeavesSharedValuesUnchanged() {
        assumeOpenCl();
        Vector<F64> x = dvector("x");
        SharedVector<F64> w = shared(new double[] {5, 5}, "w");
        RuleSet wrong = RuleSet.builder("wrong").add("add_is_sub", OpKind.ELEMWISE, node ->
                node.op().equals(Elemwise.of(ScalarOp.ADD))
                        ? Ops.elemwise(ScalarOp.SUB, node.inputs().get(0), node.inputs().get(1)) : null).build();
        FunctionSpec spec = FunctionSpec.build(List.of(in(x)), List.of(), List.of(update(w, w.plus(x))), Map.of(),
                false, FunctionFlag.UnusedInput.RAISE, null);
        ClDevice device = OpenClPlatforms.get().device(DEVICE);
        OpenClFunction f = new OpenClFunction(spec, Mode.DEBUG_MODE, List.of(Optimizer.Pass.of(wrong)), device);

        assertThat(f.hostOps()).as("the planted sub runs on the device").isEmpty();
        assertThatThrownBy(() -> f.callAll(new double[] {1, 2}))
                .isInstanceOf(DebugModeException.class)
                .hasMessageContaining("the update of shared variable 'w'")
                .hasMessageContaining("optimized 4.0, as written 6.0");
        assertThat(w.getValue().toDoubleArray()).containsExactly(5, 5);
        // the same planted rule without DEBUG_MODE silently computes the wrong value
        new OpenClFunction(spec, Mode.FAST_RUN, List.of(Optimizer.Pass.of(wrong)), device).callAll(new double[] {1, 2});
        assertThat(w.getValue().toDoubleArray()).containsExactly(4, 3);
    }

    @Test
    void nanGuard_onDevice_checksEachNodesOutputsAndNamesTheOp() {
        assumeOpenCl();
        Vector<F32> x = fvector("x");
        Vector<F32> y = log(x).times(2);
        Function f = function(inputs(x), y, mode(Mode.NAN_GUARD), device(DEVICE));

        assertThat(((OpenClFunction) f).hostOps()).as("log and times run on the device").isEmpty();
        assertThat(f.call((Object) new float[] {1, 1}).toFloatArray()).containsExactly(0, 0);
        assertThatThrownBy(() -> f.call((Object) new float[] {1, -1, 2}))
                .isInstanceOf(NanGuardException.class)
                .hasMessageContaining("Elemwise{log} created at ")
                .hasMessageContaining("NaN in output 0 at flat index 1")
                .hasMessageContaining("input shapes [3]");
    }

    @Test
    void nanGuard_onDevice_reportsInfinities() {
        assumeOpenCl();
        Vector<F32> x = fvector("x");
        Function f = function(inputs(x), exp(x), mode(Mode.NAN_GUARD), device(DEVICE));
        assertThatThrownBy(() -> f.call((Object) new float[] {1000}))
                .isInstanceOf(NanGuardException.class).hasMessageContaining("Elemwise{exp}").hasMessageContaining("+Inf");
    }
}
