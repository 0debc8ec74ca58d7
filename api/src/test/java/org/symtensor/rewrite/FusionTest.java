package org.symtensor.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Composite;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.print.Printer;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

class FusionTest {
    private static Variable var(String name, DType dt, int... shape) {
        return new Variable(TensorType.of(dt, shape), name);
    }

    private static Variable e(ScalarOp op, Variable... in) {
        return Ops.elemwise(op, in);
    }

    private static Variable logistic(Variable x) {
        Variable one = Ops.constant(1, x.type().dtype());
        return e(ScalarOp.TRUE_DIV, one, e(ScalarOp.ADD, one, e(ScalarOp.EXP, e(ScalarOp.NEG, x))));
    }

    private static long count(List<Variable> outs, OpKind kind) {
        return Graphs.toposort(outs).stream().filter(a -> a.op().kind() == kind).count();
    }

    @Test
    void fuse_logisticChain_becomesOneCompositeOverX() {
        Variable x = var("x", DType.FLOAT64, -1, -1);

        Variable out = Fusion.fuse(List.of(logistic(x))).get(0);

        Apply a = out.owner();
        assertThat(a.op().kind()).isEqualTo(OpKind.COMPOSITE);
        assertThat(a.inputs()).containsExactly(x);
        assertThat(Graphs.toposort(List.of(out))).hasSize(1);
        assertThat(((Composite) a.op()).steps()).hasSize(4);
        assertThat(out.type()).isEqualTo(x.type());
    }

    @Test
    void fuse_compositeKeepsTheSourceLocationOfTheChainsRoot() {
        Variable x = var("x", DType.FLOAT64, -1, -1);
        Variable root = logistic(x);

        Variable out = Fusion.fuse(List.of(root)).get(0);

        assertThat(out.owner().createdAt()).isSameAs(root.owner().createdAt());
    }

    @Test
    void fuse_printsTheInnerExpressionOverTheOuterInputs() {
        Variable x = var("x", DType.FLOAT64, -1, -1);

        Variable out = Fusion.fuse(List.of(logistic(x))).get(0);

        assertThat(Printer.pp(out)).isEqualTo("(1.0 / (1.0 + exp((-x))))");
        assertThat(Printer.debugprint(List.of(out)))
                .isEqualTo("Composite{(1.0 / (1.0 + exp((-i0))))} [id A] <float64, (?, ?)>\n |x [id B] <float64, (?, ?)>\n");
    }

    @Test
    void fuse_intermediateReadTwice_staysUnfusedAndIsComputedOnce() {
        Variable x = var("x", DType.FLOAT64, -1);
        Variable y = e(ScalarOp.EXP, e(ScalarOp.NEG, x));
        Variable a = e(ScalarOp.ADD, y, x);
        Variable b = e(ScalarOp.MUL, y, x);

        List<Variable> fused = Fusion.fuse(List.of(a, b));

        // exp(-x) is fused into one composite, read by the two (single-node, so plain) elemwise outputs
        Variable ya = fused.get(0).owner().inputs().get(0);
        Variable yb = fused.get(1).owner().inputs().get(0);
        assertThat(ya).isSameAs(yb);
        assertThat(ya.owner().op().kind()).isEqualTo(OpKind.COMPOSITE);
        assertThat(count(fused, OpKind.COMPOSITE)).isEqualTo(1);
    }

    @Test
    void fuse_functionOutputUsedInsideAChain_isNotSwallowed() {
        Variable x = var("x", DType.FLOAT64, -1);
        Variable y = e(ScalarOp.EXP, e(ScalarOp.NEG, x));
        Variable z = e(ScalarOp.SQR, e(ScalarOp.ADD, y, x));

        List<Variable> fused = Fusion.fuse(List.of(y, z));

        assertThat(fused.get(1).owner().inputs()).containsExactly(fused.get(0), x);
    }

    @Test
    void fuse_repeatedInput_isPassedOnce() {
        Variable x = var("x", DType.FLOAT32, 3);
        Variable out = e(ScalarOp.ADD, e(ScalarOp.MUL, x, x), x);

        Variable fused = Fusion.fuse(List.of(out)).get(0);

        assertThat(fused.owner().inputs()).containsExactly(x);
        assertThat(Printer.pp(fused)).isEqualTo("((x * x) + x)");
    }

    @Test
    void fuse_rowBroadcastIntoAMatrix_keepsTheRowComputationApart() {
        Variable m = var("m", DType.FLOAT64, -1, -1);
        Variable row = var("row", DType.FLOAT64, 1, -1);
        Variable out = e(ScalarOp.TANH, e(ScalarOp.ADD, m, e(ScalarOp.EXP, e(ScalarOp.NEG, row))));

        Variable fused = Fusion.fuse(List.of(out)).get(0);

        assertThat(fused.owner().op().kind()).isEqualTo(OpKind.COMPOSITE);
        assertThat(fused.owner().inputs()).hasSize(2);
        assertThat(fused.owner().inputs().get(1).owner().op().kind()).isEqualTo(OpKind.COMPOSITE);
    }

    @Test
    void fuse_sameGraphTwice_givesEqualComposites() {
        Variable x = var("x", DType.FLOAT64, -1);
        Variable y = var("y", DType.FLOAT64, -1);

        Composite a = (Composite) Fusion.fuse(List.of(logistic(x))).get(0).owner().op();
        Composite b = (Composite) Fusion.fuse(List.of(logistic(y))).get(0).owner().op();
        Composite c = (Composite) Fusion.fuse(List.of(e(ScalarOp.EXP, e(ScalarOp.NEG, x)))).get(0).owner().op();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    }

    @Test
    void fuse_compositeMeetingMoreElemwise_isFlattenedIntoOne() {
        Variable x = var("x", DType.FLOAT64, -1);
        Variable inner = Fusion.fuse(List.of(logistic(x))).get(0);
        Variable out = e(ScalarOp.MUL, inner, x);

        Variable fused = Fusion.fuse(List.of(out)).get(0);

        assertThat(Graphs.toposort(List.of(fused))).hasSize(1);
        assertThat(Printer.pp(fused)).isEqualTo("((1.0 / (1.0 + exp((-x)))) * x)");
    }

    @Test
    void fuse_singleElemwise_isLeftAlone() {
        Variable x = var("x", DType.FLOAT64, -1);
        Variable out = e(ScalarOp.EXP, x);

        assertThat(Fusion.fuse(List.of(out)).get(0)).isSameAs(out);
    }

    @Test
    void composite_wrongInputDtype_failsNamingInputAndDtypes() {
        Variable x = var("x", DType.FLOAT64, -1);
        Composite c = (Composite) Fusion.fuse(List.of(logistic(x))).get(0).owner().op();
        Variable f = var("f", DType.FLOAT32, -1);

        assertThatThrownBy(() -> Apply.of(c, List.of(f)))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("input 0 'f' must be float64, got float32");
    }

    @Test
    void composite_expand_rebuildsTheElemwiseGraph() {
        Variable x = var("x", DType.FLOAT64, -1);
        Variable fused = Fusion.fuse(List.of(logistic(x))).get(0);

        Variable expanded = ((Composite) fused.owner().op()).expand(List.of(x));

        assertThat(count(List.of(expanded), OpKind.COMPOSITE)).isZero();
        assertThat(Printer.pp(expanded)).isEqualTo("(1.0 / (1.0 + exp((-x))))");
    }
}
