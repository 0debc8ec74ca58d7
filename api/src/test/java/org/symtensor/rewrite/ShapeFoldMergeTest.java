package org.symtensor.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.rewrite.RewriteTesting.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Variable;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.ShapeOf;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

class ShapeFoldMergeTest {
    private static final RuleSet SHAPE = ShapeRules.rules();
    private static final RuleSet FOLD = ConstantFolding.rules();
    private final Variable x = dmatrix("x");
    private final Variable y = dmatrix("y");

    private static Variable shapeOf(Variable v, int axis) {
        return Apply.output(ShapeOf.of(axis), v);
    }

    @Test
    void shapeOfElemwise_readsTheInput() {
        Variable row = var(DType.FLOAT64, "row", 1, -1);
        assertRewrites(SHAPE, shapeOf(e(ScalarOp.ADD, x, row), 0), shapeOf(x, 0));
    }

    @Test
    void shapeOfElemwise_withTwoCandidateInputs_isKept() {
        assertUnchanged(SHAPE, shapeOf(e(ScalarOp.ADD, x, y), 0));
    }

    @Test
    void shapeOfStaticAxis_isAConstant() {
        Variable v = var(DType.FLOAT64, "v", 4, -1);
        assertRewrites(SHAPE, shapeOf(v, 0), c(4, DType.INT64));
    }

    @Test
    void shapeOfTransposeOfReduce_readsTheRightAxis() {
        Variable t = var(DType.FLOAT64, "t", -1, -1, -1);
        Variable s = Ops.reduce(Reduce.Kind.SUM, t, 1);
        assertRewrites(SHAPE, shapeOf(Ops.transpose(s), 0), shapeOf(t, 2));
    }

    @Test
    void shapeOfDot_readsTheOperands() {
        assertRewrites(SHAPE, shapeOf(Ops.dot(x, y), 1), shapeOf(y, 1));
        assertRewrites(SHAPE, shapeOf(Ops.dot(x, y), 0), shapeOf(x, 0));
    }

    @Test
    void dimshuffleOfDimshuffle_isOneOrNone() {
        Variable v = dvector("v");
        Variable col = Ops.dimshuffle(v, 0, DimShuffle.NEW_AXIS);
        assertRewrites(SHAPE, Ops.transpose(col), Ops.dimshuffle(v, DimShuffle.NEW_AXIS, 0));
        assertRewrites(SHAPE, Ops.transpose(Ops.transpose(x)), x);
    }

    @Test
    void identityDimshuffle_isRemoved() {
        assertRewrites(SHAPE, Apply.output(DimShuffle.of(0, 1), x), x);
    }

    @Test
    void arithmeticOnConstants_folds() {
        assertRewrites(FOLD, e(ScalarOp.SUB, c(2, DType.FLOAT64), c(1, DType.FLOAT64)), c(1, DType.FLOAT64));
        assertRewrites(FOLD, e(ScalarOp.ADD, c(100, DType.INT8), c(100, DType.INT8)), c(-56, DType.INT8));
    }

    @Test
    void reduceAndDotOfConstants_fold() {
        Constant m = Ops.constant(NDArray.of(new double[][] {{1, 2}, {3, 4}}));
        Constant v = Ops.constant(NDArray.of(new double[] {1, -1}));
        assertRewrites(FOLD, Ops.reduce(Reduce.Kind.SUM, m, 0), Ops.constant(NDArray.of(new double[] {4, 6})));
        assertRewrites(FOLD, Ops.dot(m, v), Ops.constant(NDArray.of(new double[] {-1, -1})));
        assertRewrites(FOLD, Ops.reduce(Reduce.Kind.MEAN, m), c(2.5, DType.FLOAT64));
    }

    @Test
    void shapeOfConstant_folds() {
        Constant m = Ops.constant(NDArray.zeros(DType.FLOAT32, 3, 5));
        assertRewrites(FOLD, Ops.dimshuffle(m, 1, 0), Ops.constant(NDArray.zeros(DType.FLOAT32, 5, 3)));
    }

    @Test
    void hugeResults_areNotFolded() {
        Constant col = Ops.constant(NDArray.zeros(DType.FLOAT64, 1000, 1));
        Constant row = Ops.constant(NDArray.zeros(DType.FLOAT64, 1, 1000));
        assertUnchanged(FOLD, e(ScalarOp.ADD, col, row));
    }

    @Test
    void nonConstantInputs_areNotFolded() {
        assertUnchanged(FOLD, e(ScalarOp.ADD, x, c(1, DType.FLOAT64)));
    }

    @Test
    void merge_sharesEqualSubexpressionsAndConstants() {
        Variable a = e(ScalarOp.MUL, e(ScalarOp.EXP, x), c(2, DType.FLOAT64));
        Variable b = e(ScalarOp.ADD, e(ScalarOp.EXP, x), c(2, DType.FLOAT64));
        List<Variable> merged = Merge.merge(List.of(a, b));
        Apply ma = merged.get(0).owner();
        Apply mb = merged.get(1).owner();
        assertThat(ma.inputs().get(0)).isSameAs(mb.inputs().get(0));
        assertThat(ma.inputs().get(1)).isSameAs(mb.inputs().get(1));
        assertThat(EqualComputations.equalComputations(merged, List.of(a, b))).isTrue();
    }

    @Test
    void merge_keepsMinusZeroApartFromZero() {
        Variable a = e(ScalarOp.TRUE_DIV, x, c(0.0, DType.FLOAT64));
        Variable b = e(ScalarOp.TRUE_DIV, x, c(-0.0, DType.FLOAT64));
        List<Variable> merged = Merge.merge(List.of(a, b));
        assertThat(merged.get(0)).isNotSameAs(merged.get(1));
    }

    @Test
    void merge_ofAGraphWithoutDuplicates_returnsItUnchanged() {
        Variable a = e(ScalarOp.ADD, x, y);
        assertThat(Merge.merge(List.of(a)).get(0)).isSameAs(a);
    }
}
