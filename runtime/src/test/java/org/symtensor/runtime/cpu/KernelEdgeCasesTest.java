package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.runtime.cpu.KernelTesting.run;
import static org.symtensor.runtime.cpu.KernelTesting.var;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce.Kind;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/** Edge cases of the elementwise and reduce kernels that mutation testing found unguarded. */
class KernelEdgeCasesTest {

    @Test
    void switch_threeZeroDimensionalFloatInputs_takesTheThirdWhenTheConditionIsFalse() {
        Variable k = var("k", DType.INT8);
        Variable a = var("a", DType.FLOAT64);
        Variable b = var("b", DType.FLOAT64);
        Variable s = Ops.elemwise(ScalarOp.SWITCH, k, a, b);

        assertThat(run(s, NDArray.fromJava(new byte[] {0}).reshape(), NDArray.of(2.5), NDArray.of(-7.25)).toDouble())
                .isEqualTo(-7.25);
        assertThat(run(s, NDArray.fromJava(new byte[] {1}).reshape(), NDArray.of(2.5), NDArray.of(-7.25)).toDouble())
                .isEqualTo(2.5);
    }

    @Test
    void switch_threeZeroDimensionalIntegerInputs_takesTheThirdWhenTheConditionIsFalse() {
        Variable k = var("k", DType.INT64);
        Variable a = var("a", DType.INT64);
        Variable b = var("b", DType.INT64);
        Variable s = Ops.elemwise(ScalarOp.SWITCH, k, a, b);

        assertThat(run(s, NDArray.of(0L), NDArray.of(11L), NDArray.of(-13L)).toDouble()).isEqualTo(-13.0);
        assertThat(run(s, NDArray.of(5L), NDArray.of(11L), NDArray.of(-13L)).toDouble()).isEqualTo(11.0);
    }

    @Test
    void sub_twoZeroDimensionalInputs_usesTheSecond() {
        Variable a = var("a", DType.INT32);
        Variable b = var("b", DType.INT32);

        assertThat(run(Ops.elemwise(ScalarOp.SUB, a, b), NDArray.of(10), NDArray.of(3)).toDouble()).isEqualTo(7.0);
        Variable x = var("x", DType.FLOAT64);
        Variable y = var("y", DType.FLOAT64);
        assertThat(run(Ops.elemwise(ScalarOp.SUB, x, y), NDArray.of(10.0), NDArray.of(3.5)).toDouble()).isEqualTo(6.5);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DType.class, names = {"FLOAT64", "FLOAT32", "INT32", "INT64", "INT8"})
    void min_ofEmptyAxis_failsInsteadOfReturningTheIdentity(DType dt) {
        Variable x = var("x", dt, -1, -1);
        Variable m = Ops.reduce(Kind.MIN, x, 0);

        assertThatThrownBy(() -> run(m, NDArray.zeros(dt, 0, 2)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("min over axis 0 of input shape (0, 2), which has length 0");
    }

    @Test
    void min_ofAnEmptyVectorOverAllAxes_fails() {
        Variable x = var("x", DType.FLOAT64, -1);
        Variable m = Ops.reduce(Kind.MIN, x);

        assertThatThrownBy(() -> run(m, NDArray.zeros(DType.FLOAT64, 0)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("min");
    }

    @Test
    void max_ofAnEmptyAxisThatIsNotReduced_isAnEmptyResult() {
        Variable x = var("x", DType.FLOAT64, -1, -1);
        NDArray r = run(Ops.reduce(Kind.MAX, x, 1), NDArray.zeros(DType.FLOAT64, 0, 3));

        assertThat(r.shape()).containsExactly(0);
    }
}
