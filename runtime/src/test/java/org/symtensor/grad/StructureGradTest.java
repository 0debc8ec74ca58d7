package org.symtensor.grad;

import static org.symtensor.grad.GradCheck.e;
import static org.symtensor.grad.GradCheck.mat;
import static org.symtensor.grad.GradCheck.scalar;
import static org.symtensor.grad.GradCheck.vec;
import static org.symtensor.grad.GradCheck.verify;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.symtensor.ir.Variable;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * Gradient rules of DimShuffle, Reduce and Dot, of composite expressions, and second-order
 * gradients (the gradient of a gradient) against finite differences.
 */
class StructureGradTest {
    private static final int X = DimShuffle.NEW_AXIS;
    /** Distinct values, none zero, so max/min/prod are differentiable. */
    private static final NDArray M23 = mat(new double[] {0.3, -1.2, 2.5}, new double[] {1.7, 0.8, -0.6});
    private static final NDArray M32 = mat(new double[] {1.1, -0.4}, new double[] {0.9, 2.2}, new double[] {-1.3, 0.5});

    @Test
    void grad_transpose_matchesFiniteDifferences() {
        verify(in -> e(ScalarOp.MUL, Ops.transpose(in.get(0)), in.get(1)), M23, M32);
    }

    @Test
    void grad_dimshuffleInsertingAxes_matchesFiniteDifferences() {
        verify(in -> e(ScalarOp.SQR, Ops.dimshuffle(in.get(0), X, 1, X, 0)), M23);
    }

    @Test
    void grad_dimshuffleDroppingBroadcastableAxis_matchesFiniteDifferences() {
        // (n) -> (1, n) -> (n, 1) -> (n): the last step drops the broadcastable axis
        verify(in -> e(ScalarOp.EXP, Ops.dimshuffle(Ops.dimshuffle(Ops.dimshuffle(in.get(0), X, 0), 1, 0), 0)),
                vec(0.3, -0.2, 1.4));
    }

    @ParameterizedTest
    // the differentiable kinds; argmax, argmin, all, any are declared not differentiable in GradRuleTableTest
    @EnumSource(value = Reduce.Kind.class, mode = EnumSource.Mode.EXCLUDE, names = {"ARGMAX", "ARGMIN", "ALL", "ANY"})
    void grad_reduceOverAllAxes_matchesFiniteDifferences(Reduce.Kind kind) {
        verify(in -> Ops.reduce(kind, in.get(0)), M23);
    }

    @ParameterizedTest
    // the differentiable kinds; argmax, argmin, all, any are declared not differentiable in GradRuleTableTest
    @EnumSource(value = Reduce.Kind.class, mode = EnumSource.Mode.EXCLUDE, names = {"ARGMAX", "ARGMIN", "ALL", "ANY"})
    void grad_reduceOverAxis0_matchesFiniteDifferences(Reduce.Kind kind) {
        verify(in -> Ops.reduce(kind, in.get(0), 0), M23);
    }

    @ParameterizedTest
    // the differentiable kinds; argmax, argmin, all, any are declared not differentiable in GradRuleTableTest
    @EnumSource(value = Reduce.Kind.class, mode = EnumSource.Mode.EXCLUDE, names = {"ARGMAX", "ARGMIN", "ALL", "ANY"})
    void grad_reduceOverAxis1_matchesFiniteDifferences(Reduce.Kind kind) {
        verify(in -> Ops.reduce(kind, in.get(0), 1), M23);
    }

    @Test
    void grad_dotVectorVector_matchesFiniteDifferences() {
        verify(in -> Ops.dot(in.get(0), in.get(1)), vec(0.3, -1.2, 2.5), vec(1.1, 0.4, -0.9));
    }

    @Test
    void grad_dotMatrixVector_matchesFiniteDifferences() {
        verify(in -> Ops.dot(in.get(0), in.get(1)), M23, vec(1.1, 0.4, -0.9));
    }

    @Test
    void grad_dotVectorMatrix_matchesFiniteDifferences() {
        verify(in -> Ops.dot(in.get(0), in.get(1)), vec(1.1, 0.4, -0.9), M32);
    }

    @Test
    void grad_dotMatrixMatrix_matchesFiniteDifferences() {
        verify(in -> Ops.dot(in.get(0), in.get(1)), M23, M32);
    }

