package org.symtensor.runtime.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.InvalidValueException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/** zeros, ones, full, alloc with symbolic shapes; arange, linspace, eye; shape(x); specifyShape. */
class ConstructionTest {
    @Test
    void zerosOnesFull_withConstantAndSymbolicShapes() {
        Matrix<F64> x = dmatrix("x");

        Tensor<F32> z = zeros(F32.class, 2, 3);
        Tensor<F64> o = ones(F64.class, x.shape(1), x.shape(0));
        Tensor<I32> f = full(I32.class, 7, shape(x));

        assertThat(z.type().shape()).containsExactly(2, 3);
        assertThat(z.eval().toFloatMatrix()).isEqualTo(new float[][] {{0, 0, 0}, {0, 0, 0}});
        NDArray ov = function(inputs(x), o).call((Object) new double[][] {{1, 2, 3}});
        assertThat(ov.toDoubleMatrix()).isEqualTo(new double[][] {{1}, {1}, {1}});
        NDArray fv = function(inputs(x), f).call((Object) new double[][] {{1, 2}, {3, 4}});
        assertThat(fv.dtype()).isEqualTo(DType.INT32);
        assertThat(fv.toIntMatrix()).isEqualTo(new int[][] {{7, 7}, {7, 7}});
    }

    @Test
    void alloc_broadcastsTheValue_andItsGradientSumsOverTheBroadcastAxes() {
        Vector<F64> v = dvector("v");
        Scalar<I64> n = lscalar("n");
        Tensor<F64> m = alloc(v, n, v.shape(0));

        NDArray r = function(inputs(v, n), m).call(new double[] {1, 2}, 3L);
        Vector<F64> g = (Vector<F64>) grad(sum(m.times(m)), v);

        assertThat(r.toDoubleMatrix()).isEqualTo(new double[][] {{1, 2}, {1, 2}, {1, 2}});
        // d/dv Σ_rows v² = 2·n·v
        assertThat(function(inputs(v, n), g).call(new double[] {1, 2}, 3L).toDoubleArray()).containsExactly(6, 12);
    }

