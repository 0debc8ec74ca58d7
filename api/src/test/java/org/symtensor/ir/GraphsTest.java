package org.symtensor.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.type.TensorType;

class GraphsTest {

    // ------------------------------------------------------------ traversal

    @Test
    void ancestors_includeTheOutputAndEveryInputInPostOrder() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");
        Scalar<F64> s = x.plus(y);
        Scalar<F64> z = exp(s);
        List<Variable> anc = Graphs.ancestors(List.of(z.variable()));
        // depth-first post order: inputs before the variables computed from them
        assertThat(anc).containsExactly(x.variable(), y.variable(), s.variable(), z.variable());
    }

    @Test
    void ancestors_visitASharedNodeOnce() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> e = exp(x);
        Scalar<F64> z = e.times(e);
        List<Variable> anc = Graphs.ancestors(List.of(z.variable()));
        assertThat(anc).containsExactly(x.variable(), e.variable(), z.variable());
    }

    @Test
    void ancestors_ofAnInput_isTheInputAlone() {
        Scalar<F64> x = dscalar("x");
        assertThat(Graphs.ancestors(List.of(x.variable()))).containsExactly(x.variable());
    }

    @Test
    void toposort_putsEveryApplyAfterTheAppliesOfItsInputs() {
        Matrix<F64> a = dmatrix("a");
        Matrix<F64> b = dmatrix("b");
        Matrix<F64> p = a.plus(b);
        Matrix<F64> q = exp(a).times(p);
        Matrix<F64> r = q.minus(p.sqr()).plus(dot(a, b));
        List<Apply> order = Graphs.toposort(List.of(r.variable()));

        // exp, plus, times, sqr, minus, dot, plus: seven applies, each listed once
        assertThat(order).hasSize(7);
        assertThat(new HashSet<>(order)).hasSize(7);
        Set<Apply> done = Graphs.identitySet();
        for (Apply apply : order) {
            for (Variable in : apply.inputs()) {
                if (in.owner() != null) {
                    assertThat(done).as("inputs of %s computed before it", apply).contains(in.owner());
                }
            }
            done.add(apply);
        }
        assertThat(order.get(order.size() - 1)).isSameAs(r.variable().owner());
    }

    @Test
    void toposort_ofSeveralOutputs_coversAllOfThemOnce() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> e = exp(x);
        Scalar<F64> a = e.plus(1);
        Scalar<F64> b = e.times(2);
        List<Apply> order = Graphs.toposort(List.of(a.variable(), b.variable()));
        assertThat(order).containsExactly(e.variable().owner(), a.variable().owner(), b.variable().owner());
    }

    @Test
    void graphInputs_areTheOwnerlessVariables_inputsAndConstants() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> z = x.plus(1).times(dscalar("y"));
        List<Variable> ins = Graphs.graphInputs(List.of(z.variable()));
        assertThat(ins).hasSize(3);
        assertThat(ins.get(0)).isSameAs(x.variable());
        assertThat(ins.get(1)).isInstanceOf(Constant.class);
        assertThat(((Constant) ins.get(1)).value().getDouble(0)).isEqualTo(1.0);
        assertThat(ins.get(2).name()).isEqualTo("y");
    }

    @Test
    void graphInputs_includeSharedVariables() {
        var w = shared(new double[] {1, 2}, "w");
        var v = dvector("v");
        List<Variable> ins = Graphs.graphInputs(List.of(w.plus(v).variable()));
        assertThat(ins).containsExactly(w.variable(), v.variable());
        assertThat(ins.get(0)).isInstanceOf(SharedValue.class);
    }

    @Test
    void dependsOn_isTrueForAncestorsOnly() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");
        Scalar<F64> z = exp(x);
        assertThat(Graphs.dependsOn(List.of(z.variable()), x.variable())).isTrue();
        assertThat(Graphs.dependsOn(List.of(z.variable()), z.variable())).isTrue();
        assertThat(Graphs.dependsOn(List.of(z.variable()), y.variable())).isFalse();
        assertThat(Graphs.dependsOn(List.of(x.variable()), z.variable())).isFalse();
    }

    // ------------------------------------------------------------ replace (clone_replace)

    @Test
    void replace_rebuildsTheDependentSubgraphAndSharesTheRest() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");
        Scalar<F64> w = dscalar("w");
        Scalar<F64> a = x.plus(y);        // depends on y: rebuilt
        Scalar<F64> b = exp(x);           // independent of y: shared
        Scalar<F64> out = a.times(b);

        Variable newOut = Graphs.replace(List.of(out.variable()), Map.of(y.variable(), w.variable())).get(0);

        assertThat(newOut).isNotSameAs(out.variable());
        Apply times = newOut.owner();
        assertThat(times.op()).isEqualTo(Elemwise.of(ScalarOp.MUL));
        Variable newA = times.inputs().get(0);
        assertThat(newA).isNotSameAs(a.variable());
        assertThat(newA.owner().op()).isEqualTo(Elemwise.of(ScalarOp.ADD));
        assertThat(newA.owner().inputs()).containsExactly(x.variable(), w.variable());
        assertThat(times.inputs().get(1)).isSameAs(b.variable());

        assertThat(Graphs.dependsOn(List.of(newOut), y.variable())).isFalse();
        assertThat(Graphs.dependsOn(List.of(newOut), w.variable())).isTrue();
        // the original graph is untouched
        assertThat(Graphs.dependsOn(List.of(out.variable()), y.variable())).isTrue();
        assertThat(a.variable().owner().inputs()).containsExactly(x.variable(), y.variable());
    }

    @Test
    void replace_keepsTheSourceLocationOfRebuiltNodes() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");
        Scalar<F64> out = x.plus(y);
        Variable newOut = Graphs.replace(List.of(out.variable()), Map.of(y.variable(), dscalar("w").variable())).get(0);
        assertThat(newOut.owner()).isNotSameAs(out.variable().owner());
        assertThat(newOut.owner().createdAt()).isSameAs(out.variable().owner().createdAt());
        assertThat(newOut.createdAt()).isSameAs(out.variable().createdAt());
    }

    @Test
    void replace_withNothingToReplace_returnsTheSameVariables() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> out = exp(x).plus(1);
        List<Variable> r = Graphs.replace(List.of(out.variable()), Map.of(dscalar("unrelated").variable(), x.variable()));
        assertThat(r.get(0)).isSameAs(out.variable());
    }

    @Test
    void replace_ofAnOutputItself_returnsTheReplacement() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> e = exp(x);
        Scalar<F64> k = dscalar("k");
        assertThat(Graphs.replace(List.of(e.variable()), Map.of(e.variable(), k.variable())))
                .containsExactly(k.variable());
    }

    @Test
    void replace_ofAnIntermediateNode_doesNotTraverseBelowIt() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> e = exp(x);
        Scalar<F64> out = e.plus(1);
        Scalar<F64> k = dscalar("k");
        Variable r = Graphs.replace(List.of(out.variable()), Map.of(e.variable(), k.variable())).get(0);
        assertThat(r.owner().inputs().get(0)).isSameAs(k.variable());
        assertThat(Graphs.dependsOn(List.of(r), x.variable())).isFalse();
    }

    @Test
    void replace_rebuildsMultiNodeChainsAndInfersTypesAgain() {
        Variable v = new Variable(TensorType.ofRank(DType.FLOAT64, 1), "v");
        Variable m = new Variable(TensorType.of(DType.FLOAT64, 1, 3), "m");
        Variable sum = org.symtensor.ir.Ops.elemwise(ScalarOp.ADD, m, v); // v padded to (1, ?)
        assertThat(sum.type().shape()).containsExactly(1, 3);
        Variable v3 = new Variable(TensorType.of(DType.FLOAT64, 3), "v3");
        Variable r = Graphs.replace(List.of(sum), Map.of(v, v3)).get(0);
        assertThat(r.type()).isEqualTo(TensorType.of(DType.FLOAT64, 1, 3));
        Variable padded = r.owner().inputs().get(1);
        assertThat(padded.owner().inputs()).containsExactly(v3);
        assertThat(padded.type().shape()).containsExactly(1, 3);
    }

    // ------------------------------------------------------------ variables

    @Test
    void cloneAsInput_ofAVariable_isAFreshInputWithTheSameTypeAndName_constantsAndSharedStay() {
        Scalar<F64> x = dscalar("x");
        Variable c = x.variable().cloneAsInput();
        assertThat(c).isNotSameAs(x.variable());
        assertThat(c.type()).isEqualTo(x.type());
        assertThat(c.name()).isEqualTo("x");
        assertThat(c.owner()).isNull();
        Variable k = constant(2.0).variable();
        assertThat(k.cloneAsInput()).isSameAs(k);
        var s = shared(1, "s");
        assertThat(s.variable().cloneAsInput()).isSameAs(s.variable());
    }

    @Test
    void describe_usesTheNameOrTheOpAndLocation() {
        Scalar<F64> x = dscalar("x");
        assertThat(x.variable().describe()).isEqualTo("'x'");
        assertThat(exp(x).variable().describe()).startsWith("the output of Elemwise{exp} created at ");
        assertThat(dscalar().variable().describe()).startsWith("an unnamed TensorType(float64, ()) created at ");
    }
}
