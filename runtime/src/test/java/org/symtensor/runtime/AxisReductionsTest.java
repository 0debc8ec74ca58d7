package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.Reductions;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.Bool;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/**
 * Reductions over axis lists with keepdims, var/std, argmax/argmin, all/any and logsumexp, against
 * plain loops written here (an oracle that walks every multi-index), their gradients by central
 * finite differences in float64, and their errors.
 */
class AxisReductionsTest {
    private static final int[] SHAPE = {2, 3, 4};
    private static final int[][] AXES = {null, {0}, {1}, {2}, {-1}, {0, 2}, {2, 0}, {-3, -2}, {0, 1, 2}};

    private static double[] data(long seed, int n) {
        Random r = new Random(seed);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.round((r.nextDouble() * 4 - 2) * 8) / 8.0; // eighths: ties for argmax, exact sums
        }
        return d;
    }

    /** The oracle: every group of the input, keyed by its output position in C order over the kept axes. */
    private static List<List<Double>> groups(double[] x, int[] shape, boolean[] red) {
        int outSize = 1;
        for (int a = 0; a < shape.length; a++) {
            outSize *= red[a] ? 1 : shape[a];
        }
        List<List<Double>> g = new ArrayList<>();
        for (int i = 0; i < outSize; i++) {
            g.add(new ArrayList<>());
        }
        int[] idx = new int[shape.length];
        for (int i = 0; i < x.length; i++) {
            int rem = i;
            for (int a = shape.length - 1; a >= 0; a--) {
                idx[a] = rem % shape[a];
                rem /= shape[a];
            }
            int o = 0;
            for (int a = 0; a < shape.length; a++) {
                if (!red[a]) {
                    o = o * shape[a] + idx[a];
                }
            }
            g.get(o).add(x[i]);
        }
        return g;
    }

    private static boolean[] red(int[] axes, int rank) {
        boolean[] r = new boolean[rank];
        if (axes == null) {
            Arrays.fill(r, true);
        } else {
            for (int a : axes) {
                r[a < 0 ? a + rank : a] = true;
            }
        }
        return r;
    }

    private static int[] expectedShape(int[] shape, boolean[] red, boolean keepdims) {
        List<Integer> s = new ArrayList<>();
        for (int a = 0; a < shape.length; a++) {
            if (!red[a]) {
                s.add(shape[a]);
            } else if (keepdims) {
                s.add(1);
            }
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double oracle(String kind, List<Double> g, int ddof) {
        double s = 0;
        double p = 1;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : g) {
            s += v;
            p *= v;
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        double mean = s / g.size();
        double ss = 0;
        double se = 0;
        for (double v : g) {
            ss += (v - mean) * (v - mean);
            se += Math.exp(v);
        }
        return switch (kind) {
            case "sum" -> s;
            case "prod" -> p;
            case "mean" -> mean;
            case "max" -> max;
            case "min" -> min;
            case "var" -> ss / (g.size() - ddof);
            case "std" -> Math.sqrt(ss / (g.size() - ddof));
            case "logsumexp" -> Math.log(se);
            default -> throw new AssertionError(kind);
        };
    }

    private static Tensor<F64> build(String kind, Tensor<F64> x, int[] axes, boolean keepdims, int ddof) {
        return switch (kind) {
            case "sum" -> sum(x, axes, keepdims);
            case "prod" -> prod(x, axes, keepdims);
            case "mean" -> mean(x, axes, keepdims);
            case "max" -> max(x, axes, keepdims);
            case "min" -> min(x, axes, keepdims);
            case "var" -> var(x, axes, ddof, keepdims);
            case "std" -> std(x, axes, ddof, keepdims);
            case "logsumexp" -> logsumexp(x, axes, keepdims);
            default -> throw new AssertionError(kind);
        };
    }

    @Test
    void everyReduction_overEveryAxisList_withAndWithoutKeepdims_matchesTheLoops() {
        double[] x = data(7, 24);
        NDArray in = NDArray.wrap(DType.FLOAT64, SHAPE, x.clone());
        Tensor3<F64> t = dtensor3("t");
        for (String kind : List.of("sum", "prod", "mean", "max", "min", "var", "std", "logsumexp")) {
            for (int[] axes : AXES) {
                for (boolean keep : new boolean[] {false, true}) {
                    for (int ddof : kind.equals("var") || kind.equals("std") ? new int[] {0, 1} : new int[] {0}) {
                        boolean[] red = red(axes, 3);
                        NDArray r = function(inputs(t), build(kind, t, axes, keep, ddof)).call(in);
                        String what = kind + " axes=" + Arrays.toString(axes) + " keepdims=" + keep + " ddof=" + ddof;
                        assertThat(r.shape()).as(what).isEqualTo(expectedShape(SHAPE, red, keep));
                        List<List<Double>> g = groups(x, SHAPE, red);
                        for (int o = 0; o < g.size(); o++) {
                            double e = oracle(kind, g.get(o), ddof);
                            assertThat(r.getDouble(o)).as(what + " at " + o).isCloseTo(e, within(1e-12 * Math.max(1, Math.abs(e))));
                        }
                    }
                }
            }
        }
    }

    @Test
    void typedForms_giveTheHandleOfTheirRank_andNumPysDtypes() {
        Matrix<I32> m = imatrix("m");
        Vector<I64> am = argmax(m, 1);
        Vector<Bool> all = all(m, 0);
        Scalar<F64> v = var(m);
        Vector<F64> s = std(m, -1);
        Tensor<I64> sums = sum(m, new int[] {0}, true);
        Vector<I64> rowProducts = prod(m, 1);
        Scalar<F64> vmean = mean(ivector("iv"), 0);
        assertThat(rowProducts.variable().type().dtype()).isEqualTo(DType.INT64);
        assertThat(vmean.variable().type().dtype()).isEqualTo(DType.FLOAT64);
        int[][] in = {{1, 5, 5}, {7, 0, 2}};
        List<NDArray> r = function(inputs(m), outputs(am, all, v, s, sums)).callAll((Object) in);
        assertThat(r.get(0).dtype()).isEqualTo(DType.INT64);
        assertThat(r.get(0).toLongArray()).containsExactly(1, 0); // the first of the tied fives
        assertThat(r.get(1).dtype()).isEqualTo(DType.BOOL);
        assertThat(r.get(1).toJava()).isEqualTo(new boolean[] {true, false, true});
        double mean = 20 / 6.0;
        double ss = 0;
        for (int[] row : in) {
            for (int e : row) {
                ss += (e - mean) * (e - mean);
            }
        }
        assertThat(r.get(2).toDouble()).isCloseTo(ss / 6, within(1e-12));
        assertThat(r.get(3).toDoubleArray()[1]).isCloseTo(Math.sqrt((16 + 9 + 1) / 3.0), within(1e-12)); // row {7, 0, 2}: mean 3
        assertThat(r.get(4).shape()).containsExactly(1, 3);
        assertThat(r.get(4).reshape(3).toLongArray()).containsExactly(8, 5, 7);
    }

    /** The argmax oracle: the first NaN, else the first largest. */
    private static int argOracle(List<Double> g, boolean max) {
        int at = 0;
        for (int i = 0; i < g.size(); i++) {
            if (Double.isNaN(g.get(i))) {
                return i;
            }
            if (max ? g.get(i) > g.get(at) : g.get(i) < g.get(at)) {
                at = i;
            }
        }
        return at;
    }

    @Test
    void argmaxArgmin_overEachAxisAndFlat_inFloat32Float64Int32_matchTheLoops_firstOccurrenceAndFirstNaN() {
        double[] x = data(11, 24);
        x[5] = Double.NaN;
        x[17] = Double.NaN;
        x[18] = Double.NaN;
        for (DType dt : new DType[] {DType.FLOAT64, DType.FLOAT32, DType.INT32}) {
            double[] xs = x.clone();
            if (dt == DType.INT32) {
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = Double.isNaN(xs[i]) ? 3 : Math.rint(xs[i] * 2);
                }
            }
            NDArray in = NDArray.wrap(DType.FLOAT64, SHAPE, xs.clone()).astype(dt);
            Class<? extends org.symtensor.type.DTypeMarker> marker = dt == DType.FLOAT64 ? F64.class : dt == DType.FLOAT32 ? F32.class : I32.class;
            Tensor<?> t = tensor(marker, "t", 2, 3, 4);
            for (Integer axis : new Integer[] {null, 0, 1, 2, -1}) {
                for (boolean max : new boolean[] {true, false}) {
                    boolean[] red = red(axis == null ? null : new int[] {axis}, 3);
                    Tensor<I64> r = axis == null ? (max ? argmax(t) : argmin(t)) : (max ? argmax(t, axis, false) : argmin(t, axis, false));
                    NDArray got = function(inputs(t), r).call(in);
                    List<List<Double>> g = groups(xs, SHAPE, red);
                    for (int o = 0; o < g.size(); o++) {
                        assertThat(got.getLong(o)).as(dt + " axis " + axis + " max " + max + " at " + o)
                                .isEqualTo(argOracle(g.get(o), max));
                    }
                }
            }
        }
    }

    @Test
    void argmaxArgmin_ofLongRuns_theLanesPath_matchTheLoops() {
        Random r = new Random(17);
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int trial = 0; trial < 6; trial++) {
                int n = 1000 + 37 * trial;
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = r.nextInt(200) - 100; // many ties
                }
                if (trial == 1) {
                    v[777] = Double.NaN;
                    v[901] = Double.NaN;
                }
                if (trial == 2) { // the extremes are signed zeros: -0.0 first, then 0.0
                    java.util.Arrays.fill(v, -3);
                    v[40] = -0.0;
                    v[41] = 0.0;
                    v[999] = 0.0;
                }
                if (trial == 3) {
                    v[n - 1] = 1000; // the maximum in the scalar tail
                    v[n - 2] = -1000;
                }
                Vector<?> x = dt == DType.FLOAT32 ? fvector("x") : dvector("x");
                List<NDArray> got = function(inputs(x), outputs(argmax(x), argmin(x)))
                        .callAll(NDArray.of(v).astype(dt));
                List<Double> g = new ArrayList<>();
                for (double e : v) {
                    g.add(dt == DType.FLOAT32 ? (double) (float) e : e);
                }
                assertThat(got.get(0).toLong()).as(dt + " argmax trial " + trial).isEqualTo(argOracle(g, true));
                assertThat(got.get(1).toLong()).as(dt + " argmin trial " + trial).isEqualTo(argOracle(g, false));
            }
        }
    }

    @Test
    void argmax_keepdims_keepsTheAxis_andOfAConstantFolds() {
        Matrix<F64> m = dmatrix("m");
        NDArray r = function(inputs(m), argmax(m, 0, true)).call((Object) new double[][] {{1, 9}, {4, 2}});
        assertThat(r.shape()).containsExactly(1, 2);
        assertThat(r.reshape(2).toLongArray()).containsExactly(1, 0);
        // constant folding (the Evaluator) agrees with the kernel
        Scalar<I64> folded = argmax(constant(new double[][] {{1, Double.NaN}, {9, Double.NaN}}));
        assertThat(folded.eval().toLong()).isEqualTo(1);
        Tensor<Bool> anyF = any(constant(new double[][] {{0, 0}, {0, Double.NaN}}), new int[] {1}, false);
        assertThat(anyF.eval().toJava()).isEqualTo(new boolean[] {false, true});
        Tensor<I64> am = argmin(Tensors.<I64>wrap(org.symtensor.ir.Ops.constant(NDArray.of(new long[][] {{3, 1, 1}, {-2, 5, -2}}))), 1, false);
        assertThat(am.eval().toLongArray()).containsExactly(1, 0);
    }

    @Test
    void allAny_treatNaNAsTrue_andEmptyGroupsAsTheirIdentity() {
        Matrix<F64> m = dmatrix("m");
        List<NDArray> r = function(inputs(m), outputs(all(m, 1), any(m, 1), all(m), any(m)))
                .callAll((Object) new double[][] {{Double.NaN, 1}, {0, 0}, {0, -2}});
        assertThat(r.get(0).toJava()).isEqualTo(new boolean[] {true, false, false});
        assertThat(r.get(1).toJava()).isEqualTo(new boolean[] {true, false, true});
        assertThat(r.get(2).toBoolean()).isFalse();
        assertThat(r.get(3).toBoolean()).isTrue();
        List<NDArray> e = function(inputs(m), outputs(all(m, 1), any(m, 1), all(m), any(m)))
                .callAll(NDArray.zeros(DType.FLOAT64, 2, 0));
        assertThat(e.get(0).toJava()).isEqualTo(new boolean[] {true, true});
        assertThat(e.get(1).toJava()).isEqualTo(new boolean[] {false, false});
        assertThat(e.get(2).toBoolean()).isTrue();
        assertThat(e.get(3).toBoolean()).isFalse();
        Vector<Bool> b = vector(Bool.class, "b");
        assertThat(function(inputs(b), all(b)).call(new boolean[] {true, true}).toBoolean()).isTrue();
        assertThat(function(inputs(b), any(b)).call(new boolean[] {false, false}).toBoolean()).isFalse();
    }

    @Test
    void logsumexp_isStableForLargeAndForMinusInfinity() {
        Matrix<F64> m = dmatrix("m");
        NDArray r = function(inputs(m), logsumexp(m, 1)).call((Object) new double[][] {
                {1000, 1000}, {-1000, -1000}, {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, {Double.NEGATIVE_INFINITY, 0}});
        assertThat(r.getDouble(0)).isCloseTo(1000 + Math.log(2), within(1e-12));
        assertThat(r.getDouble(1)).isCloseTo(-1000 + Math.log(2), within(1e-12));
        assertThat(r.getDouble(2)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r.getDouble(3)).isEqualTo(0.0);
        Matrix<F32> f = fmatrix("f");
        NDArray rf = function(inputs(f), logsumexp(f)).call((Object) new float[][] {{100, 100}, {100, 100}});
        assertThat(rf.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(rf.toFloat()).isCloseTo((float) (100 + Math.log(4)), within(1e-4f));
    }

    @Test
    void gradients_ofAxisListReductions_varStdLogsumexp_matchFiniteDifferences() {
        NDArray p = NDArray.wrap(DType.FLOAT64, SHAPE, data(3, 24)).astype(DType.FLOAT64);
        // distinct values so that max/min have one winner per group
        for (int i = 0; i < p.size(); i++) {
            p.setDouble(i, p.getDouble(i) + i * 1e-3);
        }
        List<java.util.function.Function<Tensor<F64>, Tensor<F64>>> fns = List.of(
                x -> sum(x, new int[] {0, 2}, true),
                x -> mean(x, new int[] {-1}, false),
                x -> prod(x, new int[] {1}, true),
                x -> max(x, new int[] {0, 1}, false),
                x -> min(x, new int[] {2}, true),
                x -> var(x, new int[] {0, 2}, 1, true),
                x -> var(x, null, 0, false),
                x -> std(x, new int[] {1}, 1, false),
                x -> logsumexp(x, new int[] {1, 2}, false),
                x -> logsumexp(x, null, true));
        for (var fn : fns) {
            verifyGrad(in -> {
                @SuppressWarnings("unchecked")
                Tensor<F64> x = (Tensor<F64>) in.get(0);
                Tensor<F64> y = fn.apply(x);
                return y.times(y); // a non-linear use of every output element
            }, List.of(p), 1e-6, 1e-6);
        }
    }

    @Test
    void logsumexpGradient_isTheSoftmax() {
        Vector<F64> v = dvector("v");
        Vector<F64> g = grad(logsumexp(v), v);
        double[] x = {0.5, -1.25, 3.0, 700};
        double[] got = function(inputs(v), g).call(x).toDoubleArray();
        double m = 700;
        double s = 0;
        for (double e : x) {
            s += Math.exp(e - m);
        }
        for (int i = 0; i < x.length; i++) {
            assertThat(got[i]).isCloseTo(Math.exp(x[i] - m) / s, within(1e-15));
        }
    }

    @Test
    void secondOrder_hessiansOfLogsumexpAndVar_matchTheirClosedForms() {
        Vector<F64> v = dvector("v");
        double[] x = {0.5, -1.25, 3.0, 0.75};
        int n = x.length;
        double[][] hl = function(inputs(v), hessian(logsumexp(v), v)).call(x).toDoubleMatrix();
        double s = 0;
        for (double e : x) {
            s += Math.exp(e);
        }
        double[][] hv = function(inputs(v), hessian(var(v, null, 1, false).sum(), v)).call(x).toDoubleMatrix();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double pi = Math.exp(x[i]) / s;
                double pj = Math.exp(x[j]) / s;
                // d^2 lse / dx_i dx_j = p_i [i == j] - p_i p_j
                assertThat(hl[i][j]).isCloseTo((i == j ? pi : 0) - pi * pj, within(1e-14));
                // var with ddof 1 is a quadratic form: 2 / (n - 1) (I - 1/n)
                assertThat(hv[i][j]).isCloseTo(2.0 / (n - 1) * ((i == j ? 1 : 0) - 1.0 / n), within(1e-14));
            }
        }
    }

    @Test
    void argmaxAndAll_haveNoGradient() {
        Vector<F64> v = dvector("v");
        Scalar<F64> cost = cast(argmax(v), F64.class).plus(cast(all(v), F64.class)).plus(v.sum());
        double[] got = function(inputs(v), grad(cost, v)).call(new double[] {1, 3, 2}).toDoubleArray();
        assertThat(got).containsExactly(1, 1, 1); // only the plain sum contributes
    }

    @Test
    void badAxes_ddof_dtypes_andEmptyArgmax_areSpecificErrors() {
        Tensor3<F64> t = dtensor3("t");
        assertThatThrownBy(() -> sum(t, new int[] {0, 3}, false)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("sum").hasMessageContaining("axis 3").hasMessageContaining("rank 3")
                .hasMessageContaining("t");
        assertThatThrownBy(() -> var(t, new int[] {-4}, 0, false)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("var").hasMessageContaining("axis -4");
        assertThatThrownBy(() -> mean(t, new int[] {1, -2}, true)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("repeated");
        assertThatThrownBy(() -> argmax(t, 5, false)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("argmax").hasMessageContaining("axis 5");
        assertThatThrownBy(() -> Reductions.reduce(Reduce.Kind.ARGMAX, t.variable(), new int[] {0, 1}, false))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("one axis");
        assertThatThrownBy(() -> std(t, null, -1, false)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("ddof is -1");
        Matrix<I32> im = imatrix("im");
        assertThatThrownBy(() -> Reductions.logsumexp(im.variable(), null, false))
                .isInstanceOf(DTypeMismatchException.class).hasMessageContaining("int32").hasMessageContaining("im");
        Matrix<F64> m = dmatrix("m");
        var f = function(inputs(m), argmax(m, 1));
        assertThatThrownBy(() -> f.call(NDArray.zeros(DType.FLOAT64, 2, 0))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("argmax").hasMessageContaining("length 0");
        // an empty outer axis is an empty result, not an error
        assertThat(function(inputs(m), argmax(m, 1)).call(NDArray.zeros(DType.FLOAT64, 0, 3)).shape()).containsExactly(0);
    }

    @Test
    void printing_namesTheNewReductions() {
        Matrix<F64> m = dmatrix("m");
        assertThat(pp(argmax(m, 1))).isEqualTo("argmax(m, axis=1)");
        assertThat(pp(any(m))).isEqualTo("any(m)");
        assertThat(Tensors.wrap(m.variable()).variable()).isSameAs(m.variable());
    }
}
