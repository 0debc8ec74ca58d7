package org.symtensor.runtime.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;
import static org.symtensor.runtime.opencl.OpenClTesting.DEVICE;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.error.SymtensorException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Eye;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I64;
import org.symtensor.value.NDArray;

/** Functions on the OpenCL device: shared variables kept on the device, host fallback, errors, training. */
class OpenClFunctionTest {

    @Test
    void device_unknownName_failsNamingTheBackends() {
        Vector<F64> x = dvector("x");
        assertThatThrownBy(() -> function(inputs(x), x.times(2), device("tpu0")))
                .isInstanceOf(SymtensorException.class)
                .hasMessageContaining("no backend serves device 'tpu0'")
                .hasMessageContaining("cpu").hasMessageContaining("opencl");
    }

    @Test
    void noPlatformMessage_namesThePackagesThatProvideOne() {
        assertThat(OpenClPlatforms.noPlatformMessage("the OpenCL loader lists no platform"))
                .contains("no platform").contains("ocl-icd-libopencl1").contains("pocl-opencl-icd")
                .contains("vendor's OpenCL driver");
    }

    @Test
    void device_missingIndex_failsNamingTheDevicesThatExist() {
        assumeOpenCl();
        Vector<F64> x = dvector("x");
        assertThatThrownBy(() -> function(inputs(x), x.times(2), device("opencl99")))
                .isInstanceOf(SymtensorException.class)
                .hasMessageContaining("opencl99").hasMessageContaining("opencl0");
    }

    @Test
    void buildError_carriesTheBuildLogAndTheSource() {
        assumeOpenCl();
        ClDevice d = OpenClPlatforms.get().device(DEVICE);
        String broken = "__kernel void broken(__global float* x) { x[0] = undefined_name; }\n";
        assertThatThrownBy(() -> d.program(broken))
                .isInstanceOfSatisfying(OpenClBuildException.class, e -> {
                    assertThat(e.source()).isEqualTo(broken);
                    assertThat(e.buildLog()).contains("undefined_name");
                    assertThat(e.getMessage()).contains("build log").contains(broken);
                });
    }

    @Test
    void sharedVariable_updatedOnDevice_staysThereUntilGetValue() {
        assumeOpenCl();
        SharedVector<F64> w = shared(new double[] {1, 2, 3}, "w");
        Function step = function(inputs(), updates(update(w, w.times(2))), device(DEVICE));

        step.callAll();
        assertThat(w.node().deviceCopy()).isInstanceOf(DeviceArray.class);
        step.callAll();
        assertThat(w.getValue().toDoubleArray()).containsExactly(4, 8, 12);
        assertThat(w.node().deviceCopy()).as("get keeps the device copy").isInstanceOf(DeviceArray.class);

        w.setValue(new double[] {1, 1, 1});
        assertThat(w.node().deviceCopy()).as("set drops the device copy").isNull();
        step.callAll();
        assertThat(w.getValue().toDoubleArray()).containsExactly(2, 2, 2);
    }

    @Test
    void sharedVariable_readOnly_isUploadedOnceAndCached() {
        assumeOpenCl();
        SharedVector<F32> w = shared(new float[] {1, 2}, "w");
        Vector<F32> x = fvector("x");
        Function f = function(inputs(x), x.plus(w), device(DEVICE));

        assertThat(f.call((Object) new float[] {10, 20}).toFloatArray()).containsExactly(11, 22);
        assertThat(w.node().deviceCopy()).as("cached after the first upload").isInstanceOf(DeviceArray.class);
        assertThat(f.call((Object) new float[] {1, 1}).toFloatArray()).containsExactly(2, 3);
    }

    @Test
    void eye_hasNoDeviceKernel_runsOnTheHostWithTransfers() {
        assumeOpenCl();
        Scalar<I64> n = lscalar("n");
        Matrix<F64> m = dmatrix("m");
        Matrix<F64> eye = (Matrix<F64>) Tensors.<F64>wrap(Apply.output(Eye.of(DType.FLOAT64), n.variable()));
        Function f = function(inputs(n, m), eye.plus(m), device(DEVICE));

        assertThat(((OpenClFunction) f).hostOps()).singleElement().asString().startsWith("Eye");
        assertThat(f.call(2L, new double[][] {{1, 2}, {3, 4}}).toDoubleMatrix())
                .isEqualTo(new double[][] {{2, 2}, {3, 5}});
    }

