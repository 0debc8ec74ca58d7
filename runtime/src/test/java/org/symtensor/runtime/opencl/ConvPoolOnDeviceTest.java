package org.symtensor.runtime.opencl;

import static org.symtensor.runtime.opencl.OpenClTesting.assertClose;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;
import static org.symtensor.runtime.opencl.OpenClTesting.eps;
import static org.symtensor.runtime.opencl.OpenClTesting.random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.symtensor.T;
import org.symtensor.tensor.Tensor4;
import org.symtensor.type.DType;
import org.symtensor.type.FloatingMarker;
import org.symtensor.value.NDArray;

/**
 * conv2d and pooling on the OpenCL device (every variant: forward, the gradients, pooling's
 * gradient of the gradient) agree with the CPU backend. A conv2d output sums m = C/G·R·S products of values in
 * [-3, 3], in another order than the CPU's gemm: within {@code (m + 2)·u·9m} of it (u the unit
 * roundoff). Max pooling is exact; an average of k elements within {@code (k + 2)·u·3}.
 */
class ConvPoolOnDeviceTest {
    @BeforeEach
    void needsOpenCl() {
        assumeOpenCl();
    }

    @SuppressWarnings("unchecked")
    private static <D extends FloatingMarker> Tensor4<D> t4(DType d, String name) {
        return (Tensor4<D>) OpenClTesting.input(d, name, 4);
    }

    private static NDArray run(String device, Tensor4<?> x, Tensor4<?> w, org.symtensor.tensor.Tensor<?> out, NDArray xv,
            NDArray wv) {
        return T.function(T.inputs(x, w), out, T.device(device)).call(xv, wv);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    <D extends FloatingMarker> void conv2d_stridesPaddingDilationGroups_matchCpu(DType d) {
        Tensor4<D> x = t4(d, "x");
        Tensor4<D> w = t4(d, "w");
        NDArray xv = random(d, 1, 2, 4, 9, 8);
        NDArray wv = random(d, 2, 6, 2, 3, 2);
        int m = 2 * 3 * 2;
        double atol = (m + 2) * eps(d) * 9 * m;
        Object[][] configs = {
            {new int[] {1, 1}, "same", new int[] {1, 1}},
            {new int[] {2, 3}, "valid", new int[] {2, 1}},
            {new int[] {1, 2}, "full", new int[] {1, 2}}};
        for (Object[] c : configs) {
            Tensor4<D> y = T.conv2d(x, w, (int[]) c[0], (String) c[1], (int[]) c[2], 2);
            assertClose(run(OpenClTesting.DEVICE, x, w, y, xv, wv), run("cpu", x, w, y, xv, wv), 0, atol,
                    "conv2d " + c[1] + " " + d);
        }
        Tensor4<D> e = T.conv2d(x, w, new int[] {1, 1}, new int[] {2, 0, 1, 3}, new int[] {1, 1}, 2);
        assertClose(run(OpenClTesting.DEVICE, x, w, e, xv, wv), run("cpu", x, w, e, xv, wv), 0, atol, "explicit " + d);
        // the gradient variants (Conv2dGradInput, Conv2dGradFilters) on the device too
        for (String mode : new String[] {"same", "valid"}) {
            org.symtensor.ir.Variable cost = org.symtensor.ir.Ops.reduce(org.symtensor.ir.Reduce.Kind.SUM,
                    T.conv2d(x, w, new int[] {2, 1}, mode, new int[] {1, 2}, 2).sqr().variable());
            var grads = org.symtensor.grad.Gradients.grad(cost, java.util.List.of(x.variable(), w.variable()),
                    org.symtensor.grad.GradOptions.defaults());
            for (int k = 0; k < 2; k++) {
                var g = org.symtensor.tensor.Tensors.wrap(grads.get(k));
                NDArray cpu = run("cpu", x, w, g, xv, wv);
                double scale = 0;
                for (int i = 0; i < cpu.size(); i++) {
                    scale = Math.max(scale, Math.abs(cpu.getDouble(i)));
                }
                assertClose(run(OpenClTesting.DEVICE, x, w, g, xv, wv), cpu, 0, scale * (d == DType.FLOAT32 ? 1e-5 : 1e-13),
                        (k == 0 ? "input" : "filter") + " gradient " + mode + " " + d);
            }
        }
    }

    @ParameterizedTest(name = "ignoreBorder={0}")
    @ValueSource(booleans = {true, false})
    void pooling_allModes_float32AndFloat64_matchCpu(boolean ignoreBorder) {
        for (DType d : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor4<FloatingMarker> x = t4(d, "x");
            NDArray xv = random(d, 3, 2, 3, 7, 6);
            int[] pad = ignoreBorder ? new int[] {1, 1} : new int[] {0, 0};
            int[] win = {3, 2};
            int[] st = {2, 1};
            double atol = (6 + 2) * eps(d) * 3;
            var max = T.maxPool2d(x, win, st, pad, ignoreBorder);
            var inc = T.avgPool2d(x, win, st, pad, ignoreBorder, true);
            var exc = T.avgPool2d(x, win, st, pad, ignoreBorder, false);
            assertClose(T.function(T.inputs(x), max, T.device(OpenClTesting.DEVICE)).call(xv),
                    T.function(T.inputs(x), max, T.device("cpu")).call(xv), 0, 0, "max " + d);
            for (var y : java.util.List.of(inc, exc)) {
                assertClose(T.function(T.inputs(x), y, T.device(OpenClTesting.DEVICE)).call(xv),
                        T.function(T.inputs(x), y, T.device("cpu")).call(xv), 0, atol, "avg " + d);
            }
            // GRAD (each input element gathers from its windows) and GRAD_GRAD on the device
            for (var y : java.util.List.of(max, inc, exc)) {
                org.symtensor.ir.Variable cost = org.symtensor.ir.Ops.reduce(org.symtensor.ir.Reduce.Kind.SUM,
                        y.times(y).variable());
                var gx = org.symtensor.grad.Gradients.grad(cost, java.util.List.of(x.variable()),
                        org.symtensor.grad.GradOptions.defaults()).get(0);
                org.symtensor.ir.Variable cost2 = org.symtensor.ir.Ops.reduce(org.symtensor.ir.Reduce.Kind.SUM,
                        org.symtensor.ir.Ops.elemwise(org.symtensor.ir.ScalarOp.SQR, gx));
                var ggx = org.symtensor.grad.Gradients.grad(cost2, java.util.List.of(x.variable()),
                        org.symtensor.grad.GradOptions.defaults()).get(0);
                for (var g : java.util.List.of(gx, ggx)) {
                    var t = org.symtensor.tensor.Tensors.wrap(g);
                    assertClose(T.function(T.inputs(x), t, T.device(OpenClTesting.DEVICE)).call(xv),
                            T.function(T.inputs(x), t, T.device("cpu")).call(xv), 0, atol * 40,
                            y.variable().owner().op().name() + " gradient " + d);
                }
            }
        }
    }
}
