package org.symtensor.runtime.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.dvector;
import static org.symtensor.T.exp;
import static org.symtensor.T.shared;
import static org.symtensor.T.update;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.In;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.error.SymtensorException;
import org.symtensor.function.Update;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Elemwise;
import org.symtensor.runtime.cpu.Kernel;
import org.symtensor.function.FunctionSpec;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/** The linker on its own, with a test-double kernel source: slots, release points, aliasing. */
class ScheduleTest {
    /** Elementwise float64 ops on equal shapes, and a record of every kernel it made. */
    private static final class FakeKernels implements Schedule.KernelSource {
        final List<Apply> built = new ArrayList<>();

        @Override
        public Kernel kernelFor(Apply node) {
            built.add(node);
            Elemwise op = (Elemwise) node.op();
            return in -> {
                NDArray out = NDArray.zeros(in[0].dtype(), in[0].shape());
                for (NDArray a : in) {
                    if (a.size() != out.size() && a.size() != 1) {
                        throw new ShapeMismatchException("fake: shapes " + NDArray.shapeToString(in[0].shape())
                                + " and " + NDArray.shapeToString(a.shape()) + " differ");
                    }
                }
                for (int i = 0; i < out.size(); i++) {
                    double b = in.length > 1 ? in[1].getDouble(in[1].size() == 1 ? 0 : i) : 0;
                    out.setDouble(i, op.scalarOp().applyDouble(in[0].getDouble(i), b, 0));
                }
                return new NDArray[] {out};
            };
        }
    }

    private static FunctionSpec spec(List<Variable> inputs, List<Variable> outputs, List<Update> updates) {
        List<In> ins = new ArrayList<>();
        for (Variable v : inputs) {
            ins.add(In.of(v));
        }
        return FunctionSpec.build(ins, outputs, updates, Map.of(), false, FunctionFlag.UnusedInput.RAISE, null);
    }

    @Test
    void build_chain_asksOneKernelPerApplyInTopologicalOrder() {
        Vector<F64> x = dvector("x");
        Vector<F64> y = dvector("y");
        Vector<F64> a = x.plus(y);
        Vector<F64> b = exp(a);
        FakeKernels kernels = new FakeKernels();

        Schedule s = Schedule.build(spec(List.of(x.variable(), y.variable()), List.of(b.variable()), List.of()), kernels);

        assertThat(kernels.built).containsExactly(a.variable().owner(), b.variable().owner());
        assertThat(s.thunks()).extracting(Thunk::node).containsExactlyElementsOf(kernels.built);
        // x, y, a and b.
        assertThat(s.slotCount()).isEqualTo(4);
        assertThat(s.thunks().get(0).inputSlots()).containsExactly(0, 1);
        assertThat(s.thunks().get(1).inputSlots()).containsExactly(s.thunks().get(0).outputSlots());
    }

    @Test
    void build_intermediate_isReleasedAfterItsLastReader() {
        Vector<F64> x = dvector("x");
        Vector<F64> y = dvector("y");
        Vector<F64> a = x.plus(y);
        Vector<F64> b = a.times(y);
        Vector<F64> c = b.plus(a);

        Schedule s = Schedule.build(spec(List.of(x.variable(), y.variable()), List.of(c.variable()), List.of()),
                new FakeKernels());

        List<Thunk> thunks = s.thunks();
        assertThat(thunks).extracting(Thunk::node)
                .containsExactly(a.variable().owner(), b.variable().owner(), c.variable().owner());
        int aSlot = thunks.get(0).outputSlots()[0];
        int bSlot = thunks.get(1).outputSlots()[0];
        assertThat(thunks.get(0).releaseSlots()).isEmpty();
        assertThat(thunks.get(1).releaseSlots()).isEmpty();
        assertThat(thunks.get(2).releaseSlots()).containsExactlyInAnyOrder(aSlot, bSlot);
    }

