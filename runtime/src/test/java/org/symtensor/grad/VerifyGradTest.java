package org.symtensor.grad;

import org.symtensor.error.GradientCheckException;
import org.symtensor.error.GradientException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.grad.GradCheck.e;
import static org.symtensor.grad.GradCheck.vec;
import static org.symtensor.grad.GradCheck.verify;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.T;
import org.symtensor.ir.Apply;
import org.symtensor.ir.GradMark;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.tensor.Tensors;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/** verifyGrad must catch wrong gradients, not only pass right ones. */
class VerifyGradTest {

    @Test
    void verifyGrad_symbolicGradientSabotagedByDisconnectedGrad_failsAtTheFirstElement() {
        // f(x) = x * x with one factor cut: symbolically x, numerically 2x
        assertThatThrownBy(() -> verify(in -> e(ScalarOp.MUL, in.get(0),
                Apply.output(GradMark.of(GradMark.Kind.DISCONNECTED, null), in.get(0))), vec(1.0, 2.0, 3.0)))
                .isInstanceOfSatisfying(GradientCheckException.class, ex -> {
                    assertThat(ex.input()).isEqualTo(0);
                    assertThat(ex.element()).isEqualTo(0);
                    assertThat(ex.numeric()).isCloseTo(2 * ex.analytic(), org.assertj.core.api.Assertions.within(1e-5));
                })
                .hasMessageContaining("input #0")
                .hasMessageContaining("finite differences");
    }

    @Test
    void verifyGrad_zeroGradOnSecondInput_failsNamingThatInput() {
        assertThatThrownBy(() -> verify(in -> e(ScalarOp.MUL, in.get(0),
                Apply.output(GradMark.of(GradMark.Kind.ZERO, null), in.get(1))), vec(1.5, -2.0), vec(0.5, 0.25)))
                .isInstanceOfSatisfying(GradientCheckException.class, ex -> {
                    assertThat(ex.input()).isEqualTo(1);
                    assertThat(ex.analytic()).isEqualTo(0.0);
                    assertThat(Math.abs(ex.numeric())).isGreaterThan(0.5);
                });
    }

    @Test
    void verifyGrad_tinyErrorWithinTolerance_passes() {
        // x * (1 + 1e-9 * stop(x)): the symbolic gradient misses 1e-9 * x, well below the tolerance
        verify(in -> e(ScalarOp.MUL, in.get(0), e(ScalarOp.ADD, Ops.constant(1, DType.FLOAT64),
                e(ScalarOp.MUL, Ops.constant(1e-9, DType.FLOAT64),
                        Apply.output(GradMark.of(GradMark.Kind.DISCONNECTED, null), in.get(0))))), vec(0.5, 1.0));
    }

    @Test
    void verifyGrad_smallErrorAboveTolerance_fails() {
        assertThatThrownBy(() -> verify(in -> e(ScalarOp.MUL, in.get(0), e(ScalarOp.ADD, Ops.constant(1, DType.FLOAT64),
                e(ScalarOp.MUL, Ops.constant(1e-4, DType.FLOAT64),
                        Apply.output(GradMark.of(GradMark.Kind.DISCONNECTED, null), in.get(0))))), vec(0.5, 1.0)))
                .isInstanceOf(GradientCheckException.class);
    }

    @Test
    void verifyGrad_integerOutput_failsNamingTheDtype() {
        assertThatThrownBy(() -> T.verifyGrad(in -> Tensors.wrap(Ops.cast(in.get(0).variable(), DType.INT32)),
                List.of(NDArray.of(new double[] {1, 2})), 1e-6, 1e-6))
                .isInstanceOf(GradientException.class)
                .hasMessageContaining("int32");
    }
}
