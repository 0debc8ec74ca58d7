package org.symtensor.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.rewrite.RewriteTesting.var;

import org.junit.jupiter.api.Test;
import org.symtensor.ir.Apply;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce.Kind;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/** Constant folding's evaluator against hand-computed values: products, reductions, broadcasting. */
class EvaluatorTest {
    private static final NDArray M23 = NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    private static final NDArray M32 = NDArray.of(new double[][] {{1, -1}, {2, 0}, {0, 3}});

    private static NDArray eval(Variable v, NDArray... in) {
        Apply node = v.owner();
        return Evaluator.evaluate(node, in);
    }

    @Test
    void folds_pureOpsOnly() {
        assertThat(Evaluator.folds(OpKind.ELEMWISE)).isTrue();
        assertThat(Evaluator.folds(OpKind.DOT)).isTrue();
        assertThat(Evaluator.folds(OpKind.RANDOM)).isFalse();
        assertThat(Evaluator.folds(OpKind.SCAN)).isFalse();
        assertThat(Evaluator.folds(OpKind.IFELSE)).isFalse();
    }

    @Test
    void dot_matrixMatrix_isTheProduct() {
        Variable a = var(DType.FLOAT64, "a", -1, -1);
        Variable b = var(DType.FLOAT64, "b", -1, -1);
        // [[1,2,3],[4,5,6]] · [[1,-1],[2,0],[0,3]] = [[5, 8], [14, 14]]
        assertThat(eval(Ops.dot(a, b), M23, M32).toDoubleMatrix()).isEqualTo(new double[][] {{5, 8}, {14, 14}});
        // and the other way: (3x2)·(2x3)
        assertThat(eval(Ops.dot(b, a), M32, M23).toDoubleMatrix())
                .isEqualTo(new double[][] {{-3, -3, -3}, {2, 4, 6}, {12, 15, 18}});
    }

    @Test
    void dot_matrixVectorAndVectorMatrix_haveRankOne() {
        Variable a = var(DType.FLOAT64, "a", -1, -1);
        Variable v = var(DType.FLOAT64, "v", -1);
        assertThat(eval(Ops.dot(a, v), M23, NDArray.of(new double[] {1, 0, -1})).toDoubleArray()).containsExactly(-2, -2);
        assertThat(eval(Ops.dot(v, a), NDArray.of(new double[] {2, -1}), M23).toDoubleArray()).containsExactly(-2, -1, 0);
    }

    @Test
    void dot_integers_isExactInInt64() {
        Variable a = var(DType.INT64, "a", -1, -1);
        Variable b = var(DType.INT64, "b", -1, -1);
        NDArray x = NDArray.of(new long[][] {{1L << 40, 3}, {2, 5}});
        NDArray y = NDArray.of(new long[][] {{3, 1}, {7, 2}});
        NDArray r = eval(Ops.dot(a, b), x, y);
        assertThat(r.getLong(0)).isEqualTo(3L * (1L << 40) + 21);
        assertThat(r.getLong(1)).isEqualTo((1L << 40) + 6);
        assertThat(r.getLong(2)).isEqualTo(41);
        assertThat(r.getLong(3)).isEqualTo(12);
    }

    @Test
    void dot_emptyInnerLength_isZeros() {
        Variable a = var(DType.FLOAT64, "a", -1, -1);
        Variable b = var(DType.FLOAT64, "b", -1, -1);
        NDArray r = eval(Ops.dot(a, b), NDArray.zeros(DType.FLOAT64, 2, 0), NDArray.zeros(DType.FLOAT64, 0, 3));
        assertThat(r.shape()).containsExactly(2, 3);
        assertThat(r.toDoubleMatrix()).isEqualTo(new double[][] {{0, 0, 0}, {0, 0, 0}});
    }

    @Test
    void reduce_overEachAxis_isTheHandComputedValue() {
        Variable x = var(DType.FLOAT64, "x", -1, -1);
        assertThat(eval(Ops.reduce(Kind.SUM, x, 0), M23).toDoubleArray()).containsExactly(5, 7, 9);
        assertThat(eval(Ops.reduce(Kind.SUM, x, 1), M23).toDoubleArray()).containsExactly(6, 15);
        assertThat(eval(Ops.reduce(Kind.PROD, x, 1), M23).toDoubleArray()).containsExactly(6, 120);
        assertThat(eval(Ops.reduce(Kind.MEAN, x, 0), M23).toDoubleArray()).containsExactly(2.5, 3.5, 4.5);
        assertThat(eval(Ops.reduce(Kind.MEAN, x), M23).toDouble()).isEqualTo(3.5);
        assertThat(eval(Ops.reduce(Kind.MAX, x, 1), M32).toDoubleArray()).containsExactly(1, 2, 3);
        assertThat(eval(Ops.reduce(Kind.MIN, x, 0), M32).toDoubleArray()).containsExactly(0, -1);
    }

