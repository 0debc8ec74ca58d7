package org.symtensor.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.grad.GradCheck.mat;
import static org.symtensor.grad.GradCheck.vec;
import static org.symtensor.grad.GradCheck.verify;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.tensor.Tensors;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * The gradient of prod where inputs are exactly zero (Theano's rule): prod / x_i without zeros,
 * the product of the others at a group's only zero, and 0 wherever a group has two zeros. prod is
 * a polynomial, so finite differences hold at zeros too; the hand values are checked as well.
 */
class ProdGradTest {

    /** d(sum(prod(x, axes)))/dx compiled and evaluated at {@code point}. */
    private static double[][] gradOfProd(NDArray point, int... axes) {
        Variable x = new Variable(TensorType.ofRank(DType.FLOAT64, 2), "x");
        Variable cost = Ops.reduce(Reduce.Kind.SUM, Ops.reduce(Reduce.Kind.PROD, x, axes));
        Variable g = Gradients.grad(cost, List.of(x), GradOptions.defaults()).get(0);
        return function(inputs(Tensors.wrap(x)), Tensors.wrap(g)).call(point).toDoubleMatrix();
    }

    private static void assertRows(double[][] actual, double[]... expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).containsExactly(expected[i], within(1e-12));
        }
    }

    @Test
    void gradProd_withOneZero_givesTheZeroTheProductOfTheOthers() {
        // prod(2, 0, 3, -1) = 0; d/dx1 = 2*3*(-1) = -6, every other derivative keeps the factor 0
        assertRows(gradOfProd(mat(new double[] {2, 0, 3, -1})), new double[] {0, -6, 0, 0});
    }

    @Test
    void gradProd_withTwoZeros_isZeroEverywhere() {
        assertRows(gradOfProd(mat(new double[] {2, 0, 3, 0})), new double[] {0, 0, 0, 0});
    }

    @Test
    void gradProd_withoutZeros_isProdOverX() {
        // prod(2, 4, -0.5) = -4: -4/2, -4/4, -4/-0.5
        assertRows(gradOfProd(mat(new double[] {2, 4, -0.5})), new double[] {-2, -1, 8});
    }

    @Test
    void gradProdOverAxis1_treatsEachRowOnItsOwn() {
        assertRows(gradOfProd(mat(new double[] {2, 0, 3}, new double[] {0, 5, 0}, new double[] {1, 2, 4}), 1),
                new double[] {0, 6, 0}, new double[] {0, 0, 0}, new double[] {8, 4, 2});
    }

    @Test
    void gradProdOverAxis0_treatsEachColumnOnItsOwn() {
        assertRows(gradOfProd(mat(new double[] {2, 0, 3}, new double[] {0, 5, 0}), 0),
                new double[] {0, 5, 0}, new double[] {2, 0, 3});
    }

    @Test
    void gradProd_withOneZero_matchesFiniteDifferences() {
        verify(in -> Ops.reduce(Reduce.Kind.PROD, in.get(0)), vec(1.5, 0, -2, 0.7));
        verify(in -> Ops.reduce(Reduce.Kind.PROD, in.get(0), 1), mat(new double[] {0.3, 0, 2.5}, new double[] {1.7, 0.8, -0.6}));
    }

    @Test
    void gradProd_withTwoZeros_matchesFiniteDifferences() {
        verify(in -> Ops.reduce(Reduce.Kind.PROD, in.get(0)), vec(1.5, 0, -2, 0));
        verify(in -> Ops.reduce(Reduce.Kind.PROD, in.get(0)), vec(0, 0, -2, 0));
        verify(in -> Ops.reduce(Reduce.Kind.PROD, in.get(0), 0), mat(new double[] {0, 1.2, 0}, new double[] {0, 0.8, -0.6}));
    }

    private static Variable sumOfGradOfProd(Variable x) {
        Variable g = Gradients.grad(Ops.reduce(Reduce.Kind.PROD, scaled(x)), List.of(x), GradOptions.defaults()).get(0);
        return Ops.reduce(Reduce.Kind.SUM, Ops.elemwise(ScalarOp.MUL, g, Ops.constant(NDArray.of(new double[] {0.3, -1.1, 0.7, 2.0}))));
    }

    @Test
    void gradOfGradProd_withZeros_matchesFiniteDifferences() {
        // the Hessian of a multilinear function: defined at zeros, and not zero next to a single zero
        verify(in -> sumOfGradOfProd(in.get(0)), vec(1.5, 0.4, -2, 0.7));
        verify(in -> sumOfGradOfProd(in.get(0)), vec(1.5, 0, -2, 0.7));
        verify(in -> sumOfGradOfProd(in.get(0)), vec(1.5, 0, -2, 0));
        verify(in -> sumOfGradOfProd(in.get(0)), vec(0, 0, -2, 0));
    }

    private static Variable scaled(Variable x) {
        return Ops.elemwise(ScalarOp.MUL, x, Ops.constant(1.5, DType.FLOAT64));
    }
}
