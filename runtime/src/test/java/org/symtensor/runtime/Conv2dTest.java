package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.symtensor.T;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.FunctionSpec;
import org.symtensor.function.In;
import org.symtensor.ir.Conv2d;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.Tensor4;
import org.symtensor.tensor.Tensors;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * conv2d, its two gradients and conv2dTranspose: values against a direct seven-loop oracle written
 * here (float64 and float32, over strides, padding modes, dilation and groups), gradients against
 * central finite differences in float64 (first and second order), and bad inputs.
 */
class Conv2dTest {
    /** One geometry: sizes, stride, padding mode or explicit pads, dilation, groups. */
    record Geo(int n, int c, int h, int w, int k, int r, int s, int[] stride, String mode, int[] pads, int[] dil, int groups) {
        @Override
        public String toString() {
            return "x " + n + "x" + c + "x" + h + "x" + w + ", w " + k + "x" + (c / groups) + "x" + r + "x" + s + ", stride "
                    + Arrays.toString(stride) + ", " + (mode != null ? mode : Arrays.toString(pads)) + ", dilation "
                    + Arrays.toString(dil) + ", groups " + groups;
        }

        /** (top, bottom, left, right), by the test's own reading of the modes. */
        int[] padding() {
            if (mode == null) {
                return pads;
            }
            int effR = dil[0] * (r - 1) + 1;
            int effS = dil[1] * (s - 1) + 1;
            switch (mode) {
                case "valid":
                    return new int[] {0, 0, 0, 0};
                case "full":
                    return new int[] {effR - 1, effR - 1, effS - 1, effS - 1};
                default: // same: output ceil(in / stride), the odd padding element at the end
                    int oh = (h + stride[0] - 1) / stride[0];
                    int ow = (w + stride[1] - 1) / stride[1];
                    int th = Math.max(0, (oh - 1) * stride[0] + effR - h);
                    int tw = Math.max(0, (ow - 1) * stride[1] + effS - w);
                    return new int[] {th / 2, th - th / 2, tw / 2, tw - tw / 2};
            }
        }

        int ho() {
            int[] p = padding();
            return (h + p[0] + p[1] - dil[0] * (r - 1) - 1) / stride[0] + 1;
        }

        int wo() {
            int[] p = padding();
            return (w + p[2] + p[3] - dil[1] * (s - 1) - 1) / stride[1] + 1;
        }

        <D extends org.symtensor.type.FloatingMarker> Tensor4<D> build(Tensor4<D> x, Tensor4<D> f) {
            return mode != null ? T.conv2d(x, f, stride, mode, dil, groups) : T.conv2d(x, f, stride, pads, dil, groups);
        }
    }

    static List<Geo> geometries() {
        List<Geo> g = new ArrayList<>();
        int[] one = {1, 1};
        g.add(new Geo(2, 3, 6, 5, 4, 3, 3, one, "valid", null, one, 1));
        g.add(new Geo(2, 3, 6, 5, 4, 3, 2, one, "same", null, one, 1));
        g.add(new Geo(1, 2, 4, 5, 3, 2, 3, one, "full", null, one, 1));
        g.add(new Geo(2, 4, 7, 6, 6, 3, 2, new int[] {2, 3}, "same", null, one, 2));
        g.add(new Geo(2, 4, 7, 6, 4, 2, 3, new int[] {2, 1}, null, new int[] {1, 0, 2, 1}, new int[] {2, 1}, 2));
        g.add(new Geo(3, 2, 5, 5, 2, 3, 3, new int[] {3, 2}, null, new int[] {2, 2, 1, 1}, new int[] {1, 2}, 1));
        g.add(new Geo(1, 6, 5, 4, 6, 1, 1, one, "valid", null, one, 3));
        return g;
    }

    // ---- the oracle: the definition, loop by loop ------------------------------------------------

    static double[] oracleForward(Geo g, double[] x, double[] f) {
        int[] p = g.padding();
        int ho = g.ho();
        int wo = g.wo();
        int cg = g.c / g.groups;
        int kg = g.k / g.groups;
        double[] y = new double[g.n * g.k * ho * wo];
        for (int n = 0; n < g.n; n++) {
            for (int k = 0; k < g.k; k++) {
                int grp = k / kg;
                for (int i = 0; i < ho; i++) {
                    for (int j = 0; j < wo; j++) {
                        double sum = 0;
                        for (int c = 0; c < cg; c++) {
                            for (int r = 0; r < g.r; r++) {
                                for (int s = 0; s < g.s; s++) {
                                    int ih = i * g.stride[0] - p[0] + r * g.dil[0];
                                    int iw = j * g.stride[1] - p[2] + s * g.dil[1];
                                    if (ih >= 0 && ih < g.h && iw >= 0 && iw < g.w) {
                                        sum += x[((n * g.c + grp * cg + c) * g.h + ih) * g.w + iw]
                                                * f[((k * cg + c) * g.r + r) * g.s + s];
                                    }
                                }
                            }
                        }
                        y[((n * g.k + k) * ho + i) * wo + j] = sum;
                    }
                }
            }
        }
        return y;
    }