    @Test
    void grad_logisticRegressionCost_matchesFiniteDifferences() {
        // x: 3 examples × 2 features, w: 2, b: scalar, y: constant labels
        Variable y = Ops.constant(NDArray.of(new double[] {1, 0, 1}));
        verify(in -> {
            Variable p = e(ScalarOp.SIGMOID, e(ScalarOp.ADD, Ops.dot(in.get(0), in.get(1)), in.get(2)));
            Variable one = Ops.constant(1, DType.FLOAT64);
            Variable xent = e(ScalarOp.SUB, e(ScalarOp.NEG, e(ScalarOp.MUL, y, e(ScalarOp.LOG, p))),
                    e(ScalarOp.MUL, e(ScalarOp.SUB, one, y), e(ScalarOp.LOG, e(ScalarOp.SUB, one, p))));
            return e(ScalarOp.ADD, Ops.reduce(Reduce.Kind.MEAN, xent),
                    e(ScalarOp.MUL, Ops.constant(0.01, DType.FLOAT64), Ops.reduce(Reduce.Kind.SUM, e(ScalarOp.SQR, in.get(1)))));
        }, M32, vec(0.7, -0.3), scalar(0.1));
    }

    @Test
    void grad_softmaxCrossEntropyFromPrimitives_matchesFiniteDifferences() {
        Variable targets = Ops.constant(NDArray.of(new double[][] {{0, 0, 1}, {1, 0, 0}}));
        verify(in -> {
            Variable z = Ops.dot(in.get(0), in.get(1));
            Variable ez = e(ScalarOp.EXP, e(ScalarOp.SUB, z, Ops.dimshuffle(Ops.reduce(Reduce.Kind.MAX, z, 1), 0, X)));
            Variable p = e(ScalarOp.TRUE_DIV, ez, Ops.dimshuffle(Ops.reduce(Reduce.Kind.SUM, ez, 1), 0, X));
            Variable ce = e(ScalarOp.NEG, Ops.reduce(Reduce.Kind.SUM, e(ScalarOp.MUL, targets, e(ScalarOp.LOG, p)), 1));
            return Ops.reduce(Reduce.Kind.MEAN, ce);
        }, M23, mat(new double[] {0.2, -0.5, 0.1}, new double[] {0.4, 0.3, -0.7}, new double[] {-0.1, 0.6, 0.9}));
    }

    // ---- second order: verifyGrad of a gradient ---------------------------------------------------

    private static Variable gradOf(Variable cost, Variable x) {
        return Gradients.grad(cost, List.of(x), GradOptions.defaults()).get(0);
    }

    @ParameterizedTest
    @EnumSource(value = ScalarOp.class, names = {"NEG", "SQR", "SQRT", "EXP", "LOG", "LOG1P", "EXPM1", "TANH",
            "SIGMOID", "SOFTPLUS", "RECIPROCAL"})
    void gradOfGrad_unaryOp_matchesFiniteDifferences(ScalarOp op) {
        verify(in -> gradOf(Ops.reduce(Reduce.Kind.SUM, e(op, in.get(0))), in.get(0)),
                mat(new double[] {0.3, 0.7, 1.1}, new double[] {1.6, 2.1, 0.45}));
    }

    @ParameterizedTest
    @EnumSource(value = ScalarOp.class, names = {"MUL", "TRUE_DIV", "POW"})
    void gradOfGrad_binaryOpWrtFirstInput_matchesFiniteDifferences(ScalarOp op) {
        verify(in -> gradOf(Ops.reduce(Reduce.Kind.SUM, e(op, in.get(0), in.get(1))), in.get(0)),
                vec(0.5, 1.5, 2.0), vec(1.3, -0.7, 2.5));
    }

    @ParameterizedTest
    // the differentiable kinds; argmax, argmin, all, any are declared not differentiable in GradRuleTableTest
    @EnumSource(value = Reduce.Kind.class, mode = EnumSource.Mode.EXCLUDE, names = {"ARGMAX", "ARGMIN", "ALL", "ANY"})
    void gradOfGrad_reduceOfCubesOverAxis1_matchesFiniteDifferences(Reduce.Kind kind) {
        verify(in -> gradOf(Ops.reduce(Reduce.Kind.SUM,
                Ops.reduce(kind, e(ScalarOp.POW, in.get(0), Ops.constant(3, DType.FLOAT64)), 1)), in.get(0)), M23);
    }

    @Test
    void gradOfGrad_dotMatrixMatrixThroughTanh_matchesFiniteDifferences() {
        verify(in -> gradOf(Ops.reduce(Reduce.Kind.SUM, e(ScalarOp.TANH, Ops.dot(in.get(0), in.get(1)))), in.get(1)),
                M23, M32);
    }
}