    @Test
    void build_outputThatIsAlsoRead_isNeverReleased() {
        Vector<F64> x = dvector("x");
        Vector<F64> y = dvector("y");
        Vector<F64> a = x.plus(y);
        Vector<F64> b = a.times(y);

        Schedule s = Schedule.build(spec(List.of(x.variable(), y.variable()), List.of(a.variable(), b.variable()),
                List.of()), new FakeKernels());

        for (Thunk t : s.thunks()) {
            assertThat(t.releaseSlots()).isEmpty();
        }
        NDArray[] r = s.run(new NDArray[] {NDArray.of(new double[] {1, 2}), NDArray.of(new double[] {2, 2})});
        assertThat(r[0].toDoubleArray()).containsExactly(3, 4);
        assertThat(r[1].toDoubleArray()).containsExactly(6, 8);
    }

    @Test
    void run_outputIsTheInputItself_returnsACopy() {
        Vector<F64> x = dvector("x");
        NDArray arg = NDArray.of(new double[] {1, 2});

        Schedule s = Schedule.build(spec(List.of(x.variable()), List.of(x.variable()), List.of()), new FakeKernels());
        NDArray out = s.run(new NDArray[] {arg})[0];

        assertThat(out.data()).isNotSameAs(arg.data());
        assertThat(out.toDoubleArray()).containsExactly(1, 2);
    }

    @Test
    void run_sameOutputTwice_returnsTwoIndependentArrays() {
        Vector<F64> x = dvector("x");
        Vector<F64> a = exp(x);

        Schedule s = Schedule.build(spec(List.of(x.variable()), List.of(a.variable(), a.variable()), List.of()),
                new FakeKernels());
        NDArray[] r = s.run(new NDArray[] {NDArray.of(new double[] {0, 0})});

        assertThat(r[0].data()).isNotSameAs(r[1].data());
        assertThat(r[1].toDoubleArray()).containsExactly(1, 1);
    }

    @Test
    void run_updateToAnotherSharedThatStays_copiesTheValue() {
        SharedVector<F64> a = shared(new double[] {1, 2}, "a");
        SharedVector<F64> b = shared(new double[] {3, 4}, "b");

        Schedule s = Schedule.build(spec(List.of(), List.of(), List.of(update(a, b))), new FakeKernels());
        NDArray[] r = s.run(new NDArray[0]);

        assertThat(r).hasSize(1);
        assertThat(r[0].data()).isNotSameAs(b.getValue(true).data());
        assertThat(r[0].toDoubleArray()).containsExactly(3, 4);
    }

    @Test
    void run_swapUpdates_copyNothing() {
        SharedVector<F64> a = shared(new double[] {1, 2}, "a");
        SharedVector<F64> b = shared(new double[] {3, 4}, "b");

        Schedule s = Schedule.build(spec(List.of(), List.of(), List.of(update(a, b), update(b, a))), new FakeKernels());
        NDArray[] r = s.run(new NDArray[0]);

        // Both old values are dropped by the swap, so handing them over aliases nothing.
        assertThat(r[0]).isSameAs(b.getValue(true));
        assertThat(r[1]).isSameAs(a.getValue(true));
    }

    @Test
    void run_kernelShapeMismatch_namesTheNodeLocation() {
        Vector<F64> x = dvector("x");
        Vector<F64> y = dvector("y");
        Vector<F64> z = x.plus(y);

        Schedule s = Schedule.build(spec(List.of(x.variable(), y.variable()), List.of(z.variable()), List.of()),
                new FakeKernels());

        assertThatThrownBy(() -> s.run(new NDArray[] {NDArray.of(new double[] {1, 2}), NDArray.of(new double[] {1, 2, 3})}))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("fake: shapes (2,) and (3,) differ")
                .hasMessageContaining("(in Elemwise{add} created at ");
    }

    @Test
    void run_kernelReturningWrongDtype_failsAsInternalErrorNamingTheNode() {
        Vector<F64> x = dvector("x");
        Vector<F64> a = exp(x);
        Schedule.KernelSource wrong = node -> in -> new NDArray[] {NDArray.of(new float[] {1f, 2f})};

        Schedule s = Schedule.build(spec(List.of(x.variable()), List.of(a.variable()), List.of()), wrong);

        assertThatThrownBy(() -> s.run(new NDArray[] {NDArray.of(new double[] {1, 2})}))
                .isInstanceOf(SymtensorException.class)
                .hasMessageContaining("internal error")
                .hasMessageContaining("float32")
                .hasMessageContaining("float64");
    }
}
