package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.function.Mode;
import org.symtensor.runtime.link.Plan;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;

/**
 * Theano's {@code debugprint(f)} of a compiled function: the optimized graph, outputs then update
 * values, each apply node ending with its position in the order the backend runs it (the plan's
 * step order), which need not be the order of printing.
 */
class DebugprintFunctionTest {

    @Test
    void debugprint_ofAFunctionWithAnUpdate_numbersEachNodeByItsStep_andMarksTheUpdate() {
        Vector<F64> x = dvector("x");
        SharedScalar<F64> acc = shared(0.0, "acc");
        Scalar<F64> s = x.sum().named("s");
        Function f = function(inputs(x), outputs(s, x.max()), updates(update(acc, acc.plus(s))));

        // steps: the sum (0) and the max (1) of x, then acc + s (2), which reuses the sum
        assertThat(f.debugprint()).isEqualTo(
                "Sum{acc_dtype} [id A] <float64, ()> 's'   0\n"
                + " |x [id B] <float64, (?,)>\n"
                + "Max{acc_dtype} [id C] <float64, ()>   1\n"
                + " |x [id B] <float64, (?,)>\n"
                + "Elemwise{add} [id D] <float64, ()>   2 (update of acc)\n"
                + " |acc [id E] <float64, ()>\n"
                + " |Sum{acc_dtype} [id A] <float64, ()> 's'   0\n");
    }

    @Test
    void debugprint_positionsAreTheExecutionOrder_notThePrintingOrder() {
        Vector<F64> x = dvector("x");
        // FAST_COMPILE does not fuse: exp runs first, then the constant is broadcast, then the product
        Function f = function(inputs(x), outputs(exp(x).times(2)), mode(Mode.FAST_COMPILE));

        assertThat(f.debugprint()).isEqualTo(
                "Elemwise{mul} [id A] <float64, (?,)>   2\n"
                + " |Elemwise{exp} [id B] <float64, (?,)>   0\n"
                + " | |x [id C] <float64, (?,)>\n"
                + " |DimShuffle{x} [id D] <float64, (1,)>   1\n"
                + " | |Constant{2.0} [id E] <float64, ()>\n");
        Plan plan = ((CompiledFunction) f).plan();
        assertThat(plan.steps()).extracting(step -> step.node().op().name())
                .containsExactly("Elemwise{exp}", "DimShuffle{x}", "Elemwise{mul}");
    }

    @Test
    void debugprint_ofAFusedFunction_showsTheCompositeThatRuns() {
        Vector<F64> x = dvector("x");
        Function f = function(inputs(x), outputs(exp(x).times(2).plus(1)));

        assertThat(f.debugprint()).startsWith("Composite{").contains("   0\n")
                .doesNotContain("Elemwise{exp}");
    }
}