    @Test
    void logisticRegression_float64_trainsOnDeviceToTheCpuAccuracy() {
        assumeOpenCl();
        double[] cpu = Logistic.train(false, "cpu");
        double[] dev = Logistic.train(false, DEVICE);
        assertThat(cpu[0]).as("CPU accuracy").isGreaterThan(0.9);
        assertThat(dev[0]).as("device accuracy").isEqualTo(cpu[0]);
        assertThat(dev[1]).as("final cost").isCloseTo(cpu[1], org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void logisticRegression_float32_trainsOnDeviceToTheCpuAccuracy() {
        assumeOpenCl();
        double[] cpu = Logistic.train(true, "cpu");
        double[] dev = Logistic.train(true, DEVICE);
        assertThat(cpu[0]).as("CPU accuracy").isGreaterThan(0.9);
        assertThat(dev[0]).as("device accuracy").isCloseTo(cpu[0], org.assertj.core.data.Offset.offset(0.01));
        assertThat(dev[1]).as("final cost").isCloseTo(cpu[1], org.assertj.core.data.Offset.offset(1e-3));
    }

    /** Theano's logistic-regression example, small: 200 samples of 10 features, labels from a fixed linear rule. */
    static final class Logistic {
        static double[] train(boolean f32, String dev) {
            int n = 200;
            int feats = 10;
            Random r = new Random(42);
            double[][] xs = new double[n][feats];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < feats; j++) {
                    xs[i][j] = r.nextGaussian();
                    s += (j % 3 - 1) * xs[i][j];
                }
                ys[i] = s > 0 ? 1 : 0;
            }
            return f32 ? run32(xs, ys, dev) : run64(xs, ys, dev);
        }

        private static double[] run64(double[][] xs, double[] ys, String dev) {
            Matrix<F64> x = dmatrix("x");
            Vector<F64> y = dvector("y");
            SharedVector<F64> w = shared(new double[xs[0].length], "w");
            SharedScalar<F64> b = shared(0.0, "b");
            Vector<F64> p1 = sigmoid(dot(x, (Vector<F64>) w).plus(b));
            Vector<F64> xent = y.unaryMinus().times(log(p1)).minus(y.unaryMinus().plus(1).times(log(p1.unaryMinus().plus(1))));
            Scalar<F64> cost = xent.mean().plus(w.sqr().sum().times(0.01));
            Vector<F64> gw = grad(cost, (Vector<F64>) w);
            Scalar<F64> gb = grad(cost, (Scalar<F64>) b);
            Function trainStep = function(inputs(x, y), outputs(cost), updates(update(w, w.minus(gw.times(0.1))),
                    update(b, b.minus(gb.times(0.1)))), device(dev));
            Function predict = function(inputs(x), p1.gt(0.5), device(dev));
            double c = 0;
            for (int i = 0; i < 100; i++) {
                c = trainStep.callAll(xs, ys).get(0).toDouble();
            }
            return new double[] {accuracy(predict.call((Object) xs), ys), c};
        }

        private static double[] run32(double[][] xs, double[] ys, String dev) {
            float[][] xf = new float[xs.length][];
            for (int i = 0; i < xs.length; i++) {
                xf[i] = new float[xs[i].length];
                for (int j = 0; j < xs[i].length; j++) {
                    xf[i][j] = (float) xs[i][j];
                }
            }
            float[] yf = new float[ys.length];
            for (int i = 0; i < ys.length; i++) {
                yf[i] = (float) ys[i];
            }
            Matrix<F32> x = fmatrix("x");
            Vector<F32> y = fvector("y");
            SharedVector<F32> w = shared(new float[xs[0].length], "w");
            SharedScalar<F32> b = shared(0f, "b");
            Vector<F32> p1 = sigmoid(dot(x, (Vector<F32>) w).plus(b));
            Vector<F32> xent = y.unaryMinus().times(log(p1)).minus(y.unaryMinus().plus(1).times(log(p1.unaryMinus().plus(1))));
            Scalar<F32> cost = xent.mean().plus(w.sqr().sum().times(0.01));
            Vector<F32> gw = grad(cost, (Vector<F32>) w);
            Scalar<F32> gb = grad(cost, (Scalar<F32>) b);
            Function trainStep = function(inputs(x, y), outputs(cost), updates(update(w, w.minus(gw.times(0.1))),
                    update(b, b.minus(gb.times(0.1)))), device(dev));
            Function predict = function(inputs(x), p1.gt(0.5), device(dev));
            double c = 0;
            for (int i = 0; i < 100; i++) {
                c = trainStep.callAll(xf, yf).get(0).toDouble();
            }
            return new double[] {accuracy(predict.call((Object) xf), ys), c};
        }

        private static double accuracy(NDArray predictions, double[] ys) {
            int right = 0;
            for (int i = 0; i < ys.length; i++) {
                right += (predictions.getLong(i) == 1) == (ys[i] == 1) ? 1 : 0;
            }
            return right / (double) ys.length;
        }
    }
}
