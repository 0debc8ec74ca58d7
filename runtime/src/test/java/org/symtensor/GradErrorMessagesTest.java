package org.symtensor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.grad.GradOptions;
import org.symtensor.error.GradientException;
import org.symtensor.grad.Gradients;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.type.I64;

/**
 * The errors a user can cause with grad and jacobian, and what they say. This class lives outside
 * Symtensor's internal packages so that creation locations point here.
 */
class GradErrorMessagesTest {

    @Test
    void grad_throughGradUndefined_failsNamingTheOpReasonAndLocation() {
        Vector<F64> x = dvector("x");
        Scalar<F64> cost = gradUndefined(x, "the sort index is not differentiable").sum();

        assertThatThrownBy(() -> grad(cost, x))
                .isInstanceOf(GradientException.class)
                .hasMessageContaining("GradUndefined")
                .hasMessageContaining("the sort index is not differentiable")
                .hasMessageContaining("'x'")
                .hasMessageContaining("GradErrorMessagesTest.java");
    }

    @Test
    void grad_nonScalarCost_failsNamingTheCostItsRankAndLocation() {
        Matrix<F64> x = dmatrix("x");
        Matrix<F64> cost = exp(x);

        assertThatThrownBy(() -> grad(cost, x))
                .isInstanceOf(GradientException.class)
                .hasMessageContaining("the cost must be a scalar")
                .hasMessageContaining("Elemwise{exp}")
                .hasMessageContaining("rank 2")
                .hasMessageContaining("GradErrorMessagesTest.java");
    }

    @Test
    void grad_namedNonScalarCost_failsNamingItAndWhereItWasCreated() {
        Vector<F64> x = dvector("x");
        Vector<F64> cost = exp(x).named("losses");

        assertThatThrownBy(() -> grad(cost, x))
                .isInstanceOf(GradientException.class)
                .hasMessageContaining("'losses'")
                .hasMessageContaining("rank 1")
                .hasMessageContaining("GradErrorMessagesTest.java");
    }

    @Test
    void grad_integerCost_failsNamingTheDtype() {
        Vector<I32> n = ivector("n");
        Scalar<I64> cost = sum(n).named("count");

        assertThatThrownBy(() -> grad(cost, n))
                .isInstanceOf(GradientException.class)
                .hasMessageContaining("'count'")
                .hasMessageContaining("int64")
                .hasMessageContaining("float32 or float64");
    }

    @Test
    void jacobian_ofMatrix_failsAskingToFlatten() {
        Matrix<F64> x = dmatrix("x");
        Matrix<F64> y = exp(x).named("y");

        assertThatThrownBy(() -> Gradients.jacobian(y.variable(), List.of(x.variable()), GradOptions.defaults()))
                .isInstanceOf(GradientException.class)
                .hasMessageContaining("'y'")
                .hasMessageContaining("rank 2")
                .hasMessageContaining("vector");
    }

    @Test
    void hessian_wrtMatrix_failsNamingIt() {
        Matrix<F64> x = dmatrix("x");
        Scalar<F64> cost = x.sum();

        assertThatThrownBy(() -> Gradients.hessian(cost.variable(), x.variable(), GradOptions.defaults()))
                .isInstanceOf(GradientException.class)
                .hasMessageContaining("'x'")
                .hasMessageContaining("rank 2");
    }
}
