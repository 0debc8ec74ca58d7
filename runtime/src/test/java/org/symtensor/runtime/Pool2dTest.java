package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.T;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Tensor4;
import org.symtensor.tensor.Tensors;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * maxPool2d and avgPool2d: values against an oracle written from Theano's definitions (output
 * sizes with and without ignoreBorder, padding, both average modes), gradients by finite
 * differences (and the gradient ops' own gradients), and bad inputs.
 */
class Pool2dTest {
    /** Theano's output length. */
    static int outLen(int in, int w, int s, int p, boolean ignoreBorder) {
        if (ignoreBorder) {
            return Math.max(0, (in + 2 * p - w) / s + 1);
        }
        return s >= w ? (in - 1) / s + 1 : Math.max(0, (in - 1 - w + s) / s) + 1;
    }

    /** The pooling of a planes×h×w array by the definition; mode "max", "inc" or "exc". */
    static double[] oracle(double[] x, int planes, int h, int w, int[] win, int[] st, int[] pad, boolean ib, String mode) {
        int ho = outLen(h, win[0], st[0], pad[0], ib);
        int wo = outLen(w, win[1], st[1], pad[1], ib);
        double[] y = new double[planes * ho * wo];
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < ho; i++) {
                for (int j = 0; j < wo; j++) {
                    // the window in padded coordinates, clipped to the padded image
                    int rs = i * st[0];
                    int re = Math.min(rs + win[0], h + 2 * pad[0]);
                    int cs = j * st[1];
                    int ce = Math.min(cs + win[1], w + 2 * pad[1]);
                    double best = Double.NEGATIVE_INFINITY;
                    double sum = 0;
                    int real = 0;
                    for (int r = rs; r < re; r++) {
                        for (int c = cs; c < ce; c++) {
                            int ih = r - pad[0];
                            int iw = c - pad[1];
                            if (ih >= 0 && ih < h && iw >= 0 && iw < w) {
                                double v = x[(p * h + ih) * w + iw];
                                best = Math.max(best, v);
                                sum += v;
                                real++;
                            }
                        }
                    }
                    y[(p * ho + i) * wo + j] = switch (mode) {
                        case "max" -> best;
                        case "inc" -> sum / ((re - rs) * (ce - cs));
                        default -> sum / real;
                    };
                }
            }
        }
        return y;
    }

    private static void assertClose(double[] actual, double[] expected, double tol) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("element " + i + ": " + actual[i] + " vs " + expected[i])
                    .isLessThanOrEqualTo(tol);
        }
    }

    record Setting(int[] win, int[] st, int[] pad, boolean ib) {}

    private static final List<Setting> SETTINGS = List.of(
            new Setting(new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0}, true),
            new Setting(new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0}, false),
            new Setting(new int[] {3, 2}, new int[] {1, 2}, new int[] {0, 0}, false),
            new Setting(new int[] {2, 3}, new int[] {3, 3}, new int[] {0, 0}, false),
            new Setting(new int[] {3, 3}, new int[] {2, 1}, new int[] {1, 2}, true),
            new Setting(new int[] {2, 3}, new int[] {1, 2}, new int[] {1, 1}, true));

    @Test
    void values_allModesAndSettings_float64AndFloat32_matchTheOracle() {
        int n = 2;
        int c = 3;
        int h = 7;
        int w = 5;
        NDArray xv = ConvCases.random(41, n, c, h, w);
        double[] xd = Conv2dTest.flat(xv);
        for (Setting s : SETTINGS) {
            for (String mode : new String[] {"max", "inc", "exc"}) {
                for (DType dt : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
                    NDArray y = dt == DType.FLOAT64 ? run(T.dtensor4("x"), s, mode, xv)
                            : run(T.ftensor4("x"), s, mode, xv.astype(DType.FLOAT32));
                    int ho = outLen(h, s.win[0], s.st[0], s.pad[0], s.ib);
                    int wo = outLen(w, s.win[1], s.st[1], s.pad[1], s.ib);
                    assertThat(y.shape()).as(mode + " " + s).containsExactly(n, c, ho, wo);
                    assertThat(y.dtype()).isEqualTo(dt);
                    double[] in = dt == DType.FLOAT64 ? xd : Conv2dTest.flat(xv.astype(DType.FLOAT32));
                    assertClose(Conv2dTest.flat(y), oracle(in, n * c, h, w, s.win, s.st, s.pad, s.ib, mode),
                            dt == DType.FLOAT64 ? 1e-15 : 1e-6);
                }
            }
        }
    }

    private static <D extends org.symtensor.type.FloatingMarker> NDArray run(Tensor4<D> x, Setting s, String mode,
            NDArray v) {
        Tensor4<D> y = mode.equals("max") ? T.maxPool2d(x, s.win, s.st, s.pad, s.ib)
                : T.avgPool2d(x, s.win, s.st, s.pad, s.ib, mode.equals("inc"));
        return T.function(T.inputs(x), y).call(v);
    }

    @Test
    void maxPool_gradient_goesToTheMaximumOfEachWindow_handChecked() {
        Matrix<F64> x = T.dmatrix("x");
        Matrix<F64> y = T.maxPool2d(x, new int[] {2, 2});
        var g = T.grad(T.sum(y.times(T.constant(new double[][] {{10, 20}}))), x);
        double[][] gx = T.function(T.inputs(x), g).call((Object) new double[][] {{1, 5, 2, 0}, {3, 4, 8, 1}}).toDoubleMatrix();
        assertThat(gx).isEqualTo(new double[][] {{0, 10, 0, 0}, {0, 0, 20, 0}});
    }

    @Test
    void gradients_ofEveryVariant_matchFiniteDifferences() {
        for (ConvCases.Case c : ConvCases.pool2dVariants()) {
            T.verifyGrad(in -> Tensors.wrap(c.fn().apply(in.stream().map(org.symtensor.tensor.Tensor::variable).toList())),
                    Arrays.asList(c.points()), 1e-6, 1e-6);
        }
        // second order through a pooled conv net
        T.verifyGrad(in -> {
            @SuppressWarnings("unchecked")
            Tensor3<F64> x = (Tensor3<F64>) (Object) in.get(0);
            var y = T.avgPool2d(T.maxPool2d(x.sqr(), new int[] {2, 2}, new int[] {1, 1}, new int[] {0, 0}, false),
                    new int[] {2, 2});
            var gx = T.grad(T.sum(T.tanh(y)), x);
            return T.sum(gx.times(gx));
        }, List.of(ConvCases.random(42, 2, 5, 5)), 1e-6, 1e-5);
    }

    @Test
    void typedHandles_keepRankAndDtype_andPrintTheWindow() {
        Tensor3<F32> x = T.ftensor3("x");
        Tensor3<F32> y = T.avgPool2d(x, new int[] {2, 3});
        assertThat(T.pp(y)).isEqualTo("AvgPool2d{window=(2, 3), stride=(2, 3)}(x)");
        Tensor4<F32> z = T.maxPool2d(T.ftensor4("z"), new int[] {2, 2}, null, new int[] {1, 0}, true);
        assertThat(T.pp(z)).isEqualTo("MaxPool2d{window=(2, 2), stride=(2, 2), pad=(1, 0)}(z)");
    }

    @Test
    void badInputs_nameTheArgumentExpectedAndActual() {
        Tensor4<F64> x = T.dtensor4("x");
        assertThatThrownBy(() -> T.maxPool2d(x, new int[] {2, 2}, null, new int[] {1, 1}, false))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("ignoreBorder");
        assertThatThrownBy(() -> T.maxPool2d(x, new int[] {2, 2}, null, new int[] {2, 0}, true))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("smaller than the window");
        assertThatThrownBy(() -> T.maxPool2d(x, new int[] {0, 2})).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("window").hasMessageContaining("[0, 2]");
        assertThatThrownBy(() -> T.avgPool2d(x, new int[] {2, 2}, new int[] {-1, 1}, null, true, true))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("stride");
        assertThatThrownBy(() -> T.maxPool2d((org.symtensor.tensor.Vector) T.dvector("v"), new int[] {2, 2}))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("'v'").hasMessageContaining("rank 2");
        assertThatThrownBy(() -> T.maxPool2d((Matrix) T.imatrix("m"), new int[] {2, 2}))
                .isInstanceOf(DTypeMismatchException.class).hasMessageContaining("'m'").hasMessageContaining("int32");
    }
}
