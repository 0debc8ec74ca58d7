package org.symtensor.runtime.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.dvector;
import static org.symtensor.T.exp;
import static org.symtensor.T.shared;
import static org.symtensor.T.update;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.FunctionSpec;
import org.symtensor.function.In;
import org.symtensor.function.Update;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;

/** The backend-independent plan: slot numbering, order, results, shared values and release points. */
class PlanTest {
    private static FunctionSpec spec(List<Variable> inputs, List<Variable> outputs, List<Update> updates) {
        List<In> ins = new ArrayList<>();
        for (Variable v : inputs) {
            ins.add(In.of(v));
        }
        return FunctionSpec.build(ins, outputs, updates, Map.of(), false, FunctionFlag.UnusedInput.RAISE, null);
    }

    @Test
    void of_numbersInputsThenVariablesInGraphOrder() {
        Vector<F64> x = dvector("x");
        SharedVector<F64> w = shared(new double[] {1, 2}, "w");
        Vector<F64> a = x.times(w).plus(3);
        Vector<F64> b = exp(a);

        Plan p = Plan.of(spec(List.of(x.variable()), List.of(b.variable()), List.of(update(w, a))));

        // the inputs, then every variable in the order the graph reaches it: x*w before the constant 3
        assertThat(p.slotCount()).as(p.toString()).isEqualTo(7);
        assertThat(p.inputSlots()).containsExactly(0);
        assertThat(p.sharedValues()).containsExactly(w.node());
        assertThat(p.sharedSlots()).containsExactly(1);
        assertThat(p.constants()).singleElement().extracting(c -> c.value().getDouble(0)).isEqualTo(3.0);
        assertThat(p.constantSlots()).containsExactly(3);
        assertThat(p.steps()).extracting(s -> s.node().op().name())
                .containsExactly("Elemwise{mul}", "DimShuffle{x}", "Elemwise{add}", "Elemwise{exp}");
        assertThat(p.steps()).extracting(Plan.Step::inputs)
                .containsExactly(new int[] {0, 1}, new int[] {3}, new int[] {2, 4}, new int[] {5});
        assertThat(p.steps()).extracting(Plan.Step::outputs)
                .containsExactly(new int[] {2}, new int[] {4}, new int[] {5}, new int[] {6});
        assertThat(p.resultSlots()).as("b, then the update value a").containsExactly(6, 5);
        assertThat(p.outputCount()).isEqualTo(1);
        assertThat(p.isUpdated(0)).isTrue();
    }

    @Test
    void of_readOnlySharedValue_isNotUpdated() {
        Vector<F64> x = dvector("x");
        SharedVector<F64> w = shared(new double[] {1, 2}, "w");
        SharedVector<F64> v = shared(new double[] {0, 0}, "v");

        Plan p = Plan.of(spec(List.of(x.variable()), List.of(x.plus(w).variable()), List.of(update(v, x))));

        assertThat(p.sharedValues()).containsExactly(w.node());
        assertThat(p.isUpdated(0)).isFalse();
        assertThat(p.resultSlots()).hasSize(2);
        assertThat(p.resultSlots()[1]).isEqualTo(p.inputSlots()[0]);
    }

    @Test
    void steps_deadIntermediateIsReleasedAndDonatedToItsLastElementwiseReader() {
        Vector<F64> x = dvector("x");
        Vector<F64> a = exp(x);
        Vector<F64> b = a.plus(x);

        Plan p = Plan.of(spec(List.of(x.variable()), List.of(b.variable()), List.of()));

        int aSlot = p.steps().get(0).outputs()[0];
        assertThat(p.steps().get(0).release()).isEmpty();
        assertThat(p.steps().get(1).release()).containsExactly(aSlot);
        assertThat(p.steps().get(0).donors()).as("x is an argument").isEmpty();
        assertThat(p.steps().get(1).donors()).as("a, by position").containsExactly(0);
    }
}
