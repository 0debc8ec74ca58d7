package org.symtensor.samples;

import static org.symtensor.T.*;

import java.util.List;
import org.symtensor.function.CompileOptions;
import org.symtensor.config.Config;
import org.symtensor.function.FunctionFlag;
import org.symtensor.print.Printer;
import org.symtensor.rewrite.Fusion;
import org.symtensor.runtime.CompiledFunction;
import org.symtensor.runtime.CpuFunctionCompiler;
import org.symtensor.function.FunctionSpec;
import org.symtensor.tensor.Matrix;
import org.symtensor.type.F32;
import org.symtensor.value.NDArray;

/**
 * What the CPU runtime does with a graph: elementwise chains fused into one composite run block by
 * block, the softmax graph as one node, results written into a kept array with {@code callInto},
 * matrix products on OpenBLAS, and the same function compiled with {@code optimizer=None} for comparison.
 */
public final class Performance {
    private Performance() {}

    public static void main(String[] args) {
        System.out.println("== Performance: fusion, Vector API, OpenBLAS");
        Matrix<F32> x = fmatrix("x");
        Matrix<F32> logistic = div(1, exp(x.unaryMinus()).plus(1));
        System.out.println("graph:  " + pp(logistic));
        System.out.print("fused:  " + Printer.debugprint(Fusion.fuse(List.of(logistic.variable()))));

        FunctionSpec spec = FunctionSpec.build(List.of(in(x)), List.of(logistic.variable()), List.of(),
                java.util.Map.of(), false, FunctionFlag.UnusedInput.RAISE, "logistic");
        CompiledFunction fused = new CpuFunctionCompiler().compile(spec, CompileOptions.fromFlags(Config.parse("")));
        CompiledFunction plain = new CpuFunctionCompiler().compile(spec, CompileOptions.fromFlags(Config.parse("optimizer=None")));
        System.out.println("thunks: fused " + fused.schedule().thunks().size() + ", unfused " + plain.schedule().thunks().size());

        float[][] data = new float[1000][1000];
        for (int i = 0; i < 1000; i++) {
            for (int j = 0; j < 1000; j++) {
                data[i][j] = (i - j) / 100f;
            }
        }
        NDArray input = NDArray.of(data);
        System.out.printf("logistic(x)[0][0..3] = %s%n", java.util.Arrays.toString(
                java.util.Arrays.copyOf(fused.call(input).toFloatMatrix()[1], 3)));
        System.out.printf("1000x1000 float32 logistic: fused %.2f ms, unfused %.2f ms (best of 20)%n",
                bestMillis(fused, input), bestMillis(plain, input));

        // the softmax graph (max, shift, exp, sum, divide) becomes one CPU node that reads each row once
        org.symtensor.function.Function soft = function(inputs(x), softmax(x));
        System.out.println("softmax optimized: " + soft.ppOptimized());
        // callInto: the result goes into an array you keep, so a steady loop allocates nothing large
        NDArray[] into = {NDArray.zeros(org.symtensor.type.DType.FLOAT32, 1000, 1000)};
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            soft.callInto(into, input);
            best = Math.min(best, (System.nanoTime() - t) / 1e6);
        }
        System.out.printf("1000x1000 float32 softmax into a kept array: %.2f ms (best of 20), row 0 sums to %.4f%n", best,
                rowSum(into[0], 1000));

        Matrix<F32> a = fmatrix("a");
        Matrix<F32> b = fmatrix("b");
        NDArray product = function(inputs(a, b), a.dot(b)).call(NDArray.of(new float[][] {{1, 2}, {3, 4}}),
                NDArray.of(new float[][] {{5, 6}, {7, 8}}));
        System.out.println("dot on " + (org.symtensor.runtime.cpu.Blas.available() ? "OpenBLAS" : "EJML") + ": " + product);
    }

    private static double rowSum(NDArray m, int n) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += m.getDouble(j);
        }
        return s;
    }

    private static double bestMillis(CompiledFunction f, NDArray input) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            f.call(input);
            best = Math.min(best, (System.nanoTime() - t) / 1e6);
        }
        return best;
    }
}