    @Test
    void reduce_maxAndMinWithNaN_areNaN() {
        Variable x = var(DType.FLOAT64, "x", -1);
        NDArray v = NDArray.of(new double[] {1, Double.NaN, 3});
        assertThat(eval(Ops.reduce(Kind.MAX, x), v).toDouble()).isNaN();
        assertThat(eval(Ops.reduce(Kind.MIN, x), v).toDouble()).isNaN();
        NDArray w = NDArray.of(new double[] {Double.NaN, 1});
        assertThat(eval(Ops.reduce(Kind.MAX, x), w).toDouble()).isNaN();
    }

    @Test
    void reduce_integers_accumulateExactly() {
        Variable x = var(DType.INT64, "x", -1, -1);
        NDArray m = NDArray.of(new long[][] {{Long.MAX_VALUE - 5, 2}, {-7, 3}});
        NDArray sum = eval(Ops.reduce(Kind.SUM, x, 1), m);
        assertThat(sum.getLong(0)).isEqualTo(Long.MAX_VALUE - 3);
        assertThat(sum.getLong(1)).isEqualTo(-4);
        NDArray prod = eval(Ops.reduce(Kind.PROD, x, 0), m);
        assertThat(prod.getLong(1)).isEqualTo(6);
        NDArray max = eval(Ops.reduce(Kind.MAX, x, 0), m);
        assertThat(max.getLong(0)).isEqualTo(Long.MAX_VALUE - 5);
        assertThat(max.getLong(1)).isEqualTo(3);
        NDArray min = eval(Ops.reduce(Kind.MIN, x, 0), m);
        assertThat(min.getLong(0)).isEqualTo(-7);
        assertThat(min.getLong(1)).isEqualTo(2);
    }

    @Test
    void reduce_meanOfIntegers_dividesTheExactSumByTheCount() {
        Variable x = var(DType.INT32, "x", -1, -1);
        NDArray m = NDArray.of(new int[][] {{1, 2, 4}, {3, 5, 9}});
        assertThat(eval(Ops.reduce(Kind.MEAN, x, 1), m).toDoubleArray()).containsExactly(7 / 3.0, 17 / 3.0);
        assertThat(eval(Ops.reduce(Kind.MEAN, x, 0), m).toDoubleArray()).containsExactly(2, 3.5, 6.5);
    }

    @Test
    void elemwise_broadcastsARowAndAScalar() {
        Variable a = var(DType.FLOAT64, "a", -1, -1);
        Variable row = var(DType.FLOAT64, "r", 1, -1);
        NDArray sum = eval(Ops.elemwise(ScalarOp.SUB, a, row), M23, NDArray.of(new double[][] {{1, 2, 3}}));
        assertThat(sum.toDoubleMatrix()).isEqualTo(new double[][] {{0, 0, 0}, {3, 3, 3}});
        NDArray rev = eval(Ops.elemwise(ScalarOp.SUB, row, a), NDArray.of(new double[][] {{1, 2, 3}}), M23);
        assertThat(rev.toDoubleMatrix()).isEqualTo(new double[][] {{0, 0, 0}, {-3, -3, -3}});
    }

    @Test
    void elemwise_integerInputs_computeInIntegers() {
        Variable a = var(DType.INT64, "a", -1);
        Variable b = var(DType.INT64, "b", -1);
        NDArray r = eval(Ops.elemwise(ScalarOp.ADD, a, b), NDArray.of(new long[] {Long.MAX_VALUE - 1}),
                NDArray.of(new long[] {1}));
        assertThat(r.getLong(0)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void elemwise_switchOnFloatBranchesWithAnIntegerCondition_takesEachBranch() {
        Variable k = var(DType.INT8, "k", -1);
        Variable a = var(DType.FLOAT64, "a", -1);
        Variable b = var(DType.FLOAT64, "b", -1);
        NDArray cond = NDArray.fromJava(new byte[] {0, 1});
        NDArray r = eval(Ops.elemwise(ScalarOp.SWITCH, k, a, b), cond, NDArray.of(new double[] {1.5, 2.5}),
                NDArray.of(new double[] {-1.5, -2.5}));
        assertThat(r.toDoubleArray()).containsExactly(-1.5, 2.5);
    }
}