    @Test
    void alloc_negativeLength_failsAtBuildOrRunTime() {
        Scalar<I64> n = lscalar("n");
        var f = function(inputs(n), zeros(F64.class, n, n));

        assertThatThrownBy(() -> zeros(F64.class, 2, -3)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("axis 1 has length -3");
        assertThatThrownBy(() -> f.call(-2L)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("axis 0 has length -2");
        assertThatThrownBy(() -> full(I32.class, 0.5, 2)).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("0.5");
    }

    @Test
    void alloc_valueThatDoesNotFit_fails() {
        Vector<F64> v = dvector("v");
        var f = function(inputs(v), alloc(v, 2, 3));

        assertThatThrownBy(() -> f.call((Object) new double[] {1, 2})).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'v'").hasMessageContaining("(2,)").hasMessageContaining("(2, 3)");
        assertThatThrownBy(() -> alloc(constant(new double[] {1, 2}), 2, 3)).isInstanceOf(ShapeMismatchException.class);
    }

    @Test
    void arange_symbolicBounds_matchTheLoop() {
        Scalar<I64> start = lscalar("start");
        Scalar<I64> stop = lscalar("stop");
        Scalar<I64> step = lscalar("step");
        var f = function(inputs(start, stop, step), arange(start, stop, step));

        long[][] cases = {{0, 5, 1}, {2, 11, 3}, {5, 0, -2}, {3, 3, 1}, {4, 1, 1}, {-3, 3, 2}};
        for (long[] c : cases) {
            NDArray r = f.call(c[0], c[1], c[2]);
            assertThat(r.dtype()).isEqualTo(DType.INT64);
            int k = 0;
            for (long v = c[0]; c[2] > 0 ? v < c[1] : v > c[1]; v += c[2]) {
                assertThat(r.getLong(k++)).isEqualTo(v);
            }
            assertThat(r.size()).as("arange%s", java.util.Arrays.toString(c)).isEqualTo(k);
        }
    }

    @Test
    void arange_dtypeRuleAndFloatSteps_followNumpy() {
        Vector<F64> a = arange(0.0, 1.0, 0.25);
        Vector<I64> b = arange(1, 10, 4);
        Scalar<F32> stop = fscalar("stop");
        Vector<F32> c = arange(stop);

        assertThat(a.eval().toDoubleArray()).containsExactly(0, 0.25, 0.5, 0.75);
        assertThat(a.type().shape()).containsExactly(4);
        assertThat(b.eval().toLongArray()).containsExactly(1, 5, 9);
        assertThat(c.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(function(inputs(stop), c).call(2.5f).toFloatArray()).containsExactly(0f, 1f, 2f);
        // NumPy: arange(0, 1, 0.1) has ceil(1 / 0.1) = 10 values
        assertThat(arange(0.0, 1.0, 0.1).eval().size()).isEqualTo(10);
    }

    @Test
    void arange_zeroStep_fails() {
        Scalar<I64> step = lscalar("step");
        var f = function(inputs(step), arange(constant(0L), constant(5L), step));

        assertThatThrownBy(() -> arange(0, 5, 0)).isInstanceOf(InvalidValueException.class).hasMessageContaining("step");
        assertThatThrownBy(() -> f.call(0L)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'step'").hasMessageContaining("zero");
    }

    @Test
    void grad_arange_startAndStep() {
        Scalar<F64> start = dscalar("start");
        Scalar<F64> step = dscalar("step");
        Vector<F64> r = arange(start, constant(2.0), step);
        Scalar<F64> cost = sum(r.times(r));
        List<Tensor<?>> g = grad(cost, List.of(start, step));

        // r_i = start + i·step, i = 0..3 for start 0.5, step 0.4: d/dstart = Σ 2 r_i, d/dstep = Σ 2 r_i · i
        List<NDArray> v = function(inputs(start, step), outputs(g.get(0), g.get(1))).callAll(0.5, 0.4);
        double ds = 0;
        double dstep = 0;
        for (int i = 0; i < 4; i++) {
            double ri = 0.5 + i * 0.4;
            ds += 2 * ri;
            dstep += 2 * ri * i;
        }
        assertThat(v.get(0).toDouble()).isCloseTo(ds, within(1e-12));
        assertThat(v.get(1).toDouble()).isCloseTo(dstep, within(1e-12));
    }

    @Test
    void linspace_endsExactlyAtStop() {
        double[] r = linspace(0.0, 1.0, 5).eval().toDoubleArray();
        double[] third = linspace(0.1, 0.7, 4).eval().toDoubleArray();

        assertThat(r).containsExactly(0, 0.25, 0.5, 0.75, 1);
        assertThat(third[3]).isEqualTo(0.7);
        assertThat(third[1]).isCloseTo(0.3, within(1e-15));
        assertThat(linspace(2.0, 3.0, 1).eval().toDoubleArray()).containsExactly(2);
        assertThat(linspace(2.0, 3.0, 0).eval().size()).isZero();
        assertThatThrownBy(() -> linspace(0.0, 1.0, -1)).isInstanceOf(ShapeMismatchException.class);
    }

    @Test
    void eye_constantAndSymbolicSizes() {
        Scalar<I64> n = lscalar("n");

        assertThat(eye(F64.class, 2).eval().toDoubleMatrix()).isEqualTo(new double[][] {{1, 0}, {0, 1}});
        assertThat(function(inputs(n), eye(I32.class, n)).call(3L).toIntMatrix())
                .isEqualTo(new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        assertThatThrownBy(() -> eye(F64.class, -1)).isInstanceOf(ShapeMismatchException.class);
    }

    @Test
    void shape_isAnInt64VectorOfTheRank() {
        Matrix<F64> x = dmatrix("x");

        Vector<I64> s = shape(x);

        assertThat(s.type().shape()).containsExactly(2);
        assertThat(function(inputs(x), s).call((Object) new double[][] {{1, 2, 3}}).toLongArray()).containsExactly(1, 3);
        assertThat(shape(constant(new double[] {1, 2, 3})).eval().toLongArray()).containsExactly(3);
        assertThat(shape(dscalar("c")).eval().size()).isZero();
    }

    @Test
    void specifyShape_promisesAStaticShape_andChecksItWhenRun() {
        Matrix<F64> x = dmatrix("x");

        Matrix<F64> y = specifyShape(x, 2, -1);
        var f = function(inputs(x), y.times(2));

        assertThat(y.type().shape()).containsExactly(2, -1);
        assertThat(f.call((Object) new double[][] {{1}, {2}}).toDoubleMatrix()).isEqualTo(new double[][] {{2}, {4}});
        assertThatThrownBy(() -> f.call((Object) new double[][] {{1, 2, 3}})).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'x'").hasMessageContaining("(2, ?)").hasMessageContaining("(1, 3)");
        assertThatThrownBy(() -> specifyShape(x, 2)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("rank 2");
    }
}