    /** The gradients of {@code Σ y·gy} with respect to x (index 0) and the filters (index 1), by the same loops. */
    static double[][] oracleGrads(Geo g, double[] x, double[] f, double[] gy) {
        int[] p = g.padding();
        int ho = g.ho();
        int wo = g.wo();
        int cg = g.c / g.groups;
        int kg = g.k / g.groups;
        double[] dx = new double[x.length];
        double[] df = new double[f.length];
        for (int n = 0; n < g.n; n++) {
            for (int k = 0; k < g.k; k++) {
                int grp = k / kg;
                for (int i = 0; i < ho; i++) {
                    for (int j = 0; j < wo; j++) {
                        double gv = gy[((n * g.k + k) * ho + i) * wo + j];
                        for (int c = 0; c < cg; c++) {
                            for (int r = 0; r < g.r; r++) {
                                for (int s = 0; s < g.s; s++) {
                                    int ih = i * g.stride[0] - p[0] + r * g.dil[0];
                                    int iw = j * g.stride[1] - p[2] + s * g.dil[1];
                                    if (ih >= 0 && ih < g.h && iw >= 0 && iw < g.w) {
                                        int xi = ((n * g.c + grp * cg + c) * g.h + ih) * g.w + iw;
                                        int fi = ((k * cg + c) * g.r + r) * g.s + s;
                                        dx[xi] += gv * f[fi];
                                        df[fi] += gv * x[xi];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return new double[][] {dx, df};
    }

    static double[] flat(NDArray a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.getDouble(i);
        }
        return d;
    }

    private static void assertClose(double[] actual, double[] expected, double tol, String what) {
        assertThat(actual).as(what).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as(what + " element " + i + ": " + actual[i] + " vs "
                    + expected[i]).isLessThanOrEqualTo(tol * (1 + Math.abs(expected[i])));
        }
    }

    @SuppressWarnings("unchecked")
    private static <D extends org.symtensor.type.DTypeMarker> Tensor4<D> t4(Class<D> dt, String name, int... shape) {
        return (Tensor4<D>) T.tensor(dt, name, shape);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("geometries")
    void forwardAndGradients_float64_matchTheSevenLoopOracle(Geo g) {
        NDArray xv = ConvCases.random(1, g.n, g.c, g.h, g.w);
        NDArray fv = ConvCases.random(2, g.k, g.c / g.groups, g.r, g.s);
        NDArray gv = ConvCases.random(3, g.n, g.k, g.ho(), g.wo());
        Tensor4<F64> x = t4(F64.class, "x", g.n, g.c, g.h, g.w);
        Tensor4<F64> f = t4(F64.class, "f", g.k, g.c / g.groups, g.r, g.s);
        Tensor4<F64> gy = t4(F64.class, "gy", g.n, g.k, g.ho(), g.wo());
        Tensor4<F64> y = g.build(x, f);
        assertThat(y.variable().type().shape()).containsExactly(g.n, g.k, g.ho(), g.wo());
        var cost = T.sum(y.times(gy));
        List<NDArray> out = T.function(T.inputs(x, f, gy), T.outputs(y, T.grad(cost, x), T.grad(cost, f)))
                .callAll(xv, fv, gv);
        double[] xd = flat(xv);
        double[] fd = flat(fv);
        assertClose(flat(out.get(0)), oracleForward(g, xd, fd), 1e-12, "forward");
        double[][] grads = oracleGrads(g, xd, fd, flat(gv));
        assertClose(flat(out.get(1)), grads[0], 1e-12, "grad input");
        assertClose(flat(out.get(2)), grads[1], 1e-12, "grad filters");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("geometries")
    void forward_float32_matchesTheOracleWithinFloatRounding(Geo g) {
        NDArray xv = ConvCases.random(4, g.n, g.c, g.h, g.w);
        NDArray fv = ConvCases.random(5, g.k, g.c / g.groups, g.r, g.s);
        Tensor4<F32> x = T.ftensor4("x");
        Tensor4<F32> f = T.ftensor4("f");
        NDArray y = T.function(T.inputs(x, f), g.build(x, f)).call(xv.astype(DType.FLOAT32), fv.astype(DType.FLOAT32));
        assertThat(y.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(y.shape()).containsExactly(g.n, g.k, g.ho(), g.wo());
        assertClose(flat(y), oracleForward(g, flat(xv), flat(fv)), 1e-5, "float32 forward");
    }

    @Test
    void conv2dTranspose_isTheGradientWithRespectToTheInput_andSameDoublesTheSizeAtStride2() {
        Geo g = new Geo(2, 3, 8, 6, 4, 3, 3, new int[] {2, 2}, "same", null, new int[] {1, 1}, 1);
        NDArray fv = ConvCases.random(6, g.k, g.c, g.r, g.s);
        NDArray gv = ConvCases.random(7, g.n, g.k, g.ho(), g.wo());
        Tensor4<F64> z = T.dtensor4("z");
        Tensor4<F64> f = T.dtensor4("f");
        NDArray dx = T.function(T.inputs(z, f), T.conv2dTranspose(z, f, new int[] {2, 2}, "same")).call(gv, fv);
        assertThat(dx.shape()).containsExactly(2, 3, 8, 6);
        double[] expected = oracleGrads(g, new double[g.n * g.c * g.h * g.w], flat(fv), flat(gv))[0];
        assertClose(flat(dx), expected, 1e-12, "transpose");
    }

    @Test
    void conv2dTranspose_explicitOutputSize_picksAmongTheSizesAStrideAllows() {
        // valid, stride 2, 3x3: inputs of height 7 and 8 both give 3 rows
        Geo g = new Geo(1, 2, 8, 7, 3, 3, 3, new int[] {2, 2}, null, new int[] {0, 0, 0, 0}, new int[] {1, 1}, 1);
        NDArray fv = ConvCases.random(8, g.k, g.c, g.r, g.s);
        NDArray gv = ConvCases.random(9, g.n, g.k, g.ho(), g.wo());
        Tensor4<F64> z = t4(F64.class, "z", 1, 3, 3, 3);
        Tensor4<F64> f = t4(F64.class, "f", 3, 2, 3, 3);
        Tensor4<F64> minimal = T.conv2dTranspose(z, f, new int[] {2, 2}, new int[] {0, 0}, new int[] {1, 1}, 1, null);
        assertThat(minimal.variable().type().shape()).containsExactly(1, 2, 7, 7);
        Tensor4<F64> sized = T.conv2dTranspose(z, f, new int[] {2, 2}, new int[] {0, 0}, new int[] {1, 1}, 1,
                new int[] {8, 7});
        NDArray dx = T.function(T.inputs(z, f), sized).call(gv, fv);
        assertThat(dx.shape()).containsExactly(1, 2, 8, 7);
        double[] expected = oracleGrads(g, new double[g.n * g.c * g.h * g.w], flat(fv), flat(gv))[0];
        assertClose(flat(dx), expected, 1e-12, "transpose with output size");
        assertThatThrownBy(() -> T.conv2dTranspose(z, f, new int[] {2, 2}, new int[] {0, 0}, new int[] {1, 1}, 1,
                new int[] {9, 7})).isInstanceOf(ShapeMismatchException.class).hasMessageContaining("height");
    }

    @Test
    void gradients_ofEveryVariant_matchFiniteDifferences_firstAndSecondOrder() {
        for (ConvCases.Case c : ConvCases.conv2dVariants()) {
            T.verifyGrad(in -> Tensors.wrap(c.fn().apply(in.stream().map(org.symtensor.tensor.Tensor::variable).toList())),
                    Arrays.asList(c.points()), 1e-6, 1e-6);
        }
        // second order: the gradient of a cost that is itself built from conv2d's gradient
        NDArray xv = ConvCases.random(21, 2, 2, 5, 5);
        NDArray fv = ConvCases.random(22, 3, 2, 3, 3);
        T.verifyGrad(in -> {
            Tensor4<F64> x = (Tensor4<F64>) (Object) in.get(0);
            Tensor4<F64> f = (Tensor4<F64>) (Object) in.get(1);
            Tensor4<F64> y = T.conv2d(x, f, new int[] {2, 1}, "same");
            var gx = T.grad(T.sum(T.tanh(y)), x);
            return T.sum(gx.times(gx)).plus(T.sum(T.grad(T.sum(y.sqr()), f)));
        }, List.of(xv, fv), 1e-6, 1e-5);
    }

    @Test
    void threads_1And3_giveBitIdenticalResults() {
        Variable x = new Variable(TensorType.of(DType.FLOAT32, -1, -1, -1, -1), "x");
        Variable f = new Variable(TensorType.of(DType.FLOAT32, -1, -1, -1, -1), "f");
        Conv2d op = Conv2d.of(Conv2d.Variant.FORWARD, new int[] {1, 1}, new int[] {1, 1}, 1, Conv2d.Padding.SAME, null);
        Variable y = Conv2d.forward(op, x, f);
        Variable gf = Conv2d.gradFilters(op, x, y, org.symtensor.ir.Ops.shape(f, 2), org.symtensor.ir.Ops.shape(f, 3));
        Variable gx = Conv2d.gradInput(op, y, f, org.symtensor.ir.Ops.shape(x, 2), org.symtensor.ir.Ops.shape(x, 3));
        FunctionSpec spec = FunctionSpec.build(List.of(In.of(x), In.of(f)), List.of(y, gx, gf), List.of(), Map.of(), false,
                FunctionFlag.UnusedInput.IGNORE, null);
        NDArray xv = ConvCases.random(31, 13, 3, 9, 9).astype(DType.FLOAT32);
        NDArray fv = ConvCases.random(32, 5, 3, 3, 3).astype(DType.FLOAT32);
        List<NDArray> one = new CpuFunctionCompiler().compile(spec, CompileOptions.defaults().withThreads(1)).callAll(xv, fv);
        List<NDArray> three = new CpuFunctionCompiler().compile(spec, CompileOptions.defaults().withThreads(3)).callAll(xv, fv);
        for (int k = 0; k < 3; k++) {
            assertThat(flat(three.get(k))).as("output " + k).containsExactly(flat(one.get(k)));
        }
    }

    @Test
    void pp_andDebugprint_nameTheOpAndItsGeometry() {
        Tensor4<F64> x = T.dtensor4("x");
        Tensor4<F64> f = T.dtensor4("f");
        Tensor4<F64> y = T.conv2d(x, f, new int[] {2, 2}, "same", new int[] {1, 2}, 1);
        assertThat(T.pp(y)).isEqualTo("Conv2d{stride=(2, 2), dilation=(1, 2), padding=same}(x, f)");
        assertThat(T.debugprint(T.grad(T.sum(y), f))).contains("Conv2dGradFilters{stride=(2, 2)");
    }

    // ---- bad inputs -------------------------------------------------------------------------------

    @Test
    void badInputs_atBuildTime_nameTheArgumentExpectedAndActual() {
        Tensor4<F64> x = t4(F64.class, "x", 2, 3, 5, 5);
        Tensor4<F64> f = t4(F64.class, "f", 4, 2, 3, 3);
        assertThatThrownBy(() -> T.conv2d(x, f)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("x").hasMessageContaining("3 channels").hasMessageContaining("need 3")
                .hasMessageContaining("got 2");
        Tensor4<F64> big = t4(F64.class, "big", 4, 3, 7, 3);
        assertThatThrownBy(() -> T.conv2d(x, big)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("height of the input 'x' is 5").hasMessageContaining("7");
        Tensor4<F64> f2 = t4(F64.class, "f2", 4, 1, 3, 3);
        assertThatThrownBy(() -> T.conv2d(x, f2, new int[] {1, 1}, "valid", new int[] {1, 1}, 2))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("not a multiple of groups=2");
        assertThatThrownBy(() -> T.conv2d(x, f, "half")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("\"half\"");
        assertThatThrownBy(() -> T.conv2d(x, f, new int[] {0, 1}, "valid")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("stride").hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> T.conv2d(x, f, new int[] {1, 1}, new int[] {-1, 0})).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("non-negative");
        assertThatThrownBy(() -> T.conv2d(x, f, new int[] {1, 1}, "valid", new int[] {1, 1}, 0))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("groups");
        Tensor4<F32> f32 = T.ftensor4("g");
        assertThatThrownBy(() -> T.conv2d((Tensor4) x, (Tensor4) f32)).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("float64").hasMessageContaining("float32");
        var ints = T.tensor(org.symtensor.type.I32.class, "i", 1, 1, 3, 3);
        assertThatThrownBy(() -> T.conv2d((Tensor4) ints, (Tensor4) ints)).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("float32 or float64");
    }

    @Test
    void badInputs_atCallTime_whenShapesAreUnknown_failWithTheShapes() {
        Tensor4<F64> x = T.dtensor4("x");
        Tensor4<F64> f = T.dtensor4("f");
        var fn = T.function(T.inputs(x, f), T.conv2d(x, f));
        assertThatThrownBy(() -> fn.call(ConvCases.random(1, 1, 3, 4, 4), ConvCases.random(2, 2, 2, 3, 3)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("3 channels")
                .hasMessageContaining("groups=1");
        assertThatThrownBy(() -> fn.call(ConvCases.random(1, 1, 3, 2, 4), ConvCases.random(2, 2, 3, 3, 3)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("height").hasMessageContaining("is 2");
    }
}
