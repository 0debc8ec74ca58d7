package org.symtensor.rewrite;

import org.symtensor.function.Mode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.ir.Variable;
import org.symtensor.print.Printer;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;

class OptimizerTest {
    @Test
    void gradOfXSquared_printsAsTwoTimesX() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> g = grad(x.pow(2), x);
        assertThat(pp(g)).isEqualTo("(fill((x ** 2.0), 1.0) * (2.0 * (x ** (2.0 - 1.0))))");
        Variable opt = Optimizer.optimize(List.of(g.variable()), Optimizer.Level.FAST_RUN).get(0);
        assertThat(Printer.pp(opt)).isEqualTo("(2.0 * x)");
    }

    @Test
    void fastCompile_foldsButDoesNotCanonicalize() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> g = grad(x.pow(2), x);
        Variable opt = Optimizer.optimize(List.of(g.variable()), Optimizer.Level.FAST_COMPILE).get(0);
        assertThat(Printer.pp(opt)).isEqualTo("(fill((x ** 2.0), 1.0) * (2.0 * (x ** 1.0)))");
    }

    @Test
    void none_returnsTheGraphAsWritten() {
        Vector<F64> v = dvector("v");
        Variable out = v.times(1).variable();
        assertThat(Optimizer.optimize(List.of(out), Optimizer.Level.NONE).get(0)).isSameAs(out);
    }

    @Test
    void logisticWrittenOut_becomesSigmoid() {
        Vector<F64> v = dvector("v");
        Variable written = div(1, exp(v.unaryMinus()).plus(1)).variable();
        assertThat(Printer.pp(Optimizer.optimize(List.of(written), Optimizer.Level.FAST_RUN).get(0)))
                .isEqualTo("sigmoid(v)");
    }

    @Test
    void pipelines_listTheirPassesInOrder() {
        assertThat(Mode.FAST_RUN.passes()).extracting(Optimizer.Pass::name)
                .containsExactly("merge", "canonicalize", "scan_save_memory", "stabilize", "specialize", "fusion", "merge");
        assertThat(Mode.DEBUG_MODE.passes()).isEqualTo(Mode.FAST_RUN.passes());
        assertThat(Mode.NAN_GUARD.passes()).extracting(Optimizer.Pass::name).doesNotContain("fusion");
        assertThat(Mode.FAST_COMPILE.passes()).extracting(Optimizer.Pass::name)
                .containsExactly("merge", "constant_folding", "scan_save_memory");
    }

    @Test
    void modeFromName_acceptsAnyCase_andRejectsUnknownNames() {
        assertThat(Mode.fromName("debug_mode")).isEqualTo(Mode.DEBUG_MODE);
        assertThatThrownBy(() -> Mode.fromName("FAST"))
                .hasMessageContaining("unknown mode 'FAST'").hasMessageContaining("FAST_RUN");
    }

    @Test
    void aRuleThatChangesTheDtype_isReportedByName() {
        RuleSet bad = RuleSet.builder("bad").add("to_int", org.symtensor.ir.OpKind.ELEMWISE,
                node -> org.symtensor.ir.Ops.cast(node.output(), org.symtensor.type.DType.INT32)).build();
        Vector<F64> v = dvector("v");
        assertThatThrownBy(() -> RewriteEngine.rewrite(List.of(v.plus(1).variable()), bad))
                .hasMessageContaining("bad/to_int");
    }
}
