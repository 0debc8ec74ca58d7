package org.symtensor.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.grad.GradCheck.e;
import static org.symtensor.grad.GradCheck.mat;
import static org.symtensor.grad.GradCheck.scalar;
import static org.symtensor.grad.GradCheck.vec;
import static org.symtensor.grad.GradCheck.verify;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.T;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensors;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * Elementwise gradients beyond the one case per op of {@link GradRuleTableTest}: broadcasting,
 * negative bases, float32, exact zeros, second order (float64, eps 1e-6, tolerance 1e-6).
 */
class ElemwiseGradTest {
    /** Mixed signs, away from zero. */
    private static final NDArray MIXED = mat(new double[] {-0.7, 0.4, 1.3}, new double[] {-2.2, 0.9, -0.35});

    @Test
    void grad_powWithConstantExponent_matchesFiniteDifferencesOnNegativeBase() {
        verify(in -> e(ScalarOp.POW, in.get(0), Ops.constant(3, DType.FLOAT64)), MIXED);
    }

    @Test
    void grad_vectorPlusMatrix_sumsOverTheBroadcastRows() {
        verify(in -> e(ScalarOp.MUL, e(ScalarOp.ADD, in.get(1), in.get(0)), in.get(1)), vec(0.5, -1.0, 2.0), MIXED);
    }

    @Test
    void grad_rowTimesMatrix_sumsOverTheBroadcastAxis() {
        verify(in -> e(ScalarOp.MUL, Ops.dimshuffle(in.get(0), -1, 0), in.get(1)), vec(0.5, -1.0, 2.0), MIXED);
    }

    @Test
    void grad_columnTimesMatrix_sumsOverTheBroadcastAxis() {
        verify(in -> e(ScalarOp.MUL, Ops.dimshuffle(in.get(0), 0, -1), e(ScalarOp.TANH, in.get(1))), vec(0.5, -1.0),
                MIXED);
    }

    @Test
    void grad_scalarTimesMatrix_sumsOverEveryAxis() {
        verify(in -> e(ScalarOp.TRUE_DIV, in.get(1), in.get(0)), scalar(1.7), MIXED);
    }

    @Test
    void grad_float32Input_isFloat32AndCorrect() {
        Matrix<org.symtensor.type.F32> x = T.fmatrix("x");
        Matrix<org.symtensor.type.F32> g = T.grad(T.sqr(x).sum(), x);

        assertThat(g.variable().type().dtype()).isEqualTo(DType.FLOAT32);
        float[][] v = T.function(T.inputs(x), g).call((Object) new float[][] {{1f, -2f}, {0.5f, 3f}}).toFloatMatrix();
        assertThat(v).isEqualTo(new float[][] {{2f, -4f}, {1f, 6f}});
    }

    // ---- ops whose gradient is exactly zero -------------------------------------------------------

    private static double[][] gradValues(java.util.function.Function<Variable, Variable> f, double[][] at) {
        Matrix<F64> x = T.dmatrix("x");
        Variable cost = Ops.reduce(Reduce.Kind.SUM, f.apply(x.variable()));
        Variable g = Gradients.grad(cost, List.of(x.variable()), GradOptions.defaults()).get(0);
        return T.function(T.inputs(x), Tensors.wrap(g)).call((Object) at).toDoubleMatrix();
    }

    private static final double[][] AT = {{-1.5, 0.25}, {2.5, 3.75}};
    private static final double[][] ZEROS = {{0, 0}, {0, 0}};

    @Test
    void grad_castThroughInt32_isExactlyZero() {
        assertThat(gradValues(x -> Ops.cast(Ops.cast(x, DType.INT32), DType.FLOAT64), AT)).isEqualTo(ZEROS);
    }

    @Test
    void grad_sumOfSquaresPlusSign_isTwiceX() {
        double[][] g = gradValues(x -> e(ScalarOp.ADD, e(ScalarOp.SQR, x), e(ScalarOp.SIGN, x)), AT);
        assertThat(g).isEqualTo(new double[][] {{-3.0, 0.5}, {5.0, 7.5}});
    }

    @Test
    void grad_scalarCubeGradOfGrad_isSixX() {
        Scalar<F64> x = T.dscalar("x");
        Scalar<F64> y = x.pow(3);
        Scalar<F64> d2 = T.grad(T.grad(y, x), x);
        assertThat(T.function(T.inputs(x), d2).call(1.5).toDouble()).isEqualTo(9.0);
        assertThat(T.function(T.inputs(x), d2).call(-2.0).toDouble()).isEqualTo(-12.0);
    }
}
