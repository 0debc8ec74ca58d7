package org.symtensor.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.type.F64;

class JavaRendererTest {
    @Test
    void logistic_rendersOneLoopWithOneLocalPerOp() {
        Matrix<F64> x = dmatrix("x");
        Matrix<F64> s = div(1, exp(x.unaryMinus()).plus(1));
        String loop = JavaRenderer.renderLoop(List.of(x.variable()), List.of("x"), s.variable(), "out", "n");
        assertThat(loop).isEqualTo("for (int i = 0; i < n; i++) {\n"
                + "    double t0 = -x[i];\n"
                + "    double t1 = Math.exp(t0);\n"
                + "    double t2 = t1 + 1.0;\n"
                + "    double t3 = 1.0 / t2;\n"
                + "    out[i] = t3;\n"
                + "}\n");
    }

    @Test
    void float32_scalarInput_broadcastsAsALocal_andNegativeLiteralsAreParenthesized() {
        Matrix<F32> x = fmatrix("x");
        Scalar<F32> k = fscalar("k");
        Matrix<F32> y = x.times(k).minus(-2);
        String loop = JavaRenderer.renderLoop(List.of(x.variable(), k.variable()), List.of("x", "k"), y.variable(), "out", "n");
        assertThat(loop).contains("float t0 = (float) (x[i] * k);").contains("float t1 = (float) (t0 - (-2.0f));");
    }

    @Test
    void dotAndIntegerGraphs_areNotLoops() {
        Matrix<F64> a = dmatrix("a");
        Vector<F64> v = dvector("v");
        assertThat(JavaRenderer.canRenderLoop(List.of(a.variable(), v.variable()), a.dot(v).variable())).isFalse();
        Matrix<org.symtensor.type.I32> m = imatrix("m");
        assertThat(JavaRenderer.canRenderLoop(List.of(m.variable()), m.plus(1).variable())).isFalse();
        assertThat(JavaRenderer.canRenderLoop(List.of(a.variable()), a.gt(0).variable())).isFalse();
    }
}
