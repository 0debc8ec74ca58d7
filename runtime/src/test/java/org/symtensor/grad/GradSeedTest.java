package org.symtensor.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;
import static org.symtensor.grad.GradOption.considerConstant;

import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.value.NDArray;

/** Theano's seed of grad: {@code ones_like(cost)}, and the gradient of a variable with respect to itself. */
class GradSeedTest {
    @Test
    void gradientThatDoesNotReadAnInput_stillAcceptsThatInputInFunction() {
        // d/dw (sum(x) + 3w) = 3 reads no input, yet x is an input of the cost: Theano's ones_like(cost)
        // seed keeps it connected, so function() does not reject x as unused
        Vector<F64> x = dvector("x");
        Scalar<F64> w = dscalar("w");
        Scalar<F64> cost = x.sum().plus(w.times(3));
        Scalar<F64> g = grad(cost, w);
        Function f = function(inputs(x, w), g);
        assertThat(f.call(new double[] {1, 2}, 5.0).toDouble()).isEqualTo(3.0);
    }

    @Test
    void gradOfAVariableWithRespectToItself_isOne_forEveryDtype() {
        Scalar<F64> d = dscalar("d");
        assertThat(function(inputs(d), grad(d, d)).call(7.5).toDouble()).isEqualTo(1.0);
        Scalar<F32> f = fscalar("f");
        NDArray r = function(inputs(f), grad(f, f)).call(2f);
        assertThat(r.dtype()).isEqualTo(org.symtensor.type.DType.FLOAT32);
        assertThat(r.toFloat()).isEqualTo(1f);
        Scalar<I32> i = iscalar("i");
        assertThat(function(inputs(i), grad(i, i)).call(4).toDouble()).isEqualTo(1.0);
    }

    @Test
    void considerConstantOfTheVariableItself_withRespectToIt_isOne() {
        Scalar<F64> x = dscalar("x");
        assertThat(function(inputs(x), grad(x, x, considerConstant(x))).call(-2.0).toDouble()).isEqualTo(1.0);
    }

    @Test
    void seedStillScalesTheUsualGradient() {
        Scalar<F64> x = dscalar("x");
        assertThat(function(inputs(x), grad(x.times(x), x)).call(3.0).toDouble()).isEqualTo(6.0);
    }
}
