package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.IndexOutOfRangeException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Vector;
import org.symtensor.type.Bool;
import org.symtensor.type.DType;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/**
 * cumsum, cumprod, sort, argsort, topk, argtopk and takeAlongAxis against plain loops written
 * here over every axis of a rank-3 input (with ties, NaN and -0.0), their gradients by central
 * finite differences in float64, and their errors.
 */
class AxisOpsTest {
    private static final int[] SHAPE = {2, 3, 4};

    private static double[] data(long seed) {
        Random r = new Random(seed);
        double[] d = new double[24];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.round((r.nextDouble() * 4 - 2) * 4) / 4.0; // quarters: many ties
        }
        return d;
    }

    /** The flat positions of line {@code (o, i)} along {@code axis} of SHAPE. */
    private static int[] line(int axis, int o, int i) {
        int n = SHAPE[axis];
        int inner = 1;
        for (int a = axis + 1; a < 3; a++) {
            inner *= SHAPE[a];
        }
        int[] p = new int[n];
        for (int j = 0; j < n; j++) {
            p[j] = o * n * inner + j * inner + i;
        }
        return p;
    }

    private static int lines(int axis) {
        return 24 / SHAPE[axis];
    }

    private static int inner(int axis) {
        int inner = 1;
        for (int a = axis + 1; a < 3; a++) {
            inner *= SHAPE[a];
        }
        return inner;
    }

    /** NumPy's sort order: numbers ascending (-0.0 equal to 0.0), NaN last; a stable insertion sort of positions. */
    private static int[] stableOrder(double[] v, boolean descending) {
        int[] pos = new int[v.length];
        for (int j = 0; j < v.length; j++) {
            pos[j] = j;
            for (int q = j; q > 0 && before(v[pos[q]], v[pos[q - 1]], descending); q--) {
                int t = pos[q];
                pos[q] = pos[q - 1];
                pos[q - 1] = t;
            }
        }
        return pos;
    }

    /** Whether a strictly precedes b. */
    private static boolean before(double a, double b, boolean descending) {
        double ka = Double.isNaN(a) ? Double.POSITIVE_INFINITY : a;
        double kb = Double.isNaN(b) ? Double.POSITIVE_INFINITY : b;
        if (ka == kb) {
            if (Double.isNaN(a) != Double.isNaN(b)) { // NaN above +inf
                return descending ? Double.isNaN(a) : Double.isNaN(b);
            }
            return false;
        }
        return descending ? ka > kb : ka < kb;
    }

    @Test
    void cumsumCumprod_overEveryAxis_inFloat64Float32Int32_matchTheLoops() {
        double[] x = data(5);
        for (DType dt : new DType[] {DType.FLOAT64, DType.FLOAT32, DType.INT32}) {
            double[] xs = x.clone();
            if (dt == DType.INT32) {
                for (int i = 0; i < 24; i++) {
                    xs[i] = Math.rint(xs[i] * 2);
                }
            }
            NDArray in = NDArray.wrap(DType.FLOAT64, SHAPE, xs.clone()).astype(dt);
            Class<? extends DTypeMarker> marker = dt == DType.FLOAT64 ? F64.class : dt == DType.FLOAT32 ? F32.class : I32.class;
            @SuppressWarnings("unchecked") // the graph follows the variable's dtype; the marker only types the Java
            Tensor<F64> t = (Tensor<F64>) tensor(marker, "t", 2, 3, 4);
            for (int axis : new int[] {0, 1, 2, -1}) {
                int a = axis < 0 ? axis + 3 : axis;
                NDArray s = function(inputs(t), cumsum(t, axis)).call(in);
                NDArray p = function(inputs(t), cumprod(t, axis)).call(in);
                assertThat(s.dtype()).isEqualTo(dt == DType.INT32 ? DType.INT64 : dt);
                assertThat(s.shape()).isEqualTo(SHAPE);
                for (int o = 0; o < lines(a); o++) {
                    int[] ln = line(a, o / inner(a), o % inner(a));
                    double rs = 0;
                    double rp = 1;
                    for (int q : ln) {
                        rs += xs[q];
                        rp *= xs[q];
                        double tol = dt == DType.FLOAT32 ? 1e-6 * Math.max(1, Math.abs(rp)) : 0;
                        assertThat(s.getDouble(q)).as(dt + " cumsum axis " + axis + " at " + q).isCloseTo(rs, within(Math.max(tol, 1e-12)));
                        assertThat(p.getDouble(q)).as(dt + " cumprod axis " + axis + " at " + q).isCloseTo(rp, within(Math.max(tol, 1e-12)));
                    }
                }
            }
        }
        Vector<Bool> b = vector(Bool.class, "b");
        NDArray counts = function(inputs(b), cumsum(b)).call(new boolean[] {true, false, true, true});
        assertThat(counts.dtype()).isEqualTo(DType.INT64);
        assertThat(counts.toLongArray()).containsExactly(1, 1, 2, 3);
    }

    @Test
    void cumsum_ofALongFloat32Line_inBlocks_matchesTheSequentialLoop() {
        for (int n : new int[] {4095, 4096, 100_003}) {
            float[] x = new float[n];
            Random r = new Random(n);
            for (int i = 0; i < n; i++) {
                x[i] = (float) (r.nextGaussian() * 10);
            }
            Vector<F32> v = fvector("v");
            float[] got = function(inputs(v), cumsum(v)).call(x).toFloatArray();
            double acc = 0;
            double abs = 0;
            for (int i = 0; i < n; i++) {
                acc += x[i];
                abs += Math.abs(x[i]);
                // rounded once to float32; the blocks only re-associate the double additions
                assertThat((double) got[i]).as("n %d at %d", n, i).isCloseTo(acc, within(Math.ulp((float) acc) + 1e-13 * abs));
            }
        }
    }

    @Test
    void sortArgsortTopk_overEveryAxis_withTiesNaNAndSignedZeros_matchTheLoops() {
        double[] x = data(9);
        x[3] = Double.NaN;
        x[14] = Double.NaN;
        x[7] = -0.0;
        x[11] = 0.0;
        NDArray in = NDArray.wrap(DType.FLOAT64, SHAPE, x.clone());
        Tensor3<F64> t = dtensor3("t");
        for (int axis = 0; axis < 3; axis++) {
            int n = SHAPE[axis];
            int k = Math.min(2, n);
            List<NDArray> r = function(inputs(t), outputs(sort(t, axis), argsort(t, axis), topk(t, k, axis), argtopk(t, k, axis)))
                    .callAll(in);
            int inner = inner(axis);
            for (int o = 0; o < lines(axis); o++) {
                int outerIdx = o / inner;
                int innerIdx = o % inner;
                int[] ln = line(axis, outerIdx, innerIdx);
                double[] v = new double[n];
                for (int j = 0; j < n; j++) {
                    v[j] = x[ln[j]];
                }
                int[] asc = stableOrder(v, false);
                int[] desc = stableOrder(v, true);
                for (int j = 0; j < n; j++) {
                    String what = "axis " + axis + " line " + o + " j " + j;
                    assertThat(r.get(1).getLong(ln[j])).as("argsort " + what).isEqualTo(asc[j]);
                    assertThat(Double.doubleToLongBits(r.get(0).getDouble(ln[j]))).as("sort " + what)
                            .isEqualTo(Double.doubleToLongBits(v[asc[j]]));
                }
                for (int j = 0; j < k; j++) {
                    int q = outerIdx * k * inner + j * inner + innerIdx;
                    assertThat(r.get(3).getLong(q)).as("argtopk axis " + axis + " line " + o).isEqualTo(desc[j]);
                    assertThat(Double.doubleToLongBits(r.get(2).getDouble(q))).isEqualTo(Double.doubleToLongBits(v[desc[j]]));
                }
            }
        }
    }

    @Test
    void integerSort_isExact_andTypedFormsKeepTheirHandles() {
        Vector<I64> v = lvector("v");
        Vector<I64> sorted = sort(v);
        Vector<I64> order = argsort(v);
        Vector<I64> top = topk(v, 2);
        long big = (1L << 60) + 1;
        List<NDArray> r = function(inputs(v), outputs(sorted, order, top)).callAll(new long[] {big, big - 1, -5, big - 1});
        assertThat(r.get(0).toLongArray()).containsExactly(-5, big - 1, big - 1, big);
        assertThat(r.get(1).toLongArray()).containsExactly(2, 1, 3, 0);
        assertThat(r.get(2).toLongArray()).containsExactly(big, big - 1);
        Matrix<F32> m = fmatrix("m");
        Matrix<F32> s = sort(m, 0);
        Matrix<I64> a = argtopk(m, 1, 1);
        Matrix<F32> taken = takeAlongAxis(m, a, 1);
        List<NDArray> rm = function(inputs(m), outputs(s, a, taken)).callAll((Object) new float[][] {{3, 1}, {2, 5}});
        assertThat(rm.get(0).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(rm.get(0).toFloatMatrix()).isEqualTo(new float[][] {{2, 1}, {3, 5}});
        assertThat(rm.get(1).reshape(2).toLongArray()).containsExactly(0, 1);
        assertThat(rm.get(2).toFloatMatrix()).isEqualTo(new float[][] {{3}, {5}});
    }

    @Test
    void takeAlongAxis_takesAtNegativePositions_broadcasts_andRefusesOutOfRange() {
        Matrix<F64> m = dmatrix("m");
        Matrix<I64> idx = lmatrix("idx");
        var f = function(inputs(m, idx), takeAlongAxis(m, idx, 1));
        double[][] x = {{10, 11, 12}, {20, 21, 22}};
        NDArray r = f.call(x, new long[][] {{-1, 0, 0, 1}, {2, 2, -3, 1}});
        assertThat(r.toDoubleMatrix()).isEqualTo(new double[][] {{12, 10, 10, 11}, {22, 22, 20, 21}});
        // one row of positions for every row of x
        assertThat(f.call(x, new long[][] {{2, 0}}).toDoubleMatrix()).isEqualTo(new double[][] {{12, 10}, {22, 20}});
        assertThatThrownBy(() -> f.call(x, new long[][] {{3}, {0}})).isInstanceOf(IndexOutOfRangeException.class)
                .hasMessageContaining("index 3").hasMessageContaining("length 3");
        assertThatThrownBy(() -> f.call(x, new long[][] {{0}, {0}, {0}})).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("length 2").hasMessageContaining("3");
    }

    @Test
    void gradients_matchFiniteDifferences() {
        NDArray p = NDArray.wrap(DType.FLOAT64, SHAPE, data(21));
        for (int i = 0; i < 24; i++) {
            p.setDouble(i, p.getDouble(i) + 0.01 * i + 0.003); // distinct and non-zero
        }
        List<java.util.function.Function<Tensor<F64>, Tensor<F64>>> fns = List.of(
                x -> cumsum(x, 1),
                x -> cumsum(x, -1),
                x -> cumprod(x, 0),
                x -> cumprod(x, 2),
                x -> sort(x, 0),
                x -> sort(x, 2),
                x -> topk(x, 2, 1),
                x -> topk(x, 1, 2),
                x -> takeAlongAxis(x, org.symtensor.tensor.Tensors.<I64>wrap(org.symtensor.ir.Ops.constant(NDArray.fromJava(new long[][][] {{{0, 0, 3}}, {{2, 1, 1}}}))), 2));
        for (var fn : fns) {
            verifyGrad(in -> {
                @SuppressWarnings("unchecked")
                Tensor<F64> x = (Tensor<F64>) in.get(0);
                Tensor<F64> y = fn.apply(x);
                return y.times(y);
            }, List.of(p), 1e-6, 1e-6);
        }
    }

    @Test
    void topkGradient_isOneAtTheChosenPositions_andJacobianOfSort_isThePermutation() {
        Vector<F64> v = dvector("v");
        double[] g = function(inputs(v), grad(topk(v, 2).sum(), v)).call(new double[] {0.5, 3, -1, 3, 2}).toDoubleArray();
        assertThat(g).containsExactly(0, 1, 0, 1, 0);
        double[][] j = function(inputs(v), jacobian(sort(v), v)).call(new double[] {2, -1, 5}).toDoubleMatrix();
        assertThat(j).isEqualTo(new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}});
        double[][] jc = function(inputs(v), jacobian(cumsum(v), v)).call(new double[] {2, -1, 5}).toDoubleMatrix();
        assertThat(jc).isEqualTo(new double[][] {{1, 0, 0}, {1, 1, 0}, {1, 1, 1}});
    }

    @Test
    void argsortHasNoGradient() {
        Vector<F64> v = dvector("v");
        var cost = cast(argsort(v), F64.class).sum().plus(v.sum());
        assertThat(function(inputs(v), grad(cost, v)).call(new double[] {3, 1, 2}).toDoubleArray()).containsExactly(1, 1, 1);
    }

    @Test
    void badAxes_badK_badIndices_areSpecificErrors() {
        Matrix<F64> m = dmatrix("m");
        assertThatThrownBy(() -> cumsum(m, 2)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("cumsum").hasMessageContaining("axis 2").hasMessageContaining("rank 2").hasMessageContaining("m");
        assertThatThrownBy(() -> sort(m, -3)).isInstanceOf(ShapeMismatchException.class).hasMessageContaining("sort")
                .hasMessageContaining("axis -3");
        assertThatThrownBy(() -> argsort(m, 7)).isInstanceOf(ShapeMismatchException.class).hasMessageContaining("argsort");
        assertThatThrownBy(() -> topk(m, -1, 0)).isInstanceOf(ArgumentException.class).hasMessageContaining("k is -1");
        Tensor<F64> fixed = tensor(F64.class, "fixed", 2, 3);
        assertThatThrownBy(() -> topk(fixed, 4, 1)).isInstanceOf(IndexOutOfRangeException.class)
                .hasMessageContaining("k = 4").hasMessageContaining("length 3");
        var f = function(inputs(m), topk(m, 3, 1));
        assertThatThrownBy(() -> f.call((Object) new double[][] {{1, 2}})).isInstanceOf(IndexOutOfRangeException.class)
                .hasMessageContaining("k = 3").hasMessageContaining("length 2");
        Matrix<F64> fidx = dmatrix("fidx");
        assertThatThrownBy(() -> takeAlongAxis(m, fidx, 0)).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("fidx").hasMessageContaining("integers");
        Vector<I64> vidx = lvector("vidx");
        assertThatThrownBy(() -> takeAlongAxis(m, vidx, 0)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("rank 1").hasMessageContaining("rank 2");
        assertThat(function(inputs(m), topk(m, 0, 1)).call((Object) new double[][] {{1, 2}}).shape()).containsExactly(1, 0);
    }

    @Test
    void printing_showsTheNumPyCalls() {
        Matrix<F64> m = dmatrix("m");
        assertThat(pp(cumsum(m, 1))).isEqualTo("cumsum(m, axis=1)");
        assertThat(pp(argsort(m, 0))).isEqualTo("argsort(m, axis=0)");
        assertThat(pp(sort(m, 1))).isEqualTo("take_along_axis(m, argsort(m, axis=1), axis=1)");
        assertThat(pp(argtopk(m, 2, 1))).isEqualTo("argtopk(m, k=2, axis=1)");
        List<String> names = new ArrayList<>();
        names.add(debugprint(topk(m, 1, 0)));
        assertThat(names.get(0)).contains("TakeAlongAxis{axis=0}").contains("ArgSort{axis=0, descending, k=1}");
    }
}
