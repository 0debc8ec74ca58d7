package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symtensor.function.CompileOptions;
import org.symtensor.config.Config;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.In;
import org.symtensor.function.Update;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.runtime.link.Thunk;
import org.symtensor.function.FunctionSpec;
import org.symtensor.tensor.SharedVector;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

import static org.symtensor.T.shared;
import static org.symtensor.T.update;

/** Buffer reuse: dead intermediates are overwritten; arguments, constants and shared values never are. */
class InPlaceTest {
    private static final CompileOptions UNFUSED = CompileOptions.fromFlags(Config.parse("optimizer=None"));

    private static FunctionSpec spec(List<Variable> inputs, List<Variable> outputs, List<Update> updates) {
        List<In> ins = new ArrayList<>();
        for (Variable v : inputs) {
            ins.add(In.of(v));
        }
        return FunctionSpec.build(ins, outputs, updates, Map.of(), false, FunctionFlag.UnusedInput.IGNORE, null);
    }

    private static Variable e(ScalarOp op, Variable... in) {
        return Ops.elemwise(op, in);
    }

    @Test
    void chain_intermediatesAreDonatedButNeverTheArgumentOrConstant() {
        Variable x = new Variable(TensorType.of(DType.FLOAT64, -1), "x");
        Variable c = Ops.constant(NDArray.of(new double[] {1, 2, 3}));
        Variable out = e(ScalarOp.MUL, e(ScalarOp.ADD, e(ScalarOp.EXP, x), c), c);

        CompiledFunction f = new CpuFunctionCompiler().compile(spec(List.of(x), List.of(out), List.of()), UNFUSED);
        List<Thunk> thunks = f.schedule().thunks();

        assertThat(thunks).hasSize(3);
        assertThat(thunks.get(0).donors()).isEmpty(); // exp(x): x is the caller's
        assertThat(thunks.get(1).donors()).containsExactly(0); // exp(x) + c: exp(x) is dead afterwards, c is not
        assertThat(thunks.get(2).donors()).containsExactly(0);
        NDArray xv = NDArray.of(new double[] {0, 1, 2});
        NDArray r = f.call(xv);
        assertThat(xv.toDoubleArray()).containsExactly(0, 1, 2);
        assertThat(((Variable) c instanceof org.symtensor.ir.Constant ? ((org.symtensor.ir.Constant) c).value() : null)
                .toDoubleArray()).containsExactly(1, 2, 3);
        assertThat(r.toDoubleArray()).containsExactly((1 + 1) * 1, (Math.E + 2) * 2, (Math.exp(2) + 3) * 3);
    }

    @Test
    void valueReadTwice_isDonatedOnlyToItsLastReader() {
        Variable x = new Variable(TensorType.of(DType.FLOAT64, -1), "x");
        Variable y = e(ScalarOp.EXP, x);
        Variable a = e(ScalarOp.NEG, y);
        Variable out = e(ScalarOp.ADD, a, y);

        CompiledFunction f = new CpuFunctionCompiler().compile(spec(List.of(x), List.of(out), List.of()), UNFUSED);

        assertThat(f.schedule().thunks().get(1).donors()).isEmpty();
        assertThat(f.schedule().thunks().get(2).donors()).containsExactly(0, 1);
        assertThat(f.call(NDArray.of(new double[] {0, 1})).toDoubleArray()).containsExactly(0, 0);
    }

    @Test
    void sharedValueAndUpdates_areNeverClobbered() {
        SharedVector<org.symtensor.type.F64> w = shared(new double[] {1, 2, 3}, "w");
        Variable wv = w.variable();
        Variable x = new Variable(TensorType.of(DType.FLOAT64, -1), "x");
        Variable step = e(ScalarOp.SUB, wv, e(ScalarOp.MUL, e(ScalarOp.EXP, x), Ops.constant(0.5, DType.FLOAT64)));
        Variable out = e(ScalarOp.SQR, e(ScalarOp.ADD, wv, x));
        NDArray before = ((SharedValue) wv).get();
        double[] beforeValues = before.toDoubleArray();

        CompiledFunction f = new CpuFunctionCompiler().compile(
                spec(List.of(x), List.of(out), List.of(update(w, new org.symtensor.tensor.Vector<>(step)))), UNFUSED);
        NDArray xv = NDArray.of(new double[] {0, 0, 0});
        NDArray r = f.call(xv);

        assertThat(before.toDoubleArray()).containsExactly(beforeValues);
        assertThat(xv.toDoubleArray()).containsExactly(0, 0, 0);
        assertThat(r.toDoubleArray()).containsExactly(1, 4, 9);
        assertThat(((SharedValue) wv).get().toDoubleArray()).containsExactly(0.5, 1.5, 2.5);
    }

    @Test
    void donorWithBroadcastShape_isNotUsedAndTheResultIsFresh() {
        Variable row = new Variable(TensorType.of(DType.FLOAT64, 1, -1), "row");
        Variable m = new Variable(TensorType.of(DType.FLOAT64, -1, -1), "m");
        Variable out = e(ScalarOp.ADD, e(ScalarOp.EXP, row), m);

        CompiledFunction f = new CpuFunctionCompiler().compile(spec(List.of(row, m), List.of(out), List.of()), UNFUSED);
        NDArray r = f.call(NDArray.of(new double[][] {{0, 0}}), NDArray.of(new double[][] {{1, 2}, {3, 4}}));

        assertThat(f.schedule().thunks().get(1).donors()).containsExactly(0); // allowed statically, refused at run time
        assertThat(r.toDoubleMatrix()).isEqualTo(new double[][] {{2, 3}, {4, 5}});
    }
}
