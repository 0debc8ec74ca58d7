package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.runtime.cpu.KernelTesting.run;
import static org.symtensor.runtime.cpu.KernelTesting.var;

import org.junit.jupiter.api.Test;
import org.symtensor.ir.Variable;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Ops;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

class CpuKernelsTest {

    @Test
    void dimshuffle_transpose_isAViewOfTheInput() {
        Variable x = var("x", DType.FLOAT64, -1, -1);
        NDArray in = NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        NDArray r = run(Ops.transpose(x), in);
        assertThat(r.toDoubleMatrix()).isEqualTo(new double[][] {{1, 4}, {2, 5}, {3, 6}});
        assertThat(r.data()).isSameAs(in.data());
    }

    @Test
    void dimshuffle_newAxis_insertsLengthOneAxis() {
        Variable x = var("x", DType.INT32, -1);
        NDArray r = run(Ops.dimshuffle(x, -1, 0), NDArray.of(new int[] {7, 8}));
        assertThat(r.shape()).containsExactly(1, 2);
        assertThat(r.toIntMatrix()).isEqualTo(new int[][] {{7, 8}});
    }

    @Test
    void shape_unknownAxis_givesInt64ScalarOfRunTimeLength() {
        Variable x = var("x", DType.FLOAT32, 2, -1);
        Variable len = Ops.shape(x, 1);
        NDArray r = run(len, NDArray.zeros(DType.FLOAT32, 2, 5));
        assertThat(r.dtype()).isEqualTo(DType.INT64);
        assertThat(r.rank()).isZero();
        assertThat(r.toJava()).isEqualTo(5L);
    }

    @Test
    void forApply_buildsOneKernelReusableAcrossCalls() {
        Variable x = var("x", DType.FLOAT64, -1);
        Kernel k = CpuKernels.forApply(Ops.elemwise(ScalarOp.SQR, x).owner());
        assertThat(k.run(new NDArray[] {NDArray.of(new double[] {3})})[0].toDoubleArray()).containsExactly(9);
        assertThat(k.run(new NDArray[] {NDArray.of(new double[] {-2, 4})})[0].toDoubleArray()).containsExactly(4, 16);
    }
}
