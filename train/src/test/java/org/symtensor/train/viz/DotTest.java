package org.symtensor.train.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.dmatrix;
import static org.symtensor.T.dvector;
import static org.symtensor.T.exp;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.shared;

import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;

class DotTest {
    @Test
    void graphAsBuilt_hasOneBoxPerApply_withOpDtypeAndShape() {
        Matrix<F64> x = dmatrix("x");
        Vector<F64> v = dvector("v");
        Matrix<F64> y = x.dot(x).plus(v); // Dot, DimShuffle{x,0} (broadcast), add
        Dot dot = Dot.of(y);
        assertThat(dot.applyCount()).isEqualTo(3);
        assertThat(dot.text()).startsWith("digraph \"graph\" {")
                .contains("apply0 [id=\"apply0\"").contains("label=\"Dot\\nfloat64 (?, ?)\"")
                .contains("input0 [id=\"input0\", shape=ellipse").contains("label=\"x\\nfloat64 (?, ?)\"")
                .contains("label=\"Elemwise{add}\\nfloat64 (?, ?)\"")
                .contains("output0 [id=\"output0\"").doesNotContain("apply3 ");
        assertThat(dot.details().get("apply0")).startsWith("Dot\noutput 0: float64 (?, ?)\ncreated at ");
    }

    @Test
    void compiledFunction_opensUpFusedNodes_andDrawsUpdates() {
        Vector<F64> x = dvector("x");
        SharedVector<F64> acc = shared(new double[] {0, 0}, "acc");
        Function f = function(inputs(x), exp(x).times(2).plus(1),
                org.symtensor.T.updates(org.symtensor.T.update(acc, acc.plus(x))));
        Dot dot = Dot.of(f);
        // exp, mul and add fuse into one composite node whose steps are drawn inside its cluster
        assertThat(dot.text()).contains("subgraph \"cluster_apply").contains("Composite (fused 3 ops)")
                .contains("label=\"exp\"").contains("label=\"mul\"").contains("label=\"add\"")
                .contains("shared0 [id=\"shared0\", shape=box, style=\"rounded,filled\"")
                .contains("label=\"acc ←\"");
    }

    @Test
    void quote_escapesQuotesBackslashesAndNewlines() {
        assertThat(Dot.quote("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
        assertThat(GraphPage.json("</script>\n")).isEqualTo("\"\\u003c/script\\u003e\\n\"");
    }
}
